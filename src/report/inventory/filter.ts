// The incident question as a filter: "which of ours did CA X issue, owned by
// whom, expiring before D, or on the CA's list of affected serials?" Filters
// combine with AND. The result is a Report of the same shape, so every view
// (and the exit status) works on the subset exactly as on a whole run.
import type { Report, ReportCertificate } from '../report-types.js';
import { summarize } from '../build-report.js';
import { parseDn } from './dn.js';

export interface InventoryFilter {
  /** case-insensitive substring of any attribute of the issuer DN (or of the DN as written) */
  issuer?: string;
  /** case-insensitive substring of the owner; certificates without an owner never match */
  owner?: string;
  /** notAfter strictly before this instant (a `YYYY-MM-DD` date means its 00:00 UTC) */
  expiresBefore?: Date;
  /** normalised serials (see normaliseSerial): uppercase hex, leading zeros stripped */
  serials?: Set<string>;
}

/**
 * Serials are integers: CA lists write them with or without leading zeros, in
 * either case, with `0x` or colons. Comparing the text would miss
 * "00AB" vs "AB" (and short serials have caused false matches elsewhere), so
 * both sides are reduced to uppercase hex without leading zeros. A "-" (a
 * negative serial, as the parser prints it) is kept: it is a different number.
 */
export function normaliseSerial(serial: string): string {
  let s = serial.trim().replace(/[:\s]/g, '');
  let sign = '';
  if (s.startsWith('-')) {
    sign = '-';
    s = s.slice(1);
  }
  if (/^0x/i.test(s)) s = s.slice(2);
  s = s.toUpperCase().replace(/^0+/, '');
  return sign + (s === '' ? '0' : s);
}

const HEX_SERIAL = /^(?:0x)?[0-9a-f]+$/i;
// A serial is at most 20 octets (RFC 5280 §4.1.2.2); allow slack for odd CAs
// but refuse a line that is plainly not one serial (two pasted together, a hash).
const MAX_SERIAL_HEX_DIGITS = 64;

/** One hex serial per line; `#` starts a comment; blank lines are skipped; `0x` and colons are allowed. */
export function parseSerialList(text: string, source: string): { serials: Set<string>; problems: string[] } {
  const serials = new Set<string>();
  const problems: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  lines.forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    const compact = line.replace(/:/g, '');
    if (!HEX_SERIAL.test(compact)) {
      problems.push(`${source}:${i + 1}: "${clip(raw.trim())}" is not a hex serial number`);
      return;
    }
    if (compact.replace(/^0x/i, '').length > MAX_SERIAL_HEX_DIGITS) {
      problems.push(`${source}:${i + 1}: a serial number has at most 20 octets; this one has ${compact.replace(/^0x/i, '').length} hex digits`);
      return;
    }
    serials.add(normaliseSerial(compact));
  });
  return { serials, problems };
}

function clip(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
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
  if (f.serials !== undefined && !f.serials.has(normaliseSerial(c.serialNumber))) return false;
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
