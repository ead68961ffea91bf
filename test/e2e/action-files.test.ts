// The built action, run as the runner runs it, on checked-in certificate files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { hierarchy, issue } from '../helpers/pki.js';
import { runAction } from '../helpers/run-action.js';
import { workspace } from '../helpers/workspace.js';
import { realClock } from '../helpers/clock.js';

const { at } = realClock();

test('an expired certificate file fails the step with an annotation on its line; healthy ones pass', async (t) => {
  const { intermediate, leaf } = await hierarchy(
    { cn: 'ok.example.test', notBefore: at(-10), notAfter: at(80) },
    'E2E',
  );
  const expired = await issue({ cn: 'old.example.test', issuer: intermediate, notBefore: at(-100), notAfter: at(-2) });
  // The expired certificate is the second PEM block: the annotation must point at its BEGIN line.
  const bundle = leaf.pem + '\n' + expired.pem;
  const expiredLine = leaf.pem.split('\n').length + 1;
  const ws = await workspace({ 'certs/bundle.pem': bundle, 'certs/good.pem': leaf.pem });
  t.after(() => rm(ws, { recursive: true, force: true }));

  const r = await runAction(ws, { report: 'out/report.json' });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.equal(r.outputs.status, 'fail');
  assert.equal(r.outputs.failures, '1');
  assert.equal(r.outputs.certificates, '2');
  assert.equal(r.outputs['next-expiry'], expired.cert.notAfter.toISOString());
  assert.equal(r.outputs['report-path'], path.join(ws, 'out/report.json'));
  const errors = r.annotations.filter((a) => a.level === 'error' && a.file);
  assert.equal(errors.length, 1, JSON.stringify(r.annotations));
  assert.equal(errors[0].file, 'certs/bundle.pem');
  assert.equal(errors[0].line, expiredLine);
  assert.match(errors[0].message, /old\.example\.test expired on/);
  assert.match(r.summary, /### Findings/);
  assert.match(r.summary, /`expired`/);
  assert.match(r.summary, /```mermaid\ngantt/);
  assert.match(r.stdout, /::error::certwatch: fail — 1 failure/);
});

test('a workspace of healthy certificates passes with status ok and no annotations', async (t) => {
  const { leaf } = await hierarchy({ cn: 'fine.example.test', notBefore: at(-10), notAfter: at(200) }, 'E2E2');
  const ws = await workspace({ 'tls/site.crt': leaf.pem });
  t.after(() => rm(ws, { recursive: true, force: true }));
  const r = await runAction(ws);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs.status, 'ok');
  assert.equal(r.outputs.failures, '0');
  assert.equal(r.outputs.certificates, '1');
  assert.deepEqual(r.annotations, []);
});

test('inputs override the config file: warn-within input turns a 20-day certificate into a warning', async (t) => {
  const { leaf } = await hierarchy({ cn: 'soon.example.test', notBefore: at(-60), notAfter: at(20) }, 'E2E3');
  const ws = await workspace({
    '.github/certwatch.yml': 'version: 1\ndefaults:\n  warn-within: 10d\nfiles:\n  - "certs/*.pem"\n',
    'certs/a.pem': leaf.pem,
  });
  t.after(() => rm(ws, { recursive: true, force: true }));
  const quiet = await runAction(ws);
  assert.equal(quiet.outputs.status, 'ok', quiet.stdout);
  const loud = await runAction(ws, { 'warn-within': '30d' });
  assert.equal(loud.code, 0);
  assert.equal(loud.outputs.status, 'warn');
  assert.equal(loud.outputs.warnings, '1');
  assert.equal(loud.annotations[0]?.level, 'warning');
});

test('an invalid config fails with the file, line and key, and suggests the nearest key', async (t) => {
  const ws = await workspace({ '.github/certwatch.yml': 'version: 1\ndefaults:\n  warn-witin: 30d\n' });
  t.after(() => rm(ws, { recursive: true, force: true }));
  const r = await runAction(ws);
  assert.equal(r.code, 1);
  const a = r.annotations.find((x) => x.level === 'error' && x.file === '.github/certwatch.yml');
  assert.ok(a, r.stdout);
  assert.equal(a.line, 3);
  assert.match(a.message, /did you mean "warn-within"/);
  assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at .*\.js:\d+/); // no stack trace
});
