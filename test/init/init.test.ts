// `certwatch init` as a newcomer runs it: in a sample repository, through the
// BUILT CLI (dist/cli.js). The files it writes must pass the workflow linter
// (actionlint), be valid config and cover what discovery finds; it never
// overwrites without --force. (init-workflow-runs.test.ts runs the generated
// workflow's steps through the built action.)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { parse } from 'yaml';
import { workspace } from '../helpers/workspace.js';
import { loadConfig } from '../../src/config/load-config.js';
import { settingsFrom, BUILTIN, ISSUE_DEFAULTS } from '../../src/config/settings.js';
import { ACTION_REF, SCHEMA_URL } from '../../src/init/action-ref.js';
import { ROOT, cli, lint, sampleRepo, type SampleRepo } from './sample-repo.js';
import type { Workflow } from '../helpers/workflow-yaml.js';

const exec = promisify(execFile);

describe('certwatch init in a sample repository', () => {
  let repo: SampleRepo;
  let ws: string, config: string, workflow: string, initOut: string;
  before(async () => {
    repo = await sampleRepo();
    ({ ws, config, workflow, initOut } = repo);
  });
  after(() => repo.dispose());

  it('says what it wrote and what to do next', () => {
    assert.match(initOut, /^wrote \.github\/certwatch\.yml$/m);
    assert.match(initOut, /^wrote \.github\/workflows\/certwatch\.yml$/m);
    assert.match(initOut, /found 4 certificates in 5 files/); // the p12 is counted as a file, not read without its password
    assert.match(initOut, /pushes are checked on "trunk"/);
    assert.match(initOut, /next:[\s\S]*npx certwatch check/);
    assert.match(initOut, /add \.certwatch-cache\/ to \.gitignore/);
  });

  it('writes a config: $schema first, files grouped by folder with CODEOWNERS owners as comments', () => {
    const lines = config.split('\n');
    assert.equal(lines[0], `# yaml-language-server: $schema=${SCHEMA_URL}`);
    const data = parse(config) as { version: number; files: unknown[] };
    assert.equal(data.version, 1);
    assert.deepEqual(data.files, [
      'certs/*.{crt,pem}',
      'certs/legacy/*.pem',
      { path: 'deploy/*.p12' },
      'k8s/ingress-tls.yaml',
    ]);
    const ownerAbove = (entry: string) => lines[lines.findIndex((l) => l.includes(entry)) - 1];
    assert.match(ownerAbove('"certs/*.{crt,pem}"'), /# owners \(from CODEOWNERS\): @acme\/web$/);
    assert.match(ownerAbove('"k8s/ingress-tls.yaml"'), /# owners \(from CODEOWNERS\): @acme\/platform$/);
    assert.match(
      config,
      /path: "deploy\/\*\.p12"[^\n]*\n\s+# password-protected[^\n]*\n\s+# password-env: P12_PASSWORD/,
    );
    assert.doesNotMatch(config, /configmap/, 'a manifest without a certificate is not listed');
  });

  it('lists every option of the schema, commented with the default the code uses', async () => {
    const schema = JSON.parse(await readFile(path.join(ROOT, 'schema/certwatch.schema.json'), 'utf8'));
    const keys = [
      ...Object.keys(schema.properties),
      ...Object.keys(schema.properties.defaults.properties),
      ...Object.keys(schema.properties.issues.properties),
      ...Object.keys(schema.properties.ari.properties),
    ];
    for (const k of keys.filter((k) => k !== '$schema'))
      assert.match(
        config,
        new RegExp(`^#?\\s*(- )?${k}:`, 'm'),
        `option "${k}" is in the generated config (add new options to src/init/render-config.ts)`,
      );
    // Uncomment the defaults, ari and issues blocks: the config must stay valid and mean exactly the defaults.
    const uncommented = config.replace(
      /^# (defaults|issues):\n((?:# {3}[^\n]*\n)+)/gm,
      (_m, key: string, body: string) => `${key}:\n${body.replace(/^#/gm, '').replace(/^ +ca-file:.*\n/m, '')}`,
    );
    assert.notEqual(uncommented, config);
    const file = path.join(ws, 'uncommented.yml');
    await writeFile(file, uncommented);
    const raw = await loadConfig(file, 'uncommented.yml');
    assert.ok(raw);
    assert.ok(raw.data.defaults && raw.data.issues, 'the blocks were uncommented');
    const s = settingsFrom(raw, ws);
    assert.deepEqual(s.defaults, { ...BUILTIN, caFile: undefined });
    assert.deepEqual(s.issues, ISSUE_DEFAULTS);
    await rm(file);
  });

  it('the config covers exactly what discovery finds', async () => {
    const withConfig = await cli(ws, 'check', '--format', 'json', '--revocation', 'off');
    await exec('mv', ['.github/certwatch.yml', '.github/certwatch.yml.bak'], { cwd: ws });
    const plain = await cli(ws, 'check', '--format', 'json', '--revocation', 'off');
    await exec('mv', ['.github/certwatch.yml.bak', '.github/certwatch.yml'], { cwd: ws });
    const fps = (out: string) =>
      (JSON.parse(out).certificates as { fingerprint: string }[]).map((c) => c.fingerprint).sort();
    assert.deepEqual(fps(withConfig.stdout), fps(plain.stdout));
    assert.equal(fps(withConfig.stdout).length, 4);
  });

  it('writes a workflow the linter accepts (here and in an empty repository), and the linter does fail on a typo', async () => {
    const file = path.join(ws, '.github/workflows/certwatch.yml');
    const empty = await workspace({}, 'certwatch-init-empty-');
    try {
      assert.equal((await cli(empty, 'init')).code, 0);
      const ok = lint(file, path.join(empty, '.github/workflows/certwatch.yml'));
      assert.equal(ok.code, 0, ok.out);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
    const typo = path.join(ws, '.github/workflows/typo.yml');
    await writeFile(typo, workflow.replace('pull-requests: read', 'pull-requests: raed'));
    const bad = lint(typo);
    await rm(typo);
    assert.equal(bad.code, 1, bad.out);
    assert.match(bad.out, /typo\.yml:\d+:\d+: "raed" is invalid/);
  });

  it('gives each use the least permissions and serialises the issue-writing runs', () => {
    const wf = parse(workflow) as Workflow;
    assert.deepEqual(wf.on.push?.branches, ['trunk']);
    assert.ok(wf.on.schedule?.[0]?.cron && 'pull_request' in wf.on && 'workflow_dispatch' in wf.on);
    assert.deepEqual(wf.permissions, {});
    const { push, nightly, 'pull-request': pr } = wf.jobs;
    assert.deepEqual(push.permissions, { contents: 'read', issues: 'write' });
    assert.deepEqual(nightly.permissions, { contents: 'read', issues: 'write' });
    assert.deepEqual(pr.permissions, { contents: 'read', 'pull-requests': 'read' });
    assert.deepEqual(push.concurrency, nightly.concurrency);
    assert.equal(push.concurrency?.['cancel-in-progress'], false);
    assert.match(pr.concurrency?.group ?? '', /\$\{\{ github\.event\.pull_request\.number \}\}/);
    assert.equal(pr.concurrency?.['cancel-in-progress'], true);
    const cache = nightly.steps.find((s) => String(s.uses).startsWith('actions/cache@'));
    assert.equal(
      cache?.with?.path,
      BUILTIN.cacheDir,
      'the cache keeps the folder certwatch writes CRLs and ARI answers to',
    );
    for (const job of [push, nightly, pr]) assert.equal(job.steps.filter((s) => s.uses === ACTION_REF).length, 1);
  });

  it('never overwrites without --force', async () => {
    const file = path.join(ws, '.github/certwatch.yml');
    await writeFile(file, config + '# my edit\n');
    const again = await cli(ws, 'init');
    assert.equal(again.code, 0);
    assert.match(
      again.stdout,
      /^kept \.github\/certwatch\.yml: it already exists \(certwatch init --force overwrites it\)$/m,
    );
    assert.match(await readFile(file, 'utf8'), /# my edit/);
    const forced = await cli(ws, 'init', '--force');
    assert.match(forced.stdout, /^wrote \.github\/certwatch\.yml$/m);
    assert.doesNotMatch(await readFile(file, 'utf8'), /# my edit/);
  });

  it('in an empty folder: discovery stays on, and it says so', async () => {
    const empty = await workspace({}, 'certwatch-init-empty-');
    try {
      const r = await cli(empty, 'init');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /found no certificate files/);
      assert.match(r.stdout, /assumed/);
      const raw = await loadConfig(path.join(empty, '.github/certwatch.yml'), '.github/certwatch.yml');
      assert.ok(settingsFrom(raw, empty).files.every((f) => f.discovered));
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
