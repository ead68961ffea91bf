import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  displayName
} from "./chunk-753U3B2Y.js";

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
function checkHostname(leaf, name) {
  const sans = leaf.subjectAltNames;
  if (!sans.length) {
    return {
      name,
      ok: false,
      cause: {
        reason: "no-subject-alt-name",
        name,
        ...leaf.subjectCN !== void 0 ? { subjectCN: leaf.subjectCN } : {},
        sanMalformed: leaf.unreadableExtensions.includes("subjectAltName")
      }
    };
  }
  const covers = sans.map((n) => n.value);
  const want = ipKey(name);
  if (want !== null) {
    if (sans.some((n) => n.type === "iPAddress" && ipKey(n.value) === want)) return { name, ok: true };
    const asDns = sans.some((n) => n.type === "dNSName" && ipKey(n.value) === want);
    return { name, ok: false, cause: { reason: asDns ? "address-as-dns-name" : "address-not-covered", name, covers } };
  }
  if (sans.some((n) => n.type === "dNSName" && dnsNameMatches(n.value, name))) return { name, ok: true };
  const partial = sans.find((n) => n.type === "dNSName" && n.value.includes("*") && !/^\*\.[^*]+$/.test(n.value));
  return {
    name,
    ok: false,
    cause: { reason: "name-not-covered", name, covers, ...partial ? { partialWildcard: partial.value } : {} }
  };
}

// src/checks/chain.ts
function chainProblem(c) {
  switch (c.reason) {
    case "self-signed":
    case "untrusted-root":
    case "unknown-issuer":
      return c.reason;
    case "intermediate-not-sent":
    case "issuer-not-sent":
      return "missing-intermediate";
    case "ca-expired":
    case "ca-not-yet-valid":
      return "expired-intermediate";
    case "leaf-unparseable":
    case "openssl-rejected":
      return "rejected";
  }
}
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
function untrustedCause(served, walk) {
  const leaf = served[0];
  const top = served[walk.path[walk.path.length - 1]];
  if (walk.path.length === 1 && leaf.selfSigned) return { reason: "self-signed", leaf: displayName(leaf) };
  if (top.selfSigned) return { reason: "untrusted-root", root: displayName(top) };
  const aia = top.caIssuersUrls[0];
  if (walk.path.length === 1)
    return { reason: "intermediate-not-sent", leaf: displayName(leaf), issuer: top.issuer, ...aia ? { aia } : {} };
  if (aia) return { reason: "issuer-not-sent", top: displayName(top), issuer: top.issuer, aia };
  return { reason: "unknown-issuer", top: displayName(top), issuer: top.issuer };
}
function untrusted(cause) {
  return { trusted: false, problem: chainProblem(cause), cause };
}
function judgeChain(served, opts) {
  const leaf = served[0];
  if (!leaf) {
    return {
      ...untrusted({ reason: "leaf-unparseable" }),
      path: [0],
      offPath: served.map(() => false),
      hostname: { name: opts.name, ok: false, cause: { reason: "leaf-unparseable", name: opts.name } }
    };
  }
  const walk = buildPath(served, opts.anchors, opts.now);
  const onPath = new Set(walk.path);
  const offPath = served.map((_, i) => !onPath.has(i));
  const hostname = checkHostname(leaf, opts.name);
  const base = { path: walk.path, anchor: walk.anchor, offPath, hostname };
  if (!walk.anchor) {
    if (opts.authorized) return { trusted: true, ...base };
    return { ...untrusted(untrustedCause(served, walk)), ...base };
  }
  const cas = [
    ...walk.path.slice(1).map((i) => served[i]),
    ...onPath.has(served.indexOf(walk.anchor)) ? [] : [walk.anchor]
  ];
  for (const ca of cas) {
    if (validAt(ca, opts.now)) continue;
    const role = opts.anchors.has(ca) ? "trusted root" : "intermediate";
    const certificate = displayName(ca);
    const cause = ca.notAfter.getTime() < opts.now.getTime() ? { reason: "ca-expired", role, certificate, notAfter: ca.notAfter.toISOString() } : { reason: "ca-not-yet-valid", role, certificate, notBefore: ca.notBefore.toISOString() };
    return { ...untrusted(cause), ...base };
  }
  const code = opts.authorizationError;
  if (code && !CODES_WE_JUDGE.has(code)) {
    return { ...untrusted({ reason: "openssl-rejected", code }), ...base };
  }
  return { trusted: true, ...base };
}

export {
  rememberX509,
  forgetX509,
  TrustAnchors,
  judgeChain
};
