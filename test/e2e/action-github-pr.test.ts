// The built action (dist/action.js) on pull requests against a local fake of
// the GitHub REST API: only what the PR changed is checked, issues are left
// alone; and the SARIF output. Issue sync on scheduled runs: action-github.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { runAction } from '../helpers/run-action.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { workspace, writeFiles } from '../helpers/workspace.js';
import { REPO, deadPort, leaf, log, pullRequestPayload, runOn } from '../helpers/github-action-runs.js';
import type { SarifLog } from '../helpers/sarif-log.js';

test('a pull request adding an expiring certificate fails on its line; untouched failing files and issues are left alone', async (t) => {
  const gh = await new FakeGitHub(REPO).start();
  t.after(() => gh.stop());
  const old = await leaf('legacy.example.test', -300, -30); // failing, but not this PR's doing
  const added = await leaf('new.example.test', -60, 3);
  const header = '# Certificate for new.example.test\n# owner: web team\n\n';
  const ws = await workspace({
    'certs/legacy.pem': old.pem,
    'certs/new.pem': header + added.pem,
    'README.md': '# site\n',
  });
  t.after(() => rm(ws, { recursive: true, force: true }));
  // 130 files: the certificate is on the second page of the files list.
  gh.prFiles.set(42, [
    { filename: 'README.md', status: 'modified' },
    { filename: 'certs/retired.pem', status: 'removed' },
    ...Array.from({ length: 127 }, (_, i) => ({ filename: `docs/page-${i}.md`, status: 'added' as const })),
    { filename: 'certs/new.pem', status: 'added' },
  ]);

  const r = await runOn(ws, gh, { name: 'pull_request', payload: pullRequestPayload(42), ref: 'refs/pull/42/merge' });
  assert.equal(r.code, 1, log(r));
  assert.equal(r.outputs.status, 'fail');
  assert.equal(r.outputs.failures, '1');
  assert.equal(r.outputs.certificates, '1', 'only the file the PR adds is checked');
  const errors = r.annotations.filter((a) => a.level === 'error' && a.file);
  assert.equal(errors.length, 1, JSON.stringify(r.annotations));
  assert.equal(errors[0].file, 'certs/new.pem');
  assert.equal(errors[0].line, header.split('\n').length, 'the line of its BEGIN');
  assert.match(errors[0].message, /new\.example\.test/);
  assert.ok(!r.annotations.some((a) => a.file === 'certs/legacy.pem'), 'the untouched failing file is not reported');
  assert.doesNotMatch(r.summary, /legacy\.example\.test/);
  // The files list was asked for; issues were neither read nor written (issues: auto is off on PRs).
  assert.equal(
    gh.calls.filter((c) => c.method === 'GET' && c.path === `/repos/${REPO}/pulls/42/files`).length,
    2,
    'both pages of the files list',
  );
  assert.deepEqual(gh.writes(), []);
  assert.deepEqual(
    gh.calls.filter((c) => /\/(issues|labels)/.test(c.path)),
    [],
  );
  assert.match(r.stdout, /issues: auto — off on pull_request/);
});

test('on a pull request, a changed file matched by the config is checked whatever its extension', async (t) => {
  // `files:` globs decide what a certificate file is (content is sniffed, any
  // extension); a PR must not slip an expiring certificate past the check
  // because it is named *.cert rather than *.pem.
  const gh = await new FakeGitHub(REPO).start();
  t.after(() => gh.stop());
  const added = await leaf('ext.example.test', -60, 2);
  const ws = await workspace({
    '.github/certwatch.yml': 'version: 1\nfiles:\n  - "tls/*.cert"\n',
    'tls/api.cert': added.pem,
  });
  t.after(() => rm(ws, { recursive: true, force: true }));
  gh.prFiles.set(9, [{ filename: 'tls/api.cert', status: 'added' }]);
  const r = await runOn(ws, gh, { name: 'pull_request', payload: pullRequestPayload(9), ref: 'refs/pull/9/merge' });
  assert.equal(r.code, 1, log(r));
  assert.equal(r.outputs.certificates, '1');
  assert.equal(r.outputs.failures, '1');
  const errors = r.annotations.filter((a) => a.level === 'error' && a.file);
  assert.deepEqual(
    errors.map((a) => `${a.file}:${a.line}`),
    ['tls/api.cert:1'],
  );
});

test('an unrelated pull request passes quickly: nothing checked, no endpoint probed', async (t) => {
  const gh = await new FakeGitHub(REPO).start();
  t.after(() => gh.stop());
  // A loopback port where nothing listens: probing it would be an "unreachable" failure.
  const dead = await deadPort();
  const old = await leaf('legacy2.example.test', -300, -30);
  const ws = await workspace({
    '.github/certwatch.yml': `version: 1\nfiles:\n  - "certs/*.pem"\nendpoints:\n  - 127.0.0.1:${dead}\n`,
    'certs/legacy.pem': old.pem,
    'README.md': '# site\n\nNew docs.\n',
  });
  t.after(() => rm(ws, { recursive: true, force: true }));
  gh.prFiles.set(7, [{ filename: 'README.md', status: 'modified' }]);

  const started = Date.now();
  const r = await runOn(ws, gh, { name: 'pull_request', payload: pullRequestPayload(7), ref: 'refs/pull/7/merge' });
  const elapsed = Date.now() - started;
  assert.equal(r.code, 0, log(r));
  assert.equal(r.outputs.status, 'ok');
  assert.equal(r.outputs.failures, '0');
  assert.equal(r.outputs.warnings, '0');
  assert.equal(r.outputs.certificates, '0');
  assert.deepEqual(r.annotations, []);
  assert.doesNotMatch(r.stdout + r.summary, /unreachable/i);
  assert.doesNotMatch(
    r.stdout + r.summary,
    new RegExp(`127\\.0\\.0\\.1:${dead}`),
    'the endpoint is not mentioned as probed',
  );
  assert.match(r.stdout, /1 changed file\(s\) in PR #7/);
  assert.match(r.stdout, /files: 0 read, 0 certificates/);
  assert.doesNotMatch(r.stdout, /endpoints: probing/);
  assert.deepEqual(gh.writes(), []);
  assert.ok(elapsed < 15_000, `took ${elapsed} ms`);
});

test('a pull request that changes the config probes only the endpoints it adds (base config from git)', async (t) => {
  const gh = await new FakeGitHub(REPO).start();
  t.after(() => gh.stop());
  const [kept, added] = [await deadPort(), await deadPort()];
  const ws = await workspace({ '.github/certwatch.yml': `version: 1\nendpoints:\n  - 127.0.0.1:${kept}\n` });
  t.after(() => rm(ws, { recursive: true, force: true }));
  // The history actions/checkout leaves with fetch-depth: 0: base commit, then the PR's commit.
  const git = (...a: string[]) =>
    execFileSync(
      'git',
      ['-C', ws, '-c', 'user.name=t', '-c', 'user.email=t@example.test', '-c', 'commit.gpgsign=false', ...a],
      { encoding: 'utf8' },
    ).trim();
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base');
  const base = git('rev-parse', 'HEAD');
  await writeFiles(ws, {
    '.github/certwatch.yml': `version: 1\nendpoints:\n  - 127.0.0.1:${kept}\n  - 127.0.0.1:${added}\n`,
  });
  git('commit', '-qam', 'add an endpoint');
  const head = git('rev-parse', 'HEAD');
  gh.prFiles.set(11, [{ filename: '.github/certwatch.yml', status: 'modified' }]);
  const payload = pullRequestPayload(11);
  payload.pull_request.base.sha = base;
  payload.pull_request.head.sha = head;

  const r = await runOn(ws, gh, { name: 'pull_request', payload, ref: 'refs/pull/11/merge' });
  assert.equal(r.code, 1, log(r));
  assert.match(r.stdout, /endpoints: probing 1\b/);
  const errors = r.annotations.filter((a) => a.level === 'error' && a.file);
  assert.deepEqual(
    errors.map((a) => `${a.file}:${a.line}`),
    ['.github/certwatch.yml:4'],
    'the added endpoint, at its config line',
  );
  assert.match(errors[0].message, new RegExp(`127\\.0\\.0\\.1:${added}`));
  assert.doesNotMatch(
    r.stdout,
    new RegExp(`127\\.0\\.0\\.1:${kept}\\b`),
    'the endpoint already on the base branch is not probed',
  );
  assert.deepEqual(gh.writes(), []);
});

test('the sarif input writes SARIF 2.1.0 with a result on the failing file and line', async (t) => {
  const bad = await leaf('sarif.example.test', -40, -1);
  const ok = await leaf('sarif-ok.example.test', -5, 200);
  const ws = await workspace({ 'certs/bad.pem': '\n\n' + bad.pem, 'certs/ok.pem': ok.pem });
  t.after(() => rm(ws, { recursive: true, force: true }));
  const r = await runAction(
    ws,
    { sarif: 'out/certwatch.sarif', issues: 'false' },
    { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_REPOSITORY: REPO },
  );
  assert.equal(r.code, 1, log(r));
  assert.equal(r.outputs['sarif-path'], path.join(ws, 'out/certwatch.sarif'));
  const sarif = JSON.parse(await readFile(path.join(ws, 'out/certwatch.sarif'), 'utf8')) as SarifLog;
  assert.equal(sarif.version, '2.1.0');
  assert.match(sarif.$schema, /sarif.*2\.1\.0/i);
  const results = sarif.runs[0].results ?? [];
  const onBad = results.filter((x) => x.locations?.[0]?.physicalLocation?.artifactLocation?.uri === 'certs/bad.pem');
  assert.equal(onBad.length, 1, JSON.stringify(results, null, 1));
  assert.equal(onBad[0].level, 'error');
  assert.equal(onBad[0].locations[0].physicalLocation.region.startLine, 3);
  assert.ok(
    !results.some(
      (x) => x.level === 'error' && x.locations?.[0]?.physicalLocation?.artifactLocation?.uri === 'certs/ok.pem',
    ),
  );
});
