// On a pull request that edits the config, probe only the endpoints it adds or
// changes: compare the endpoint identities with the config at the base commit.
import type { Settings } from '../types.js';
import { parseConfigText } from '../config/parse-config.js';
import { settingsFrom } from '../config/settings.js';
import type { GithubEnv } from './context.js';
import { configTextAtBase } from './base-config.js';

/** Endpoint ids present now but not at the base commit; null when the base cannot be read (then probe all). */
export async function endpointsChangedSince(
  env: GithubEnv,
  current: Settings,
  configPath: string,
): Promise<Set<string> | null> {
  const base = await configTextAtBase(env, current.workspace, configPath);
  // The config did not exist at the base: every endpoint is new.
  if (base.kind === 'missing') return new Set(current.endpoints.map((t) => t.id));
  if (base.kind === 'unreadable') return null;
  const text = base.text;
  try {
    const before = settingsFrom(parseConfigText(text, configPath), current.workspace);
    const key = (t: Settings['endpoints'][number]) => JSON.stringify({ ...t, source: undefined });
    const old = new Set(before.endpoints.map(key));
    return new Set(current.endpoints.filter((t) => !old.has(key(t))).map((t) => t.id));
  } catch {
    return null;
  }
}
