// One place that builds the REST client, with retries for 5xx and GitHub's
// rate-limit handling, so issue sync and PR scope behave the same under load.
import { getOctokit } from '@actions/github';
import { defaults as githubDefaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from './context.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  /** retries for 5xx / network errors (plugin-retry); default 3 */
  retries?: number;
  /** base of the back-off in ms: waits are (attempt²)·base; default 1000. Tests use ~1. */
  retryBaseMs?: number;
  /** waits the client will sit out for a rate limit before giving up; default 120 s */
  maxRateLimitWaitSeconds?: number;
  /**
   * 'github' (default): plugin-throttling's spacing of writes (1 s) and of
   * notification-triggering writes such as new issues and comments (3 s), which
   * GitHub asks integrations to keep to avoid secondary rate limits.
   * 'none': no spacing (tests against a local server).
   */
  spacing?: 'github' | 'none';
  /** whole-client time budget: requests after it fail with an abort error */
  timeoutMs?: number;
  log?: Logger;
}

// Rate-limit retries are few: a primary limit resets on the hour, and
// sitting out an hour in CI is worse than syncing issues on the next run.
const MAX_RATE_LIMIT_RETRIES = 2;

export function createClient(token: string, apiUrl: string, opts: ClientOptions = {}): Octokit {
  const log = opts.log;
  const maxWait = opts.maxRateLimitWaitSeconds ?? 120;
  const base = opts.retryBaseMs ?? 1000;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method?: string; url?: string }, _o: unknown, retryCount: number): boolean => {
      const what = `${options?.method ?? ''} ${options?.url ?? ''}`.trim();
      if (retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter <= maxWait) {
        log?.info(`GitHub ${kind} rate limit on ${what}; retrying in ${retryAfter}s`);
        return true;
      }
      // Say which limit stopped us: "not waiting 1s" after two 1 s retries misled readers.
      const why =
        retryCount >= MAX_RATE_LIMIT_RETRIES
          ? `giving up after ${retryCount} retries`
          : `not waiting ${retryAfter}s (over ${maxWait}s)`;
      log?.warning(`GitHub ${kind} rate limit on ${what}; ${why}`);
      return false;
    };
  const passThrough = { key: () => ({ schedule: (...args: unknown[]) => run(args) }) };
  const throttle = {
    onRateLimit: onLimit('primary'),
    onSecondaryRateLimit: onLimit('secondary'),
    retryAfterBaseValue: base,
    ...(opts.spacing === 'none' ? { write: passThrough, notifications: passThrough, search: passThrough } : {}),
  };
  return getOctokit(
    token,
    {
      baseUrl: apiUrl,
      request: requestOptions(apiUrl, opts.timeoutMs),
      retry: { retries: opts.retries ?? 3, retryAfterBaseValue: base },
      throttle,
    } as Parameters<typeof getOctokit>[1],
    retry,
    throttling,
  );
}

// Bottleneck's schedule(options?, fn, ...args): run fn(...args) at once.
function run(args: unknown[]): Promise<unknown> {
  const i = typeof args[0] === 'function' ? 0 : 1;
  const fn = args[i] as (...a: unknown[]) => Promise<unknown>;
  return fn(...args.slice(i + 1));
}

// Passing `request` replaces the toolkit's defaults wholesale (Octokit merges
// options shallowly), so start from them: they carry the proxy-aware fetch.
// That fetch was built for the API URL seen at import time; for a loopback URL
// (tests, a local mirror) use plain fetch, as the toolkit's proxy logic would.
function requestOptions(apiUrl: string, timeoutMs?: number): Record<string, unknown> {
  const request: Record<string, unknown> = {
    ...((githubDefaults as { request?: Record<string, unknown> }).request ?? {}),
  };
  if (isLoopback(apiUrl)) {
    request.fetch = globalThis.fetch;
    delete request.agent;
  }
  if (timeoutMs) request.signal = AbortSignal.timeout(timeoutMs);
  return request;
}

function isLoopback(u: string): boolean {
  try {
    const h = new URL(u).hostname;
    return h === 'localhost' || h === '[::1]' || h === '::1' || /^127\./.test(h);
  } catch {
    return false;
  }
}

/** A RequestError's HTTP status, or 0 for network/abort errors. */
export function statusOf(err: unknown): number {
  const s = (err as { status?: unknown } | null | undefined)?.status;
  return typeof s === 'number' ? s : 0;
}
