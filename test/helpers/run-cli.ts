// The built CLI (dist/cli.js) as users run it: a clean environment (PATH and HOME
// only, plus what the test passes), stdout and stderr collected, killed if it hangs.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const BUILT_CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** wall time of the run */
  ms: number;
}

export interface CliOptions {
  cwd?: string;
  /** extra environment variables (password-env values …) */
  env?: Record<string, string>;
  /** run as this user and group (as root: nobody, so that mode-000 files are really unreadable) */
  uid?: number;
  timeoutMs?: number;
}

export function runBuiltCli(args: string[], o: CliOptions = {}): Promise<CliRun> {
  const t0 = Date.now();
  const child = spawn(process.execPath, [BUILT_CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(o.cwd ? { cwd: o.cwd } : {}),
    ...(o.uid !== undefined ? { uid: o.uid, gid: o.uid } : {}),
    env: { PATH: process.env.PATH ?? '', HOME: '/tmp', ...o.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 30_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - t0 });
    }),
  );
}
