// Every bad input of the foundation issue, end to end through what users run:
// the bundled CLI (dist/cli.js) and the bundled action (dist/action.js). Each
// gives one clear finding or usage error naming the file (and line); the healthy
// certificate next to them is still checked; nothing hangs or prints a stack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hierarchy } from '../helpers/pki.js';
import { runAction } from '../helpers/run-action.js';
import { runBuiltCli } from '../helpers/run-cli.js';
import { workspace } from '../helpers/workspace.js';
import type { Report } from '../../src/report/report-types.js';
import { fromNow } from '../helpers/clock.js';

const NOBODY = 65534;
const STACK = /\n\s+at .+:\d+:\d+/;

async function badInputWorkspace(): Promise<{ dir: string; keyPem: string }> {
  const { leaf } = await hierarchy(
    {
      cn: 'good.bad-input.test',
      notBefore: fromNow(-10),
      notAfter: fromNow(200),
    },
    'BadInput',
  );
  const lines = leaf.pem.trimEnd().split('\n');
  const dir = await workspace({
    '.github/certwatch.yml': 'version: 1\nfiles:\n  - "certs/**/*.pem"\n  - "missing/*.pem"\n',
    'certs/good.pem': leaf.pem,
    'certs/truncated.pem': lines.slice(0, 5).join('\n') + '\n',
    'certs/badb64.pem': [lines[0], lines[1], '!!!not*base64!!!', ...lines.slice(2)].join('\n') + '\n',
    'certs/random.pem': '',
    'certs/empty.pem': '',
    'certs/key-only.pem': leaf.keyPem,
    'certs/locked.pem': leaf.pem,
  });
  await writeFile(
    path.join(dir, 'certs/random.pem'),
    Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
  );
  await writeFile(path.join(dir, 'certs/huge.pem'), '');
  await truncate(path.join(dir, 'certs/huge.pem'), 50 * 1024 * 1024); // sparse: 50 MB without writing them
  await mkdir(path.join(dir, 'certs/dir.pem'));
  await symlink('self.pem', path.join(dir, 'certs/self.pem')); // a symlink loop
  await symlink('..', path.join(dir, 'certs/up')); // a directory loop under the glob
  await chmod(path.join(dir, 'certs/locked.pem'), 0o000);
  // nobody must be able to reach the workspace (mkdtemp makes it 0700).
  for (const d of [dir, path.join(dir, 'certs'), path.join(dir, '.github')]) await chmod(d, 0o755);
  for (const f of ['good.pem', 'truncated.pem', 'badb64.pem', 'random.pem', 'empty.pem', 'key-only.pem', 'huge.pem'])
    await chmod(path.join(dir, 'certs', f), 0o644);
  await chmod(path.join(dir, '.github/certwatch.yml'), 0o644);
  return { dir, keyPem: leaf.keyPem };
}

const EXPECTED: [string, string, RegExp][] = [
  ['certs/truncated.pem', 'unparseable/error', /truncated PEM/],
  ['certs/badb64.pem', 'unparseable/error', /base64/],
  ['certs/random.pem', 'unparseable/error', /neither PEM nor DER|no PEM block/],
  ['certs/empty.pem', 'unparseable/error', /empty/],
  ['certs/huge.pem', 'unparseable/error', /50\.0 MiB, over the 10 MiB limit/],
  ['certs/key-only.pem', 'private-key/notice', /private key .* never shown/],
  ['certs/dir.pem', 'unparseable/warning', /directory/],
  ['certs/self.pem', 'unparseable/error', /symbolic link loop/],
  ['.github/certwatch.yml', 'no-match/notice', /"missing\/\*\.pem" matched no file/],
];

function checkReport(r: Report, keyPem: string, raw: string) {
  const good = r.certificates.find((c) => c.subjectCN === 'good.bad-input.test');
  assert.ok(good, 'the healthy certificate next to the broken files is still checked');
  assert.deepEqual(good.findings, []);
  for (const [file, idSev, msg] of EXPECTED) {
    const fs = r.problems.filter((p) => p.location?.type === 'file' && p.location.path === file);
    assert.equal(fs.length, 1, `${file}: ${JSON.stringify(fs)}`);
    assert.equal(`${fs[0].id}/${fs[0].severity}`, idSev, file);
    assert.match(fs[0].message, msg, file);
  }
  const noMatch = r.problems.find((p) => p.id === 'no-match');
  assert.equal(
    noMatch?.location?.type === 'file' ? noMatch.location.line : 0,
    4,
    "the no-match notice points at the glob's config line",
  );
  const keyBody = keyPem.split('\n')[1];
  assert.ok(!raw.includes(keyBody), 'private key material never appears in the output');
}

test('the built CLI: every bad file gives one clear finding, the healthy one is still checked, nothing hangs', async (t) => {
  const { dir, keyPem } = await badInputWorkspace();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const asNobody = process.getuid?.() === 0;
  const r = await runBuiltCli(['check', '--workspace', dir, '--format', 'json'], asNobody ? { uid: NOBODY } : {});
  assert.equal(r.code, 1, r.stderr);
  assert.doesNotMatch(r.stdout + r.stderr, STACK);
  assert.ok(r.ms < 15_000, `took ${r.ms} ms`);
  const report = JSON.parse(r.stdout) as Report;
  checkReport(report, keyPem, r.stdout + r.stderr);
  const locked = report.problems.filter((p) => p.location?.type === 'file' && p.location.path === 'certs/locked.pem');
  assert.equal(locked.length, 1);
  assert.match(locked[0].message, /permission denied/);
  // The text format names the same places.
  const text = await runBuiltCli(['check', '--workspace', dir], asNobody ? { uid: NOBODY } : {});
  for (const [file] of EXPECTED) assert.ok(text.stdout.includes(file), `${file} in text output`);
});

test('the built action: the same bad files give annotations on their files, the step fails, outputs are set', async (t) => {
  const { dir, keyPem } = await badInputWorkspace();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const r = await runAction(dir, { report: 'out/report.json' });
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stdout + r.stderr, STACK);
  const { readFile } = await import('node:fs/promises');
  const report = JSON.parse(await readFile(path.join(dir, 'out/report.json'), 'utf8')) as Report;
  checkReport(report, keyPem, r.stdout + r.summary);
  for (const [file, idSev] of EXPECTED) {
    const level = idSev.split('/')[1];
    assert.ok(
      r.annotations.some((a) => a.file === file && a.level === level),
      `${level} annotation on ${file}`,
    );
  }
  assert.equal(r.outputs.status, 'fail');
});

test('config errors through the built CLI: tab, unknown key, negative duration exit 2 naming file and line; fail > warn only warns', async (t) => {
  const dir = await workspace({ 'certs/.keep': '' });
  t.after(() => rm(dir, { recursive: true, force: true }));
  const cfg = (text: string) => writeFile(path.join(dir, '.github/certwatch.yml'), text);
  await mkdir(path.join(dir, '.github'), { recursive: true });
  const cases: [string, RegExp][] = [
    ['version: 1\ndefaults:\n\twarn-within: 30d\n', /\.github\/certwatch\.yml:3: .*tabs/],
    [
      'version: 1\ndefaults:\n  warn-witin: 30d\n',
      /\.github\/certwatch\.yml:3: defaults\.warn-witin: unknown key .*did you mean "warn-within"/,
    ],
    [
      'version: 1\ndefaults:\n  fail-within: -5d\n',
      /\.github\/certwatch\.yml:3: defaults\.fail-within: "-5d" is negative/,
    ],
  ];
  for (const [text, msg] of cases) {
    await cfg(text);
    const r = await runBuiltCli(['check', '--workspace', dir]);
    assert.equal(r.code, 2, text);
    assert.match(r.stderr, msg);
    assert.doesNotMatch(r.stderr, STACK);
  }
  await cfg('version: 1\ndefaults:\n  warn-within: 3d\n  fail-within: 10d\nfiles:\n  - "certs/*.pem"\n');
  const r = await runBuiltCli(['check', '--workspace', dir, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  assert.ok(
    report.problems.some(
      (p) =>
        p.id === 'config' &&
        p.severity === 'warning' &&
        /fail-within \(10d\) is larger than warn-within \(3d\)/.test(p.message),
    ),
  );
});
