// Shared by the built-action GitHub suites (action-github*.test.ts): one CA
// for the leaves the scenarios vary, realistic event payloads, and runOn(),
// which runs dist/action.js as GitHub would, with the API at a fake GitHub.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hierarchy, issue, type Issued } from './pki.js';
import { runAction, type ActionResult } from './run-action.js';
import type { FakeGitHub, RecordedCall } from './fake-github.js';
import { tempDir, removeTempDir } from './workspace.js';
import { realClock } from './clock.js';

export const REPO = 'acme/site';
export const SHA = '0123456789abcdef0123456789abcdef01234567';
export const { at } = realClock();
export const fp = (c: Issued) => 'sha256:' + createHash('sha256').update(c.der).digest('hex');
export const marker = (c: Issued) => `<!-- certwatch:fingerprint=${fp(c)} -->`;
export const DIGEST_MARKER = '<!-- certwatch:digest -->';

// One CA for the whole file: leaves are what the scenarios vary.
let intermediate: Issued;
const ca = (async () =>
  (await hierarchy({ cn: 'unused.example.test', notBefore: at(-10), notAfter: at(100) }, 'GHE2E')).intermediate)();
export async function leaf(cn: string, fromDays: number, toDays: number): Promise<Issued> {
  intermediate ??= await ca;
  return issue({ cn, issuer: intermediate, notBefore: at(fromDays), notAfter: at(toDays) });
}

const repository = { full_name: REPO, name: 'site', owner: { login: 'acme' }, default_branch: 'main', private: false };

export function schedulePayload() {
  return { schedule: '17 3 * * *', repository, sender: { login: 'github-actions[bot]' } };
}

export function pullRequestPayload(number: number) {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      title: 'A change',
      head: { ref: 'feature', sha: 'feedfacefeedfacefeedfacefeedfacefeedface', repo: { full_name: REPO } },
      base: { ref: 'main', sha: 'baadf00dbaadf00dbaadf00dbaadf00dbaadf00d', repo: { full_name: REPO } },
    },
    repository,
    sender: { login: 'contributor' },
  };
}

// Each run gets its own run id, as on GitHub: the run link in issue bodies
// changes every run and must not count as a change worth an edit.
let runId = 1000;
/** The run id of the latest runOn() (each run gets its own, as on GitHub). */
export const lastRunId = () => runId;

/** Run the action as on GitHub: event name + payload file, API pointed at the fake. */
export async function runOn(
  ws: string,
  gh: FakeGitHub,
  event: { name: string; payload: unknown; ref?: string },
  inputs: Record<string, string> = {},
): Promise<ActionResult> {
  const dir = await tempDir('certwatch-event-');
  try {
    const eventPath = path.join(dir, 'event.json');
    await writeFile(eventPath, JSON.stringify(event.payload));
    return await runAction(ws, inputs, {
      GITHUB_API_URL: gh.url,
      GITHUB_REPOSITORY: REPO,
      GITHUB_EVENT_NAME: event.name,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REF: event.ref ?? 'refs/heads/main',
      GITHUB_SHA: SHA,
      GITHUB_RUN_ID: String(++runId),
    });
  } finally {
    await removeTempDir(dir);
  }
}

export const schedule = { name: 'schedule', payload: schedulePayload() };
export const log = (r: ActionResult) => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
export const writesTo = (calls: RecordedCall[], n: number) =>
  calls.filter((c) => c.method !== 'GET' && new RegExp(`/issues/${n}(/|$)`).test(c.path));

/** A loopback port where nothing listens (bound, then released). */
export function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export function assertNoStackTrace(r: ActionResult) {
  assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at .*(\.js|\.ts):\d+/, 'no stack trace in the log');
  assert.doesNotMatch(r.stdout, /internal error/);
}
