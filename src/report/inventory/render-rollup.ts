// `certwatch inventory --by folder` (or issuer, root, owner, key): the inventory rolled
// up to one line per group — how many certificates, how many failing, which expires
// first — for repositories too big to read certificate by certificate. The groups are
// the inventory's own (group.ts); this only lays one grouping out on its own.
import type { Report } from '../report-types.js';
import { groupBy, type GroupingKey } from './group.js';
import { isoDate, statusCounts } from './certificate-facts.js';
import { plural, readableInstant } from '../format-helpers.js';
import { clean, groupTable } from './render-text.js';
import { groupTableMarkdown, mdCell } from './render-markdown.js';
import { csvCell } from './render-csv.js';

export type RollupFormat = 'text' | 'json' | 'csv' | 'markdown';
export const ROLLUP_FORMATS: readonly RollupFormat[] = ['text', 'json', 'csv', 'markdown'];

const GROUP_NAMES: Record<GroupingKey, { column: string; phrase: string }> = {
  folder: { column: 'folder', phrase: 'by folder' },
  issuer: { column: 'issuing CA', phrase: 'by issuing CA' },
  root: { column: 'root', phrase: 'by root' },
  owner: { column: 'owner', phrase: 'by owner' },
  key: { column: 'key type', phrase: 'by key type' },
};

export function renderRollup(
  report: Report,
  by: GroupingKey,
  format: RollupFormat,
  opts: { title?: string } = {},
): string {
  const groups = groupBy(report, by);
  const names = GROUP_NAMES[by];
  // Failing counted per certificate, as the FAILING column is (and the HTML page's header).
  const counts = statusCounts(report.certificates);
  const tally = `${plural(report.summary.certificates, 'certificate')} (${counts.fail} failing, ${plural(counts.warn, 'warning')}), status ${report.summary.status}`;
  switch (format) {
    case 'text':
      return (
        [
          `${clean(opts.title ?? 'certwatch inventory')} ${names.phrase} — as of ${readableInstant(report.run.now)} — ${tally}`,
          ...groupTable(groups, names.column.toUpperCase()),
        ].join('\n') + '\n'
      );
    case 'markdown':
      return (
        [
          `## ${mdCell(opts.title ?? 'Certificate inventory')} ${names.phrase}`,
          '',
          `As of ${readableInstant(report.run.now)}: ${tally}.`,
          '',
          ...groupTableMarkdown(groups, names.column[0].toUpperCase() + names.column.slice(1)),
        ].join('\n') + '\n'
      );
    case 'csv': {
      const rows: (string | number)[][] = [
        [names.column.replace(/ /g, '_'), 'certificates', 'locations', 'failing', 'earliest_expiry', 'owners'],
        ...groups.map((g) => [
          g.key,
          g.certificates,
          g.locations,
          g.failing,
          g.earliestExpiry ? isoDate(g.earliestExpiry) : '',
          g.owners.join(' '),
        ]),
      ];
      return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
    }
    case 'json':
      return (
        JSON.stringify(
          {
            version: report.version,
            generatedAt: report.generatedAt,
            tool: report.tool,
            run: { now: report.run.now, shard: report.run.shard },
            summary: report.summary,
            by,
            groups,
          },
          null,
          2,
        ) + '\n'
      );
  }
}
