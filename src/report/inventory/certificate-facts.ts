// Small facts about one report certificate that every inventory view shows the
// same way: its name, its CA, days left, its status, where it is. Kept in one
// place so the CSV, the calendar and the HTML page never disagree.
import type { KeyInfo, Location } from '../../types.js';
import type { ReportCertificate, ReportFinding } from '../report-types.js';
import { caLabel } from './dn.js';
import { severityRank } from '../../findings/severity.js';
import { daysLeft as daysUntil } from '../format-helpers.js';

export type StatusClass = 'fail' | 'warn' | 'ok';

/** Not ignored by the config: the same test the run summary counts with. */
export function isActive(f: ReportFinding): boolean {
  return !f.ignored;
}

// The name a person recognises: one copy for every view (report/text/certificate-name.ts).
export { displayName } from '../text/certificate-name.js';

/** Every name a certificate answers to, lowercased: CN and SANs. */
export function certificateNames(c: ReportCertificate): Set<string> {
  const names = new Set<string>();
  if (c.subjectCN) names.add(c.subjectCN.toLowerCase());
  for (const s of c.sans) names.add(s.toLowerCase());
  return names;
}

/** The issuing CA as people name it, e.g. "R11 (Let's Encrypt)". */
export function issuingCa(c: ReportCertificate): string {
  return caLabel(c.issuerCN, c.issuerO, c.issuer);
}

/** "ECDSA P-256", "RSA 2048", "Ed25519". */
export function keyLabel(k: KeyInfo): string {
  if (k.curve) return `${k.algorithm} ${k.curve}`;
  if (k.size !== undefined && !/^Ed\d+$/i.test(k.algorithm)) return `${k.algorithm} ${k.size}`;
  return k.algorithm;
}

/** Whole days from `now` to the certificate's notAfter, counted as in the run's reports. */
export function daysLeft(c: ReportCertificate, now: Date): number {
  return daysUntil(c.notAfter, now);
}

/** The most severe active finding (first one wins a tie: checks list the most telling first). */
export function worstActiveFinding(c: ReportCertificate): ReportFinding | null {
  let worst: ReportFinding | null = null;
  for (const f of c.findings) {
    if (!isActive(f)) continue;
    if (!worst || severityRank(f.severity) < severityRank(worst.severity)) worst = f;
  }
  return worst;
}

/** The status column: the worst active finding's id, or "ok". */
export function statusId(c: ReportCertificate): string {
  return worstActiveFinding(c)?.id ?? 'ok';
}

/**
 * Which certificates count as failing — the one test behind every count of them
 * (the HTML page's header and its timeline, the group tables, the forecast, the
 * `--failing` filter): an active error finding. Ignored, excluded and test-path
 * certificates carry only ignored findings, so they never count; an expired and
 * revoked certificate is one failing certificate, though it has two failures.
 */
export function isFailing(c: ReportCertificate): boolean {
  return c.findings.some((f) => isActive(f) && f.severity === 'error');
}

/** Notices do not make a certificate look unhealthy; they stay "ok" for colour. */
export function statusClass(c: ReportCertificate): StatusClass {
  if (isFailing(c)) return 'fail';
  return c.findings.some((f) => isActive(f) && f.severity === 'warning') ? 'warn' : 'ok';
}

/** How many certificates are failing, warning and ok, counted with `statusClass` (so with `isFailing`). */
export function statusCounts(certs: readonly ReportCertificate[]): Record<StatusClass, number> {
  const counts: Record<StatusClass, number> = { fail: 0, warn: 0, ok: 0 };
  for (const c of certs) counts[statusClass(c)]++;
  return counts;
}

/** "certs/site.pem:12" or "example.com:443". */
export function locationText(l: Location): string {
  return l.type === 'file' ? `${l.path}:${l.line}` : `${l.host.includes(':') ? `[${l.host}]` : l.host}:${l.port}`;
}

/** Identity of a place, for counting distinct locations: each address behind a name is its own place. */
export function locationKey(l: Location): string {
  return l.type === 'file'
    ? `file\u0000${l.path}\u0000${l.line}\u0000${l.detail ?? ''}`
    : `endpoint\u0000${l.host}\u0000${l.port}\u0000${l.address ?? ''}`;
}

/** The UTC calendar date of an ISO timestamp, "2026-11-22". */
export function isoDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso.slice(0, 10) : new Date(t).toISOString().slice(0, 10);
}
