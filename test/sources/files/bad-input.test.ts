// Bad input (issue #2): each broken file gives one clear finding naming the file and
// line, and every other file in the same run is still checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectFiles, type FileCollection } from '../../../src/sources/files/collect-files.js';
import { DISCOVERY_PATTERNS } from '../../../src/config/settings.js';
import { groupObservations } from '../../../src/observe/group-observations.js';
import { buildReport } from '../../../src/report/build-report.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { renderText } from '../../../src/report/text.js';
import { annotationsFor } from '../../../src/report/annotations.js';
import { checkExpiry } from '../../../src/checks/expiry.js';
import type { Finding, Settings } from '../../../src/types.js';
import { issue } from '../../helpers/pki.js';
import { target } from '../../helpers/file-targets.js';
import { emptyWorkspace, type Workspace, tempDir, removeTempDir } from '../../helpers/workspace.js';
import { said } from '../../helpers/said.js';
import { NOW } from '../../helpers/clock.js';

const healthy = await issue({ cn: 'healthy.example' });

/** Each bad file sits next to a healthy one: the healthy one must still be read. */
async function withHealthyNeighbour(ws: Workspace, dir: string) {
  await ws.write(`${dir}/healthy.pem`, healthy.pem);
}

function assertHealthyRead(r: FileCollection, dir: string) {
  assert.ok(
    r.observations.some(
      (o) =>
        o.location.type === 'file' &&
        o.location.path === `${dir}/healthy.pem` &&
        o.cert.subjectCN === 'healthy.example',
    ),
    'the healthy file next to the broken one still yields its certificate',
  );
}

function only(r: FileCollection, file: string): Finding {
  const fs = r.findings.filter((f) => f.location?.type === 'file' && f.location.path === file);
  assert.equal(fs.length, 1, `one finding for ${file}: ${JSON.stringify(r.findings)}`);
  return fs[0];
}

test('a truncated PEM is unparseable at the line of its BEGIN', async (t) => {
  const ws = await emptyWorkspace(t);
  await withHealthyNeighbour(ws, 'c');
  await ws.write('c/cut.pem', '# header\n' + healthy.pem.split('\n').slice(0, 6).join('\n'));
  const r = await collectFiles([target('c/*.pem')], { workspace: ws.dir });
  const f = only(r, 'c/cut.pem');
  assert.deepEqual([f.id, f.severity], ['unparseable', 'error']);
  assert.equal(f.location?.type === 'file' && f.location.line, 2);
  assert.match(said(f), /^c\/cut\.pem:2: .*truncated/);
  assertHealthyRead(r, 'c');
});

test('bad base64 inside a PEM block is unparseable, naming the damaged line', async (t) => {
  const ws = await emptyWorkspace(t);
  await withHealthyNeighbour(ws, 'c');
  const lines = healthy.pem.split('\n');
  lines[4] = '!!!!' + lines[4].slice(4);
  await ws.write('c/bad64.pem', lines.join('\n'));
  const r = await collectFiles([target('c/*.pem')], { workspace: ws.dir });
  const f = only(r, 'c/bad64.pem');
  assert.equal(f.id, 'unparseable');
  assert.match(said(f), /c\/bad64\.pem:1: .*invalid base64 on line 5/);
  assertHealthyRead(r, 'c');
});

test('random bytes named .pem, and an empty file, are unparseable with the reason', async (t) => {
  const ws = await emptyWorkspace(t);
  await withHealthyNeighbour(ws, 'c');
  await ws.write('c/random.pem', Buffer.concat([Buffer.from([0x42]), randomBytes(4096)]));
  await ws.write('c/random-seq.pem', Buffer.concat([Buffer.from([0x30, 0x82, 0x7f, 0xff]), randomBytes(100)]));
  await ws.write('c/empty.pem', '');
  const r = await collectFiles([target('c/*.pem')], { workspace: ws.dir });
  assert.match(said(only(r, 'c/random.pem')), /neither PEM nor DER/);
  assert.match(said(only(r, 'c/random-seq.pem')), /DER is damaged|runs past the end/);
  const empty = only(r, 'c/empty.pem');
  assert.equal(empty.id, 'unparseable');
  assert.match(said(empty), /^c\/empty\.pem:1: .*empty/);
  assertHealthyRead(r, 'c');
});

test('a 50 MB file is refused quickly without being read whole', async (t) => {
  const ws = await emptyWorkspace(t);
  await withHealthyNeighbour(ws, 'c');
  const big = await ws.write('c/huge.pem', '');
  await truncate(big, 50 * 1024 * 1024); // sparse: costs no disk, and reading it would cost 50 MB of memory
  const before = process.memoryUsage().arrayBuffers;
  const started = performance.now();
  const r = await collectFiles([target('c/*.pem')], { workspace: ws.dir });
  const ms = performance.now() - started;
  const f = only(r, 'c/huge.pem');
  assert.equal(f.id, 'unparseable');
  assert.match(said(f), /50\.0 MiB, over the 10 MiB limit/);
  assert.ok(ms < 2000, `took ${ms} ms`);
  assert.ok(process.memoryUsage().arrayBuffers - before < 20 * 1024 * 1024, 'did not allocate the file');
  assertHealthyRead(r, 'c');
});

test('discovery refuses a certificate-named file over the limit with the same words, typed', async (t) => {
  const ws = await emptyWorkspace(t);
  const big = await ws.write('c/huge.pem', '');
  await truncate(big, 50 * 1024 * 1024);
  const r = await collectFiles([target('**', 1, { discovered: true })], { workspace: ws.dir });
  const f = only(r, 'c/huge.pem');
  assert.equal(f.id, 'unparseable');
  assert.equal(said(f), 'c/huge.pem: the file is 50.0 MiB, over the 10 MiB limit for a certificate file; not read');
  assert.deepEqual(f.detail.kind === 'file-problem' && f.detail.cause, {
    reason: 'too-large',
    bytes: 50 * 1024 * 1024,
    limit: 10 * 1024 * 1024,
  });
});

test('a PEM holding only a private key is a private-key notice, and the key never appears in any output', async (t) => {
  const ws = await emptyWorkspace(t);
  await withHealthyNeighbour(ws, 'c');
  await ws.write('c/server.key.pem', healthy.keyPem);
  await ws.write('c/both.pem', healthy.pem + healthy.keyPem);
  const r = await collectFiles([target('c/*.pem')], { workspace: ws.dir });
  const f = only(r, 'c/server.key.pem');
  assert.deepEqual([f.id, f.severity], ['private-key', 'notice']);
  assert.match(said(f), /private key \(PRIVATE KEY\) is committed/);
  assert.equal(only(r, 'c/both.pem').id, 'private-key');

  // Every output a user or a log could see.
  const settings = {
    now: NOW,
    shard: { index: 1, count: 1 },
    defaults: { warnWithin: { text: '30d' }, failWithin: { text: '7d' } },
  } as unknown as Settings;
  const certs = groupObservations(r.observations);
  const report = buildReport(certs, r.findings, settings, { deadlineReached: false, generatedAt: NOW });
  const outputs = [
    JSON.stringify(r),
    JSON.stringify(report),
    renderMarkdown(report),
    renderText(report, { color: false }),
    JSON.stringify(annotationsFor(report)),
  ].join('\n');
  const keyBody = healthy.keyPem.split('\n').filter((l) => l && !l.startsWith('-----'));
  assert.ok(keyBody.length >= 2);
  for (const line of keyBody) {
    assert.ok(!outputs.includes(line) && !outputs.includes(line.slice(8, 40)), 'key material must not appear');
  }
  assert.ok(!outputs.includes('-----BEGIN PRIVATE KEY-----'));
  assertHealthyRead(r, 'c');
});

test('a directory named x.pem: a warning under a configured glob, silence under discovery', async (t) => {
  const ws = await emptyWorkspace(t);
  await withHealthyNeighbour(ws, 'c');
  await mkdir(path.join(ws.dir, 'c/x.pem'));
  const configured = await collectFiles([target('c/*.pem')], { workspace: ws.dir });
  const f = only(configured, 'c/x.pem');
  assert.deepEqual([f.id, f.severity], ['unparseable', 'warning']);
  assert.match(said(f), /is a directory/);
  assertHealthyRead(configured, 'c');
  const discovered = await collectFiles(
    DISCOVERY_PATTERNS.map((pattern) => ({ pattern, discovered: true })),
    { workspace: ws.dir },
  );
  assert.deepEqual(discovered.findings, []);
  assertHealthyRead(discovered, 'c');
});

test('symlink loops under a glob terminate: a looping directory is not followed, a self-link is named', async (t) => {
  const ws = await emptyWorkspace(t);
  await withHealthyNeighbour(ws, 'c');
  await symlink('..', path.join(ws.dir, 'c/loop')); // c/loop → c, forever
  await symlink('self.pem', path.join(ws.dir, 'c/self.pem')); // ELOOP
  await symlink('healthy.pem', path.join(ws.dir, 'c/link.pem')); // a link to a file is still read
  const started = performance.now();
  const r = await collectFiles([target('c/**/*.pem')], { workspace: ws.dir });
  assert.ok(performance.now() - started < 5000);
  assert.match(said(only(r, 'c/self.pem')), /symbolic link loop/);
  assert.equal(r.findings.length, 1, JSON.stringify(r.findings));
  assertHealthyRead(r, 'c');
  assert.ok(r.observations.some((o) => o.location.type === 'file' && o.location.path === 'c/link.pem'));
});

test('an unreadable file is a clear finding; the others are still read', async (t) => {
  const ws = await emptyWorkspace(t);
  await withHealthyNeighbour(ws, 'c');
  const secret = await ws.write('c/locked.pem', healthy.pem);
  await chmod(secret, 0o000);
  let r: FileCollection;
  if (process.getuid?.() === 0) {
    // root reads through chmod 000: run the collection as `nobody` in a child process.
    r = await collectAsNobody(ws.dir);
  } else {
    r = await collectFiles([target('c/*.pem')], { workspace: ws.dir });
  }
  const f = only(r, 'c/locked.pem');
  assert.deepEqual([f.id, f.severity], ['unparseable', 'error']);
  assert.match(said(f), /permission denied/);
  assertHealthyRead(r, 'c');
});

async function collectAsNobody(dir: string): Promise<FileCollection> {
  const scriptDir = await tempDir('certwatch-nobody-');
  try {
    await chmod(scriptDir, 0o777); // tsx keeps its cache in TMPDIR
    const src = fileURLToPath(new URL('../../../src/sources/files/collect-files.ts', import.meta.url));
    const script = path.join(scriptDir, 'collect.mts'); // .mts: an ES module wherever it sits
    await writeFile(
      script,
      `import { collectFiles } from ${JSON.stringify(src)};\n` +
        `const r = await collectFiles([{ pattern: 'c/*.pem', source: { file: '.github/certwatch.yml', line: 5 } }], { workspace: ${JSON.stringify(dir)} });\n` +
        `process.stdout.write(JSON.stringify({ findings: r.findings, observations: r.observations.map((o) => ({ location: o.location, cert: { subjectCN: o.cert.subjectCN } })) }));\n`,
    );
    await chmod(script, 0o644);
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script], {
        uid: 65534,
        gid: 65534,
        cwd: fileURLToPath(new URL('../../../', import.meta.url)), // where tsx resolves from
        env: { PATH: process.env.PATH, HOME: scriptDir, TMPDIR: scriptDir },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 30_000,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(stdout) : reject(new Error(`child exited ${code}: ${stderr}`)),
      );
    });
    return JSON.parse(out) as FileCollection;
  } finally {
    await removeTempDir(scriptDir);
  }
}

test('a certificate that does not parse is unparseable with the reason; its bundle neighbours still count', async (t) => {
  const ws = await emptyWorkspace(t);
  const bad = Buffer.from(healthy.der);
  const at = bad.indexOf(Buffer.from([0x17, 0x0d]));
  bad.write('13', at + 4, 'latin1'); // notBefore month 13
  const pemOf = (d: Buffer) =>
    `-----BEGIN CERTIFICATE-----\n${d.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
  const other = await issue({ cn: 'neighbour.example' });
  await ws.write('bundle.pem', other.pem + pemOf(bad));
  const r = await collectFiles([target('bundle.pem')], { workspace: ws.dir });
  const f = only(r, 'bundle.pem');
  assert.equal(f.id, 'unparseable');
  assert.equal(f.location?.type === 'file' && f.location.line, other.pem.split('\n').length);
  assert.match(said(f), /date|time/i);
  assert.deepEqual(
    r.observations.map((o) => o.cert.subjectCN),
    ['neighbour.example'],
  );
  // and the neighbour is judged like any other certificate
  assert.deepEqual(
    checkExpiry(
      { ...groupObservations(r.observations)[0] },
      { warnWithin: { kind: 'absolute', ms: 1, text: '1ms' }, failWithin: { kind: 'absolute', ms: 1, text: '1ms' } },
      NOW,
    ),
    [],
  );
});
