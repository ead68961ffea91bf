// Turns a failed GitHub API call into a sentence that says what to change.
// The usual causes in Actions are a workflow `permissions:` block that leaves
// out what we need, issues being disabled, and rate limits — each has a
// different fix, so each gets its own message.
import { statusOf } from './octokit.js';

export type ApiFailureKind =
  | 'permission'
  | 'disabled'
  | 'rate-limit'
  | 'auth'
  | 'not-found'
  | 'invalid'
  | 'unavailable';

export interface ApiFailure {
  kind: ApiFailureKind;
  status: number;
  message: string; // one line, ready for the log
}

/**
 * @param doing what was attempted, e.g. "creating an issue"
 * @param permission the `permissions:` entry that grants it, e.g. "issues: write"
 */
export function explainApiError(err: unknown, doing: string, permission: string): ApiFailure {
  const status = statusOf(err);
  // A RequestError from Octokit, a fetch/abort error, or anything thrown: read what is there.
  const e = (err ?? {}) as {
    message?: unknown;
    response?: { data?: { message?: unknown }; headers?: Record<string, string | undefined> };
  };
  const apiMessage = String(e.response?.data?.message ?? e.message ?? err);
  const headers = e.response?.headers ?? {};
  const rateLimited = status === 429 || headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(apiMessage);
  if ((status === 403 || status === 429) && rateLimited) {
    const reset = Number(headers['x-ratelimit-reset']);
    const when = Number.isFinite(reset) && reset > 0 ? ` (resets at ${new Date(reset * 1000).toISOString()})` : '';
    // GitHub's own messages end with a period; don't print "..".
    return {
      kind: 'rate-limit',
      status,
      message: `GitHub rate limit hit while ${doing}${when}: ${apiMessage.replace(/\.+$/, '')}. Results are unaffected; the next run will catch up.`,
    };
  }
  if (status === 403) {
    return {
      kind: 'permission',
      status,
      message: `GitHub refused ${doing} (403: ${apiMessage}). Grant the token \`${permission}\`: add \`permissions: { ${permission} }\` to the workflow or job (and check the repository's Settings → Actions → Workflow permissions).`,
    };
  }
  if (status === 410) {
    return {
      kind: 'disabled',
      status,
      message: `Issues are disabled for this repository (410 while ${doing}). Enable them in Settings → General → Features, or set the action input \`issues: false\`.`,
    };
  }
  if (status === 401) {
    return {
      kind: 'auth',
      status,
      message: `GitHub rejected the token while ${doing} (401: ${apiMessage}). Check the \`github-token\` input.`,
    };
  }
  if (status === 404) {
    return {
      kind: 'not-found',
      status,
      message: `GitHub answered 404 while ${doing}: the repository is not visible to this token (${apiMessage}). Grant \`${permission}\` or use a token with access.`,
    };
  }
  if (status === 422 || status === 400) {
    return {
      kind: 'invalid',
      status,
      message: `GitHub rejected the request while ${doing} (${status}: ${apiMessage}).`,
    };
  }
  const what = status ? `HTTP ${status}` : apiMessage;
  return {
    kind: 'unavailable',
    status,
    message: `GitHub API unavailable while ${doing} (${what}, after retries). Results are unaffected; the next run will catch up.`,
  };
}
