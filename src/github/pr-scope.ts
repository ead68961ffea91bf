// Which files a run should look at: on a pull request only what the PR adds
// or changes, so a PR that touches nothing certificate-related passes fast and
// an old certificate elsewhere does not fail someone else's PR.
import { execFile } from 'node:child_process';
import { isAbsolute, relative } from 'node:path';
import { explainApiError } from './api-errors.js';
import { isPullRequestEvent, pullRequestNumber, splitRepository, type GithubEnv, type Logger } from './context.js';
import { createClient, type ClientOptions, type Octokit } from './octokit.js';

export type { Logger } from './context.js';

export interface ScopeResult {
  files: string[] | null; // null = everything
  configChanged: boolean; // the config file is among the changed files
  reason: string; // one line for the log / summary
}

// The PR files endpoint returns at most 3,000 files (GitHub REST docs,
// "List pull requests files"); at that count the list may be cut short.
const API_FILE_LIMIT = 3000;
// 100 is the endpoint's largest page; 30 pages cover its 3,000-file cap.
const PER_PAGE = 100;
const MAX_PAGES = Math.ceil(API_FILE_LIMIT / PER_PAGE);
// git diff of a huge PR: names only, but bounded all the same.
const GIT_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
const GIT_TIMEOUT_MS = 30_000;
// Statuses of files whose new content is in the head commit. Removed files
// have nothing to check.
const KEPT_STATUSES = new Set(['added', 'modified', 'renamed', 'copied', 'changed']);

export interface ScopeOptions {
  client?: Octokit; // injected in tests; else built from env
  clientOptions?: ClientOptions;
}

export async function resolveScope(
  scope: 'auto' | 'all' | 'changed',
  env: GithubEnv,
  configPath: string,
  log: Logger,
  opts: ScopeOptions = {},
): Promise<ScopeResult> {
  if (scope === 'all') return { files: null, configChanged: false, reason: 'scope: all — checking everything' };
  const onPr = isPullRequestEvent(env.eventName);
  if (scope === 'auto' && !onPr)
    return {
      files: null,
      configChanged: false,
      reason: `scope: auto on ${env.eventName || 'a local run'} — checking everything`,
    };

  const configRel = toRelative(configPath, env.workspace);
  const done = (files: string[], how: string): ScopeResult => {
    const sorted = [...new Set(files)].sort();
    const configChanged = configRel !== '' && sorted.includes(configRel);
    return {
      files: sorted,
      configChanged,
      reason: `scope: ${scope} — ${sorted.length} changed file(s) ${how}${configChanged ? ', config changed' : ''}`,
    };
  };

  if (onPr) {
    const number = pullRequestNumber(env);
    if (number === null) {
      log.warning('scope: the pull_request event payload has no PR number; checking everything');
      return { files: null, configChanged: false, reason: 'scope: no PR number in the event — checking everything' };
    }
    let apiFailure = '';
    try {
      const client = opts.client ?? createClient(env.token, env.apiUrl, { ...opts.clientOptions, log });
      const files = await listPullRequestFiles(client, env, number);
      if (files.complete) return done(files.names, `in PR #${number} (API)`);
      apiFailure = `the PR lists ${API_FILE_LIMIT}+ files, more than the API returns`;
    } catch (err) {
      apiFailure = explainApiError(err, `listing the files of PR #${number}`, 'pull-requests: read').message;
    }
    // The API failed or was cut short: the history may still answer (needs
    // actions/checkout with fetch-depth: 0, or enough depth for the merge base).
    const base = env.eventPayload?.pull_request?.base?.sha;
    const head = env.eventPayload?.pull_request?.head?.sha;
    const fromGit =
      typeof base === 'string' && typeof head === 'string' ? await gitChangedFiles(env.workspace, base, head) : null;
    if (fromGit && typeof base === 'string' && typeof head === 'string') {
      log.info(`scope: ${apiFailure}; using git diff ${short(base)}...${short(head)}`);
      return done(fromGit, `in PR #${number} (git diff)`);
    }
    log.warning(
      `scope: ${apiFailure}; git history unavailable (use actions/checkout with fetch-depth: 0) — checking everything`,
    );
    return {
      files: null,
      configChanged: false,
      reason: `scope: ${scope} — changed files unknown, checking everything`,
    };
  }

  // scope: changed outside a PR: a push says what it changed through before..after.
  const before = env.eventPayload?.before;
  const after = env.eventPayload?.after ?? env.sha;
  if (typeof before === 'string' && !/^0+$/.test(before) && typeof after === 'string') {
    const fromGit = await gitChangedFiles(env.workspace, before, after, '..');
    if (fromGit) return done(fromGit, `in ${short(before)}..${short(after)} (git diff)`);
  }
  log.warning(
    `scope: changed — no pull request or push range to compare on ${env.eventName || 'a local run'}; checking everything`,
  );
  return {
    files: null,
    configChanged: false,
    reason: 'scope: changed — nothing to compare against, checking everything',
  };
}

/** Paginated `GET /repos/{o}/{r}/pulls/{n}/files`, new names of added/modified/renamed files. */
export async function listPullRequestFiles(
  client: Octokit,
  env: GithubEnv,
  pullNumber: number,
): Promise<{ names: string[]; complete: boolean }> {
  const { owner, repo } = splitRepository(env.repository);
  const names: string[] = [];
  let seen = 0;
  let pages = 0;
  for await (const page of client.paginate.iterator(client.rest.pulls.listFiles, {
    owner,
    repo,
    pull_number: pullNumber,
    per_page: PER_PAGE,
  })) {
    for (const f of page.data) {
      seen++;
      if (KEPT_STATUSES.has(f.status)) names.push(f.filename);
    }
    if (++pages >= MAX_PAGES) break;
  }
  return { names, complete: seen < API_FILE_LIMIT };
}

/** `git diff --name-only` in the workspace; null when the history is not there. */
export function gitChangedFiles(
  workspace: string,
  base: string,
  head: string,
  range: '...' | '..' = '...',
): Promise<string[] | null> {
  if (!/^[0-9a-f]{7,64}$/i.test(base) || !/^[0-9a-f]{7,64}$/i.test(head)) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(
      'git',
      [
        '-C',
        workspace,
        '-c',
        'core.quotePath=false',
        'diff',
        '--name-only',
        '--no-renames',
        '--diff-filter=ACMRT',
        `${base}${range}${head}`,
        '--',
      ],
      { timeout: GIT_TIMEOUT_MS, maxBuffer: GIT_MAX_OUTPUT_BYTES },
      (err, stdout) => resolve(err ? null : stdout.split('\n').filter((l) => l.length > 0)),
    );
  });
}

function toRelative(configPath: string, workspace: string): string {
  if (!configPath) return '';
  const rel = isAbsolute(configPath) ? relative(workspace, configPath) : configPath;
  return rel.replace(/\\/g, '/').replace(/^\.\//, '');
}

function short(sha: string): string {
  return String(sha).slice(0, 7);
}
