// GitHub-flavoured markdown: for the job summary and for pasting into an
// incident ticket. Cell text is escaped so a `|` in a subject cannot split a
// row and HTML in a subject stays text.
import type { Report } from '../report-types.js';
import type { InventoryGroup } from './group.js';
import type { Inventory } from './inventory.js';
import { plural, readableInstant } from '../format-helpers.js';
import { findingSentenceBesidePlace } from '../text/finding-sentence.js';
import { daysLeft, displayName, isoDate, issuingCa, locationText, statusId } from './certificate-facts.js';
import { byExpiry } from './render-text.js';
import { mdUntrusted, ownersMarkdown } from '../untrusted-text.js';
import { hasEndpoints } from './drift.js';

const MAX_LOCATIONS_PER_CELL = 5;

export function renderMarkdown(report: Report, inv: Inventory, opts: { title?: string } = {}): string {
  const now = new Date(report.run.now);
  const s = report.summary;
  const out: string[] = [];
  out.push(`## ${mdCell(opts.title ?? 'Certificate inventory')}`, '');
  out.push(
    `**${s.certificates}** certificate${s.certificates === 1 ? '' : 's'} as of ${readableInstant(report.run.now)} — status **${s.status}** (${plural(s.failures, 'failure')}, ${plural(s.warnings, 'warning')})`,
  );

  const groupSections: [string, InventoryGroup[]][] = [
    ['By issuing CA', inv.groups.issuer],
    ['By root', inv.groups.root],
    ['By owner', inv.groups.owner],
    ['By key type', inv.groups.key],
  ];
  for (const [title, groups] of groupSections) {
    out.push('', `### ${title}`, '');
    out.push(...groupTableMarkdown(groups));
  }

  out.push('', '### Concentration', '');
  out.push(...(inv.concentration.length ? inv.concentration.map((l) => `- ${mdCell(l)}`) : ['No certificates.']));

  out.push('', '### Expiring by month', '');
  out.push(
    ...mdTable(
      ['Month', 'Certificates', 'Failing'],
      inv.forecast.map((b) => [b.label, String(b.certificates), String(b.failing)]),
    ),
  );

  out.push('', '### Drift', '');
  out.push(
    ...(inv.drift.length
      ? inv.drift.map((d) => `- **${d.verdict}**: ${mdCell(d.message)}`)
      : [
          hasEndpoints(report)
            ? 'Every checked-in certificate matches what its endpoints serve.'
            : 'No endpoints configured: nothing to compare the checked-in certificates with.',
        ]),
  );

  out.push('', '### Certificates', '');
  out.push(
    ...mdTable(
      ['Status', 'Subject', 'Issuer', 'Expires', 'Days left', 'Locations', 'Owner'],
      [...report.certificates].sort(byExpiry).map((c) => {
        const where = c.locations.slice(0, MAX_LOCATIONS_PER_CELL).map(locationText);
        if (c.locations.length > where.length) where.push(`+${c.locations.length - where.length} more`);
        return [
          statusId(c),
          displayName(c),
          issuingCa(c),
          isoDate(c.notAfter),
          String(daysLeft(c, now)),
          where.join(', ') || '—',
          owners(c.owner ? [c.owner] : []),
        ];
      }),
    ),
  );
  if (report.problems.length) {
    out.push('', '### Problems not tied to a certificate', '');
    out.push(
      ...report.problems.map(
        (p) =>
          `- \`${p.id}\` (${p.severity})${p.location ? ` ${mdCell(locationText(p.location))}` : ''}: ${mdCell(findingSentenceBesidePlace(p, report.run.now))}`,
      ),
    );
  }
  return out.join('\n') + '\n';
}

/** A group table (one row per group), also the whole of `inventory --by`. */
export function groupTableMarkdown(groups: InventoryGroup[], first = 'Group'): string[] {
  return mdTable(
    [first, 'Certificates', 'Locations', 'Failing', 'Earliest expiry', 'Owners'],
    groups.map((g) => [
      g.key,
      String(g.certificates),
      String(g.locations),
      String(g.failing),
      g.earliestExpiry ? isoDate(g.earliestExpiry) : '—',
      owners(g.owners),
    ]),
  );
}

/** Owners are already Markdown (valid handles stay mentions); every other cell is untrusted text. */
class Owners {
  constructor(readonly markdown: string) {}
}

function owners(list: string[]): Owners {
  return new Owners(list.length ? ownersMarkdown(list) : '—');
}

function mdTable(head: string[], rows: (string | Owners)[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => (c instanceof Owners ? c.markdown : mdCell(c))).join(' | ')} |`),
  ];
}

/** Text from certificates inside a markdown table: see untrusted-text.ts. */
export function mdCell(s: string): string {
  return mdUntrusted(s);
}
