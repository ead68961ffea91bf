// The terminal view: aligned columns, colour only when asked (the CLI decides
// from isTTY / NO_COLOR; pipes and files get plain text).
import type { Report, ReportCertificate } from '../report-types.js';
import type { InventoryGroup } from './group.js';
import type { Inventory } from './inventory.js';
import { plural, readableInstant } from '../format-helpers.js';
import { findingSentenceBesidePlace } from '../text/finding-sentence.js';
import {
  daysLeft,
  displayName,
  isoDate,
  issuingCa,
  locationText,
  statusClass,
  statusId,
  type StatusClass,
} from './certificate-facts.js';
import { hasEndpoints } from './drift.js';

const MAX_CELL = 48; // wider cells would wrap an 80–200 column terminal into noise

const ANSI: Record<StatusClass, string> = { fail: '\u001b[31m', warn: '\u001b[33m', ok: '\u001b[32m' };
const RESET = '\u001b[0m';
const BOLD = '\u001b[1m';

export function renderText(report: Report, inv: Inventory, opts: { color?: boolean; title?: string } = {}): string {
  const color = opts.color === true;
  const heading = (s: string): string => (color ? `${BOLD}${s}${RESET}` : s);
  const now = new Date(report.run.now);
  const s = report.summary;
  const out: string[] = [];
  out.push(
    heading(clean(opts.title ?? 'certwatch inventory')) +
      ` — as of ${readableInstant(report.run.now)} — ${plural(s.certificates, 'certificate')}, status ${s.status} (${plural(s.failures, 'failure')}, ${plural(s.warnings, 'warning')})`,
  );

  const sections: [string, InventoryGroup[]][] = [
    ['By issuing CA', inv.groups.issuer],
    ['By root', inv.groups.root],
    ['By owner', inv.groups.owner],
    ['By key type', inv.groups.key],
  ];
  for (const [title, groups] of sections) {
    out.push('', heading(title));
    out.push(...groupTable(groups));
  }

  out.push('', heading('Concentration'));
  out.push(...(inv.concentration.length ? inv.concentration.map((l) => '  ' + clean(l)) : ['  (no certificates)']));

  out.push('', heading('Expiring by month'));
  out.push(
    ...table(
      ['MONTH', 'CERTS', 'FAILING'],
      inv.forecast.map((b) => [b.label, String(b.certificates), String(b.failing)]),
      [false, true, true],
    ),
  );

  out.push('', heading('Drift'));
  out.push(
    ...(inv.drift.length
      ? inv.drift.map((d) => `  ${d.verdict}: ${clean(d.message)}`)
      : [
          hasEndpoints(report)
            ? '  none: every checked-in certificate matches what its endpoints serve'
            : '  no endpoints configured: nothing to compare the checked-in certificates with',
        ]),
  );

  out.push('', heading('Certificates'));
  const certs = [...report.certificates].sort(byExpiry);
  const rows = certs.map((c) => [
    statusId(c),
    displayName(c),
    issuingCa(c),
    isoDate(c.notAfter),
    String(daysLeft(c, now)),
    locationsCell(c),
    c.owner ?? '-',
  ]);
  const lines = table(['STATUS', 'SUBJECT', 'ISSUER', 'EXPIRES', 'DAYS LEFT', 'LOCATIONS', 'OWNER'], rows, [
    false,
    false,
    false,
    false,
    true,
    false,
    false,
  ]);
  out.push(lines[0]);
  lines.slice(1).forEach((line, i) => out.push(color ? `${ANSI[statusClass(certs[i])]}${line}${RESET}` : line));
  if (report.problems.length) {
    out.push('', heading('Problems (not tied to a certificate)'));
    for (const p of report.problems)
      out.push(
        `  ${p.severity} ${p.id}${p.location ? ` ${locationText(p.location)}` : ''}: ${clean(findingSentenceBesidePlace(p, report.run.now))}`,
      );
  }
  return out.join('\n') + '\n';
}

/** A group table (one line per group), also the whole of `inventory --by`. */
export function groupTable(groups: InventoryGroup[], first = 'GROUP'): string[] {
  return table(
    [first, 'CERTS', 'LOCATIONS', 'FAILING', 'EARLIEST EXPIRY', 'OWNERS'],
    groups.map((g) => [
      g.key,
      String(g.certificates),
      String(g.locations),
      String(g.failing),
      g.earliestExpiry ? isoDate(g.earliestExpiry) : '-',
      g.owners.join(', ') || '-',
    ]),
    [false, true, true, true, false, false],
  );
}

export function byExpiry(a: ReportCertificate, b: ReportCertificate): number {
  return Date.parse(a.notAfter) - Date.parse(b.notAfter) || (a.fingerprint < b.fingerprint ? -1 : 1);
}

function locationsCell(c: ReportCertificate): string {
  if (c.locations.length === 0) return '-';
  const first = locationText(c.locations[0]);
  return c.locations.length > 1 ? `${first} +${c.locations.length - 1}` : first;
}

/**
 * Certificate names come from whoever made the certificate; a subject holding
 * terminal escape sequences must not repaint the user's terminal. Control
 * characters are shown as \xNN.
 */
export function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function clip(s: string): string {
  const c = clean(s);
  return c.length > MAX_CELL ? c.slice(0, MAX_CELL - 1) + '…' : c;
}

function table(head: string[], rows: string[][], rightAlign: boolean[]): string[] {
  // The last column needs no padding after it, so it is shown whole (owners lists, long paths).
  const cells = rows.map((r) => r.map((v, i) => (i === r.length - 1 ? clean(v) : clip(v))));
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (r: string[]): string =>
    '  ' +
    r
      .map((v, i) => (rightAlign[i] ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), ...cells.map(line)];
}
