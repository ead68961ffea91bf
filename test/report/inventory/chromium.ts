// Headless Chromium for the HTML report test: Debian's `chromium` package,
// run with flags that keep it off the network (no QUIC, no background
// networking, no component updates, no sync), a fresh profile per run, and a
// hard time limit after which its whole process group is killed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CERTWATCH_CHROMIUM ?? '/usr/bin/chromium';
export const RUN_TIMEOUT_MS = 30_000; // a cold start on a busy CI machine takes a few seconds; 30 s means it hung

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export const BASE_FLAGS = [
  '--headless',
  '--no-sandbox', // containers and CI runners run as root without user namespaces
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage', // small /dev/shm in containers crashes renderers
];

export interface ChromiumRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

export function runChromium(userDataDir: string, args: string[]): Promise<ChromiumRun> {
  return new Promise((resolve, reject) => {
    // detached: its own process group, so a timeout can kill the renderer and GPU helpers too.
    const child = spawn(CHROMIUM, [...BASE_FLAGS, `--user-data-dir=${userDataDir}`, ...args], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      reject(new Error(`chromium did not finish within ${RUN_TIMEOUT_MS} ms; stderr:\n${stderr.slice(-2000)}`));
    }, RUN_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}
