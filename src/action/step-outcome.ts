// How the step ends: failed with the summary line when the report has
// failures, or with a message naming what went wrong — never a stack trace
// (the trace goes to the debug log).
import * as core from '@actions/core';
import { DurationError } from '../config/duration.js';
import { ConfigError } from '../config/load-config.js';
import { UsageError } from '../config/settings.js';
import { plural } from '../report/format-helpers.js';
import { MergeError } from '../report/merge-reports.js';
import type { Report } from '../report/report-types.js';
import { log } from './log.js';

/** "certwatch: fail — 2 failures, 1 warning, 9 certificates": the step fails on failures, else logs it. */
export function endWithStatus(report: Report): void {
  const s = report.summary;
  const line = `certwatch: ${s.status} — ${plural(s.failures, 'failure')}, ${plural(s.warnings, 'warning')}, ${plural(s.certificates, 'certificate')}`;
  if (s.failures > 0) core.setFailed(line);
  else log.info(line);
}

/** An error that stopped the run: config problems as annotations on the config file, usage errors as they are. */
export function endWithError(e: unknown): void {
  if (e instanceof ConfigError) {
    for (const p of e.problems)
      core.error(`${p.key ? `${p.key}: ` : ''}${p.message}`, {
        title: 'certwatch: invalid config',
        file: p.file.startsWith('(') ? undefined : p.file,
        startLine: p.line,
      });
    core.setFailed(`certwatch: invalid config (${e.problems.length} problem${e.problems.length === 1 ? '' : 's'})`);
  } else if (e instanceof UsageError || e instanceof DurationError || e instanceof MergeError) {
    core.setFailed(`certwatch: ${e.message}`);
  } else {
    core.setFailed(`certwatch: internal error: ${(e as Error).message}`);
    core.debug(String((e as Error).stack));
  }
}
