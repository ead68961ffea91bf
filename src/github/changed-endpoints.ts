// On a pull request that edits the config, probe only the endpoints it adds or
// changes: compare the endpoint identities with the config at the base commit.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Settings } from '../types.js';
import { parseConfigText } from '../config/parse-config.js';
import { settingsFrom } from '../config/settings.js';
import type { GithubEnv } from './context.js';

const run = promisify(execFile);
// `git show` of one small file; anything slower means the history is not there.
const GIT_TIMEOUT_MS = 10_000;

/** Endpoint ids present now but not at the base commit; null when the base cannot be read (then probe all). */
export async function endpointsChangedSince(env: GithubEnv, current: Settings, configPath: string): Promise<Set<string> | null> {
  const base = env.eventPayload?.pull_request?.base?.sha as string | undefined;
  if (!base || !/^[0-9a-f]{7,64}$/i.test(base)) return null;
  let text: string;
  try {
    const r = await run('git', ['show', `${base}:${configPath}`], { cwd: current.workspace, timeout: GIT_TIMEOUT_MS, maxBuffer: 2 * 1024 * 1024 });
    text = r.stdout;
  } catch (e) {
    const msg = String((e as { stderr?: string }).stderr ?? '');
    // The config did not exist at the base: every endpoint is new.
    if (/does not exist|exists on disk, but not in/.test(msg)) return new Set(current.endpoints.map((t) => t.id));
    return null;
  }
  try {
    const before = settingsFrom(parseConfigText(text, configPath), current.workspace);
    const key = (t: Settings['endpoints'][number]) => JSON.stringify({ ...t, source: undefined });
    const old = new Set(before.endpoints.map(key));
    return new Set(current.endpoints.filter((t) => !old.has(key(t))).map((t) => t.id));
  } catch {
    return null;
  }
}
