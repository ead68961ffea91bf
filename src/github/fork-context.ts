// Pull requests from forks: the code under test is the attacker's. The run
// still needs the pull request's config (its endpoints and files are what is
// being checked), but the settings that decide what is trusted — `network`,
// `ignore`, `ari`, `revoked-serials` and `ca-file` — are read from the base
// branch's config, so a pull request cannot relax the rules it is judged by.
import type { Settings } from '../types.js';
import { parseConfigText } from '../config/parse-config.js';
import { settingsFrom } from '../config/settings.js';
import { configTextAtBase } from './base-config.js';
import { isPullRequestEvent, type GithubEnv, type Logger } from './context.js';
import type { UntrustedEvent } from '../net/address-policy.js';

/** Why the event's code is not the repository's own (a fork's pull request); null when it is. */
export function untrustedEvent(env: GithubEnv): UntrustedEvent | null {
  if (!isPullRequestEvent(env.eventName)) return null;
  const pr = env.eventPayload?.pull_request;
  const head = pr?.head?.repo?.full_name;
  const base = pr?.base?.repo?.full_name ?? env.eventPayload?.repository?.full_name ?? env.repository;
  // A deleted fork has no head repository: still someone else's code.
  if (typeof head !== 'string') return pr ? { kind: 'unknown-head-pull-request' } : null;
  return head.toLowerCase() === String(base).toLowerCase() ? null : { kind: 'fork-pull-request', fork: head };
}

/** Settings with the trusted sections taken from the base branch's config (built-in defaults when it has none). */
export async function withBaseTrustedSections(
  settings: Settings,
  env: GithubEnv,
  configPath: string,
  log: Logger,
): Promise<Settings> {
  const base = await configTextAtBase(env, settings.workspace, configPath);
  let trusted: Settings;
  try {
    trusted = settingsFrom(base.kind === 'found' ? parseConfigText(base.text, configPath) : null, settings.workspace);
  } catch (e) {
    log.warning(
      `the base branch's ${configPath} does not load (${(e as Error).message.split('\n')[0]}); using the built-in defaults for network, ignore, ari, revoked-serials and ca-file`,
    );
    trusted = settingsFrom(null, settings.workspace);
  }
  const from =
    base.kind === 'found'
      ? `the base branch's ${configPath}`
      : base.kind === 'missing'
        ? `the built-in defaults (no ${configPath} on the base branch)`
        : `the built-in defaults (the base commit could not be read: ${base.why})`;
  log.info(`certwatch: pull request from a fork — network, ignore, ari, revoked-serials and ca-file come from ${from}`);
  return {
    ...settings,
    network: trusted.network,
    ignore: trusted.ignore,
    ari: trusted.ari,
    revokedSerials: trusted.revokedSerials,
    defaults: { ...settings.defaults, caFile: trusted.defaults.caFile },
    // An endpoint's own ca-file is the pull request's word too: the base default applies.
    endpoints: settings.endpoints.map((t) => ({ ...t, caFile: undefined })),
  };
}
