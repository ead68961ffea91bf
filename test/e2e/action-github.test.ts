// The built action (dist/action.js) against a local fake of the GitHub REST
// API: per-certificate issue sync on scheduled runs, the 403 and 410 paths,
// duplicates. Every run is a real child process with realistic event payloads
// at GITHUB_EVENT_PATH. Digest and max-open: action-github-digest.test.ts;
// pull-request scope and SARIF: action-github-pr.test.ts (files split so each
// stays inside the per-file timeout on a loaded machine).
import { after, before, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import type { Issued } from '../helpers/pki.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { workspace, writeFiles } from '../helpers/workspace.js';
import {
  REPO,
  SHA,
  assertNoStackTrace,
  fp,
  lastRunId,
  leaf,
  log,
  marker,
  runOn,
  schedule,
  writesTo,
} from '../helpers/github-action-runs.js';

describe('per-certificate issues across nightly runs', () => {
  let gh: FakeGitHub;
  let ws: string;
  let expiredA: Issued, expiredB: Issued, soon: Issued, good1: Issued, good2: Issued;
  const num: Record<string, number> = {};

  before(async () => {
    gh = await new FakeGitHub(REPO).start();
    expiredA = await leaf('a.example.test', -100, -2);
    expiredB = await leaf('b.example.test', -200, -10);
    soon = await leaf('c.example.test', -80, 3); // inside the 7d fail-within: an error
    good1 = await leaf('ok1.example.test', -10, 200);
    good2 = await leaf('ok2.example.test', -10, 300);
    ws = await workspace({
      'certs/a.pem': expiredA.pem,
      'certs/b.pem': expiredB.pem,
      'certs/c.pem': soon.pem,
      'certs/ok1.pem': good1.pem,
      'deploy/ok2.crt': good2.pem,
    });
  });
  after(async () => {
    await gh?.stop();
    if (ws) await rm(ws, { recursive: true, force: true });
  });

  it('first run opens one issue per failing certificate, creates the label, fails the step', async () => {
    const r = await runOn(ws, gh, schedule);
    assert.equal(r.code, 1, log(r));
    assert.equal(r.outputs.status, 'fail');
    assert.equal(r.outputs.failures, '3');
    assert.equal(r.outputs.certificates, '5');

    const open = gh.openIssues();
    assert.equal(open.length, 3, log(r));
    assert.equal(gh.issues.length, 3);
    for (const [name, c] of [
      ['a', expiredA],
      ['b', expiredB],
      ['c', soon],
    ] as const) {
      const i = open.find((x) => x.body.includes(marker(c)));
      assert.ok(i, `an issue carries the marker of ${name}.example.test`);
      assert.match(i.title, new RegExp(`^Replace certificate for ${name}\\.example\\.test `));
      assert.deepEqual(i.labels, ['certificates']);
      assert.ok(
        i.body.includes(`https://github.com/${REPO}/blob/${SHA}/certs/${name}.pem#L1`),
        'links the file at the commit',
      );
      assert.ok(i.body.includes(`https://github.com/${REPO}/actions/runs/${lastRunId()}`), 'links the run');
      num[name] = i.number;
    }
    // Counted like the finding's own "(2 days 0 h ago)": whole days elapsed, not rounded up.
    for (const [name, days] of [
      ['a', 2],
      ['b', 10],
    ] as const) {
      assert.match(
        gh.issue(num[name]).body,
        new RegExp(`\\(expired ${days} day\\(s\\) ago\\)`),
        `${name}.example.test expired ${days} days ago`,
      );
    }
    for (const healthy of [good1, good2])
      assert.ok(!gh.issues.some((i) => i.body.includes(fp(healthy))), 'no issue for a healthy certificate');
    // The label is created with a colour and description, not left to GitHub's grey default.
    const label = gh.labels.get('certificates');
    assert.ok(label);
    assert.equal(label.color, 'b60205');
    assert.ok(label.description);
    assert.equal(gh.calls.filter((c) => c.method === 'POST' && c.path === `/repos/${REPO}/labels`).length, 1);
    assert.equal(gh.calls.filter((c) => c.method === 'POST' && c.path === `/repos/${REPO}/issues`).length, 3);
    assert.match(r.stdout, /issues: 3 opened, 0 updated, 0 commented, 0 closed, 0 reopened/);
  });

  it('a second identical run writes nothing: no new issue, no comment, no edit', async () => {
    gh.resetCalls();
    const r = await runOn(ws, gh, schedule);
    assert.equal(r.code, 1, log(r));
    assert.equal(r.outputs.failures, '3');
    assert.deepEqual(
      gh.writes().map((c) => `${c.method} ${c.path}`),
      [],
      'only reads on an ordinary re-run',
    );
    assert.ok(
      gh.calls.some((c) => c.method === 'GET' && c.path === `/repos/${REPO}/issues`),
      'it did look at the issues',
    );
    assert.equal(gh.issues.length, 3);
    assert.ok(gh.issues.every((i) => i.comments.length === 0));
  });

  it('a certificate renewed at the same path closes its issue with a comment naming the new fingerprint', async () => {
    const renewed = await leaf('a.example.test', -1, 90);
    await writeFiles(ws, { 'certs/a.pem': renewed.pem });
    gh.resetCalls();
    const r = await runOn(ws, gh, schedule);
    assert.equal(r.code, 1, log(r));
    assert.equal(r.outputs.failures, '2');

    const a = gh.issue(num.a);
    assert.equal(a.state, 'closed', log(r));
    assert.equal(a.state_reason, 'completed');
    assert.equal(a.comments.length, 1);
    assert.ok(a.comments[0].body.includes(fp(renewed)), `comment names the new fingerprint: ${a.comments[0].body}`);
    assert.ok(a.comments[0].body.includes('certs/a.pem'));
    assert.ok(a.comments[0].body.includes(renewed.cert.notAfter.toISOString().slice(0, 10)), 'and its expiry');
    // The others are untouched, and nothing new is opened for the renewed certificate.
    assert.deepEqual(writesTo(gh.calls, num.b), []);
    assert.deepEqual(writesTo(gh.calls, num.c), []);
    assert.equal(gh.calls.filter((c) => c.method === 'POST' && c.path === `/repos/${REPO}/issues`).length, 0);
    assert.equal(gh.openIssues().length, 2);
  });

  it('a regression (the expired certificate put back) reopens the same issue', async () => {
    await writeFiles(ws, { 'certs/a.pem': expiredA.pem });
    gh.resetCalls();
    const r = await runOn(ws, gh, schedule);
    assert.equal(r.code, 1, log(r));
    assert.equal(r.outputs.failures, '3');
    const a = gh.issue(num.a);
    assert.equal(a.state, 'open', log(r));
    assert.equal(a.state_reason, 'reopened');
    assert.equal(a.comments.length, 2);
    assert.match(a.comments[1].body, /^Reopened:/);
    assert.equal(
      gh.calls.filter((c) => c.method === 'POST' && c.path === `/repos/${REPO}/issues`).length,
      0,
      'no new issue',
    );
    assert.equal(gh.issues.length, 3);
    assert.equal(gh.openIssues().length, 3);
    assert.deepEqual(writesTo(gh.calls, num.b), []);
    assert.deepEqual(writesTo(gh.calls, num.c), []);
  });
});

test('403 on issue creation: the log names `issues: write`, no crash, pass/fail still from the certificates', async (t) => {
  const gh = await new FakeGitHub(REPO).start();
  t.after(() => gh.stop());
  const bad = await leaf('denied.example.test', -50, -1);
  const ok = await leaf('fine.example.test', -5, 200);
  const ws = await workspace({ 'certs/bad.pem': bad.pem, 'certs/ok.pem': ok.pem });
  t.after(() => rm(ws, { recursive: true, force: true }));
  gh.faults.push({ method: 'POST', path: new RegExp(`^/repos/${REPO}/issues$`), kind: 'forbidden' });

  const r = await runOn(ws, gh, schedule);
  assert.equal(r.code, 1, log(r));
  assert.equal(r.outputs.status, 'fail');
  assert.equal(r.outputs.failures, '1');
  assert.equal(r.outputs.certificates, '2');
  assert.ok(
    gh.calls.some((c) => c.method === 'POST' && c.path === `/repos/${REPO}/issues` && c.status === 403),
    'the create was attempted and refused',
  );
  const warning = r.stdout.split('\n').find((l) => l.startsWith('::warning') && l.includes('issues: write'));
  assert.ok(warning, `a warning names the permission:\n${r.stdout}`);
  assert.match(warning, /Resource not accessible by integration/);
  assert.match(warning, /permissions:/);
  assertNoStackTrace(r);
  // The certificate result is still reported as an annotation and decides the step.
  assert.ok(r.annotations.some((a) => a.level === 'error' && a.file === 'certs/bad.pem'));
  assert.match(r.stdout, /::error::certwatch: fail — 1 failure/);
  assert.equal(gh.issues.length, 0);

  // The other way round: a warning-only run whose issue is refused still passes.
  const warnOnly = await leaf('soonish.example.test', -60, 20);
  const ws2 = await workspace({ 'certs/soonish.pem': warnOnly.pem });
  t.after(() => rm(ws2, { recursive: true, force: true }));
  gh.resetCalls();
  const w = await runOn(ws2, gh, schedule);
  assert.equal(w.code, 0, log(w));
  assert.equal(w.outputs.status, 'warn');
  assert.ok(gh.calls.some((c) => c.method === 'POST' && c.path === `/repos/${REPO}/issues` && c.status === 403));
  assert.ok(
    w.annotations.some((a) => a.level === 'warning' && a.message.includes('issues: write')),
    w.stdout,
  );
  assert.doesNotMatch(w.stdout, /::error::/);
});

test('issues disabled (410) and a passing secondary rate limit: clear message or a retry, results unchanged', async (t) => {
  const bad = await leaf('limits.example.test', -50, -1);
  const ws = await workspace({ 'certs/bad.pem': bad.pem });
  t.after(() => rm(ws, { recursive: true, force: true }));

  // 410 on the first call: says how to enable issues, still fails on the certificate.
  const disabled = await new FakeGitHub(REPO).start();
  t.after(() => disabled.stop());
  disabled.faults.push({ path: /\/issues/, kind: 'disabled' });
  const r = await runOn(ws, disabled, schedule);
  assert.equal(r.code, 1, log(r));
  assert.equal(r.outputs.failures, '1');
  assert.ok(
    r.annotations.some(
      (a) =>
        a.level === 'warning' &&
        /Issues are disabled for this repository/.test(a.message) &&
        /issues: false/.test(a.message),
    ),
    r.stdout,
  );
  assertNoStackTrace(r);

  // One secondary rate limit (retry-after: 1) on issue creation: waited out, the issue is created once.
  const limited = await new FakeGitHub(REPO).start();
  t.after(() => limited.stop());
  limited.faults.push({
    method: 'POST',
    path: new RegExp(`^/repos/${REPO}/issues$`),
    kind: 'secondary-rate-limit',
    times: 1,
  });
  const r2 = await runOn(ws, limited, schedule);
  assert.equal(r2.code, 1, log(r2));
  assert.deepEqual(
    limited.calls.filter((c) => c.method === 'POST' && c.path === `/repos/${REPO}/issues`).map((c) => c.status),
    [403, 201],
  );
  assert.equal(limited.issues.length, 1);
  assert.match(r2.stdout, /secondary rate limit .*retrying in 1s/);
});

test('two open issues for one certificate (racing runs) are collapsed: the oldest is kept', async (t) => {
  const gh = await new FakeGitHub(REPO).start();
  t.after(() => gh.stop());
  const bad = await leaf('dup.example.test', -90, -4);
  const ws = await workspace({ 'certs/dup.pem': bad.pem });
  t.after(() => rm(ws, { recursive: true, force: true }));
  gh.labels.set('certificates', {
    name: 'certificates',
    color: 'b60205',
    description: 'Certificates that certwatch found need replacement',
  });
  const body = `${marker(bad)}\n## dup.example.test: this certificate needs replacement\n`;
  const older = gh.addIssue({ title: 'Replace certificate for dup.example.test', body, labels: ['certificates'] });
  const newer = gh.addIssue({ title: 'Replace certificate for dup.example.test', body, labels: ['certificates'] });

  const r = await runOn(ws, gh, schedule);
  assert.equal(r.code, 1, log(r));
  assert.equal(gh.issues.length, 2, 'no third issue');
  assert.equal(older.state, 'open');
  assert.equal(newer.state, 'closed', log(r));
  assert.equal(newer.state_reason, 'not_planned');
  assert.deepEqual(newer.comments, [], 'a close caused by de-duplication is silent: no comment');
  assert.ok(
    newer.body.startsWith(`> [!NOTE]\n> Closed (`) && newer.body.includes(`a duplicate of issue \`${older.number}\``),
    newer.body,
  );
  assert.ok(older.body.includes('### What is wrong'), 'the kept issue is brought up to date');
  assert.deepEqual(
    writesTo(gh.calls, older.number).map((c) => c.method),
    ['PATCH'],
  );
});
