import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  ownersFor
} from "./chunk-CNY3A7YR.js";
import {
  reportShard,
  shardText
} from "./chunk-HPOGBE72.js";
import {
  isPullRequestEvent
} from "./chunk-FVR4GWWV.js";

// src/github/issue-policy.ts
var NOT_CERTIFICATE_BOUND = /* @__PURE__ */ new Set([
  "revocation-unknown",
  "unreachable",
  "unparseable",
  "no-match",
  "not-checked",
  "config",
  "ignore-expired",
  "address-drift",
  "superseded"
]);
var REPLACEMENT_WARNINGS = /* @__PURE__ */ new Set(["expiring", "renewal-window"]);
function issuesEnabled(issuesInput, env) {
  if (issuesInput === "true") return { on: true, why: "issues: true" };
  if (issuesInput === "false") return { on: false, why: "issues: false" };
  const e = env.eventName;
  if (e === "schedule" || e === "workflow_dispatch") return { on: true, why: `issues: auto on ${e}` };
  if (e === "push") {
    const def = env.eventPayload?.repository?.default_branch;
    if (def && env.ref === `refs/heads/${def}`) return { on: true, why: `issues: auto on a push to ${def}` };
    return { on: false, why: `issues: auto \u2014 a push to ${env.ref ?? "a branch"} that is not the default branch` };
  }
  if (isPullRequestEvent(e)) return { on: false, why: `issues: auto \u2014 off on ${e}` };
  return {
    on: false,
    why: `issues: auto \u2014 off on ${e || "a local run"} (on for schedule, workflow_dispatch and pushes to the default branch)`
  };
}
function replacementFindings(c) {
  return c.findings.filter((f) => !f.ignored).filter(
    (f) => f.severity === "error" && !NOT_CERTIFICATE_BOUND.has(f.id) || f.severity === "warning" && REPLACEMENT_WARNINGS.has(f.id)
  ).sort((a, b) => findingRank(a) - findingRank(b));
}
function wouldAskForReplacement(f) {
  return f.severity === "error" || REPLACEMENT_WARNINGS.has(f.id);
}
function findingRank(f) {
  const order = {
    revoked: 0,
    expired: 1,
    "not-yet-valid": 2,
    "renewal-window": 3,
    expiring: 4
  };
  return (f.severity === "error" ? 0 : 10) + (order[f.id] ?? 5);
}
function needsOf(report, codeowners) {
  const needs = /* @__PURE__ */ new Map();
  for (const cert of report.certificates) {
    const active = replacementFindings(cert);
    if (!active.length) continue;
    const fp = cert.fingerprint.toLowerCase();
    needs.set(fp, { fp, cert, active, owners: effectiveOwners(cert, codeowners) });
  }
  return needs;
}
function certificatePriority(a, b) {
  return findingRank(a.active[0]) - findingRank(b.active[0]) || Date.parse(a.cert.notAfter) - Date.parse(b.cert.notAfter) || a.fp.localeCompare(b.fp);
}
function effectiveOwners(c, rules) {
  if (c.owner) return [...new Set(c.owner.split(/[\s,]+/).filter((o) => o.startsWith("@")))];
  if (!rules?.length) return [];
  const owners = /* @__PURE__ */ new Set();
  for (const l of c.locations)
    if (l.type === "file") {
      for (const o of ownersFor(rules, l.path)) if (o.startsWith("@")) owners.add(o);
    }
  return [...owners];
}
function userLogins(owners) {
  return owners.filter((o) => /^@[A-Za-z0-9-]+$/.test(o)).map((o) => o.slice(1));
}
function completenessOf(report, scopeFiles) {
  const run = report.run;
  if (run.deadlineReached) return { complete: false, why: "the run hit its deadline" };
  const shard = reportShard(report);
  if (shard && shard.count > 1) return { complete: false, why: `the run checked shard ${shardText(shard)} only` };
  if (scopeFiles) return { complete: false, why: "the run checked only the files a pull request changed" };
  return { complete: true, why: "" };
}

export {
  issuesEnabled,
  replacementFindings,
  wouldAskForReplacement,
  needsOf,
  certificatePriority,
  userLogins,
  completenessOf
};
