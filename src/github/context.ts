// The GitHub run's context, read once at the edge from the runner's environment
// (like actions/checkout's input-helper): nothing else in src/github reads
// process.env, so tests drive every module with a plain object.
import { readFileSync } from 'node:fs';

/**
 * The parts of the webhook payload certwatch reads. The runner writes the file,
 * but on a pull request much of it describes the contributor's fork: every
 * field is optional and checked where it is used.
 */
export interface EventPayload {
  number?: number;
  before?: string;
  after?: string;
  repository?: { full_name?: string; default_branch?: string };
  pull_request?: {
    number?: number;
    base?: { sha?: string; repo?: { full_name?: string } };
    head?: { sha?: string; repo?: { full_name?: string } | null };
  };
}

export interface GithubEnv {
  eventName: string; // GITHUB_EVENT_NAME: "push", "pull_request", "schedule", …
  eventPayload: EventPayload; // the webhook payload at GITHUB_EVENT_PATH ({} when absent)
  repository: string; // "owner/repo"
  serverUrl: string; // "https://github.com" (GHES: the enterprise host)
  apiUrl: string; // "https://api.github.com" (GHES: "https://host/api/v3")
  runId?: string;
  sha?: string;
  ref?: string;
  token: string;
  workspace: string;
}

/** What every src/github module logs through: @actions/core in the action, a capture in tests. */
export interface Logger {
  info(m: string): void;
  warning(m: string): void;
  error(m: string): void;
}

// The event payload is a file the runner writes; a huge one is not a payload
// we understand (real ones are tens of KB), so refuse to read past this.
const MAX_EVENT_PAYLOAD_BYTES = 25 * 1024 * 1024;

export function readGithubEnv(token: string, env: NodeJS.ProcessEnv = process.env): GithubEnv {
  let eventPayload: EventPayload = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath) {
    try {
      const text = readFileSync(eventPath, 'utf8');
      const parsed: unknown = text.length <= MAX_EVENT_PAYLOAD_BYTES ? JSON.parse(text) : {};
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) eventPayload = parsed as EventPayload;
    } catch {
      // A missing or unreadable payload only costs us PR/default-branch
      // detection; the callers then fall back to "check everything".
      eventPayload = {};
    }
  }
  const serverUrl = trimSlash(env.GITHUB_SERVER_URL || 'https://github.com');
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPayload,
    repository: env.GITHUB_REPOSITORY || repositoryFromPayload(eventPayload),
    serverUrl,
    apiUrl: trimSlash(env.GITHUB_API_URL || defaultApiUrl(serverUrl)),
    runId: env.GITHUB_RUN_ID || undefined,
    sha: env.GITHUB_SHA || undefined,
    ref: env.GITHUB_REF || undefined,
    token,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
  };
}

export function splitRepository(repository: string): { owner: string; repo: string } {
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) throw new Error(`GITHUB_REPOSITORY must look like "owner/repo", got "${repository}"`);
  return { owner, repo };
}

/** The pull request number for pull_request / pull_request_target events, else null. */
export function pullRequestNumber(env: GithubEnv): number | null {
  if (!isPullRequestEvent(env.eventName)) return null;
  const n = env.eventPayload?.pull_request?.number ?? env.eventPayload?.number;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}

export function isPullRequestEvent(eventName: string): boolean {
  return eventName === 'pull_request' || eventName === 'pull_request_target';
}

/** Link to the run's page (its summary is there); null outside Actions. */
export function runUrl(env: GithubEnv): string | null {
  return env.runId ? `${env.serverUrl}/${env.repository}/actions/runs/${env.runId}` : null;
}

function repositoryFromPayload(payload: EventPayload): string {
  const full = payload?.repository?.full_name;
  return typeof full === 'string' ? full : '';
}

// GHES serves its API under /api/v3 of the server; github.com has its own host.
function defaultApiUrl(serverUrl: string): string {
  return serverUrl === 'https://github.com' ? 'https://api.github.com' : `${serverUrl}/api/v3`;
}

function trimSlash(u: string): string {
  return u.replace(/\/+$/, '');
}
