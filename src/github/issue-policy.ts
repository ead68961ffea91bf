// What issue sync asks of GitHub, decided from the report alone: whether
// issues are on for this event, which findings make a certificate need
// replacement (and so an issue), which certificate is worst, who owns it, and
// whether the run saw enough to read "not found" as "gone". No I/O: the
// planner (issue-plan.ts) and the action read these rules from here.
import type { Report, ReportCertificate, ReportFinding } from '../report/report-types.js';
import type { FindingId } from '../types.js';
import { ownersFor, type CodeownersRule } from './codeowners.js';
import { isPullRequestEvent, type GithubEnv } from './context.js';
import { reportShard, shardText } from '../report/report-shard.js';

// Finding ids that never ask for a new certificate: they describe a target,
// a responder outage or a config detail, not the certificate itself. An issue
// titled "Replace certificate" for an OCSP outage would send owners to do the
// wrong work (the run's status still fails on them in hard mode).
const NOT_CERTIFICATE_BOUND = new Set<FindingId>([
  'revocation-unknown',
  'unreachable',
  'unparseable',
  'no-match',
  'not-checked',
  'config',
  'ignore-expired',
  'address-drift',
  'superseded',
]);
// Warnings that still mean "replace it soon".
const REPLACEMENT_WARNINGS = new Set<FindingId>(['expiring', 'renewal-window']);

/** `issues: auto` is on for scheduled, manual and default-branch runs; never on PRs (forks have read-only tokens, and a PR's view is partial). */
export function issuesEnabled(issuesInput: 'auto' | 'true' | 'false', env: GithubEnv): { on: boolean; why: string } {
  if (issuesInput === 'true') return { on: true, why: 'issues: true' };
  if (issuesInput === 'false') return { on: false, why: 'issues: false' };
  const e = env.eventName;
  if (e === 'schedule' || e === 'workflow_dispatch') return { on: true, why: `issues: auto on ${e}` };
  if (e === 'push') {
    const def = env.eventPayload?.repository?.default_branch;
    if (def && env.ref === `refs/heads/${def}`) return { on: true, why: `issues: auto on a push to ${def}` };
    return { on: false, why: `issues: auto — a push to ${env.ref ?? 'a branch'} that is not the default branch` };
  }
  if (isPullRequestEvent(e)) return { on: false, why: `issues: auto — off on ${e}` };
  return {
    on: false,
    why: `issues: auto — off on ${e || 'a local run'} (on for schedule, workflow_dispatch and pushes to the default branch)`,
  };
}

/** Findings that make a certificate need replacement, worst first; empty = no issue. */
export function replacementFindings(c: ReportCertificate): ReportFinding[] {
  return c.findings
    .filter((f) => !f.ignored)
    .filter(
      (f) =>
        (f.severity === 'error' && !NOT_CERTIFICATE_BOUND.has(f.id)) ||
        (f.severity === 'warning' && REPLACEMENT_WARNINGS.has(f.id)),
    )
    .sort((a, b) => findingRank(a) - findingRank(b));
}

/** An ignored finding that would otherwise have asked for replacement (an issue closes with the ignore's reason). */
export function wouldAskForReplacement(f: ReportFinding): boolean {
  return f.severity === 'error' || REPLACEMENT_WARNINGS.has(f.id);
}

function findingRank(f: ReportFinding): number {
  const order: Partial<Record<FindingId, number>> = {
    revoked: 0,
    expired: 1,
    'not-yet-valid': 2,
    'renewal-window': 3,
    expiring: 4,
  };
  return (f.severity === 'error' ? 0 : 10) + (order[f.id] ?? 5);
}

/** A certificate that needs replacement: what asks for it (worst first) and who owns it. */
export interface Need {
  fp: string; // lower-case fingerprint: the issue's identity
  cert: ReportCertificate;
  active: ReportFinding[];
  owners: string[];
}

/** Every certificate of the report that needs replacement, by fingerprint. */
export function needsOf(report: Report, codeowners?: CodeownersRule[]): Map<string, Need> {
  const needs = new Map<string, Need>();
  for (const cert of report.certificates) {
    const active = replacementFindings(cert);
    if (!active.length) continue;
    const fp = cert.fingerprint.toLowerCase();
    needs.set(fp, { fp, cert, active, owners: effectiveOwners(cert, codeowners) });
  }
  return needs;
}

/** Worst certificates get the limited issue slots first: revoked, expired, then soonest expiry. */
export function certificatePriority(a: Need, b: Need): number {
  return (
    findingRank(a.active[0]) - findingRank(b.active[0]) ||
    Date.parse(a.cert.notAfter) - Date.parse(b.cert.notAfter) ||
    a.fp.localeCompare(b.fp)
  );
}

/** Owners from the report; when it names none, CODEOWNERS owners of the certificate's files. */
export function effectiveOwners(c: ReportCertificate, rules?: CodeownersRule[]): string[] {
  if (c.owner) return [...new Set(c.owner.split(/[\s,]+/).filter((o) => o.startsWith('@')))];
  if (!rules?.length) return [];
  const owners = new Set<string>();
  for (const l of c.locations)
    if (l.type === 'file') for (const o of ownersFor(rules, l.path)) if (o.startsWith('@')) owners.add(o);
  return [...owners];
}

/** "@alice" is a user (assigned); "@org/team" is a team (mentioned only: teams cannot be assignees). */
export function userLogins(owners: string[]): string[] {
  return owners.filter((o) => /^@[A-Za-z0-9-]+$/.test(o)).map((o) => o.slice(1));
}

/** Whether "not seen" may be read as "gone": see resolveOpen() in issue-plan.ts. */
export interface Completeness {
  complete: boolean;
  why: string;
}

/**
 * A run is complete when it looked at everything it was configured to:
 * no deadline cut it short, it is not one shard of several, and no PR scope
 * narrowed the files. Only a complete run may read "not found" as "gone".
 */
export function completenessOf(report: Report, scopeFiles: string[] | null | undefined): Completeness {
  const run = report.run;
  if (run.deadlineReached) return { complete: false, why: 'the run hit its deadline' };
  const shard = reportShard(report);
  if (shard && shard.count > 1) return { complete: false, why: `the run checked shard ${shardText(shard)} only` };
  if (scopeFiles) return { complete: false, why: 'the run checked only the files a pull request changed' };
  return { complete: true, why: '' };
}
