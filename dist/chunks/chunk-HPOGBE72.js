import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  require_picomatch
} from "./chunk-BSO42MW5.js";
import {
  formatDuration
} from "./chunk-ZIJ54FUI.js";
import {
  describeVerifyError
} from "./chunk-TNHBLPBT.js";
import {
  __toESM
} from "./chunk-DDCI7ZLU.js";

// src/report/text/certificate-name.ts
function roleLabel(role) {
  return role === "leaf" ? "leaf" : role === "root" ? "root CA" : "intermediate CA";
}
function roleWording(role) {
  if (role === "root") return "root certificate";
  if (role === "intermediate") return "intermediate CA certificate";
  return "certificate";
}

// src/checks/readable-time.ts
function readableTime(d) {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

// src/findings/path-rules.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var TEST_PATH = /(^|\/)(test|tests|testdata|fixtures|__tests__|spec)\/|(^|\/)[^/]*_test\.[^/]+$/;
var TEST_PATH_WORDS = "test/, tests/, testdata/, fixtures/, __tests__/, spec/, *_test.*";
var TEST_PATH_MARK = "under a test path (discovery)";
function isTestPath(rel) {
  return TEST_PATH.test(rel);
}
var matcher = (glob) => (0, import_picomatch.default)(glob, { dot: true });
function fileExcluder(rules, discovery) {
  const global = (rules?.exclude ?? []).map((r) => ({ test: matcher(r.pattern), origin: r.origin }));
  const perTarget = /* @__PURE__ */ new Map();
  return (rel, target) => {
    if (target.exclude?.length) {
      let own = perTarget.get(target);
      if (!own)
        perTarget.set(
          target,
          own = target.exclude.map((g) => ({
            test: matcher(g),
            origin: `exclude: "${g}" of files "${target.pattern}"`
          }))
        );
      const hit2 = own.find((r) => r.test(rel));
      if (hit2) return hit2.origin;
    }
    const hit = global.find((r) => r.test(rel));
    if (hit) return hit.origin;
    if (discovery && target.discovered && isTestPath(rel)) return TEST_PATH_MARK;
    return void 0;
  };
}
function applyPathRules(certs, problems, rules, now) {
  const ignores = (rules?.ignore ?? []).map((r) => ({
    rule: r,
    test: matcher(r.path),
    expired: !!r.until && now > r.until
  }));
  const ruleFor = (l) => l.type === "file" ? ignores.find((i) => i.test(l.path)) : void 0;
  const out = [];
  const expiredUsed = /* @__PURE__ */ new Set();
  let testCerts = 0;
  for (const oc of certs) {
    const active = oc.findings.filter((f) => !f.ignored);
    let reason;
    let until;
    let allTest = true;
    let judged = false;
    for (const l of oc.locations) {
      if (l.type === "file" && l.excluded) {
        if (l.excluded !== TEST_PATH_MARK) allTest = false;
        reason ??= l.excluded === TEST_PATH_MARK ? `${TEST_PATH_MARK}; list it under \`files:\` to judge it` : `excluded by ${l.excluded}`;
        continue;
      }
      allTest = false;
      const hit = ruleFor(l);
      if (hit && !hit.expired) {
        if (l.type === "file") l.excluded = `ignore: path "${hit.rule.path}"`;
        reason ??= hit.rule.reason ?? `ignored by path "${hit.rule.path}"`;
        until ??= hit.rule.until?.toISOString().slice(0, 10);
        continue;
      }
      if (hit?.expired) expiredUsed.add(hit.rule);
      judged = true;
    }
    if (judged || !oc.locations.length) continue;
    if (allTest) testCerts++;
    for (const f of active) f.ignored = { reason, ...until ? { until } : {} };
  }
  for (const f of problems) {
    const l = f.location;
    if (f.ignored || !l || l.type !== "file") continue;
    if (l.excluded) {
      f.ignored = { reason: l.excluded === TEST_PATH_MARK ? TEST_PATH_MARK : `excluded by ${l.excluded}` };
      continue;
    }
    const hit = ruleFor(l);
    if (hit && !hit.expired)
      f.ignored = {
        reason: hit.rule.reason ?? `ignored by path "${hit.rule.path}"`,
        ...hit.rule.until ? { until: hit.rule.until.toISOString().slice(0, 10) } : {}
      };
    else if (hit?.expired && f.severity !== "notice") expiredUsed.add(hit.rule);
  }
  if (testCerts) {
    out.push({
      id: "test-paths",
      severity: "notice",
      detail: { kind: "test-paths", certificates: testCerts }
    });
  }
  for (const r of expiredUsed) {
    out.push({
      id: "ignore-expired",
      severity: "notice",
      detail: {
        kind: "path-ignore-expired",
        path: r.path,
        rule: { ...r.source ?? {}, ...r.reason ? { reason: r.reason } : {} },
        until: r.until.toISOString().slice(0, 10)
      },
      ...r.source ? { location: { type: "file", path: r.source.file, line: r.source.line } } : {}
    });
  }
  return out;
}

// src/report/text/address-refusal.ts
var RANGE_WORDS = {
  "this-network": '"this network"',
  private: "private (RFC 1918)",
  "carrier-grade-nat": "carrier-grade NAT (RFC 6598)",
  loopback: "loopback",
  "ipv4-link-local": "link-local (cloud metadata lives here)",
  "link-local": "link-local",
  "ietf-protocol": "IETF protocol assignments",
  documentation: "documentation",
  "6to4-relay": "6to4 relay",
  benchmarking: "benchmarking",
  multicast: "multicast",
  reserved: "reserved",
  unspecified: "unspecified",
  discard: "discard",
  orchid: "ORCHID",
  "unique-local": "unique-local",
  "site-local": "site-local",
  "not-an-ip": "not an IP address"
};
function addressRefusal(r) {
  const what = r.reason === "not-public" ? `${r.host === r.address ? r.address : `${r.host} resolves to ${r.address}`}, a ${RANGE_WORDS[r.range]} address` : `${r.host} could not be resolved to check that it is public (${r.code})`;
  return `not contacted: ${what}, ${policyRule(r.policy)}`;
}
function policyRule(p) {
  return p.rule === "refuse" ? 'as network.private-addresses is "refuse"' : `on ${untrustedEvent(p.event)} (only public addresses are contacted there)`;
}
function untrustedEvent(e) {
  if (!e) return "this event";
  return e.kind === "fork-pull-request" ? `a pull request from the fork ${e.fork}` : "a pull request whose head repository is unknown (a deleted fork?)";
}
function publicOnlyNotice(p) {
  const why = p.rule === "refuse" ? policyRule(p) : `on ${untrustedEvent(p.event)}`;
  return `network: only public addresses are contacted ${why}`;
}

// src/report/text/fetch-failure.ts
var NETWORK_WORDS = {
  ECONNREFUSED: "connection refused, nothing listening on that port",
  ECONNRESET: "connection reset by the server",
  ENOTFOUND: "host not found (DNS)",
  EAI_AGAIN: "host name lookup failed temporarily (DNS)",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable"
};
function fetchFailure(f) {
  const text = `${f.action} ${f.url}: ${fetchProblem(f)}`;
  return f.afterGet ? `${text} (after ${ocspGetProblem(f.afterGet)})` : text;
}
function fetchProblem(p) {
  switch (p.reason) {
    case "not-fetchable":
      return urlRefusal(p.refusal);
    case "redirect-scheme":
      return `redirected to ${p.scheme}:// (only http and https are followed)`;
    case "not-started":
      return "not started, the run's deadline has passed";
    case "deadline-passed":
      return `stopped, the run's deadline passed after ${p.bytes} bytes`;
    case "http-status":
      return `HTTP ${p.status}`;
    case "declared-too-large":
      return `response of ${p.bytes} bytes exceeds the ${p.maxBytes}-byte limit`;
    case "too-large":
      return `response exceeds the ${p.maxBytes}-byte limit (aborted after ${p.bytes} bytes)`;
    case "budget-used-up":
      return `the run's download budget of ${Math.round(p.maxTotalBytes / 1024 / 1024)} MB (network.max-download-mb) is used up`;
    case "timeout":
      return `timed out (no complete answer within ${p.limitMs} ms)`;
    case "headers-timeout":
      return "timed out waiting for the response headers";
    case "body-timeout":
      return "timed out while reading the response body";
    case "connect-timeout":
      return "timed out connecting";
    case "network":
      return p.code && NETWORK_WORDS[p.code] ? `${NETWORK_WORDS[p.code]} (${p.code})` : p.detail;
    case "write-failed":
      return `cannot write ${p.file} (${p.detail})`;
    case "refused":
      return `${p.redirectedTo ? `redirected to ${p.redirectedTo}: ` : ""}${addressRefusal(p.refusal)}`;
  }
}
function urlRefusal(r) {
  return r.reason === "invalid-url" ? `"${r.url}" is not a valid URL` : `${r.scheme}:// URLs are not fetched (only http and https)`;
}
function ocspGetProblem(g) {
  return g.reason === "not-successful" ? "GET did not return a successful OCSP response" : fetchFailure(g.failure);
}

// src/report/text/revocation-cause.ts
function revocationProblems(ps) {
  return ps.map(revocationProblem).join("; ");
}
function revocationProblem(p) {
  const why = revocationCause(p.cause);
  switch (p.source) {
    case "stapled":
      return `stapled OCSP response: ${why}`;
    case "ocsp":
      return p.cause.reason === "fetch" || !p.url ? why : `OCSP ${p.url}: ${why}`;
    default:
      return why;
  }
}
function revocationCause(c) {
  switch (c.reason) {
    case "fetch":
      return fetchFailure(c.failure);
    case "error":
      return c.text;
    case "check-failed":
      return `revocation check failed: ${c.text}`;
    case "crl":
      if (c.defect.reason === "only-some-reasons") return `CRL ${c.url} covers only some revocation reasons`;
      return `CRL ${c.url}: ${crlDefect(c.defect, c.delta ? "delta CRL" : "CRL", c.url)}`;
    case "crl-pem-without-crl":
      return `CRL ${c.url} is PEM without an X509 CRL block`;
    case "crl-unreadable":
      return `CRL ${c.url} is unreadable: ${c.detail}`;
    case "delta-mismatch":
      return `delta CRL ${c.deltaUrl} needs base CRL number ${c.needsBase}, have ${c.have}`;
    case "delta-not-newer":
      return `delta CRL ${c.deltaUrl} (number ${c.deltaNumber}) is not newer than the complete CRL (number ${c.baseNumber})`;
    case "no-base-crl-number":
      return "the complete CRL has no CRL number to match the delta against";
    case "ocsp":
      return ocspDefect(c.defect);
    case "issuer-not-found":
      return `issuer ${c.issuer} not found (not in the chain or bundle, not among the certificates seen; ${c.attempts.map(aiaAttempt).join("; ")})`;
    case "no-fetchable-url":
      return `no http(s) OCSP or CRL URL (${c.skipped.map(urlRefusal).join("; ")})`;
  }
}
function crlDefect(d, kind, url) {
  switch (d.reason) {
    case "critical-extensions":
      return `${kind} has critical extensions certwatch cannot process (${d.names.join(", ")})`;
    case "critical-entry-extensions":
      return `${kind} has entries with critical extensions certwatch cannot process (${d.names.join(", ")}), so it cannot decide any certificate's status`;
    case "unusable":
      return `${kind} cannot be used: ${d.problems.join("; ")}`;
    case "not-a-delta":
      return `${url} named as a delta CRL is not one (no DeltaCRLIndicator)`;
    case "is-a-delta":
      return `${url} is a delta CRL, not a complete one`;
    case "wrong-issuer":
      return `${kind} issuer name is not ${d.issuer}`;
    case "issuer-key-usage-malformed":
      return `${kind} issuer ${d.issuer} has a malformed keyUsage extension, so it cannot be shown to be allowed to sign CRLs`;
    case "issuer-not-crl-signer":
      return `${kind} issuer ${d.issuer} is not allowed to sign CRLs (its keyUsage is ${d.keyUsage.join(", ") || "empty"}, without cRLSign)`;
    case "signature":
      return `${kind} is not signed by ${d.issuer}: ${signatureDefect(d.signature)}`;
    case "not-yet-valid":
      return `${kind} is not yet valid: thisUpdate ${d.thisUpdate}`;
    case "stale":
      return `${kind} is stale: nextUpdate ${d.nextUpdate}`;
    case "stale-without-next-update":
      return `${kind} is stale: it has no nextUpdate and was issued ${d.ageDays} days ago (thisUpdate ${d.thisUpdate}); without nextUpdate a CRL counts for ${d.maxDays} days`;
    case "wrong-shard":
      return `wrong CRL shard: ${url} served the CRL for ${d.shardOf.join(", ")}`;
    case "indirect":
      return `${kind} is an indirect CRL, which certwatch does not support`;
    case "only-user-certs":
      return "the CRL covers only end-entity certificates, and this is a CA certificate";
    case "only-ca-certs":
      return "the CRL covers only CA certificates, and this is an end-entity certificate";
    case "only-attribute-certs":
      return "the CRL covers only attribute certificates";
    case "only-some-reasons":
      return "the CRL covers only some revocation reasons";
  }
}
function signatureDefect(s) {
  switch (s.reason) {
    case "key-unloadable":
      return "the signer's public key cannot be loaded";
    case "pss-parameters":
      return "unsupported RSASSA-PSS parameters";
    case "unsupported-algorithm":
      return `unsupported signature algorithm ${s.oid}`;
    case "mismatch":
      return "the signature does not verify";
    case "refused":
      return `the signature does not verify (${s.detail})`;
  }
}
function ocspDefect(d) {
  switch (d.reason) {
    case "not-ocsp":
      return d.looksLike ? `the responder returned ${d.looksLike}, not an OCSP response` : `the responder returned ${d.bytes} bytes that are not an OCSP response`;
    case "responder-status":
      return `responder said ${d.status}`;
    case "not-basic":
      return "the response is not a basic OCSP response";
    case "unused-signature-bits":
      return "the response signature has unused bits";
    case "malformed":
      return `the basic OCSP response is malformed (${d.detail})`;
    case "signer-rejected":
      return `the response's signature is not acceptable: ${d.why.map(signerProblem).join("; ")}`;
    case "not-signed-by-issuer":
      return `the response is not signed by ${d.issuer} or a responder it delegated to`;
    case "other-certificate":
      return `the response is not about this certificate (it answers for serial ${d.serialsSeen.join(", ") || "none"} with issuer hashes that ${d.serialsSeen.length ? "do not all match" : "are absent"}; wanted serial ${d.wanted})`;
    case "not-yet-valid":
      return `the response is not yet valid: thisUpdate ${d.thisUpdate}`;
    case "stale":
      return `the response is stale: nextUpdate ${d.nextUpdate}`;
    case "stale-without-next-update":
      return `the response is stale: no nextUpdate and thisUpdate ${d.thisUpdate} is over 4 days old`;
    case "status-unknown":
      return "the responder does not know this certificate (status unknown)";
  }
}
function signerProblem(p) {
  switch (p.reason) {
    case "not-issued-by-issuer":
      return `it is signed by ${p.responder}, which ${p.issuer} did not issue`;
    case "not-ocsp-signer":
      return `it is signed by ${p.responder}, which lacks id-kp-OCSPSigning`;
    case "outside-validity":
      return `its responder certificate ${p.responder} is outside its validity (${p.notBefore} \u2013 ${p.notAfter})`;
  }
}
function aiaAttempt(a) {
  switch (a.reason) {
    case "skipped":
      return `AIA issuer URL skipped: ${urlRefusal(a.refusal)}`;
    case "wrong-certificates":
      return `AIA issuer URL ${a.url} returned ${a.subjects.join("; ")}, which did not sign this certificate`;
    case "no-certificate":
      return `AIA issuer URL ${a.url} returned no readable certificate`;
    case "fetch":
      return fetchFailure(a.failure);
    case "error":
      return a.text;
    case "no-url":
      return "no AIA caIssuers URL to fetch it from";
  }
}

// src/report/text/chain-cause.ts
var day = (iso) => iso.slice(0, 10);
function chainCause(c) {
  switch (c.reason) {
    case "self-signed":
      return `the certificate "${c.leaf}" is self-signed and not a trusted root (add it with ca-file if that is intended)`;
    case "untrusted-root":
      return `the chain ends at root "${c.root}", which is not trusted (add it with ca-file if it is your private CA)`;
    case "intermediate-not-sent":
      return `the server did not send the intermediate certificate: issuer "${c.issuer}" of "${c.leaf}" is neither in the chain nor a trusted root${aiaNote(c.aia)}`;
    case "issuer-not-sent":
      return `the chain stops at "${c.top}", whose issuer "${c.issuer}" was not sent and is not trusted${aiaNote(c.aia)}`;
    case "unknown-issuer":
      return `unknown issuer: the chain stops at "${c.top}", issued by "${c.issuer}", which is not a trusted root (add it with ca-file if it is your private CA)`;
    case "ca-expired":
      return `${c.role} "${c.certificate}" on the path expired on ${day(c.notAfter)}`;
    case "ca-not-yet-valid":
      return `${c.role} "${c.certificate}" on the path is not valid until ${day(c.notBefore)}`;
    case "leaf-unparseable":
      return "the leaf certificate does not parse";
    case "openssl-rejected":
      return `OpenSSL rejected the chain: ${describeVerifyError(c.code)}`;
  }
}
function aiaNote(aia) {
  return aia ? `; clients that fetch missing issuers via AIA (${aia}) may cope, most others fail` : "; the certificate names no AIA issuer URL to fetch it from";
}
function hostnameCause(c) {
  switch (c.reason) {
    case "no-subject-alt-name": {
      const malformed = c.sanMalformed ? " (its subjectAltName extension is malformed)" : "";
      return `the certificate has no DNS or IP subjectAltName${malformed} (it names CN=${c.subjectCN ?? "(none)"} only, which browsers and Go clients ignore), so it does not cover "${c.name}"`;
    }
    case "address-as-dns-name":
      return `the certificate names ${c.name} only as a DNS name (dNSName), which does not cover an IP address; it needs an IP address subjectAltName (it covers ${namesCovered(c.covers)})`;
    case "address-not-covered":
      return `the certificate covers ${namesCovered(c.covers)}, not the address ${c.name}`;
    case "name-not-covered": {
      const note = c.partialWildcard ? ` (partial wildcards such as ${c.partialWildcard} are not honoured by browsers)` : "";
      return `the certificate covers ${namesCovered(c.covers)}, not "${c.name}"${note}`;
    }
    case "leaf-unparseable":
      return "the leaf certificate does not parse";
  }
}
function namesCovered(names) {
  return names.map((n) => /[\s,"]/.test(n) ? JSON.stringify(n) : n).join(", ");
}

// src/report/report-shard.ts
var WHOLE_RUN = { index: 1, count: 1 };
function shardText(s) {
  return `${s.index}/${s.count}`;
}
function reportShard(r) {
  const m = /^(\d+)\/(\d+)$/.exec(typeof r.run?.shard === "string" ? r.run.shard : "");
  return m ? { index: Number(m[1]), count: Number(m[2]) } : null;
}
function partialShard(r) {
  const s = reportShard(r);
  return s && s.count > 1 ? s : null;
}

// src/report/text/ari-cause.ts
function ariCause(c) {
  switch (c.reason) {
    case "fetch":
      return fetchFailure(c.failure);
    case "directory-status":
      return `directory ${c.directory} returned ${c.status}`;
    case "directory-not-json":
      return `directory ${c.directory} is not JSON`;
    case "no-renewal-info":
      return `directory ${c.directory} offers no renewalInfo endpoint`;
    case "unknown-certificate":
      return `renewalInfo ${c.url} does not know this certificate (HTTP 404)`;
    case "renewal-info-status":
      return `renewalInfo ${c.url} returned ${c.status}`;
    case "malformed-json":
      return `renewalInfo ${c.url} returned malformed JSON`;
    case "no-window":
      return `renewalInfo ${c.url} returned no valid suggestedWindow start/end (RFC 3339 timestamps are required)`;
    case "window-reversed":
      return `renewalInfo ${c.url} returned a window that ends (${c.end}) before it starts (${c.start})`;
    case "error":
      return c.text;
  }
}

// src/report/text/serial-list-cause.ts
function serialListCause(c) {
  switch (c.reason) {
    case "read":
      return listReadProblem(c.problem);
    case "fetch":
      return `could not be read: ${fetchFailure(c.failure)}`;
    case "error":
      return c.text;
    case "stale-copy":
      return `the server did not answer (${fetchFailure(c.failure)}); used the copy fetched ${c.fetchedAt}`;
    case "bad-lines": {
      const more = c.count > c.lines.length ? `, \u2026 (${c.count.toLocaleString("en")} in all)` : "";
      if (c.lines.every((b) => b.problem.reason === "not-hex"))
        return `line ${c.lines.map((b) => b.line).join(", ")}${more} ${c.count === 1 ? "is" : "are"} not a hex serial number (skipped)`;
      return `${c.count.toLocaleString("en")} line${c.count === 1 ? "" : "s"} skipped: ${c.lines.map((b) => `line ${b.line} "${b.text}" ${serialLineProblem(b.problem)}`).join("; ")}${more}`;
    }
    case "stopped":
      return `reading stopped, the run's deadline passed after ${c.lines.toLocaleString("en")} lines; serials further down were not compared`;
  }
}
function listReadProblem(p) {
  switch (p.reason) {
    case "missing":
      return "does not exist";
    case "directory":
      return "is a directory, not a list";
    case "unreadable":
      return `cannot be read (${p.detail})`;
    case "not-gzip":
      return `is not a valid gzip file (${p.detail})`;
  }
}
function serialLineProblem(p) {
  switch (p.reason) {
    case "no-serial":
      return "has no serial before the first comma or tab";
    case "not-hex":
      return "is not a hex serial number";
    case "too-long":
      return `is not one serial number (a serial has at most 20 octets; this one has ${p.hexDigits} hex digits)`;
  }
}

// src/report/text/reader-problem.ts
function readerProblemSentence(problem, within = []) {
  return within.map(contextPrefix).join("") + readerProblem(problem);
}
function privateKeyLabel(k, within = []) {
  let label = privateKey(k);
  for (const c of [...within].reverse())
    label = c.in === "secret" ? `Secret ${c.secret} ${c.key} holds a ${label}` : `${label} under ${c.path}`;
  return label;
}
function privateKey(k) {
  switch (k.form) {
    case "pem":
      return k.label;
    case "der":
      return DER_KEY[k.type];
    case "keystore":
      return `${k.store} private key entry "${k.alias}"`;
    case "pkcs12":
      return "PKCS#12 private key (no password)";
    case "secret":
      return `Secret ${k.secret} ${k.key}`;
  }
}
var DER_KEY = {
  pkcs8: "PKCS#8 private key (DER)",
  "encrypted-pkcs8": "encrypted PKCS#8 private key (DER)",
  rsa: "RSA private key (DER)",
  ec: "EC private key (DER)"
};
function contextPrefix(c) {
  switch (c.in) {
    case "secret":
      return `Secret ${c.secret} ${c.key}: `;
    case "key":
      return `${c.path}: `;
    case "pem-block":
      return `${c.label} block: `;
  }
}
function readerProblem(p) {
  switch (p.reason) {
    case "pem-end-mismatch":
      return `BEGIN ${p.begin} closed by END ${p.end} on line ${p.endLine}`;
    case "pem-invalid-base64-line":
      return `invalid base64 on line ${p.line} of the PEM block`;
    case "pem-empty":
      return "empty PEM block";
    case "pem-damaged-base64":
      return "the base64 inside the PEM block is damaged (bad padding or length)";
    case "pem-no-end-before-begin":
      return `PEM block has no END line before the next BEGIN on line ${p.nextBegin}`;
    case "pem-truncated":
      return "truncated PEM: BEGIN without END";
    case "pem-no-end":
      return "BEGIN without END";
    case "pem-undecodable":
      return `${p.label} block does not decode (a placeholder or damaged base64)`;
    case "pem-trailing-bytes":
      return `${p.bytes} bytes after the certificate in the PEM block are ignored`;
    case "pem-not-certificate":
      return `PEM block labelled "${p.label}" is not a certificate; skipped`;
    case "empty-file":
      return "the file is empty";
    case "text-not-pem":
      return "no PEM block (-----BEGIN CERTIFICATE-----) found, and the file is text, not DER";
    case "not-pem-or-der":
      return "neither PEM nor DER: the file does not start with an ASN.1 SEQUENCE";
    case "der-object-unknown":
      return `DER object ${p.index} is neither a certificate nor a private key; skipped`;
    case "der-not-sequence":
      return "DER is damaged: the file does not start with an ASN.1 SEQUENCE";
    case "der-damaged":
      return `DER is damaged: ${p.message}`;
    case "der-trailing-bytes":
      return `DER: ${p.bytes} bytes after the last ASN.1 object are ignored`;
    case "pkcs7-no-certificates":
      return "PKCS#7 bundle holds no certificates";
    case "pkcs7-no-outer-sequence":
      return "not a PKCS#7 ContentInfo (no outer SEQUENCE)";
    case "pkcs7-no-content-type":
      return "not a PKCS#7 ContentInfo (no content type)";
    case "pkcs7-not-signed-data":
      return `PKCS#7 content type ${p.contentType} is not SignedData`;
    case "pkcs7-no-content":
      return "PKCS#7 SignedData has no content";
    case "pkcs7-signed-data-empty":
      return "PKCS#7 SignedData is empty";
    case "pkcs7-signed-data-not-sequence":
      return "PKCS#7 SignedData is not a SEQUENCE";
    case "pkcs7-ber-damaged":
      return `PKCS#7 does not parse: ${p.message}`;
    case "pkcs7-no-pem-block":
      return "no PEM block found in a .p7b/.p7c file";
    case "pkcs12-not-asn1":
      return `not a PKCS#12 file: ${p.message}`;
    case "pkcs12-password-missing":
      return "PKCS#12 file is password-protected and no password is configured: add `password-env: VAR` for it in the config";
    case "pkcs12-password-wrong":
      return `PKCS#12 password from $${p.passwordEnv ?? "?"} is wrong (the MAC does not verify)`;
    case "pkcs12-unparseable":
      return `PKCS#12 does not parse: ${p.message}`;
    case "pkcs12-no-certificates":
      return "PKCS#12 holds no certificates";
    case "keystore-version":
      return `${p.store} keystore version ${p.version} is not 1 or 2; not read`;
    case "keystore-entry-not-x509":
      return `${p.store} entry "${p.alias}" holds a ${p.type} certificate, not X.509; skipped`;
    case "keystore-secret-key":
      return `${p.store} entry "${p.alias}" is a secret key (a serialized Java object); ${p.unread} entries after it are not read`;
    case "keystore-unknown-tag":
      return `${p.store} entry ${p.entry} has unknown tag ${p.tag}; the rest of the keystore is not read`;
    case "keystore-truncated":
      return `${p.store} keystore is truncated or damaged after ${p.entries} of its entries`;
    case "keystore-no-digest":
      return `${p.store} keystore has no integrity digest`;
    case "keystore-digest-mismatch":
      return `${p.store} keystore integrity check failed: the password from $${p.passwordEnv ?? "?"} is wrong, or the file was altered`;
    case "bks-keystore":
      return "Bouncy Castle keystore (BKS): not readable by certwatch; convert it to PKCS#12 (keytool -importkeystore) to have it checked";
    case "yaml-unparseable":
      return `YAML does not parse: ${p.message}`;
    case "no-k8s-secret":
      return "no Kubernetes Secret (kind: Secret) in this YAML file";
    case "secret-not-base64":
      return `Secret ${p.secret} data.${p.key} is not valid base64`;
    case "secret-empty":
      return `Secret ${p.secret} ${p.section}.${p.key} is empty`;
    case "secret-no-certificate":
      return `Secret ${p.secret} ${p.key} holds no certificate`;
  }
}

// src/report/text/file-cause.ts
function fileCause(c) {
  switch (c.reason) {
    case "link-outside-workspace":
      return "a symbolic link to a file outside the workspace; not followed";
    case "directory":
      return "this is a directory, not a certificate file; narrow the glob to files";
    case "not-regular-file":
      return "not a regular file (a device, socket or pipe); not read";
    case "too-large":
      return `the file is ${(c.bytes / 1048576).toFixed(1)} MiB, over the ${c.limit / 1048576} MiB limit for a certificate file; not read`;
    case "grew-too-large":
      return `the file grew past the ${c.limit / 1048576} MiB limit while being read`;
    case "unreadable":
      return unreadable(c.code, c.message);
    case "password-env-unset":
      return `password variable $${c.env} is not set in the environment; pass it to the step (env: ${c.env}: \${{ secrets.${c.env} }})`;
    case "no-certificate":
      return "holds no certificate";
    case "certificate-unparseable":
    case "encoding-note":
      return c.text;
    case "parser":
      return readerProblemSentence(c.problem, c.within);
  }
}
function misnamedStore(store, ext) {
  return `${STORE_NAMES[store]}, named ${ext}`;
}
var STORE_NAMES = {
  jks: "JKS keystore",
  jceks: "JCEKS keystore",
  pkcs12: "PKCS#12 store",
  pkcs7: "PKCS#7 bundle"
};
function unreadable(code, message) {
  switch (code) {
    case "ELOOP":
      return "symbolic link loop; not read";
    case "EACCES":
    case "EPERM":
      return "permission denied; the file cannot be read by this job";
    case "ENOENT":
      return "dangling symbolic link or file removed during the run";
    case "EISDIR":
      return "this is a directory, not a certificate file";
    default:
      return `cannot be read (${code ?? message})`;
  }
}

// src/report/text/endpoint-label.ts
function endpointLabel(e) {
  const host = e.host.includes(":") ? `[${e.host}]` : e.host;
  const base = e.address && e.address !== e.host ? `${host}:${e.port} (${e.address})` : `${host}:${e.port}`;
  return e.servername && e.servername !== e.host ? `${e.servername} via ${base}` : base;
}

// src/report/text/probe-cause.ts
function probeFailure(f) {
  return f.at ? `${endpointLabel(f.at)}: ${probeCause(f.cause)}` : probeCause(f.cause);
}
function probeCause(c) {
  switch (c.reason) {
    case "not-started":
      return "the run deadline passed before it was started";
    case "run-deadline":
      return `${stepName(c.step)}: stopped by the run deadline`;
    case "timeout":
      return `${stepName(c.step)}: timed out after ${c.ms} ms`;
    case "socket":
      return `${stepName(c.step)}: ${c.code && SOCKET_WORDS[c.code] || c.message}`;
    case "dns":
      return `resolving ${c.host}: ${c.code === "ENOTFOUND" || c.code === "ENODATA" ? "name does not resolve" : c.message}`;
    case "no-addresses":
      return `resolving ${c.host}: no addresses`;
    case "proxy-config":
      return proxyConfigProblem(c.problem);
    case "proxy":
      return `${stepName({ step: "proxy", proxy: c.proxy, target: c.target })}: ${proxyProblem(c.problem)}`;
    case "tls":
      return `${stepName({ step: "handshake" })}: ${tlsProblem(c.problem)}`;
    case "starttls":
      return `${stepName({ step: "starttls", protocol: c.protocol })}${startTlsProblem(c.problem)}`;
    case "starttls-withheld":
      return `the STARTTLS dialogue failed (the server's words are not shown ${policyRule(c.policy)})`;
    case "refused":
      return c.proxy ? `${addressRefusal(c.refusal)} (through the proxy ${c.proxy}, which resolves names itself)` : addressRefusal(c.refusal);
    case "failed":
      return `probe failed: ${c.message}`;
  }
}
function stepName(s) {
  switch (s.step) {
    case "resolve":
      return `resolving ${s.host}`;
    case "tcp":
      return "TCP connect";
    case "proxy-tcp":
      return `TCP connect to proxy ${s.proxy}`;
    case "proxy":
      return `proxy ${s.proxy} (CONNECT ${s.target})`;
    case "starttls":
      return `STARTTLS (${s.protocol})`;
    case "handshake":
      return "TLS handshake";
  }
}
var SOCKET_WORDS = {
  ECONNREFUSED: "connection refused (nothing listening on that port)",
  ECONNRESET: "connection reset by peer",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable (no route; IPv6 may be unavailable on this machine)",
  EADDRNOTAVAIL: "address not available on this machine",
  EPIPE: "connection closed by peer while writing"
};
function proxyConfigProblem(p) {
  switch (p.problem) {
    case "not-a-url":
      return `HTTPS_PROXY="${p.value}" is not a URL${p.credentials ? " (credentials hidden; percent-encode special characters in the user name and password, e.g. # as %23)" : ""}`;
    case "not-http":
      return `HTTPS_PROXY uses ${p.protocol}//; only http:// proxies (HTTP CONNECT) are supported`;
    case "unencoded-credentials":
      return `HTTPS_PROXY="${p.value}" holds credentials with unencoded special characters; percent-encode them (e.g. # as %23)`;
  }
}
function proxyProblem(p) {
  switch (p.problem) {
    case "closed":
      return "proxy closed the connection before answering";
    case "header-too-large":
      return `proxy reply header exceeds ${p.maxBytes} bytes`;
    case "not-http":
      return `not an HTTP reply: ${JSON.stringify(p.statusLine)}`;
    case "refused":
      return `proxy refused: ${p.status} ${p.text}`.trimEnd();
  }
}
function tlsProblem(p) {
  switch (p.problem) {
    case "too-many-bytes":
      return `server sent more than ${p.maxBytes} bytes without completing the handshake`;
    case "too-many-certificates":
      return `server sent more than ${p.max} certificates; refusing to judge such a chain`;
    case "no-certificate":
      return "server presented no certificate";
    case "closed":
      return "server closed the connection during the TLS handshake";
    case "oversized-message":
      return "server sent a handshake message larger than OpenSSL accepts (oversized certificate chain)";
    case "not-tls":
      return "server does not speak TLS on this port (got something else, e.g. plain HTTP)";
    case "openssl":
      return `TLS error: ${p.message}`;
  }
}
var LDAP_RESULT_CODES = {
  1: "operationsError",
  2: "protocolError",
  12: "unavailableCriticalExtension",
  52: "unavailable",
  53: "unwillingToPerform",
  80: "other"
};
function startTlsProblem(p) {
  switch (p.problem) {
    case "too-many-bytes":
      return `: server sent more than ${p.maxBytes} bytes without completing the STARTTLS dialogue`;
    case "closed":
      return ": server closed the connection";
    case "line-too-long":
      return `: server sent a line longer than ${p.maxBytes} bytes`;
    case "too-many-lines":
      return `: server reply exceeds ${p.maxLines} lines (first: ${JSON.stringify(p.first)})`;
    case "bytes-after-go-ahead":
      return `: server sent ${p.bytes} unexpected bytes after agreeing to start TLS`;
    case "not-a-reply":
      return `: not an ${p.dialect} reply: ${p.said}`;
    case "bad-greeting":
      return `: server greeting is not ${p.expected === "220" ? p.expected : `"${p.expected}"`}: ${p.said}`;
    case "preauth":
      return `: server greeted with PREAUTH, which forbids STARTTLS: ${p.said}`;
    case "ehlo-rejected":
      return `: EHLO rejected: ${p.said}`;
    case "not-offered":
      return `: server does not offer STARTTLS (${p.evidence}: ${p.said})`;
    case "auth-tls-not-offered":
      return `: server does not offer STARTTLS (AUTH TLS): ${p.said}`;
    case "refused":
      return ` refused by server: ${p.said}`;
    case "stream-closed":
      return `: server closed the stream: ${p.said}`;
    case "ldap-result": {
      const name = LDAP_RESULT_CODES[p.resultCode] ?? `resultCode ${p.resultCode}`;
      const what = p.resultCode === 2 || p.resultCode === 12 ? ": server does not offer STARTTLS" : " refused by server";
      return `${what}: ${name} (${p.resultCode})${p.diagnostic ? `: ${p.diagnostic}` : ""}`;
    }
    case "not-ldap":
      return `: not an LDAP server (first byte 0x${p.firstByte.toString(16)}: ${p.said})`;
    case "malformed-ldap":
      return `: malformed LDAP response: ${ldapDefect(p.defect)}`;
    case "ldap-too-large":
      return `: LDAP response of ${p.bytes} bytes exceeds ${p.maxBytes}`;
    case "postgres-ssl-off":
      return ': server does not offer STARTTLS (SSLRequest answered "N": SSL is off)';
    case "postgres-error-response":
      return " refused by server: error response to SSLRequest";
    case "not-postgres":
      return `: not a PostgreSQL server (SSLRequest answered 0x${p.answer.toString(16).padStart(2, "0")} ${p.said})`;
  }
}
function ldapDefect(d) {
  switch (d.defect) {
    case "truncated-element":
      return "truncated BER element";
    case "unsupported-length":
      return "unsupported BER length";
    case "truncated-length":
      return "truncated BER length";
    case "overrun":
      return "BER element overruns its container";
    case "not-extended-response":
      return `expected an ExtendedResponse, got tag 0x${d.tag.toString(16)}`;
    case "no-result-code":
      return "missing resultCode";
  }
}

// src/report/text/ca-file-cause.ts
function caFileCause(path, c) {
  switch (c.reason) {
    case "too-large":
      return `ca-file ${path} is ${c.bytes} bytes, over the ${c.maxBytes}-byte limit for a CA bundle`;
    case "unreadable":
      return `cannot read ca-file ${path}: ${c.message}`;
    case "unparseable":
      return `ca-file ${path}: a certificate does not parse: ${c.message}`;
    case "empty":
      return `ca-file ${path} holds no certificate`;
  }
}

// src/report/text/finding-sentence.ts
function findingSentence(f, clock) {
  if (!f.detail) return f.message ?? "";
  return sentence(f.detail, true, instant(clock));
}
function findingSentenceBesidePlace(f, clock, place = f.location) {
  if (!f.detail) return legacyBesidePlace(f.message ?? "", place);
  return sentence(f.detail, !placeShownBeside(f.detail, place), instant(clock));
}
function legacyBesidePlace(message, l) {
  if (l?.type !== "file") return message;
  for (const prefix of [`${l.path}:${l.line}: `, `${l.path}: `])
    if (message.startsWith(prefix)) return message.slice(prefix.length);
  return message;
}
function instant(c) {
  return typeof c === "string" ? Date.parse(c) : c.getTime();
}
function placeShownBeside(d, l) {
  if (l?.type !== "file") return false;
  switch (d.kind) {
    case "file-problem":
      return !d.inside && d.path === l.path && (d.line === void 0 || d.line === l.line);
    case "private-key":
      return d.path === l.path && d.line === l.line;
    case "misnamed":
      return d.path === l.path;
    default:
      return false;
  }
}
var day2 = (iso) => iso.slice(0, 10);
var cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
function certName(c) {
  return `${roleWording(c.role)} ${c.name}`;
}
function sentence(d, withPlace, now) {
  switch (d.kind) {
    case "expired":
    case "not-yet-valid":
    case "expiring":
      return `${expiryFact(d, now)}; ${expiryAdvice(d)}`;
    case "superseded":
      return `Old copy of a renewed certificate: ${supersededNote(d.by)}${d.expiry ? `. ${expiryFact(d.expiry, now)}` : ""}; remove it from the bundle`;
    case "weak-key":
      return d.algorithm === "ECDSA" ? `${cap(certName(d.certificate))} has a ${d.bits}-bit EC key; use P-256 or stronger` : `${cap(certName(d.certificate))} has a ${d.bits}-bit ${d.algorithm} key; use at least ${d.minimumBits} bits (or ECDSA P-256)`;
    case "weak-signature":
      return `${cap(certName(d.certificate))} is signed with ${d.algorithm}, which clients reject; reissue it with SHA-256`;
    case "revoked": {
      const when = d.revokedAt ? readableTime(new Date(d.revokedAt)) : "an unknown date";
      const by = d.source.method === "crl" ? `the CRL ${d.source.url}` : d.source.method === "ocsp" ? `the OCSP responder ${d.source.url}` : "the OCSP response stapled by the server";
      const also = d.alsoListed?.length ? `; also on the published list ${d.alsoListed.map((h) => h.name).join("; ")} (${d.alsoListed.map((h) => `${h.label} line ${h.line}`).join(", ")})` : "";
      return `${cap(certName(d.certificate))} was revoked on ${when} (reason: ${d.reason ?? "none given"}), according to ${by}${also}`;
    }
    case "revoked-listed":
      return `serial ${d.serial} is on the published list ${listedOn(d.lists)}`;
    case "revocation-unknown":
      return `Revocation status of ${certName(d.certificate)} is unknown: ${d.problems.length ? revocationProblems(d.problems) : "no verified answer"}`;
    case "revocation-not-checked":
      return `Revocation of ${certName(d.certificate)} not checked: ${revocationProblems(d.problems)}`;
    case "renewal-window": {
      const span = `${readableTime(new Date(d.windowStart))} \u2013 ${readableTime(new Date(d.windowEnd))}`;
      const see = d.explanationURL ? `; see ${d.explanationURL}` : "";
      const name = d.certificate.name;
      return d.state === "closed" ? `${d.ca} asks for certificate ${name} to be replaced: its renewal window (${span}) has closed, which is how a CA announces an imminent revocation${see}` : `${d.ca}'s suggested renewal window (${span}) is open: renew certificate ${name} now${see}`;
    }
    case "ari-problem":
      return `ARI for ${d.ca}: ${ariCause(d.cause)}`;
    case "untrusted-chain":
      return `${endpointLabel(d.endpoint)}: certificate chain is not trusted: ${chainCause(d.cause)}`;
    case "hostname-mismatch":
      return `${endpointLabel(d.endpoint)}: hostname mismatch: ${hostnameCause(d.cause)}`;
    case "unreachable":
      return `${endpointLabel(d.endpoint)}: ${probeCause(d.cause)}`;
    case "endpoint-not-checked":
      return `${endpointLabel(d.endpoint)}: not checked: ${probeCause(d.cause)}`;
    case "served-unparseable":
      return `${endpointLabel(d.endpoint)}: certificate ${d.index + 1} of ${d.chainLength} the server sent (${d.fingerprint.slice(0, "sha256:".length + 16)}\u2026) does not parse: ${d.reason}`;
    case "ca-file-problem":
      return `${caFileCause(d.path, d.cause)}; endpoints using it were judged against the bundled roots only`;
    case "address-drift": {
      const label = endpointLabel(d.endpoint);
      if (!d.stale.length)
        return `${label}: addresses serve different certificates issued at the same time: ${d.current.map(servedLeaf).join("; ")}`;
      return `${label}: addresses serve different certificates; stale: ${d.stale.map(servedLeaf).join("; ")}; current: ${d.current.map(servedLeaf).join("; ")}. Replace the certificate on ${d.stale.flatMap((s) => s.addresses).join(", ")}.`;
    }
    case "file-problem": {
      const place = `${d.path}${d.line !== void 0 ? `:${d.line}` : ""}${d.inside ? ` (${d.inside})` : ""}`;
      return withPlace ? `${place}: ${fileCause(d.cause)}` : fileCause(d.cause);
    }
    case "private-key": {
      const text = `a private key (${privateKeyLabel(d.privateKey, d.within)}) is committed to the repository; its content is never shown. Remove it and rotate the key if it is real.`;
      return withPlace ? `${d.path}:${d.line}: ${text}` : text;
    }
    case "misnamed": {
      const what = misnamedStore(d.store, d.ext);
      return withPlace ? `${d.path}: ${what}; read as what it is` : `${what}; read as what it is`;
    }
    case "glob-problem":
      return `files: "${d.pattern}" is not a valid glob (${d.reason})`;
    case "no-match":
      return `files: "${d.pattern}" matched no file`;
    case "nothing-found":
      return `no certificates found in the workspace (looked in every tracked file for PEM blocks, base64 certificates under keys, DER, PKCS#7, PKCS#12 and Java keystores); list files or endpoints in ${d.configPath}`;
    case "serial-list-problem":
      return `revoked-serials list ${d.list}: ${serialListCause(d.cause)}`;
    case "serial-list-unreadable":
      return `revoked-serials list ${d.list} ${serialListCause(d.cause)}`;
    case "threshold-order":
      return `${d.scope ? `${d.scope}: ` : ""}fail-within (${d.failWithin}) is larger than warn-within (${d.warnWithin}), so nothing will ever warn before failing; set warn-within above fail-within`;
    case "ignore-expired":
      return `The ignore rule for this certificate (${ruleRef(d.rule)}) expired on ${d.until}; its findings count again`;
    case "path-ignore-expired":
      return `The ignore rule for path "${d.path}" (${ruleRef(d.rule)}) expired on ${d.until}; what it covered counts again`;
    case "test-paths":
      return `${d.certificates} certificate${d.certificates === 1 ? "" : "s"} under test paths (${TEST_PATH_WORDS}) ${d.certificates === 1 ? "is" : "are"} reported but not judged; list them under \`files:\` to judge them`;
    case "shard-counts-differ":
      return `merged reports come from different shard counts (${d.counts.join(", ")}); the result may be incomplete`;
    case "shards-missing":
      return `shard report${d.missing.length > 1 ? "s" : ""} ${d.missing.map((index) => shardText({ index, count: d.count })).join(", ")} missing from the merge; those targets were not checked`;
  }
}
function expiryFact(d, now) {
  const name = cap(certName(d.certificate));
  switch (d.kind) {
    case "expired":
      return `${name} expired on ${day2(d.notAfter)} (${formatDuration(now - Date.parse(d.notAfter))} ago)`;
    case "not-yet-valid":
      return `${name} is not valid until ${d.notBefore} (in ${formatDuration(Date.parse(d.notBefore) - now)})`;
    case "expiring": {
      const left = Date.parse(d.notAfter) - now;
      const lifetime = Date.parse(d.notAfter) - Date.parse(d.notBefore);
      const why = d.threshold.kind === "percent" ? `${Math.round(left / lifetime * 100)}% of its lifetime (${formatDuration(lifetime)}) left, under ${d.threshold.text}` : `under ${d.threshold.text}`;
      return `${name} expires on ${day2(d.notAfter)}, in ${formatDuration(left)} (${why})`;
    }
  }
}
function expiryAdvice(d) {
  if (d.kind === "expired") return "replace it";
  if (d.kind === "not-yet-valid") return "clients reject it until then";
  return d.threshold.name === "fail-within" ? "renew it now" : "plan its renewal";
}
function supersededNote(by) {
  return `superseded by serial ${by.serial} (valid ${day2(by.notBefore)} to ${day2(by.notAfter)}) in the same file; the newer one is the one to keep`;
}
function listedOn(lists) {
  const each = lists.map((h) => `${h.name} (${h.label}) at line ${h.line}`);
  return each.length === 1 ? each[0] : `${each.slice(0, -1).join(", ")} and on ${each[each.length - 1]}`;
}
function revocationDetail(rv) {
  if (rv.detail) return rv.detail;
  if (rv.deltaNotApplied) return `delta CRL not applied: ${revocationCause(rv.deltaNotApplied)}`;
  if (!rv.problems?.length) return void 0;
  const why = revocationProblems(rv.problems);
  return rv.status === "good" ? `only the staple answered: ${why}` : why;
}
function ruleRef(r) {
  return `${r.file ? `${r.file}:${r.line}` : "config"}${r.reason ? `, "${r.reason}"` : ""}`;
}
function servedLeaf(s) {
  return `${s.addresses.join(", ")} (serves "${s.name}" ${s.fingerprint.slice(0, 23)}\u2026, notBefore ${day2(s.notBefore)}, notAfter ${day2(s.notAfter)})`;
}

// src/report/untrusted-text.ts
var ZWSP = "\u200B";
var CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]+/g;
function oneLine(s) {
  return s.replace(CONTROLS, " ");
}
function defuseAutolinks(s) {
  return s.replace(AUTOLINK, defuse);
}
var AUTOLINK_SOURCE = String.raw`@(?=[\p{L}\p{N}_-])|[#\uff03](?=\p{N})|GH-(?=\d)|(?:https?|ftp):(?=\/\/)|(?:mailto|xmpp):|www\.`;
var AUTOLINK = new RegExp(AUTOLINK_SOURCE, "giu");
function defuse(m) {
  return m.endsWith(".") ? `${m.slice(0, -1)}${ZWSP}.` : `${m}${ZWSP}`;
}
var MARKDOWN_LIVE = new RegExp(
  String.raw`[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]+|[\\&<>|$\x60]|\](?=[(\[])|` + AUTOLINK_SOURCE,
  "giu"
);
var ENTITY = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
function neutralise(m) {
  switch (m) {
    case "\\":
    case "|":
    case "$":
    case "`":
      return `\\${m}`;
    case "&":
    case "<":
    case ">":
      return ENTITY[m];
    case "]":
      return "]\\";
    default:
      return /^[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/.test(m) ? " " : defuse(m);
  }
}
function mdUntrusted(s) {
  return MAY_NEED_WORK.test(s) ? s.replace(MARKDOWN_LIVE, neutralise) : s;
}
var MAY_NEED_WORK = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\\&<>|$`\]@#\uff03]|GH-|:\/\/|mailto:|xmpp:|www\./i;
function titleUntrusted(s) {
  return defuseAutolinks(oneLine(s).replace(/\s+/g, " ").trim());
}
function mdCodeUntrusted(s) {
  return oneLine(s).replace(/`/g, "'");
}
var USER_HANDLE = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
var TEAM_HANDLE = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
function isGithubHandle(owner) {
  return USER_HANDLE.test(owner) || TEAM_HANDLE.test(owner);
}
function ownerMention(owner) {
  return isGithubHandle(owner) ? owner : mdUntrusted(owner);
}
var MAX_OWNER_CHARS = 200;
function ownersMarkdown(owners) {
  return owners.flatMap((o) => o.split(/[\s,]+/)).filter(Boolean).map((o) => ownerMention(o.slice(0, MAX_OWNER_CHARS))).join(", ");
}
function sarifUntrusted(s) {
  return oneLine(s).replace(/[[\]]/g, (ch) => `\\${ch}`);
}

export {
  fileExcluder,
  applyPathRules,
  readableTime,
  roleLabel,
  publicOnlyNotice,
  WHOLE_RUN,
  shardText,
  reportShard,
  partialShard,
  listReadProblem,
  serialLineProblem,
  probeFailure,
  findingSentence,
  findingSentenceBesidePlace,
  supersededNote,
  revocationDetail,
  mdUntrusted,
  titleUntrusted,
  mdCodeUntrusted,
  ownerMention,
  ownersMarkdown,
  sarifUntrusted
};
