// `certwatch inventory`: every certificate, filtered, in a listing format.
import { parseArgs } from 'node:util';
import { UsageError } from '../config/settings.js';
import { filterReport, type InventoryFilter } from '../report/inventory/filter.js';
import { isRollupFormat, renderInventory, type InventoryFormat } from '../report/inventory/render.js';
import { GROUPING_KEYS, type GroupingKey } from '../report/inventory/group.js';
import type { Report } from '../report/report-types.js';
import { run } from '../run.js';
import type { OpenedList } from '../serial-lists/open-serial-list.js';
import { listReadProblem, serialLineProblem } from '../report/text/serial-list-cause.js';
import { scanSerialList } from '../serial-lists/scan-serial-list.js';
import { serialKey } from '../serial-lists/serial-line.js';
import { INVENTORY_FORMATS, INVENTORY_OPTIONS, parseDate, pickFormat, settingsFromFlags } from './args.js';
import { help } from './help.js';
import { emit, progress, say, writeReport } from './output.js';

export async function inventory(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: INVENTORY_OPTIONS, allowPositionals: false, strict: true });
  if (values.help) return help('inventory');
  const format = pickFormat<InventoryFormat>(values.format, INVENTORY_FORMATS, 'text');
  const by = values.by === undefined ? undefined : pickGrouping(values.by, format);
  const filter: InventoryFilter = {
    issuer: values.issuer,
    owner: values.owner,
    expiresBefore: values['expires-before'] ? parseDate(values['expires-before'], '--expires-before') : undefined,
    // README, "Command line": `--at DATE` shows what would fail on that date; --all keeps every certificate.
    failingOnly: values.at !== undefined && !values.all,
  };
  // Opened before the run (a wrong path is a usage error at once), read after it:
  // the list is streamed past our serials, never loaded (it can be millions of lines).
  const serialsFile = values['serials-file'];
  let list: OpenedList | undefined;
  if (serialsFile) {
    try {
      // Loaded only here: the list reader brings the HTTP client (lists by URL), whose
      // loading is a tenth of a plain inventory's start-up.
      list = await (await import('../serial-lists/open-serial-list.js')).openListFile(serialsFile);
    } catch (e) {
      throw new UsageError(`--serials-file: cannot read ${serialsFile}: ${(e as Error).message}`);
    }
  }
  const settings = await settingsFromFlags(values);
  const all = await run(settings, { progress: progress() });
  if (serialsFile && list) filter.serials = await serialsNamedIn(serialsFile, list, all);
  const report = filterReport(all, filter);
  await writeReport(report, values.report);
  await emit(
    renderInventory(report, format, {
      color: !values.output && !!process.stdout.isTTY && !process.env.NO_COLOR,
      by,
    }),
    values.output,
    format,
  );
  return report.summary.failures > 0 ? 1 : 0;
}

function pickGrouping(value: string, format: InventoryFormat): GroupingKey {
  const by = GROUPING_KEYS.find((k) => k === value);
  if (!by) throw new UsageError(`--by: "${value}" is not one of ${GROUPING_KEYS.join(', ')}`);
  if (!isRollupFormat(format))
    throw new UsageError(`--by ${by} works with --format text, json, csv or markdown, not ${format}`);
  return by;
}

/** Which of the report's serials the list names; bad lines are said on stderr and skipped. */
async function serialsNamedIn(file: string, list: OpenedList, report: Report): Promise<Set<string>> {
  try {
    const scanned = await scanSerialList(
      list.bytes,
      new Set(report.certificates.map((c) => serialKey(c.serialNumber))),
    );
    for (const b of scanned.bad) say(`certwatch: ${file}:${b.line}: "${b.text}" ${serialLineProblem(b.problem)}\n`);
    if (scanned.badCount > scanned.bad.length)
      say(`certwatch: ${file}: ${scanned.badCount - scanned.bad.length} more lines are not serial numbers (skipped)\n`);
    return new Set(scanned.hits.keys());
  } catch (e) {
    if (e instanceof (await import('../serial-lists/open-serial-list.js')).SerialListError)
      throw new UsageError(`--serials-file: ${file} ${listReadProblem(e.problem)}`);
    throw e;
  }
}
