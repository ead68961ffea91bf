// `certwatch merge`: shard reports in, one report out (loaded as the action's `merge` input is).
import { parseArgs } from 'node:util';
import { UsageError } from '../config/settings.js';
import { loadReports, ReportLoadError, type ReportLoadProblem } from '../report/load-reports.js';
import { mergeReports } from '../report/merge-reports.js';
import { fileProblem } from '../shared/file-problem.js';
import { CHECK_FORMATS, MERGE_OPTIONS, pickFormat } from './args.js';
import { help } from './help.js';
import { emit, render, writeReport } from './output.js';

export async function merge(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: MERGE_OPTIONS, allowPositionals: true, strict: true });
  if (values.help) return help('merge');
  const format = pickFormat(values.format, CHECK_FORMATS, 'text');
  if (!positionals.length)
    throw new UsageError(
      'merge: give the shard reports to merge (files or a glob), like certwatch merge reports/*.json',
    );
  const { reports } = await loadReports(positionals).catch((e: unknown) => {
    throw e instanceof ReportLoadError ? new UsageError(`merge: ${loadProblem(e.problem)}`) : e;
  });
  const report = mergeReports(reports);
  await writeReport(report, values.report);
  await emit(render(report, format, !values.output && !!process.stdout.isTTY), values.output, format);
  return report.summary.failures > 0 ? 1 : 0;
}

function loadProblem(p: ReportLoadProblem): string {
  switch (p.kind) {
    case 'no-match':
      return `"${p.pattern}" matched no report`;
    case 'unreadable':
      return `cannot read ${p.file}: ${fileProblem(p.cause)}`;
    case 'not-json':
      return `${p.file} is not valid JSON (${p.cause.message}); was it written by certwatch --report?`;
  }
}
