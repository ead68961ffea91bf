// Discovery by content, end to end through the built CLI and action: a repository
// generated with openssl and keytool holds certificates in every form a real one does;
// each must be found at its place, with its form and key/entry, and with openssl's
// dates. Test fixtures are listed but do not fail; placeholders are notices.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateRepo } from './generated-repo.js';
import { runAction } from '../../helpers/run-action.js';
import { runBuiltCli } from '../../helpers/run-cli.js';
import type { Report } from '../../../src/report/report-types.js';
import type { FileLocation } from '../../../src/types.js';

const repo = await generateRepo();
after(() => repo.dispose());
const cli = await runBuiltCli(['check', '--format', 'json', '--revocation', 'off'], {
  cwd: repo.dir,
  timeoutMs: 60_000,
});
const report = JSON.parse(cli.stdout) as Report;
const byFp = new Map(report.certificates.map((c) => [c.fingerprint, c]));

test('the generated repository holds every form (keytool present, or the suite says why it is thinner)', (t) => {
  if (!repo.keytool)
    t.diagnostic(
      'keytool missing (Debian openjdk-17-jre-headless; scripts/test-deps.sh installs it): JKS/JCEKS cases skipped',
    );
  assert.ok(repo.expected.length >= (repo.keytool ? 24 : 21), `${repo.expected.length} certificates generated`);
});

for (const e of repo.expected) {
  test(`discovery finds the certificate in ${e.name} at ${e.path}:${e.line} with openssl's dates`, () => {
    const c = byFp.get(e.fingerprint);
    assert.ok(
      c,
      `${e.fingerprint} (${e.name}) not found; problems: ${JSON.stringify(report.problems.filter((p) => p.location?.type === 'file' && p.location.path === e.path))}`,
    );
    assert.equal(Date.parse(c.notAfter), e.notAfter.getTime(), 'notAfter as openssl reads it');
    assert.equal(Date.parse(c.notBefore), e.notBefore.getTime(), 'notBefore as openssl reads it');
    const loc = c.locations.find((l): l is FileLocation => l.type === 'file' && l.path === e.path);
    assert.ok(loc, `located in ${e.path}: ${JSON.stringify(c.locations)}`);
    assert.equal(loc.line, e.line, 'line');
    assert.equal(loc.form, e.form, 'form');
    if (e.key) assert.equal(loc.key, e.key, 'key path');
    if (e.entry) assert.equal(loc.entry, e.entry, 'keystore entry');
  });
}

test('discovery reads tracked files only: an untracked certificate is not found', () => {
  for (const fp of repo.absent) assert.equal(byFp.has(fp), false);
});

test('private keys in DER, in a kubeconfig and in a JKS key entry are noticed, never shown', () => {
  const keys = report.problems.filter((p) => p.id === 'private-key');
  const paths = new Set(keys.map((k) => (k.location as FileLocation).path));
  assert.ok(paths.has('keys/server.key'), 'DER key file');
  assert.ok(paths.has('deploy/kubeconfig'), 'client-key-data');
  if (repo.keytool) assert.ok(paths.has('keystores/trust.jks'), 'JKS key entry');
  for (const k of keys) assert.equal(k.severity, 'notice');
  assert.doesNotMatch(cli.stdout, /BEGIN (EC |RSA )?PRIVATE KEY/);
});

test('a PKCS#12 store named .jks is read, and the note says what it is', () => {
  const note = report.problems.find((p) => p.id === 'misnamed');
  assert.ok(note, 'misnamed note');
  assert.match(note.message, /keystores\/modern\.jks: PKCS#12 store, named \.jks/);
  assert.equal(note.severity, 'notice');
});

test('placeholders and prose are notices, never errors; the expired fixture is listed, not judged; the run passes', () => {
  const errors = report.problems.filter((p) => p.severity === 'error' && !p.ignored);
  assert.deepEqual(errors, []);
  const placeholder = report.problems.filter(
    (p) => p.location?.type === 'file' && p.location.path === 'k8s/placeholder-secret.yaml',
  );
  assert.ok(placeholder.length >= 1 && placeholder.every((p) => p.severity === 'notice'), JSON.stringify(placeholder));
  assert.ok(
    !report.problems.some((p) => p.location?.type === 'file' && p.location.path === 'assets/logo.png'),
    'binaries without a magic are skipped silently',
  );
  const fixture = byFp.get(repo.fixtureFingerprint);
  assert.ok(fixture, 'the fixture is in the inventory');
  assert.equal((fixture.locations[0] as FileLocation).excluded, 'under a test path (discovery)');
  assert.ok(
    fixture.findings.some((f) => f.id === 'expired' && f.ignored),
    'its expiry is reported, marked not judged',
  );
  const note = report.problems.filter((p) => p.id === 'test-paths');
  assert.equal(note.length, 1, 'said once');
  assert.match(
    note[0].message,
    /^1 certificate under test paths .* is reported but not judged; list them under `files:` to judge them$/,
  );
  assert.equal(report.summary.failures, 0);
  assert.equal(cli.code, 0, cli.stderr);
});

test('an explicit config decides for itself: listing the fixture judges it, and `exclude:` quiets it again (through the action)', async () => {
  await writeFile(path.join(repo.dir, '.certwatch-judge.yml'), 'version: 1\nfiles:\n  - "test/**/*.pem"\n');
  const judged = await runBuiltCli(
    ['check', '--format', 'json', '--revocation', 'off', '--config', '.certwatch-judge.yml'],
    { cwd: repo.dir, timeoutMs: 60_000 },
  );
  assert.equal(judged.code, 1, 'the expired fixture fails once listed');
  await writeFile(
    path.join(repo.dir, '.certwatch-exclude.yml'),
    'version: 1\nfiles:\n  - "test/**/*.pem"\n  - "!test/fixtures/**"\n',
  );
  const negated = await runBuiltCli(
    ['check', '--format', 'json', '--revocation', 'off', '--config', '.certwatch-exclude.yml'],
    { cwd: repo.dir, timeoutMs: 60_000 },
  );
  const r = JSON.parse(negated.stdout) as Report;
  assert.equal(negated.code, 0, negated.stderr);
  const fx = r.certificates.find((c) => c.fingerprint === repo.fixtureFingerprint)!;
  assert.equal(
    (fx.locations[0] as FileLocation).excluded,
    'files: "!test/fixtures/**"',
    'never taken literally: it excludes',
  );
  await writeFile(
    path.join(repo.dir, '.github-certwatch.yml'),
    'version: 1\nfiles:\n  - "test/**/*.pem"\nignore:\n  - path: "test/fixtures/**"\n    reason: "expired on purpose"\n    until: 2099-06-30\n',
  );
  const act = await runAction(repo.dir, { config: '.github-certwatch.yml', revocation: 'off' });
  assert.equal(act.code, 0, act.stderr + act.stdout);
  assert.equal(act.outputs.failures, '0');
  assert.match(act.summary, /expired on purpose|ignored/);
});
