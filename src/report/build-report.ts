// ObservedCertificates + target problems → the JSON report (version 1). Findings
// are sorted worst first; certificates by their worst finding, then expiry.
import type { Finding, Location, ObservedCertificate, Severity, Settings } from '../types.js';
import { findingSentence, revocationDetail, supersededNote } from './text/finding-sentence.js';
import { shardText } from './report-shard.js';
import { severityRank } from '../findings/severity.js';
import type { Report, ReportCertificate, ReportFinding, ReportProbe, ReportSummary } from './report-types.js';

import { TOOL_VERSION } from '../version.js';

function toReportFinding(f: Finding, now: Date): ReportFinding {
  // `message` stays for v1 readers; it is the detail's sentence (report/text/finding-sentence.ts).
  const r: ReportFinding = { id: f.id, severity: f.severity, message: findingSentence(f, now), detail: f.detail };
  if (f.location) r.location = f.location;
  if (f.ignored) r.ignored = f.ignored;
  return r;
}

/** Canonical order (worst first, then id, place, text) so a merged shard report equals an unsharded one. */
export function sortFindings<
  T extends { severity: Severity; ignored?: unknown; id: string; message: string; location?: Location },
>(fs: T[]): T[] {
  const k = (f: T) => `${f.id}|${f.location ? locKey(f.location) : ''}|${f.message}`;
  return [...fs].sort(
    (a, b) =>
      Number(!!a.ignored) - Number(!!b.ignored) ||
      severityRank(a.severity) - severityRank(b.severity) ||
      (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0),
  );
}

function worst(fs: ReportFinding[]): number {
  let w = 3;
  for (const f of fs) if (!f.ignored) w = Math.min(w, severityRank(f.severity));
  return w;
}

export function locKey(l: Location): string {
  return l.type === 'file'
    ? `0|${l.path}|${String(l.line).padStart(8, '0')}|${l.detail ?? ''}`
    : `1|${l.host}|${l.port}|${l.address ?? ''}|${l.chainIndex ?? 0}`;
}

export function sortLocations(ls: Location[]): Location[] {
  return [...ls].sort((a, b) => (locKey(a) < locKey(b) ? -1 : locKey(a) > locKey(b) ? 1 : 0));
}

export function toReportCertificate(oc: ObservedCertificate, now: Date): ReportCertificate {
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
    owner: oc.owners.length ? oc.owners.join(', ') : null,
    role: oc.role,
    isCA: c.isCA,
    subjectCN: c.subjectCN ?? null,
    issuerCN: c.issuerCN ?? null,
    issuerO: c.issuerO ?? null,
    authorityKeyId: c.authorityKeyId ? c.authorityKeyId.toString('hex') : null,
    notes: [...(oc.supersededBy ?? []).map(supersededNote), ...oc.notes],
    revocation: {
      status: rv?.status ?? 'not-checked',
      method: rv?.method ?? null,
      revokedAt: rv?.revokedAt ? rv.revokedAt.toISOString() : null,
      reason: rv?.reason ?? null,
      ...(rv && revocationDetail(rv) ? { detail: revocationDetail(rv) } : {}),
    },
    renewal: oc.renewal
      ? {
          windowStart: oc.renewal.windowStart.toISOString(),
          windowEnd: oc.renewal.windowEnd.toISOString(),
          explanationURL: oc.renewal.explanationURL ?? null,
        }
      : null,
    findings: sortFindings(oc.findings.map((f) => toReportFinding(f, now))),
  };
}

export function sortCertificates(cs: ReportCertificate[]): ReportCertificate[] {
  // Keys computed once per certificate, compared by code point: a comparator that
  // re-scanned findings and used localeCompare was 370 ms of a 10,000-file run's
  // profile (issue 15). ISO times and hex fingerprints sort the same either way.
  const w = new Map(cs.map((c) => [c, worst(c.findings)]));
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...cs].sort(
    (a, b) => w.get(a)! - w.get(b)! || cmp(a.notAfter, b.notAfter) || cmp(a.fingerprint, b.fingerprint),
  );
}

/**
 * The summary block, for a whole run or any subset of a report (shard merges,
 * inventory filters): only active (non-ignored) findings count; errors are failures.
 */
export function summarize(certs: ReportCertificate[], problems: ReportFinding[]): ReportSummary {
  let failures = 0;
  let warnings = 0;
  let notices = 0;
  let nextExpiry: string | null = null;
  const count = (f: ReportFinding) => {
    if (f.ignored) return;
    if (f.severity === 'error') failures++;
    else if (f.severity === 'warning') warnings++;
    else notices++;
  };
  for (const c of certs) {
    c.findings.forEach(count);
    // By instant, not text: a report read back from disk may spell a time differently.
    if (c.role === 'leaf' && (nextExpiry === null || Date.parse(c.notAfter) < Date.parse(nextExpiry)))
      nextExpiry = c.notAfter;
  }
  problems.forEach(count);
  return {
    status: failures ? 'fail' : warnings ? 'warn' : 'ok',
    failures,
    warnings,
    notices,
    certificates: certs.length,
    nextExpiry,
  };
}

export function buildReport(
  certs: ObservedCertificate[],
  problems: Finding[],
  settings: Settings,
  extra: { deadlineReached: boolean; generatedAt?: Date; endpoints?: ReportProbe[] },
): Report {
  const rc = sortCertificates(certs.map((oc) => toReportCertificate(oc, settings.now)));
  const rp = sortFindings(problems.map((f) => toReportFinding(f, settings.now)));
  return {
    version: 1,
    generatedAt: (extra.generatedAt ?? new Date()).toISOString(),
    tool: { name: 'certwatch', version: TOOL_VERSION },
    summary: summarize(rc, rp),
    certificates: rc,
    problems: rp,
    ...(extra.endpoints?.length ? { endpoints: sortProbes(extra.endpoints) } : {}),
    run: {
      now: settings.now.toISOString(),
      shard: shardText(settings.shard),
      configPath: settings.configPath ?? null,
      thresholds: { warnWithin: settings.defaults.warnWithin.text, failWithin: settings.defaults.failWithin.text },
      deadlineReached: extra.deadlineReached,
    },
  };
}

/** Stable order (target, then address) so shard merges equal single runs. */
export function sortProbes(ps: ReportProbe[]): ReportProbe[] {
  const k = (p: ReportProbe) => `${p.target}|${p.address ?? ''}`;
  return [...ps].sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0));
}
