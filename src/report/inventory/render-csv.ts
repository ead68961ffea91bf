// CSV for spreadsheets and other tools: RFC 4180 (CRLF line ends, fields with
// commas, quotes or line breaks quoted, quotes doubled), one row per
// certificate × location so a filter on "location" finds every place.
import type { Location } from '../../types.js';
import type { Report } from '../report-types.js';
import { daysLeft, displayName, locationText, statusId } from './certificate-facts.js';
import { byExpiry } from './render-text.js';

export const CSV_COLUMNS = [
  'fingerprint',
  'subject',
  'issuer',
  'serial',
  'not_before',
  'not_after',
  'days_left',
  'status',
  'owner',
  'location_type',
  'location',
  'address',
  'name',
] as const;

export function renderCsv(report: Report): string {
  const now = new Date(report.run.now);
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  for (const c of [...report.certificates].sort(byExpiry)) {
    // A certificate with no recorded location still gets a row: it is in the inventory.
    const places: (Location | null)[] = c.locations.length ? c.locations : [null];
    for (const l of places) {
      rows.push([
        c.fingerprint,
        c.subject,
        c.issuer,
        c.serialNumber,
        c.notBefore,
        c.notAfter,
        daysLeft(c, now), // a number we computed: written as is (see csvCell)
        statusId(c),
        c.owner ?? '',
        l?.type ?? '',
        l ? locationText(l) : '',
        l?.type === 'endpoint' ? (l.address ?? '') : '',
        displayName(c),
      ]);
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab / CR, which some
 * strip first) as a formula — "CSV injection" (OWASP). Subjects, owners and
 * paths come from certificates and repositories we do not control, so such a
 * text cell is prefixed with a single quote, which spreadsheets show as text.
 * That includes GitHub owners ("@org/team"): Excel reads a leading @ as a
 * formula too, so they appear as '@org/team — tools that want the raw value
 * should read `--format json`. Numbers we computed ourselves (days_left,
 * possibly negative) are not text from outside and stay numbers.
 * Spreadsheets skip leading spaces and line breaks before looking for the
 * formula sign, so " =1+1" and "\n=1+1" are formulas too (and full-width
 * signs are folded to ASCII by some of them).
 */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/u;

export function csvCell(v: string | number): string {
  let s = typeof v === 'number' ? String(v) : v;
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
