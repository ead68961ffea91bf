// `certwatch check`: run the checks and print the findings.
import { parseArgs } from 'node:util';
import { run } from '../run.js';
import { CHECK_FORMATS, TARGET_OPTIONS, pickFormat, settingsFromFlags } from './args.js';
import { help } from './help.js';
import { emit, progress, render, writeReport } from './output.js';

export async function check(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: TARGET_OPTIONS, allowPositionals: false, strict: true });
  if (values.help) return help('check');
  const format = pickFormat(values.format, CHECK_FORMATS, 'text');
  const settings = await settingsFromFlags(values);
  const report = await run(settings, { progress: progress() });
  await writeReport(report, values.report);
  await emit(render(report, format, !values.output && !!process.stdout.isTTY), values.output, format);
  return report.summary.failures > 0 ? 1 : 0;
}
