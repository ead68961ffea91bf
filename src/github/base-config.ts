// The config file as it is at a pull request's base commit, read with git from
// the checkout (actions/checkout fetches the merge commit, whose first parent is
// the base; a shallow clone may not have it — then the caller falls back).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { GithubEnv } from './context.js';

const run = promisify(execFile);
// `git show` of one small file; anything slower means the history is not there.
const GIT_TIMEOUT_MS = 10_000;
// A config file is a few KB; refuse to buffer more than this.
const MAX_CONFIG_BYTES = 2 * 1024 * 1024;

export type BaseConfig = { kind: 'found'; text: string } | { kind: 'missing' } | { kind: 'unreadable'; why: string };

export async function configTextAtBase(env: GithubEnv, workspace: string, configPath: string): Promise<BaseConfig> {
  const base = env.eventPayload.pull_request?.base?.sha;
  if (typeof base !== 'string' || !/^[0-9a-f]{7,64}$/i.test(base))
    return { kind: 'unreadable', why: 'the event names no base commit' };
  try {
    const r = await run('git', ['show', `${base}:${configPath}`], {
      cwd: workspace,
      timeout: GIT_TIMEOUT_MS,
      maxBuffer: MAX_CONFIG_BYTES,
    });
    return { kind: 'found', text: r.stdout };
  } catch (e) {
    const msg = String((e as { stderr?: string }).stderr ?? '');
    if (/does not exist|exists on disk, but not in/.test(msg)) return { kind: 'missing' };
    return { kind: 'unreadable', why: msg.trim().split('\n')[0] || (e as Error).message };
  }
}
