// Terminal output: aligned, coloured on a TTY, plain when piped.
import type { Report, ReportFinding } from './report-types.js';
import { clean } from './inventory/render-text.js';
import { daysLeft, issuerName, locationText, plural } from './format-helpers.js';
import { findingSentenceBesidePlace } from './text/finding-sentence.js';
import { displayName } from '../x509/parse-certificate.js';
import { severityRank } from '../findings/severity.js';
import { PLACES_SHOWN, collapseNoise, groupHeadline } from './collapse-notices.js';

const C = {
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  blue: '\x1b[36m',
  green: '\x1b[32m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
};

export function renderText(r: Report, opts: { color: boolean }): string {
  const paint = (code: string, s: string) => (opts.color ? `${code}${s}${C.reset}` : s);
  const sevMark = (f: ReportFinding) =>
    f.ignored
      ? paint(C.dim, 'ignored')
      : f.severity === 'error'
        ? paint(C.red, 'error  ')
        : f.severity === 'warning'
          ? paint(C.yellow, 'warning')
          : paint(C.blue, 'notice ');
  const lines: string[] = [];
  const s = r.summary;
  const status =
    s.status === 'fail'
      ? paint(C.red + C.bold, 'FAIL')
      : s.status === 'warn'
        ? paint(C.yellow + C.bold, 'WARN')
        : paint(C.green + C.bold, 'OK');
  lines.push(
    `certwatch ${status}: ${plural(s.failures, 'failure')}, ${plural(s.warnings, 'warning')}, ${plural(s.notices, 'notice')} · ${plural(s.certificates, 'certificate')}${s.nextExpiry ? ` · next leaf expiry ${s.nextExpiry.slice(0, 10)}` : ''}`,
  );

  const rows: [string, string, string, string][] = [];
  // An ignored finding says why and until when, so nobody wonders whether it is safe.
  const ignoredBecause = (f: ReportFinding) =>
    f.ignored
      ? ` (ignored${f.ignored.until ? ` until ${f.ignored.until}` : ''}${f.ignored.reason ? `: ${f.ignored.reason}` : ''})`
      : '';
  // Names and messages come from certificates and servers: control characters must not repaint the terminal.
  const push = (f: ReportFinding, where: string) =>
    rows.push([sevMark(f), f.id, clean(where), clean(findingSentenceBesidePlace(f, r.run.now) + ignoredBecause(f))]);
  // Worst first across certificates and target problems alike.
  const all: { f: ReportFinding; where: string }[] = [];
  for (const c of r.certificates)
    for (const f of c.findings)
      all.push({
        f,
        where: f.location
          ? locationText(f.location)
          : c.locations[0]
            ? locationText(c.locations[0]) + (c.locations.length > 1 ? ` +${c.locations.length - 1}` : '')
            : '',
      });
  for (const f of r.problems) all.push({ f, where: f.location ? locationText(f.location) : '' });
  const rank = (f: ReportFinding) => (f.ignored ? 3 : severityRank(f.severity));
  all.sort((a, b) => rank(a.f) - rank(b.f));
  // Many notices of one kind (placeholders, committed test keys) or findings ignored for one
  // reason (fixtures) read as one line with a count; the JSON report lists each.
  const { single, groups } = collapseNoise(all.map((x) => ({ f: x.f, ctx: x.where })));
  for (const { f, ctx } of single) push(f, ctx);
  for (const g of groups) {
    const first = g.rows[0].f;
    const places = [...new Set(g.rows.map((r) => r.ctx).filter(Boolean))];
    const shown =
      places.slice(0, PLACES_SHOWN).join(', ') +
      (places.length > PLACES_SHOWN ? ` +${places.length - PLACES_SHOWN} more` : '');
    rows.push([
      sevMark(first),
      g.id,
      clean(`${g.rows.length} places`),
      clean(`${groupHeadline(g).replace(/`/g, '')}: ${shown}; the JSON report (--format json) lists each`),
    ]);
  }
  if (rows.length) {
    lines.push('');
    const w1 = Math.max(...rows.map((r) => r[1].length));
    const w2 = Math.min(48, Math.max(...rows.map((r) => r[2].length)));
    for (const [sev, id, where, msg] of rows) lines.push(`${sev}  ${id.padEnd(w1)}  ${where.padEnd(w2)}  ${msg}`);
  }

  if (r.certificates.length) {
    lines.push('', paint(C.bold, 'Inventory'));
    const head = ['EXPIRES', 'DAYS', 'SUBJECT', 'ISSUER', 'OWNER', 'LOCATIONS'];
    // The inventory reads best in expiry order; findings above are worst-first.
    const byExpiry = [...r.certificates].sort((a, b) => a.notAfter.localeCompare(b.notAfter));
    const table = byExpiry.map((c) =>
      [
        c.notAfter.slice(0, 10),
        String(daysLeft(c.notAfter, r.run.now)),
        displayName(c) + (c.role !== 'leaf' ? ` [${c.role}]` : ''),
        issuerName(c),
        c.owner ?? '-',
        c.locations.slice(0, PLACES_SHOWN).map(locationText).join(', ') +
          (c.locations.length > PLACES_SHOWN ? ` +${c.locations.length - PLACES_SHOWN} more` : ''),
      ].map(clean),
    );
    const widths = head.map((h, i) =>
      Math.min(i === 5 ? 999 : 40, Math.max(h.length, ...table.map((row) => row[i].length))),
    );
    const fmt = (row: string[]) =>
      row
        .map((v, i) =>
          i === row.length - 1 ? v : v.length > widths[i] ? v.slice(0, widths[i] - 1) + '…' : v.padEnd(widths[i]),
        )
        .join('  ');
    lines.push(paint(C.dim, fmt(head)));
    for (const row of table) lines.push(fmt(row));
  }
  return lines.join('\n') + '\n';
}
