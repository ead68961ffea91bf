// The last step: keep GitHub issues in step with the report, when the
// `issues` input and the event allow it. Shard jobs leave issues to the merge
// job, which sees everything. Octokit and the sync code load only when issues
// are on for this event (start-up time, issue 15).
import type { GithubEnv } from '../github/context.js';
import { issuesEnabled } from '../github/issue-policy.js';
import type { Report } from '../report/report-types.js';
import type { Settings } from '../types.js';
import type { ActionInputs } from './inputs.js';
import { log } from './log.js';

export async function issueSyncStep(
  report: Report,
  inputs: ActionInputs,
  settings: Settings,
  gh: GithubEnv,
  scopeFiles: string[] | null,
): Promise<void> {
  const decision = issuesEnabled(inputs.issues, gh);
  const whole = settings.shard.count === 1 || !!inputs.merge;
  if (!whole) return;
  if (!decision.on) {
    if (inputs.issues !== 'false') log.info(`${decision.why}: not syncing issues`);
    return;
  }
  const [{ syncIssuesFromAction }, { readCodeowners }] = await Promise.all([
    import('../github/sync-issues.js'),
    import('../github/codeowners.js'),
  ]);
  const codeowners = await readCodeowners(inputs.workspace);
  const res = await syncIssuesFromAction(report, inputs.issues, settings.issues, gh, log, {
    codeowners: codeowners ?? undefined,
    scopeFiles,
    issueAuthor: inputs.issueAuthor,
  });
  // A skipped sync has already said why (syncIssuesFromAction logs it once).
  if (!res.skipped)
    log.info(
      `certwatch: issues: ${res.created.length} opened, ${res.updated.length} updated, ${res.commented.length} commented, ${res.closed.length} closed, ${res.reopened.length} reopened (${res.apiCalls} API calls)`,
    );
}
