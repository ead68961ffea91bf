// The `merge` input: instead of checking, the shard reports a matrix wrote
// are loaded from the workspace (as `certwatch merge` loads them) and merged
// into one report, which the merge job publishes and syncs issues from.
import { UsageError } from '../config/settings.js';
import { loadReports, ReportLoadError } from '../report/load-reports.js';
import { MergeError, mergeReports } from '../report/merge-reports.js';
import type { Report } from '../report/report-types.js';
import type { ActionInputs } from './inputs.js';
import { log } from './log.js';

export async function mergedReport(inputs: ActionInputs): Promise<Report> {
  const { reports, files } = await loadReports([inputs.merge], { workspace: inputs.workspace }).catch((e: unknown) => {
    if (!(e instanceof ReportLoadError)) throw e;
    const p = e.problem;
    if (p.kind === 'no-match') throw new UsageError(`input merge: "${p.pattern}" matched no report`);
    throw new MergeError(`input merge: ${p.file} is not a readable JSON report (${(p.cause as Error).message})`);
  });
  const report = mergeReports(reports);
  log.info(`certwatch: merged ${files.length} shard reports`);
  return report;
}
