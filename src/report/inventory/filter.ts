// The incident question as a filter: "which of ours did CA X issue, owned by
// whom, expiring before D, or on the CA's list of affected serials?" Filters
// combine with AND. The result is a Report of the same shape, so every view
// (and the exit status) works on the subset exactly as on a whole run.
import type { Report, ReportCertificate } from '../report-types.js';
import { summarize } from '../build-report.js';
import { parseDn } from './dn.js';
import { serialKey } from '../../serial-lists/serial-line.js';
import { isFailing } from './certificate-facts.js';

export interface InventoryFilter {
  /** case-insensitive substring of any attribute of the issuer DN (or of the DN as written) */
  issuer?: string;
  /** case-insensitive substring of the owner; certificates without an owner never match */
  owner?: string;
  /** notAfter strictly before this instant (a `YYYY-MM-DD` date means its 00:00 UTC) */
  expiresBefore?: Date;
  /** serial keys (serialKey: sign + uppercase hex without leading zeros), as a list names them */
  serials?: Set<string>;
  /** only certificates with an active error: `--at DATE` answers "what fails on that date" */
  failingOnly?: boolean;
}

/** `YYYY-MM-DD` → 00:00 UTC that day; null when it is not a real calendar date. */
export function parseDateArgument(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Date.UTC rolls 2026-02-31 over into March; a typo should be an error instead.
  return d.toISOString().slice(0, 10) === text.trim() ? d : null;
}

export function matchesFilter(c: ReportCertificate, f: InventoryFilter): boolean {
  if (f.issuer !== undefined && !issuerMatches(c, f.issuer)) return false;
  if (f.owner !== undefined && !(c.owner ?? '').toLowerCase().includes(f.owner.toLowerCase())) return false;
  if (f.owner !== undefined && c.owner === null) return false;
  if (f.expiresBefore !== undefined && !(Date.parse(c.notAfter) < f.expiresBefore.getTime())) return false;
  if (f.serials !== undefined && !f.serials.has(serialKey(c.serialNumber))) return false;
  if (f.failingOnly && !isFailing(c)) return false;
  return true;
}

function issuerMatches(c: ReportCertificate, needle: string): boolean {
  const n = needle.toLowerCase();
  if (c.issuer.toLowerCase().includes(n)) return true;
  // The DN as written may escape characters ("Let\'s"), so match unescaped values too.
  return parseDn(c.issuer).some((a) => a.value.toLowerCase().includes(n));
}

export function filterReport(report: Report, f: InventoryFilter): Report {
  const certificates = report.certificates.filter((c) => matchesFilter(c, f));
  return { ...report, certificates, summary: summarize(certificates, report.problems) };
}
