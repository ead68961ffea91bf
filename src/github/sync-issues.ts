// Keeps GitHub issues in step with the report: one issue per certificate that
// needs replacement (or one digest), found again by a hidden fingerprint
// marker, edited in place, commented only when its state changes, closed when
// the certificate is replaced or gone, reopened on regression.
//
// Three parts: issue-policy.ts (what needs an issue, and whether issues are
// on), issue-plan.ts (a pure planner: report + tracked issues → actions) and
// issue-store.ts (lists certwatch's issues and applies the actions, minding
// concurrent runs). This module wires them for the action and for tests.
import type { Report } from '../report/report-types.js';
import type { IssueSettings } from '../types.js';
import { explainApiError } from './api-errors.js';
import { parseCodeowners, type CodeownersRule } from './codeowners.js';
import { isPullRequestEvent, runUrl, type GithubEnv, type Logger } from './context.js';
import { planIssueSync } from './issue-plan.js';
import { issuesEnabled } from './issue-policy.js';
import { IssueStore, type StoreResult } from './issue-store.js';
import { createClient, type ClientOptions, type Octokit } from './octokit.js';

export type { Logger } from './context.js';
export type { Octokit } from './octokit.js';
export { issuesEnabled, replacementFindings } from './issue-policy.js';

/** What a sync wrote (by issue number), how many API calls it took, and why it stopped short if it did. */
export interface SyncResult extends StoreResult {
  apiCalls: number;
  skipped?: string; // why nothing (or not everything) was done
}

export interface SyncContext {
  repository: string; // owner/repo
  serverUrl: string;
  sha?: string; // commit file links point at
  runUrl: string | null;
  settings: IssueSettings;
  log: Logger;
  codeowners?: CodeownersRule[];
  /** files the run was limited to (PR scope); null/absent = the whole repository */
  scopeFiles?: string[] | null;
  /** the label that marks certwatch's issues; default: the first configured label, else "certwatch" */
  trackingLabel?: string;
  /** the login the token acts as (the `issue-author` input); found out when absent */
  issueAuthor?: string;
}

export interface SyncFromActionOptions {
  codeowners?: string; // CODEOWNERS text if found
  scopeFiles?: string[] | null; // from resolveScope: its `files` (null = everything was checked)
  client?: Octokit; // injected in tests
  clientOptions?: ClientOptions;
  issueAuthor?: string; // the `issue-author` input
}

/** The action's entry: decides whether to sync, builds the client, never throws. */
export async function syncIssuesFromAction(
  report: Report,
  issuesInput: 'auto' | 'true' | 'false',
  settings: IssueSettings,
  env: GithubEnv,
  log: Logger,
  opts: SyncFromActionOptions = {},
): Promise<SyncResult> {
  const nothing = (skipped: string): SyncResult => ({ ...emptyResult(), skipped });
  const decision = issuesEnabled(issuesInput, env);
  if (!decision.on) {
    log.info(`${decision.why}: not syncing issues`);
    return nothing(decision.why);
  }
  if (!env.token) {
    const why =
      'no github-token: issues not synced (pass `github-token: ${{ github.token }}` and grant `issues: write`)';
    log.warning(why);
    return nothing(why);
  }
  if (!/^[^/\s]+\/[^/\s]+$/.test(env.repository)) {
    const why = 'GITHUB_REPOSITORY is not set: issues not synced';
    log.warning(why);
    return nothing(why);
  }
  try {
    const client = opts.client ?? createClient(env.token, env.apiUrl, { ...opts.clientOptions, log });
    return await syncIssues(report, client, {
      repository: env.repository,
      serverUrl: env.serverUrl,
      sha: env.sha,
      runUrl: runUrl(env),
      settings,
      log,
      codeowners: opts.codeowners ? parseCodeowners(opts.codeowners) : undefined,
      // Not told the scope on a pull request: assume it was narrowed (the
      // default there), so nothing unseen is taken for gone.
      scopeFiles: opts.scopeFiles !== undefined ? opts.scopeFiles : isPullRequestEvent(env.eventName) ? [] : null,
      issueAuthor: opts.issueAuthor,
    });
  } catch (err) {
    // syncIssues reports API failures itself; this is the last guard so a bug
    // here can never change the run's pass/fail.
    const why = `issue sync failed: ${(err as Error)?.message ?? err}`;
    log.warning(why);
    return nothing(why);
  }
}

function emptyResult(): SyncResult {
  return { created: [], updated: [], commented: [], closed: [], reopened: [], withdrawn: [], apiCalls: 0 };
}

/** The core: list certwatch's issues, plan from them and the report, then write only what changed. */
export async function syncIssues(report: Report, client: Octokit, ctx: SyncContext): Promise<SyncResult> {
  const result = emptyResult();
  const countCall = () => {
    result.apiCalls++;
  };
  client.hook.before('request', countCall);
  let doing = 'listing certwatch issues';
  try {
    const label = ctx.trackingLabel ?? ctx.settings.labels[0] ?? 'certwatch';
    const store = new IssueStore(
      client,
      {
        repository: ctx.repository,
        label,
        labels: [...new Set([label, ...ctx.settings.labels])],
        issueAuthor: ctx.issueAuthor,
        today: report.run.now.slice(0, 10),
        log: ctx.log,
        doing: (d) => (doing = d),
      },
      result,
    );
    const tracked = await store.listTracked();
    const actions = planIssueSync({
      report,
      tracked,
      settings: ctx.settings,
      render: {
        serverUrl: ctx.serverUrl,
        repository: ctx.repository,
        sha: ctx.sha,
        runUrl: ctx.runUrl,
        now: report.run.now,
        generatedAt: report.generatedAt,
        toolVersion: report.tool.version,
        configPath: report.run.configPath,
      },
      codeowners: ctx.codeowners,
      scopeFiles: ctx.scopeFiles,
    });
    await store.apply(actions);
  } catch (err) {
    const failure = explainApiError(err, doing, 'issues: write');
    ctx.log.warning(`Issues not fully synced: ${failure.message}`);
    result.skipped = failure.message;
  } finally {
    client.hook.remove('request', countCall);
  }
  return result;
}
