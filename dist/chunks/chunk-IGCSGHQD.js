import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  displayName
} from "./chunk-LX3FKHLY.js";

// src/checks/chain.ts
import { X509Certificate } from "node:crypto";

// src/checks/hostname.ts
import { isIP } from "node:net";
function ipKey(text) {
  const v = isIP(text);
  if (v === 4)
    return text.split(".").map((o) => Number(o).toString(16).padStart(2, "0")).join("");
  if (v !== 6) return null;
  let s = text.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const b = v4[1].split(".").map(Number);
    s = s.slice(0, -v4[1].length) + `${(b[0] << 8 | b[1]).toString(16)}:${(b[2] << 8 | b[3]).toString(16)}`;
  }
  const [head, tail] = s.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === void 0 ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  return groups.map((g) => g.padStart(4, "0")).join("");
}
function labels(name) {
  return name.toLowerCase().replace(/\.$/, "").split(".");
}
function dnsNameMatches(pattern, host) {
  const p = labels(pattern);
  const h = labels(host);
  if (p.length !== h.length || p.includes("") || h.includes("")) return false;
  if (p.some((l) => /[^\x21-\x7e]/.test(l))) return false;
  for (let i = 1; i < p.length; i++) if (p[i] !== h[i]) return false;
  if (p[0] === "*") return p.length > 2 && !h[0].startsWith("xn--");
  return p[0] === h[0];
}
function describeNames(names) {
  return names.map((n) => /[\s,"]/.test(n.value) ? JSON.stringify(n.value) : n.value).join(", ");
}
function checkHostname(leaf, name) {
  const sans = leaf.subjectAltNames;
  if (!sans.length) {
    const unreadable = leaf.unreadableExtensions.includes("subjectAltName") ? " (its subjectAltName extension is malformed)" : "";
    return {
      name,
      ok: false,
      reason: `the certificate has no DNS or IP subjectAltName${unreadable} (it names CN=${leaf.subjectCN ?? "(none)"} only, which browsers and Go clients ignore), so it does not cover "${name}"`
    };
  }
  const covered = describeNames(sans);
  const want = ipKey(name);
  if (want !== null) {
    if (sans.some((n) => n.type === "iPAddress" && ipKey(n.value) === want)) return { name, ok: true };
    const asDns = sans.some((n) => n.type === "dNSName" && ipKey(n.value) === want);
    return {
      name,
      ok: false,
      reason: asDns ? `the certificate names ${name} only as a DNS name (dNSName), which does not cover an IP address; it needs an IP address subjectAltName (it covers ${covered})` : `the certificate covers ${covered}, not the address ${name}`
    };
  }
  if (sans.some((n) => n.type === "dNSName" && dnsNameMatches(n.value, name))) return { name, ok: true };
  const partial = sans.find((n) => n.type === "dNSName" && n.value.includes("*") && !/^\*\.[^*]+$/.test(n.value));
  const note = partial ? ` (partial wildcards such as ${partial.value} are not honoured by browsers)` : "";
  return { name, ok: false, reason: `the certificate covers ${covered}, not "${name}"${note}` };
}

// src/shared/openssl-verify-errors.ts
var ERRORS = [
  {
    code: 4,
    name: "UNABLE_TO_DECRYPT_CERT_SIGNATURE",
    text: "unable to decrypt certificate's signature",
    sentence: "a certificate signature could not be decoded with its issuer's key"
  },
  {
    code: 6,
    name: "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY",
    text: "unable to decode issuer public key",
    sentence: "an issuer's public key could not be read"
  },
  {
    code: 7,
    name: "CERT_SIGNATURE_FAILURE",
    text: "certificate signature failure",
    sentence: "a certificate signature does not verify with its issuer's key"
  },
  {
    code: 13,
    name: "ERROR_IN_CERT_NOT_BEFORE_FIELD",
    text: "format error in certificate's notBefore field",
    sentence: "a certificate's notBefore date is malformed"
  },
  {
    code: 14,
    name: "ERROR_IN_CERT_NOT_AFTER_FIELD",
    text: "format error in certificate's notAfter field",
    sentence: "a certificate's notAfter date is malformed"
  },
  {
    code: 22,
    name: "CERT_CHAIN_TOO_LONG",
    text: "certificate chain too long",
    sentence: "the chain is longer than the verifier allows"
  },
  {
    code: 24,
    name: "NO_ISSUER_PUBLIC_KEY",
    text: "issuer certificate doesn't have a public key",
    sentence: "an issuer certificate has no usable public key"
  },
  {
    code: 25,
    name: "PATH_LENGTH_EXCEEDED",
    text: "path length constraint exceeded",
    sentence: "a CA on the path allows fewer CAs below it (pathLenConstraint) than the chain has"
  },
  {
    code: 26,
    name: "INVALID_PURPOSE",
    text: "unsuitable certificate purpose",
    sentence: "a certificate's extended key usage does not allow TLS server authentication"
  },
  {
    code: 27,
    name: "CERT_UNTRUSTED",
    text: "certificate not trusted",
    sentence: "the root is not trusted for this purpose"
  },
  {
    code: 28,
    name: "CERT_REJECTED",
    text: "certificate rejected",
    sentence: "the root is marked as rejected for this purpose"
  },
  {
    code: 29,
    name: "SUBJECT_ISSUER_MISMATCH",
    text: "subject issuer mismatch",
    sentence: "a certificate's issuer name does not match its issuer's subject"
  },
  {
    code: 30,
    name: "AKID_SKID_MISMATCH",
    text: "authority and subject key identifier mismatch",
    sentence: "a certificate's authority key identifier does not match its issuer's subject key identifier"
  },
  {
    code: 31,
    name: "AKID_ISSUER_SERIAL_MISMATCH",
    text: "authority and issuer serial number mismatch",
    sentence: "a certificate's authority key identifier names another issuer serial"
  },
  {
    code: 32,
    name: "KEYUSAGE_NO_CERTSIGN",
    text: "key usage does not include certificate signing",
    sentence: "an issuing CA's keyUsage does not allow signing certificates (keyCertSign)"
  },
  {
    code: 34,
    name: "UNHANDLED_CRITICAL_EXTENSION",
    text: "unhandled critical extension",
    sentence: "a certificate has a critical extension the verifier does not understand, so it must be rejected"
  },
  {
    code: 37,
    name: "INVALID_NON_CA",
    text: "invalid non-CA certificate (has CA markings)",
    sentence: "a certificate that is not a CA carries CA markings (keyCertSign or pathLen)"
  },
  {
    code: 41,
    name: "INVALID_EXTENSION",
    text: "invalid or inconsistent certificate extension",
    sentence: "a certificate extension is invalid or contradicts another"
  },
  {
    code: 42,
    name: "INVALID_POLICY_EXTENSION",
    text: "invalid or inconsistent certificate policy extension",
    sentence: "a certificate policy extension is invalid"
  },
  {
    code: 43,
    name: "NO_EXPLICIT_POLICY",
    text: "no explicit policy",
    sentence: "a CA on the path requires an explicit certificate policy the leaf does not have"
  },
  {
    code: 47,
    name: "PERMITTED_VIOLATION",
    text: "permitted subtree violation",
    sentence: "a name in the certificate lies outside the names its issuing CA may certify (name constraints, permitted subtrees)"
  },
  {
    code: 48,
    name: "EXCLUDED_VIOLATION",
    text: "excluded subtree violation",
    sentence: "a name in the certificate is one its issuing CA is forbidden to certify (name constraints, excluded subtrees)"
  },
  {
    code: 49,
    name: "SUBTREE_MINMAX",
    text: "name constraints minimum and maximum not supported",
    sentence: "a CA's name constraints use minimum/maximum, which verifiers do not support"
  },
  {
    code: 51,
    name: "UNSUPPORTED_CONSTRAINT_TYPE",
    text: "unsupported name constraint type",
    sentence: "a CA's name constraints use a name type the verifier does not support"
  },
  {
    code: 52,
    name: "UNSUPPORTED_CONSTRAINT_SYNTAX",
    text: "unsupported or invalid name constraint syntax",
    sentence: "a CA's name constraints are malformed"
  },
  {
    code: 53,
    name: "UNSUPPORTED_NAME_SYNTAX",
    text: "unsupported or invalid name syntax",
    sentence: "a name in the certificate cannot be checked against its CA's name constraints"
  },
  {
    code: 66,
    name: "EE_KEY_TOO_SMALL",
    text: "EE certificate key too weak",
    sentence: "the leaf certificate's key is below the verifier's security level"
  },
  {
    code: 67,
    name: "CA_KEY_TOO_SMALL",
    text: "CA certificate key too weak",
    sentence: "a CA certificate's key is below the verifier's security level"
  },
  {
    code: 68,
    name: "CA_MD_TOO_WEAK",
    text: "CA signature digest algorithm too weak",
    sentence: "a certificate is signed with a digest (e.g. SHA-1, MD5) below the verifier's security level"
  },
  {
    code: 71,
    name: "NO_VALID_SCTS",
    text: "Certificate Transparency required, but no valid SCTs found",
    sentence: "Certificate Transparency is required but the certificate has no valid SCTs"
  },
  {
    code: 76,
    name: "UNSUPPORTED_SIGNATURE_ALGORITHM",
    text: "unsupported signature algorithm",
    sentence: "a certificate is signed with an algorithm the verifier does not support"
  },
  {
    code: 77,
    name: "SIGNATURE_ALGORITHM_MISMATCH",
    text: "subject signature algorithm and issuer public key algorithm mismatch",
    sentence: "a certificate's signature algorithm does not fit its issuer's key type"
  },
  {
    code: 78,
    name: "SIGNATURE_ALGORITHM_INCONSISTENCY",
    text: "cert info signature and signature algorithm mismatch",
    sentence: "a certificate names two different signature algorithms"
  },
  {
    code: 79,
    name: "INVALID_CA",
    text: "invalid CA certificate",
    sentence: "a certificate used as a CA is not a valid CA (no basicConstraints CA:TRUE, or keyUsage without keyCertSign)"
  },
  {
    code: 89,
    name: "CA_BCONS_NOT_CRITICAL",
    text: "Basic Constraints of CA cert not marked critical",
    sentence: "a CA certificate's basicConstraints is not marked critical"
  },
  {
    code: 92,
    name: "CA_CERT_MISSING_KEY_USAGE",
    text: "CA cert does not include key usage extension",
    sentence: "a CA certificate has no keyUsage extension"
  },
  {
    code: 93,
    name: "EXTENSIONS_REQUIRE_VERSION_3",
    text: "Using cert extension requires at least X509v3",
    sentence: "a certificate has extensions but is not version 3"
  },
  {
    code: 94,
    name: "EC_KEY_EXPLICIT_PARAMS",
    text: "Certificate public key has explicit ECC parameters",
    sentence: "a certificate's EC key uses explicit curve parameters instead of a named curve"
  }
];
var byText = new Map(ERRORS.map((e) => [e.text.toLowerCase(), e]));
var byName = new Map(ERRORS.map((e) => [e.name, e]));
function verifyErrorName(nodeCode, opensslText) {
  if (nodeCode !== "UNSPECIFIED" || !opensslText) return nodeCode;
  return byText.get(opensslText.trim().toLowerCase())?.name ?? `UNSPECIFIED (${opensslText.trim()})`;
}
function describeVerifyError(name) {
  const e = byName.get(name);
  return e ? `${e.name} (OpenSSL error ${e.code}): ${e.sentence}` : name;
}

// src/checks/chain.ts
var MAX_PATH_DEPTH = 8;
var CODES_WE_JUDGE = /* @__PURE__ */ new Set([
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "ERR_TLS_CERT_ALTNAME_INVALID"
  // Node's hostname check: ours is judgeChain's hostname verdict
]);
var MAX_VERIFY_CACHE_ENTRIES = 5e4;
var x509Of = /* @__PURE__ */ new WeakMap();
var verified = /* @__PURE__ */ new Map();
function nodeCert(c) {
  let x = x509Of.get(c);
  if (!x) {
    x = new X509Certificate(c.der);
    x509Of.set(c, x);
  }
  return x;
}
function rememberX509(c, x) {
  if (!x509Of.has(c)) x509Of.set(c, x);
}
function forgetX509(c) {
  x509Of.delete(c);
}
function isIssuedBy(cert, issuer) {
  if (cert.issuer !== issuer.subject) return false;
  const key = cert.fingerprint + "|" + issuer.fingerprint;
  let ok = verified.get(key);
  if (ok === void 0) {
    try {
      ok = nodeCert(cert).verify(nodeCert(issuer).publicKey);
    } catch {
      ok = false;
    }
    if (verified.size >= MAX_VERIFY_CACHE_ENTRIES) verified.clear();
    verified.set(key, ok);
  }
  return ok;
}
var TrustAnchors = class {
  bySubject = /* @__PURE__ */ new Map();
  fingerprints = /* @__PURE__ */ new Set();
  constructor(anchors) {
    for (const a of anchors) {
      if (this.fingerprints.has(a.fingerprint)) continue;
      this.fingerprints.add(a.fingerprint);
      const list = this.bySubject.get(a.subject) ?? [];
      list.push(a);
      this.bySubject.set(a.subject, list);
    }
  }
  /** The anchor that signed `cert`, if any. */
  issuerOf(cert, now) {
    const candidates = (this.bySubject.get(cert.issuer) ?? []).filter((a) => isIssuedBy(cert, a));
    return candidates.find((a) => validAt(a, now)) ?? candidates[0];
  }
  has(cert) {
    return this.fingerprints.has(cert.fingerprint);
  }
};
function validAt(c, now) {
  return c.notBefore.getTime() <= now.getTime() && now.getTime() <= c.notAfter.getTime();
}
function day(d) {
  return d.toISOString().slice(0, 10);
}
function buildPath(served, anchors, now) {
  let best = { path: [0] };
  const visit = (path) => {
    const cur = served[path[path.length - 1]];
    if (anchors.has(cur)) return { path, anchor: cur };
    const anchor = cur.selfSigned ? void 0 : anchors.issuerOf(cur, now);
    if (anchor) return { path, anchor };
    if (path.length > best.path.length) best = { path };
    if (path.length >= MAX_PATH_DEPTH) return void 0;
    const next = served.map((c, i) => ({ c, i })).filter(
      ({ c, i }) => c && !path.includes(i) && c.subject === cur.issuer && !(cur.selfIssued && c.fingerprint === cur.fingerprint) && isIssuedBy(cur, c)
    ).sort((a, b) => Number(validAt(b.c, now)) - Number(validAt(a.c, now)));
    for (const { i } of next) {
      const found = visit([...path, i]);
      if (found) return found;
    }
    return void 0;
  };
  return visit([0]) ?? best;
}
function untrustedReason(served, walk) {
  const leaf = served[0];
  const top = served[walk.path[walk.path.length - 1]];
  if (walk.path.length === 1 && leaf.selfSigned) {
    return {
      problem: "self-signed",
      reason: `the certificate "${displayName(leaf)}" is self-signed and not a trusted root (add it with ca-file if that is intended)`
    };
  }
  if (top.selfSigned) {
    return {
      problem: "untrusted-root",
      reason: `the chain ends at root "${displayName(top)}", which is not trusted (add it with ca-file if it is your private CA)`
    };
  }
  const aia = top.caIssuersUrls[0];
  const aiaNote = aia ? `; clients that fetch missing issuers via AIA (${aia}) may cope, most others fail` : "; the certificate names no AIA issuer URL to fetch it from";
  if (walk.path.length === 1) {
    return {
      problem: "missing-intermediate",
      reason: `the server did not send the intermediate certificate: issuer "${top.issuer}" of "${displayName(leaf)}" is neither in the chain nor a trusted root${aiaNote}`
    };
  }
  if (aia) {
    return {
      problem: "missing-intermediate",
      reason: `the chain stops at "${displayName(top)}", whose issuer "${top.issuer}" was not sent and is not trusted${aiaNote}`
    };
  }
  return {
    problem: "unknown-issuer",
    reason: `unknown issuer: the chain stops at "${displayName(top)}", issued by "${top.issuer}", which is not a trusted root (add it with ca-file if it is your private CA)`
  };
}
function judgeChain(served, opts) {
  const leaf = served[0];
  if (!leaf) {
    return {
      trusted: false,
      problem: "rejected",
      reason: "the leaf certificate does not parse",
      path: [0],
      offPath: served.map(() => false),
      hostname: { name: opts.name, ok: false, reason: "the leaf certificate does not parse" }
    };
  }
  const walk = buildPath(served, opts.anchors, opts.now);
  const onPath = new Set(walk.path);
  const offPath = served.map((_, i) => !onPath.has(i));
  const hostname = checkHostname(leaf, opts.name);
  const base = { path: walk.path, anchor: walk.anchor, offPath, hostname };
  if (!walk.anchor) {
    if (opts.authorized) return { trusted: true, ...base };
    return { trusted: false, ...untrustedReason(served, walk), ...base };
  }
  const cas = [
    ...walk.path.slice(1).map((i) => served[i]),
    ...onPath.has(served.indexOf(walk.anchor)) ? [] : [walk.anchor]
  ];
  for (const ca of cas) {
    if (validAt(ca, opts.now)) continue;
    const expired = ca.notAfter.getTime() < opts.now.getTime();
    const role = opts.anchors.has(ca) ? "trusted root" : "intermediate";
    return {
      trusted: false,
      problem: "expired-intermediate",
      reason: expired ? `${role} "${displayName(ca)}" on the path expired on ${day(ca.notAfter)}` : `${role} "${displayName(ca)}" on the path is not valid until ${day(ca.notBefore)}`,
      ...base
    };
  }
  const code = opts.authorizationError;
  if (code && !CODES_WE_JUDGE.has(code)) {
    return {
      trusted: false,
      problem: "rejected",
      reason: `OpenSSL rejected the chain: ${describeVerifyError(code)}`,
      ...base
    };
  }
  return { trusted: true, ...base };
}

export {
  verifyErrorName,
  rememberX509,
  forgetX509,
  TrustAnchors,
  judgeChain
};
