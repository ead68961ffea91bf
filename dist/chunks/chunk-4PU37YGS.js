import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  encodePlaceKey,
  placeKeyOf
} from "./chunk-HH333CRM.js";
import {
  findingSentence,
  sarifUntrusted
} from "./chunk-HPOGBE72.js";
import {
  displayName
} from "./chunk-753U3B2Y.js";

// src/report/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var MAX_RESULTS = 25e3;
var FINGERPRINT_KEY = "certwatch/v1";
var RULES = {
  expired: {
    name: "CertificateExpired",
    short: "Certificate expired",
    full: "The certificate is past its notAfter date; clients reject it."
  },
  "not-yet-valid": {
    name: "CertificateNotYetValid",
    short: "Certificate not yet valid",
    full: "The certificate notBefore date is in the future; clients reject it until then."
  },
  expiring: {
    name: "CertificateExpiring",
    short: "Certificate expires soon",
    full: "The time left before notAfter is below the warn-within or fail-within threshold. Renew and deploy a new certificate."
  },
  revoked: {
    name: "CertificateRevoked",
    short: "Certificate revoked",
    full: "OCSP, a CRL or a published serial list says the certificate is revoked. Replace it now."
  },
  "revocation-unknown": {
    name: "RevocationUnknown",
    short: "Revocation status unknown",
    full: "No verified, fresh revocation answer could be obtained (responder down, bad signature or stale response)."
  },
  "renewal-window": {
    name: "RenewalWindow",
    short: "CA asks for renewal (ARI)",
    full: "The CA's ACME Renewal Information window has opened, or has already closed (a CA moves it into the past before a mass revocation)."
  },
  "untrusted-chain": {
    name: "UntrustedChain",
    short: "Chain does not build to a trusted root",
    full: "The endpoint's chain does not build to a trusted root, or misses an intermediate."
  },
  "hostname-mismatch": {
    name: "HostnameMismatch",
    short: "Certificate does not cover the name",
    full: "The endpoint certificate does not cover the host name probed."
  },
  "weak-key": {
    name: "WeakKey",
    short: "Weak key",
    full: "The key is weaker than current practice (e.g. RSA below 2048 bits)."
  },
  "weak-signature": {
    name: "WeakSignature",
    short: "Weak signature algorithm",
    full: "The certificate is signed with SHA-1 or MD5."
  },
  unreachable: {
    name: "EndpointUnreachable",
    short: "Endpoint unreachable",
    full: "TCP, STARTTLS or the TLS handshake failed or timed out."
  },
  unparseable: {
    name: "Unparseable",
    short: "File does not parse",
    full: "A file that should hold a certificate does not parse."
  },
  "private-key": {
    name: "PrivateKeyCommitted",
    short: "Private key committed",
    full: "A private key is committed to the repository next to certificates."
  },
  "no-match": { name: "NoMatch", short: "Glob matched no file", full: "A configured file glob matched no file." },
  superseded: {
    name: "Superseded",
    short: "Superseded certificate in bundle",
    full: "A bundle holds an older certificate next to its replacement."
  },
  "address-drift": {
    name: "AddressDrift",
    short: "Addresses serve different certificates",
    full: "The addresses behind one name serve different certificates."
  },
  "not-checked": {
    name: "NotChecked",
    short: "Not checked",
    full: "The run's deadline stopped this target from being checked."
  },
  "ignore-expired": {
    name: "IgnoreExpired",
    short: "Ignore rule expired",
    full: "An ignore rule's until date has passed."
  },
  config: { name: "ConfigProblem", short: "Config problem", full: "A non-fatal problem in the certwatch config." },
  "test-paths": {
    name: "TestPaths",
    short: "Certificates under test paths",
    full: "Discovery found certificates under test-fixture paths; they are listed, not judged."
  },
  misnamed: {
    name: "Misnamed",
    short: "File is not what its name says",
    full: "A file holds another kind of store than its extension suggests (a PKCS#12 store named .jks)."
  }
};
var RULE_IDS = Object.keys(RULES);
function renderSarif(report) {
  const results = [];
  for (const c of report.certificates) {
    for (const f of c.findings) results.push(...resultsFor(f, c, report.run.now));
  }
  for (const p of report.problems) results.push(...resultsFor(p, null, report.run.now));
  const rank = { error: 0, warning: 1, note: 2 };
  results.sort((a, b) => rank[a.level] - rank[b.level]);
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "certwatch",
            version: report.tool.version,
            semanticVersion: /^\d+\.\d+\.\d+/.test(report.tool.version) ? report.tool.version : void 0,
            rules: RULE_IDS.map((id) => ({
              id,
              name: RULES[id].name,
              shortDescription: { text: RULES[id].short },
              fullDescription: { text: RULES[id].full },
              help: { text: `${RULES[id].full} Run \`npx certwatch check\` locally to see the finding.` },
              defaultConfiguration: { level: defaultLevel(id) },
              properties: { tags: ["security", "tls", "certificate"] }
            }))
          }
        },
        originalUriBaseIds: {
          "%SRCROOT%": { description: { text: "The repository root (the workspace certwatch checked)." } }
        },
        results: results.slice(0, MAX_RESULTS),
        properties: {
          generatedAt: report.generatedAt,
          clock: report.run.now,
          ...results.length > MAX_RESULTS ? { truncatedResults: results.length - MAX_RESULTS } : {}
        }
      }
    ]
  };
  return `${JSON.stringify(sarif, null, 2)}
`;
}
function resultsFor(f, c, now) {
  const places = f.location ? [f.location] : c?.locations ?? [];
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const loc of places) {
    const at = repoPlace(loc);
    if (!at) continue;
    const key = `${at.path}:${at.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      ruleId: f.id,
      ruleIndex: RULE_IDS.indexOf(f.id),
      level: level(f.severity),
      message: { text: messageFor(f, c, loc, now) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: fileUri(at.path), uriBaseId: "%SRCROOT%" },
            region: { startLine: at.line }
          }
        }
      ],
      // Stable across line moves and commits: the alert follows the certificate, not the line.
      partialFingerprints: {
        [FINGERPRINT_KEY]: [f.id, c?.fingerprint ?? "-", encodePlaceKey(placeKeyOf(loc))].join("|")
      },
      ...c ? { properties: { fingerprint: c.fingerprint, notAfter: c.notAfter, subject: c.subject, issuer: c.issuer } } : {},
      ...f.ignored ? {
        suppressions: [
          {
            kind: "external",
            status: "accepted",
            justification: [f.ignored.reason, f.ignored.until && `until ${f.ignored.until}`].filter(Boolean).join(" ") || "ignored in the certwatch config"
          }
        ]
      } : {}
    });
  }
  return out;
}
function repoPlace(loc) {
  if (loc.type === "file")
    return loc.path.startsWith("(") ? null : { path: loc.path, line: Math.max(1, loc.line || 1) };
  if (loc.configFile && !loc.configFile.startsWith("("))
    return { path: loc.configFile, line: Math.max(1, loc.configLine ?? 1) };
  return null;
}
function messageFor(f, c, loc, now) {
  const who = c ? displayName(c) : null;
  const where = loc.type === "endpoint" ? `${loc.host}:${loc.port}` : loc.detail;
  const prefix = [who && `Certificate ${who}`, where && `(${where})`].filter(Boolean).join(" ");
  const text = findingSentence(f, now);
  return sarifUntrusted(prefix ? `${prefix}: ${text}` : text);
}
function fileUri(path) {
  return path.replace(/\\/g, "/").replace(/^\.\//, "").split("/").map((s) => encodeURIComponent(s)).join("/");
}
function level(s) {
  return s === "error" ? "error" : s === "warning" ? "warning" : "note";
}
function defaultLevel(id) {
  if (id === "weak-key" || id === "weak-signature" || id === "revocation-unknown" || id === "address-drift" || id === "superseded" || id === "no-match" || id === "ignore-expired" || id === "config")
    return "warning";
  if (id === "not-checked" || id === "test-paths" || id === "misnamed") return "note";
  return "error";
}

export {
  renderSarif
};
