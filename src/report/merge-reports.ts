// Shard reports → one report, as if one job had checked everything: the same
// certificate seen by two shards becomes one record with both locations.
import type { FindingDetail, Location } from '../types.js';
import { findingSentence } from './text/finding-sentence.js';
import { reportShard, shardText, WHOLE_RUN } from './report-shard.js';
import type { Report, ReportCertificate, ReportFinding } from './report-types.js';
import { locKey, sortCertificates, sortFindings, sortLocations, sortProbes, summarize } from './build-report.js';

export class MergeError extends Error {}

const findingKey = (f: ReportFinding) =>
  `${f.id}|${f.severity}|${f.location ? locKey(f.location) : ''}|${f.message}|${f.ignored ? 'i' : ''}`;
const REVOCATION_RANK = { revoked: 0, unknown: 1, good: 2, 'not-checked': 3 } as const;

export function validateReport(x: unknown, name: string): Report {
  const r = x as Report;
  if (!r || typeof r !== 'object' || r.version !== 1 || !Array.isArray(r.certificates) || !r.summary) {
    throw new MergeError(
      `${name} is not a certwatch JSON report (version 1); merge the files written by --report or the action's report input`,
    );
  }
  // What the merge reads beyond the contract's fields: a hand-edited or truncated
  // report must be refused by name, not crash the merge.
  const bad = (what: string) => new MergeError(`${name} is not a complete certwatch report: ${what}`);
  if (!r.run || typeof r.run !== 'object' || !reportShard(r)) throw bad('run.shard ("i/n") is missing');
  if (r.problems !== undefined && !Array.isArray(r.problems)) throw bad('problems is not a list');
  r.certificates.forEach((c, i) => {
    if (
      !c ||
      typeof c.fingerprint !== 'string' ||
      !Array.isArray(c.locations) ||
      !Array.isArray(c.findings) ||
      !c.revocation ||
      typeof c.notAfter !== 'string'
    ) {
      throw bad(`certificates[${i}] lacks fingerprint, notAfter, locations, findings or revocation`);
    }
    c.notes ??= [];
  });
  r.problems ??= [];
  return r;
}

export function mergeReports(reports: Report[]): Report {
  if (!reports.length) throw new MergeError('no reports to merge');
  const byFp = new Map<string, ReportCertificate>();
  const problems = new Map<string, ReportFinding>();
  for (const r of reports) {
    for (const c of r.certificates) {
      const prev = byFp.get(c.fingerprint);
      if (!prev) {
        byFp.set(c.fingerprint, structuredClone(c));
        continue;
      }
      const locs = new Map<string, Location>(prev.locations.map((l) => [locKey(l), l]));
      for (const l of c.locations) locs.set(locKey(l), l);
      prev.locations = sortLocations([...locs.values()]);
      const fs = new Map(prev.findings.map((f) => [findingKey(f), f]));
      for (const f of c.findings) fs.set(findingKey(f), f);
      prev.findings = sortFindings([...fs.values()]);
      const owners = new Set([...(prev.owner?.split(', ') ?? []), ...(c.owner?.split(', ') ?? [])]);
      prev.owner = owners.size ? [...owners].join(', ') : null;
      for (const n of c.notes) if (!prev.notes.includes(n)) prev.notes.push(n);
      if (REVOCATION_RANK[c.revocation.status] < REVOCATION_RANK[prev.revocation.status])
        prev.revocation = c.revocation;
      prev.renewal ??= c.renewal;
      if (c.role === 'leaf') prev.role = 'leaf';
    }
    for (const f of r.problems) problems.set(findingKey(f), f);
  }
  // A missing shard makes the merge a partial run: issue sync must not close
  // issues for certificates that shard would have seen.
  const shardProblems = missingShards(reports);
  for (const f of shardProblems) problems.set(findingKey(f), f);
  const certificates = sortCertificates([...byFp.values()].map((c) => ({ ...c, findings: sortFindings(c.findings) })));
  const probs = sortFindings([...problems.values()]);
  const latest = reports
    .map((r) => r.generatedAt)
    .sort()
    .at(-1)!;
  return {
    version: 1,
    generatedAt: latest,
    tool: reports[0].tool,
    summary: summarize(certificates, probs),
    certificates,
    problems: probs,
    ...(reports.some((r) => r.endpoints?.length)
      ? { endpoints: sortProbes(reports.flatMap((r) => r.endpoints ?? [])) }
      : {}),
    run: {
      ...reports[0].run,
      shard: shardText(WHOLE_RUN),
      deadlineReached: shardProblems.length > 0 || reports.some((r) => r.run.deadlineReached),
    },
  };
}

/** A finding the merge itself makes: its `message` is its detail's sentence, as in a run's report. */
function mergeFinding(detail: FindingDetail, now: string): ReportFinding {
  return { id: 'not-checked', severity: 'warning', message: findingSentence({ detail }, now), detail };
}

function missingShards(reports: Report[]): ReportFinding[] {
  // validateReport has refused reports without a shard.
  const shards = reports.map((r) => reportShard(r)!);
  const counts = new Set(shards.map((s) => s.count));
  if (counts.size > 1) return [mergeFinding({ kind: 'shard-counts-differ', counts: [...counts] }, reports[0].run.now)];
  const n = [...counts][0] ?? 1;
  if (n <= 1) return [];
  const have = new Set(shards.map((s) => s.index));
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !have.has(i));
  return missing.length ? [mergeFinding({ kind: 'shards-missing', missing, count: n }, reports[0].run.now)] : [];
}
