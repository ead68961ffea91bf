// The incident, end to end through the bundles: "the CA published the serials it
// will revoke — which of ours are on it?" A list bigger than any limit a loader
// could afford (over the 64 MB that v1 refused), a gzip'd list served by URL (a
// loopback HTTP server), both naming one certificate; the built action and the
// built CLI stream them past our serials.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { createWriteStream } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { issue, type Issued } from '../helpers/pki.js';
import { runAction, type ActionResult } from '../helpers/run-action.js';
import { workspace } from '../helpers/workspace.js';
import { writeRandomSerialList } from '../helpers/serial-list.js';
import { startServer, type TestServer } from '../helpers/revocation-fixtures.js';
import { DAY } from '../helpers/clock.js';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');
// Over the 64 MB v1 refused (33 bytes a line); a loader would need ~400 MB for it.
const BIG_LINES = 2_100_000;
const MAX_RSS_MB = 200;

interface ReportCert {
  subject: string;
  revocation: { status: string; method?: string; reason: string | null };
  findings: { id: string; severity: string; message: string }[];
}

const now = Date.now();
const serialOf = () => '5' + randomBytes(16).toString('hex').slice(1); // 16 bytes, positive, no pad byte
let ws: string;
let srv: TestServer;
let certs: Record<'a' | 'b' | 'c' | 'd' | 'e', Issued>;
let gz: Buffer;
let etagSeen: string[] = [];

before(async () => {
  const ca = await issue({
    cn: 'Incident CA',
    org: 'Incident PKI',
    ca: true,
    notBefore: new Date(now - 100 * DAY),
    notAfter: new Date(now + 1000 * DAY),
  });
  const mk = (cn: string) =>
    issue({
      cn,
      issuer: ca,
      serial: serialOf(),
      notBefore: new Date(now - 5 * DAY),
      notAfter: new Date(now + 80 * DAY),
    });
  certs = {
    a: await mk('a.incident.test'),
    b: await mk('b.incident.test'),
    c: await mk('c.incident.test'),
    d: await mk('d.incident.test'),
    e: await mk('e.incident.test'),
  };
  const hex = (x: Issued) => x.cert.serialNumber.toLowerCase();
  const colons = (x: Issued) => '00:' + hex(x).toUpperCase().match(/../g)!.join(':');
  ws = await workspace({
    '.github/certwatch.yml': '', // written below, once the server's port is known
    ...Object.fromEntries(Object.entries(certs).map(([k, v]) => [`certs/${k}.pem`, v.pem])),
    'certs/ca.pem': ca.pem,
    'incidents/affected.txt': '',
  });
  // The local list: our serials on the first line (with extra columns), in the middle (colons, a 00 byte) and on the very last line (no final newline).
  const big = path.join(ws, 'incidents/affected.txt');
  await writeRandomSerialList(
    big,
    BIG_LINES,
    new Map([
      [1, `${hex(certs.a)},a.incident.test,2026-11-20`],
      [1_000_000, colons(certs.b)],
      [BIG_LINES, hex(certs.c).toUpperCase()],
    ]),
    { finalNewline: false },
  );
  // The published list, gzip'd: names a (again) and d, with a comment header.
  gz = gzipSync(
    [
      '# serial\tcommonName',
      `${hex(certs.d)}\td.incident.test`,
      ...Array.from({ length: 5000 }, () => randomBytes(16).toString('hex')),
      `0x${hex(certs.a)}`,
    ].join('\n') + '\n',
  );
  srv = await startServer();
  srv.routes.set('/affected.txt.gz', (req, res) => {
    etagSeen.push(String(req.headers['if-none-match'] ?? ''));
    if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
    res
      .writeHead(200, { 'content-type': 'application/gzip', etag: '"v1"', 'content-length': String(gz.length) })
      .end(gz);
  });
  await writeFile(
    path.join(ws, '.github/certwatch.yml'),
    [
      'version: 1',
      'defaults:',
      '  revocation: off',
      'files:',
      '  - "certs/*.pem"',
      'revoked-serials:',
      '  - path: incidents/affected.txt',
      '    name: "Local incident list"',
      `  - url: ${srv.base}/affected.txt.gz`,
      '    name: "CA published list"',
      '',
    ].join('\n'),
  );
});

after(async () => {
  await srv?.close();
  if (ws) await rm(ws, { recursive: true, force: true });
});

const bySubject = (certsOut: ReportCert[], cn: string) => certsOut.find((c) => c.subject.includes(cn))!;

function assertIncident(rep: { certificates: ReportCert[] }, how: string): void {
  const a = bySubject(rep.certificates, 'a.incident.test');
  assert.deepEqual(
    a.findings.map((f) => f.id),
    ['revoked'],
    `${how}: two lists naming one certificate give one finding`,
  );
  assert.match(
    a.findings[0].message,
    /Local incident list \(incidents\/affected\.txt\) at line 1 and on CA published list \(http:\/\/127\.0\.0\.1:\d+\/affected\.txt\.gz\) at line 5003/,
    how,
  );
  assert.equal(a.revocation.reason, 'Local incident list; CA published list', how);
  for (const [cn, line] of [
    ['b.incident.test', '1000000'],
    ['c.incident.test', String(BIG_LINES)],
  ]) {
    const x = bySubject(rep.certificates, cn);
    assert.deepEqual(
      x.findings.map((f) => `${f.id}/${f.severity}`),
      ['revoked/error'],
      `${how}: ${cn}`,
    );
    assert.match(
      x.findings[0].message,
      new RegExp(`Local incident list \\(incidents/affected\\.txt\\) at line ${line}$`),
      `${how}: ${cn}`,
    );
  }
  assert.match(
    bySubject(rep.certificates, 'd.incident.test').findings[0].message,
    /CA published list .* at line 2$/,
    how,
  );
  assert.deepEqual(
    bySubject(rep.certificates, 'e.incident.test').findings,
    [],
    `${how}: a certificate on neither list is untouched`,
  );
}

describe('published serial lists, streamed, through the built CLI and action', () => {
  test('the built CLI finds ours on a list over 64 MB and on a gzip list by URL, in bounded memory', {
    skip: !existsSync('/usr/bin/time') && 'needs /usr/bin/time (Debian package time; scripts/test-deps.sh installs it)',
  }, async () => {
    const size = (await stat(path.join(ws, 'incidents/affected.txt'))).size;
    assert.ok(size > 64 * 1024 * 1024, `the list is ${size} bytes`);
    // Asynchronously: the list's server lives in this process.
    const r = await run('/usr/bin/time', [
      '-f',
      'CWRSS %M',
      process.execPath,
      CLI,
      'check',
      '--workspace',
      ws,
      '--format',
      'json',
    ]);
    assert.equal(r.status, 1, r.stderr);
    const rep = JSON.parse(r.stdout) as {
      certificates: ReportCert[];
      summary: { failures: number };
      problems: unknown[];
    };
    assertIncident(rep, `CLI ${JSON.stringify(rep.problems)}`);
    assert.equal(rep.summary.failures, 4);
    const rss = Number(/CWRSS (\d+)/.exec(r.stderr)?.[1]) / 1024;
    assert.ok(
      rss > 0 && rss < MAX_RSS_MB,
      `peak RSS ${rss.toFixed(0)} MB, want < ${MAX_RSS_MB} MB (the list is streamed, not loaded)`,
    );
  });

  test('the built action asks again with the ETag (304: the cached copy is read) and uses the cache when the server is down', async () => {
    etagSeen = [];
    const first = await runAction(ws, { report: 'out/report.json' });
    assert.equal(first.code, 1, dump(first));
    assertIncident(JSON.parse(await readFile(path.join(ws, 'out/report.json'), 'utf8')), 'action');
    assert.equal(first.outputs.failures, '4', dump(first));
    const second = await runAction(ws, { report: 'out/report2.json' });
    assertIncident(JSON.parse(await readFile(path.join(ws, 'out/report2.json'), 'utf8')), 'action after 304');
    assert.equal(etagSeen.at(-1), '"v1"', 'a conditional GET the second time');
    await srv.close();
    const third = await runAction(ws, { report: 'out/report3.json' });
    assertIncident(
      JSON.parse(await readFile(path.join(ws, 'out/report3.json'), 'utf8')),
      'action with the server down',
    );
    assert.ok(
      third.annotations.some(
        (x) =>
          x.level === 'warning' &&
          /CA published list|affected\.txt\.gz/.test(x.message) &&
          /used the copy fetched/.test(x.message),
      ),
      dump(third),
    );
  });

  test('inventory --serials-file reads a gzip list through the same parser (bytes separated by spaces, extra columns)', async (t) => {
    const list = path.join(ws, 'out/inventory-list.txt.gz');
    const spaced = (x: Issued) => x.cert.serialNumber.match(/../g)!.join(' ');
    const src = path.join(ws, 'out/inventory-list.txt');
    await writeFile(src, `# affected\n${spaced(certs.b)},b\nnot a serial\n${certs.e.cert.serialNumber}\n`);
    await pipeline(createReadStream(src), createGzip(), createWriteStream(list));
    t.after(() => rm(list, { force: true }));
    const r = await run(process.execPath, [
      CLI,
      'inventory',
      '--workspace',
      ws,
      '--files',
      'certs/*.pem',
      '--serials-file',
      list,
      '--format',
      'json',
    ]);
    const rep = JSON.parse(r.stdout) as { certificates: ReportCert[] };
    assert.deepEqual(rep.certificates.map((c) => c.subject).sort(), ['CN=b.incident.test', 'CN=e.incident.test']);
    assert.match(r.stderr, /inventory-list\.txt\.gz:3: "not a serial" is not a hex serial number/);
  });
});

async function run(cmd: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(cmd, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: '/tmp', NO_PROXY: '127.0.0.1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const status = await new Promise<number | null>((r) => child.on('close', r));
  clearTimeout(timer);
  return { status, stdout, stderr };
}

test('a server that closes the connection after a big list (HTTP/1.0 style) is read to the end, not a crash', async (t) => {
  // undici 7 asserts (uncatchably) when the socket ends while it is holding a paused
  // body (nodejs/undici#5360): a list streamed slower than it arrives must not pause it.
  const lines = 400_000;
  const list = path.join(ws, 'out/close-list.txt');
  await mkdir(path.dirname(list), { recursive: true });
  await writeRandomSerialList(list, lines, new Map([[lines, certs.e.cert.serialNumber]]));
  const body = gzipSync(await readFile(list), { level: 1 });
  const raw = createNetServer((sock) => {
    sock.on('error', () => undefined);
    sock.once('data', () => {
      sock.write(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`);
      sock.end(body); // FIN right after the body
    });
  });
  await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => raw.close(() => r())));
  const cfgDir = path.join(ws, 'out/close');
  await writeFile(
    path.join(ws, 'out/close.yml'),
    `version: 1\ndefaults:\n  revocation: off\n  cache-dir: out/close-cache\nfiles:\n  - "certs/e.pem"\nrevoked-serials:\n  - url: http://127.0.0.1:${(raw.address() as AddressInfo).port}/list.gz\n    name: closing server\n`,
  );
  void cfgDir;
  const r = await run(process.execPath, [
    CLI,
    'check',
    '--workspace',
    ws,
    '--config',
    'out/close.yml',
    '--format',
    'json',
  ]);
  assert.equal(r.status, 1, r.stderr);
  const rep = JSON.parse(r.stdout) as { certificates: ReportCert[] };
  assert.match(
    bySubject(rep.certificates, 'e.incident.test').findings[0].message,
    new RegExp(`closing server .* at line ${lines}$`),
  );
});

function dump(r: ActionResult): string {
  return `exit ${r.code}\nstdout:\n${r.stdout.slice(-3000)}\nstderr:\n${r.stderr.slice(-2000)}`;
}
