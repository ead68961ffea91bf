// Path rules as users write them (README and schema/certwatch.schema.json): `exclude:` at the top and per
// files entry, "!" negation inside files, `ignore: - path:`. Matching certificates stay in
// the inventory, marked; only their findings stop counting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../src/config/load-config.js';
import { parseConfigText } from '../../src/config/parse-config.js';
import { settingsFrom } from '../../src/config/settings.js';
import { run } from '../../src/run.js';
import { hierarchy } from '../helpers/pki.js';
import { emptyWorkspace } from '../helpers/workspace.js';
import type { FileLocation } from '../../src/types.js';
import { NOW, fixedClock } from '../helpers/clock.js';

const FILE = '.github/certwatch.yml';
const parse = (text: string, ws = '/ws') => settingsFrom(parseConfigText(text, FILE), ws, { now: NOW });

test('exclude, per-entry exclude, "!" negation and path ignores are read with their lines; "!" is never a literal glob', () => {
  const s = parse(`version: 1
exclude: ["vendor/**"]
files:
  - "certs/**"
  - "!certs/legacy/**"
  - path: "deploy/**/*.p12"
    exclude: ["deploy/old/**"]
ignore:
  - path: "test/fixtures/**"
    reason: "expired on purpose"
    until: 2027-06-30
  - fingerprint: "sha256:${'ab'.repeat(32)}"
`);
  assert.deepEqual(
    s.files.map((f) => f.pattern),
    ['certs/**', 'deploy/**/*.p12'],
    'the negation is not a file target',
  );
  assert.deepEqual(s.files[1].exclude, ['deploy/old/**']);
  assert.deepEqual(
    s.pathRules?.exclude.map((r) => [r.pattern, r.origin, r.source?.line]),
    [
      ['vendor/**', 'exclude: "vendor/**"', 2],
      ['certs/legacy/**', 'files: "!certs/legacy/**"', 5],
    ],
  );
  assert.equal(s.pathRules?.ignore.length, 1);
  assert.equal(s.pathRules?.ignore[0].path, 'test/fixtures/**');
  assert.equal(s.pathRules?.ignore[0].until?.toISOString(), '2027-06-30T23:59:59.999Z');
  assert.equal(s.ignore.length, 1, 'fingerprint ignores are unchanged');
});

test('files holding only negations narrow discovery instead of replacing it', () => {
  const s = parse('version: 1\nfiles:\n  - "!third_party/**"\n');
  assert.deepEqual(
    s.files.map((f) => [f.pattern, f.discovered]),
    [['**', true]],
  );
  assert.equal(s.pathRules?.exclude[0].pattern, 'third_party/**');
});

test('an ignore entry needs a fingerprint or a path, not both; the error names the line', () => {
  assert.throws(
    () =>
      parse(
        'version: 1\nignore:\n  - reason: "why"\n  - path: "a/**"\n    fingerprint: "sha256:' + 'ab'.repeat(32) + '"\n',
      ),
    (e: unknown) =>
      e instanceof ConfigError &&
      /:3: ignore\.0: an ignore entry needs `fingerprint: sha256:…` or `path: "glob"`/.test(e.message) &&
      /:4: ignore\.1: .*either `fingerprint:` or `path:`, not both/.test(e.message),
  );
  assert.throws(
    () => parse('version: 1\nexclude: "test/**"\n'),
    (e: unknown) => e instanceof ConfigError && /:2: exclude: must be a list/.test(e.message),
  );
});

test('through the pipeline: excluded and path-ignored certificates are listed, marked, and do not fail; one also seen elsewhere is judged', async (t) => {
  const ws = await emptyWorkspace(t);
  const expired = { notBefore: fixedClock.at(-100), notAfter: fixedClock.at(-1) };
  const a = await hierarchy({ cn: 'vendored.example', ...expired }, 'PathA');
  const b = await hierarchy({ cn: 'legacy.example', ...expired }, 'PathB');
  const c = await hierarchy({ cn: 'fixture.example', ...expired }, 'PathC');
  const d = await hierarchy({ cn: 'shared.example', ...expired }, 'PathD');
  await ws.write('vendor/lib/ca.pem', a.leaf.pem);
  await ws.write('certs/legacy/old.pem', b.leaf.pem);
  await ws.write('certs/test/fixtures/x.pem', c.leaf.pem);
  await ws.write('vendor/copy.pem', d.leaf.pem);
  await ws.write('certs/live/shared.pem', d.leaf.pem);
  const s = parse(
    `version: 1
exclude: ["vendor/**"]
files:
  - "**/*.pem"
  - "!certs/legacy/**"
ignore:
  - path: "certs/test/**"
    reason: "expired on purpose"
    until: 2027-06-30
`,
    ws.dir,
  );
  s.defaults.revocation = 'off';
  s.ari.enabled = false;
  const r = await run(s);
  const cert = (cn: string) => r.certificates.find((x) => x.subjectCN === cn)!;
  const loc = (cn: string) => cert(cn).locations[0] as FileLocation;
  assert.equal(loc('vendored.example').excluded, 'exclude: "vendor/**"');
  assert.equal(loc('legacy.example').excluded, 'files: "!certs/legacy/**"');
  assert.equal(loc('fixture.example').excluded, 'ignore: path "certs/test/**"');
  for (const cn of ['vendored.example', 'legacy.example', 'fixture.example']) {
    assert.ok(cert(cn).findings.length && cert(cn).findings.every((f) => f.ignored), `${cn} listed, not judged`);
  }
  assert.deepEqual(cert('fixture.example').findings[0].ignored, { reason: 'expired on purpose', until: '2027-06-30' });
  assert.ok(
    cert('shared.example').findings.some((f) => f.id === 'expired' && !f.ignored),
    'a copy in vendor/ does not hide the live one',
  );
  assert.equal(r.summary.failures, 1);
  assert.ok(
    !r.problems.some((p) => p.id === 'test-paths'),
    'an explicit config decides for itself: no test-path guessing',
  );

  // After `until`, the path ignore stops applying and says so once.
  const later = { ...s, now: new Date('2027-07-01T00:00:00Z') };
  const r2 = await run(later);
  assert.ok(
    r2.certificates
      .find((x) => x.subjectCN === 'fixture.example')!
      .findings.some((f) => f.id === 'expired' && !f.ignored),
  );
  const expiredRule = r2.problems.filter((p) => p.id === 'ignore-expired');
  assert.equal(expiredRule.length, 1);
  assert.match(expiredRule[0].message, /path "certs\/test\/\*\*" .*expired on 2027-06-30/);
});
