// Who the token acts as, so that only issues certwatch itself opened are
// treated as certwatch's. Anyone can open an issue on a public repository and
// an issue template can apply the tracking label for them; a certificate's
// fingerprint marker is public too. So an issue counts only when its author is
// the token's own identity.
//
// The token's identity, found once per run with one request:
// - the `issue-author` input, when given (no request at all);
// - otherwise GraphQL `viewer { login }`, which answers for personal tokens
//   (the user), app installation tokens (`<app>[bot]`) and the workflow's
//   GITHUB_TOKEN (`github-actions[bot]`) alike — REST `GET /user` refuses
//   installation tokens ("Resource not accessible by integration");
// - if that fails, `github-actions[bot]`: the default token's identity, said in the log.
import type { Logger } from './context.js';
import type { Octokit } from './octokit.js';

export const DEFAULT_TOKEN_AUTHOR = 'github-actions[bot]';

export interface TokenIdentity {
  login: string; // as issues show it in user.login ("github-actions[bot]", "alice")
  how: string; // how it was found, for the log
}

export async function tokenIdentity(
  client: Octokit,
  explicit: string | undefined,
  log: Logger,
): Promise<TokenIdentity> {
  const named = explicit?.trim().replace(/^@/, '');
  if (named) return { login: named, how: 'the issue-author input' };
  try {
    const res = (await client.graphql('query { viewer { login __typename } }')) as {
      viewer?: { login?: unknown; __typename?: unknown };
    };
    const login = res?.viewer?.login;
    if (typeof login === 'string' && login) {
      // GitHub names an app's bot "<slug>[bot]" on issues; viewer may give the bare slug.
      const asAuthor = res.viewer?.__typename === 'Bot' && !login.endsWith('[bot]') ? `${login}[bot]` : login;
      return { login: asAuthor, how: "the token's GraphQL viewer" };
    }
  } catch (err) {
    log.info(
      `issues: could not ask GitHub who the token is (${(err as Error)?.message ?? err}); assuming ${DEFAULT_TOKEN_AUTHOR} — set the issue-author input if certwatch uses another token`,
    );
    return { login: DEFAULT_TOKEN_AUTHOR, how: 'the default token (assumed)' };
  }
  log.info(
    `issues: GitHub did not say who the token is; assuming ${DEFAULT_TOKEN_AUTHOR} — set the issue-author input if certwatch uses another token`,
  );
  return { login: DEFAULT_TOKEN_AUTHOR, how: 'the default token (assumed)' };
}

/** Logins compare case-insensitively on GitHub. */
export function sameLogin(a: string | undefined | null, b: string): boolean {
  return !!a && a.toLowerCase() === b.toLowerCase();
}
