// One entry point for every inventory format; the CLI and the action pick a
// format and write the string where the user asked.
import type { Report } from '../report-types.js';
import { buildInventory } from './inventory.js';
import { renderText } from './render-text.js';
import { renderCsv } from './render-csv.js';
import { renderIcs } from './render-ics.js';
import { renderMarkdown } from './render-markdown.js';
import { renderHtml } from './render-html.js';
import { renderOpenMetrics } from '../openmetrics.js';
import type { GroupingKey } from './group.js';
import { ROLLUP_FORMATS, renderRollup, type RollupFormat } from './render-rollup.js';

export type InventoryFormat = 'text' | 'json' | 'csv' | 'markdown' | 'ics' | 'html' | 'openmetrics';

export const INVENTORY_FORMATS: readonly InventoryFormat[] = [
  'text',
  'json',
  'csv',
  'markdown',
  'ics',
  'html',
  'openmetrics',
];

export function renderInventory(
  report: Report,
  format: InventoryFormat,
  opts: { color?: boolean; title?: string; by?: GroupingKey } = {},
): string {
  if (opts.by) {
    // The CLI refuses other formats before running (a usage error); this guards other callers.
    if (!isRollupFormat(format)) throw new Error(`--by ${opts.by} works with --format ${ROLLUP_FORMATS.join(', ')}`);
    return renderRollup(report, opts.by, format, opts);
  }
  switch (format) {
    case 'csv':
      return renderCsv(report); // needs no derived views
    case 'openmetrics':
      return renderOpenMetrics(report);
    case 'ics':
      return renderIcs(report, opts);
    case 'text':
      return renderText(report, buildInventory(report), opts);
    case 'markdown':
      return renderMarkdown(report, buildInventory(report), opts);
    case 'html':
      return renderHtml(report, buildInventory(report), opts);
    case 'json': {
      const { groups, concentration, drift, forecast } = buildInventory(report);
      return JSON.stringify({ ...report, inventory: { groups, concentration, drift, forecast } }, null, 2) + '\n';
    }
  }
}

export function isRollupFormat(f: InventoryFormat): f is RollupFormat {
  return (ROLLUP_FORMATS as readonly string[]).includes(f);
}
