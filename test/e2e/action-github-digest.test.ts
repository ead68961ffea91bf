// The built action (dist/action.js) against a local fake of the GitHub REST
// API in digest mode and past max-open. Per-certificate sync:
// action-github.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { FakeGitHub } from '../helpers/fake-github.js';
import { workspace, writeFiles } from '../helpers/workspace.js';
import type { Issued } from '../helpers/pki.js';
import { REPO, DIGEST_MARKER, leaf, log, marker, runOn, schedule } from '../helpers/github-action-runs.js';

test('digest mode: one issue listing everything, edited in place, closed when all is healthy', async (t) => {
  const gh = await new FakeGitHub(REPO).start();
  t.after(() => gh.stop());
  const x = await leaf('x.example.test', -100, -3);
  const y = await leaf('y.example.test', -100, 2);
  const z = await leaf('z.example.test', -10, 120);
  const config = 'version: 1\nfiles:\n  - "certs/*.pem"\nissues:\n  mode: digest\n  labels: [certwatch, tls]\n';
  const ws = await workspace({
    '.github/certwatch.yml': config,
    'certs/x.pem': x.pem,
    'certs/y.pem': y.pem,
    'certs/z.pem': z.pem,
  });
  t.after(() => rm(ws, { recursive: true, force: true }));

  // Run 1: one digest issue listing both failing certificates.
  let r = await runOn(ws, gh, schedule);
  assert.equal(r.code, 1, log(r));
  assert.equal(r.outputs.failures, '2');
  assert.equal(gh.issues.length, 1, log(r));
  const digest = gh.issues[0];
  assert.ok(digest.body.startsWith(DIGEST_MARKER));
  assert.match(digest.title, /digest/);
  assert.deepEqual(digest.labels, ['certwatch', 'tls']);
  assert.ok(
    gh.labels.get('certwatch')?.description && gh.labels.get('tls')?.description,
    'both labels created with a description',
  );
  assert.match(digest.body, /## 2 certificate\(s\) need replacement/);
  assert.ok(digest.body.includes('x.example.test') && digest.body.includes('y.example.test'));
  assert.ok(!digest.body.includes('z.example.test'), 'the healthy one is not listed');
  assert.ok(!gh.issues.some((i) => i.body.includes('certwatch:fingerprint=')), 'no per-certificate issue');

  // Run 2: y renewed — the same issue is edited in place, no new issue, no comment.
  const y2 = await leaf('y.example.test', -1, 90);
  await writeFiles(ws, { 'certs/y.pem': y2.pem });
  gh.resetCalls();
  r = await runOn(ws, gh, schedule);
  assert.equal(r.code, 1, log(r));
  assert.equal(r.outputs.failures, '1');
  assert.equal(gh.issues.length, 1);
  assert.deepEqual(
    gh.writes().map((c) => `${c.method} ${c.path}`),
    [`PATCH /repos/${REPO}/issues/${digest.number}`],
  );
  assert.equal(digest.state, 'open');
  assert.match(digest.body, /## 1 certificate\(s\) need replacement/);
  assert.ok(digest.body.includes('x.example.test'));
  assert.ok(!digest.body.includes('y.example.test'));
  assert.equal(digest.comments.length, 0);

  // Run 3: all healthy — the digest is closed with a comment.
  const x2 = await leaf('x.example.test', -1, 90);
  await writeFiles(ws, { 'certs/x.pem': x2.pem });
  gh.resetCalls();
  r = await runOn(ws, gh, schedule);
  assert.equal(r.code, 0, log(r));
  assert.equal(r.outputs.status, 'ok');
  assert.equal(gh.issues.length, 1);
  assert.equal(digest.state, 'closed', log(r));
  assert.equal(digest.comments.length, 1);
  assert.match(digest.comments[0].body, /Nothing left to replace/);
});

test('max-open: past the limit the worst certificates get issues and the rest go into one digest', async (t) => {
  // The 300-certificate mass revocation of the spec, scaled down: writes are
  // spaced as GitHub asks (3 s per new issue), so 8 certificates with
  // max-open 2 exercise the same path in seconds.
  const gh = await new FakeGitHub(REPO).start();
  t.after(() => gh.stop());
  const files: Record<string, string> = {
    '.github/certwatch.yml': 'version: 1\nfiles:\n  - "certs/*.pem"\nissues:\n  max-open: 2\n',
  };
  const expired: Issued[] = [];
  const expiring: Issued[] = [];
  for (let i = 0; i < 8; i++) {
    // Two expired (the worst: they get the issues), six expiring in 2..6 days.
    const c =
      i < 2 ? await leaf(`mass${i}.example.test`, -100, -1 - i) : await leaf(`mass${i}.example.test`, -60, 2 + (i % 5));
    (i < 2 ? expired : expiring).push(c);
    files[`certs/mass${String(i).padStart(2, '0')}.pem`] = c.pem;
  }
  const ws = await workspace(files);
  t.after(() => rm(ws, { recursive: true, force: true }));

  const r = await runOn(ws, gh, schedule);
  assert.equal(r.code, 1, log(r));
  assert.equal(r.outputs.failures, '8');
  const perCert = gh.issues.filter((i) => i.body.includes('certwatch:fingerprint='));
  const digests = gh.issues.filter((i) => i.body.startsWith(DIGEST_MARKER));
  assert.equal(perCert.length, 2, log(r));
  assert.equal(digests.length, 1);
  assert.equal(gh.issues.length, 3);
  for (const c of expired)
    assert.ok(
      perCert.some((i) => i.body.includes(marker(c))),
      'the expired ones get their own issue',
    );
  assert.match(digests[0].body, /## 6 certificate\(s\) need replacement/);
  assert.match(digests[0].body, /`max-open` \(2\)/);
  for (const c of expiring)
    assert.ok(digests[0].body.includes(c.cert.subject.replace(/^CN=/, '')), 'every overflow certificate is listed');
  assert.ok(
    r.annotations.some((a) => a.level === 'warning' && /max-open \(2\) reached; 6 more/.test(a.message)),
    r.stdout,
  );

  gh.resetCalls();
  const again = await runOn(ws, gh, schedule);
  assert.equal(again.code, 1, log(again));
  assert.deepEqual(gh.writes(), [], 'a re-run of the same overflow writes nothing');
});
