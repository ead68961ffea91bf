// Record what certwatch prints, on a fixture and a fixed clock, so that a
// refactoring can be checked for unintended changes: record before, change,
// record after, `diff -r` the two folders (issue 10: "the SARIF, text,
// summary, issue bodies and JSON report stay identical on fixed-clock
// fixtures").
//
//   npx tsx scripts/record-outputs.ts fixture DIR       write a fixture (once; certificates are random)
//   npx tsx scripts/record-outputs.ts record DIR OUT [DIST]
//                                  run the BUILT CLI and action (DIST, default dist/) on it, save every output
//   RECORD_PORT_BASE=N (fixture only): servers on ports N…N+3 instead of 27411…27414
//
// To record another commit's build: `git archive <commit> dist | tar -x -C /tmp/old` and pass /tmp/old/dist.
//
// The fixture holds a workspace (certificate files and a config), the keys of
// two loopback TLS servers, a CRL and ARI answers served by a loopback HTTP
// server, and the clock. Servers listen on fixed ports (below the Linux
// ephemeral range, so parallel test runs do not take them) because endpoint
// names appear in the output. The clock is pinned in the child processes by a
// preload module that replaces `Date` (the action has no `--at`): every
// output is then a function of the fixture alone. TLS verification still uses
// OpenSSL's real clock, so record within a few days of writing the fixture.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createHash, KeyObject } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import tls from 'node:tls';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hierarchy, issue, type Issued } from '../test/helpers/pki.js';
import { hostileCertificate } from '../test/helpers/hostile-certs.js';
import { buildCrl } from '../test/helpers/der-writer.js';
import { FakeGitHub } from '../test/helpers/fake-github.js';
import { runScheduled, type ActionResult } from '../test/helpers/run-action.js';
import { ariId, pkcs12Der } from './fixture-pki.js';
import { DAY, HOUR } from '../test/helpers/clock.js';

const ROOT = path.resolve(import.meta.dirname, '..');
let DIST = path.join(ROOT, 'dist');
// RECORD_PORT_BASE moves the four ports (for a second fixture recorded at the same time); the fixture keeps them.
const PORT_BASE = Number(process.env.RECORD_PORT_BASE ?? 27411);
const PORTS = { good: PORT_BASE, noChain: PORT_BASE + 1, http: PORT_BASE + 2, closed: PORT_BASE + 3 };
const REPO = 'acme/site';

interface FixtureInfo {
  clock: string; // ISO instant every child process sees as "now"
  ports: typeof PORTS;
  routes: Record<string, { type: string; file: string }>;
}

// ---- fixture -------------------------------------------------------------

async function writeFixture(dir: string): Promise<void> {
  const t0 = Math.floor(Date.now() / HOUR) * HOUR; // a whole hour: dates in the output read cleanly
  const at = (days: number) => new Date(t0 + days * DAY);
  const ws = path.join(dir, 'workspace');
  const w = async (rel: string, data: string | Buffer, base = ws) => {
    await mkdir(path.dirname(path.join(base, rel)), { recursive: true });
    await writeFile(path.join(base, rel), data);
  };
  const http = `http://127.0.0.1:${PORTS.http}`;
  const {
    root,
    intermediate,
    leaf: healthy,
  } = await hierarchy({ cn: 'www.rec.test', notBefore: at(-30), notAfter: at(60) }, 'Rec');
  const soon = await issue({ cn: 'api.rec.test', issuer: intermediate, notBefore: at(-87), notAfter: at(3) });
  const month = await issue({ cn: 'billing.rec.test', issuer: intermediate, notBefore: at(-70), notAfter: at(20) });
  const expired = await issue({ cn: 'legacy.rec.test', issuer: intermediate, notBefore: at(-100), notAfter: at(-10) });
  const future = await issue({ cn: 'next.rec.test', issuer: intermediate, notBefore: at(5), notAfter: at(95) });
  const shortLived = await issue({
    cn: 'edge.rec.test',
    issuer: intermediate,
    notBefore: new Date(t0 - 4.8 * DAY),
    notAfter: new Date(t0 + 1.2 * DAY),
  });
  const weak = await issue({
    cn: 'appliance.rec.test',
    key: 'rsa1024',
    hash: 'SHA-1',
    notBefore: at(-10),
    notAfter: at(300),
  });
  const weakIgnored = await issue({ cn: 'kiosk.rec.test', key: 'rsa1024', notBefore: at(-10), notAfter: at(300) });
  const lapsedIgnore = await issue({
    cn: 'lapsed.rec.test',
    issuer: intermediate,
    notBefore: at(-95),
    notAfter: at(-5),
  });
  const revokedCrl = await issue({
    cn: 'intranet.rec.test',
    issuer: intermediate,
    notBefore: at(-20),
    notAfter: at(70),
    crlUrl: `${http}/rec.crl`,
  });
  const goodCrl = await issue({
    cn: 'wiki.rec.test',
    issuer: intermediate,
    notBefore: at(-20),
    notAfter: at(70),
    crlUrl: `${http}/rec.crl`,
  });
  const noResponder = await issue({
    cn: 'vpn.rec.test',
    issuer: intermediate,
    notBefore: at(-20),
    notAfter: at(70),
    ocspUrl: `http://127.0.0.1:${PORTS.closed}/ocsp`,
  });
  const crl404 = await issue({
    cn: 'files.rec.test',
    issuer: intermediate,
    notBefore: at(-20),
    notAfter: at(70),
    crlUrl: `${http}/missing.crl`,
  });
  const listed = await issue({ cn: 'mail.rec.test', issuer: intermediate, notBefore: at(-20), notAfter: at(70) });
  const acmeCa = await issue({ cn: 'Rec ACME CA', org: 'Rec ACME', ca: true, notBefore: at(-200), notAfter: at(1000) });
  const ariClosed = await issue({ cn: 'status.rec.test', issuer: acmeCa, notBefore: at(-30), notAfter: at(60) });
  const ariOpen = await issue({ cn: 'shop.rec.test', issuer: acmeCa, notBefore: at(-30), notAfter: at(60) });
  // A renewed certificate next to its old copy in one bundle: the old one is superseded.
  const oldCopy = await issue({ cn: 'cdn.rec.test', issuer: intermediate, notBefore: at(-80), notAfter: at(2) });
  const newCopy = await issue({ cn: 'cdn.rec.test', issuer: intermediate, notBefore: at(-1), notAfter: at(89) });
  // Names that would be live markup, mentions or workflow commands if printed raw.
  const hostile = await hostileCertificate({
    cn: '@octocat [click](https://evil.example/x) <img src=x> #1 ::error::pwned',
    o: '%0A::warning file=a::owned',
    dnsSans: ['hostile.rec.test'],
    notBefore: at(-80),
    notAfter: at(4),
    crlUrl: `http://127.0.0.1:${PORTS.closed}/@octocat/[x](y)/::error::.crl`,
    slot: 'record-outputs',
  });

  // The CRL: one certificate revoked for keyCompromise three days ago.
  const crl = buildCrl({
    issuerNameDer: Buffer.from(intermediate.cert.subjectName.toArrayBuffer()),
    signingKey: KeyObject.from(intermediate.keys.privateKey),
    thisUpdate: new Date(t0 - DAY),
    nextUpdate: new Date(t0 + 6 * DAY),
    crlNumber: 7,
    entries: [
      { serial: Buffer.from(revokedCrl.cert.serialNumber, 'hex'), revokedAt: new Date(t0 - 3 * DAY), reason: 1 },
    ],
  });
  const routes: FixtureInfo['routes'] = { '/rec.crl': { type: 'application/pkix-crl', file: 'rec.crl' } };
  await w('rec.crl', crl, path.join(dir, 'http'));
  // An ACME directory with renewalInfo: one window closed (a revocation announced), one open.
  await w(
    'directory.json',
    JSON.stringify({ newNonce: `${http}/acme/new-nonce`, renewalInfo: `${http}/acme/renewal-info` }),
    path.join(dir, 'http'),
  );
  routes['/acme/directory'] = { type: 'application/json', file: 'directory.json' };
  const ariWindow = async (c: Issued, name: string, start: number, end: number) => {
    await w(
      name,
      JSON.stringify({
        suggestedWindow: { start: at(start).toISOString(), end: at(end).toISOString() },
        explanationURL: 'https://status.rec.test/incidents/ari',
      }),
      path.join(dir, 'http'),
    );
    routes[`/acme/renewal-info/${ariId(c)}`] = { type: 'application/json', file: name };
  };
  await ariWindow(ariClosed, 'ari-closed.json', -4, -1);
  await ariWindow(ariOpen, 'ari-open.json', -2, 5);

  // TLS server keys: a healthy server (also probed under a name it does not cover) and one without its intermediate.
  await w('good.pem', healthy.pem + intermediate.pem, path.join(dir, 'servers'));
  await w('good.key', healthy.keyPem, path.join(dir, 'servers'));
  await w('nochain.pem', soon.pem, path.join(dir, 'servers'));
  await w('nochain.key', soon.keyPem, path.join(dir, 'servers'));

  const fp = (c: { der: Buffer }) => `sha256:${createHash('sha256').update(c.der).digest('hex')}`;
  await w('certs/www.pem', healthy.pem + intermediate.pem);
  await w('certs/api.pem', soon.pem);
  await w('certs/billing.crt', month.pem);
  await w('certs/legacy/legacy.pem', expired.pem);
  await w('certs/next.pem', future.pem);
  await w('certs/appliance.pem', weak.pem);
  await w('certs/kiosk.pem', weakIgnored.pem);
  await w('certs/lapsed.pem', lapsedIgnore.pem);
  await w('certs/intranet.pem', revokedCrl.pem);
  await w('certs/wiki.pem', goodCrl.pem);
  await w('certs/vpn.pem', noResponder.pem);
  await w('certs/files.pem', crl404.pem);
  await w('certs/mail.pem', listed.pem);
  await w('certs/status.pem', ariClosed.pem);
  await w('certs/shop.pem', ariOpen.pem);
  await w('certs/cdn-bundle.pem', newCopy.pem + oldCopy.pem);
  await w('certs/hostile.pem', hostile.pem);
  await w('certs/root.pem', root.pem);
  await w('certs/broken.pem', healthy.pem.slice(0, 200)); // a truncated PEM block
  await w('certs/garbage.der', Buffer.from([0x30, 0x82, 0x01, 0x00, 0x02, 0x01])); // DER cut short
  await w('certs/site-key.pem', healthy.keyPem); // a committed private key
  await w('short-lived/edge.pem', shortLived.pem);
  await w('incidents/serials.txt', `# affected serials\n${listed.cert.serialNumber}\n`);
  const rsa = await issue({
    cn: 'payments.rec.test',
    key: 'rsa2048',
    issuer: intermediate,
    notBefore: at(-10),
    notAfter: at(120),
  });
  await w('deploy/payments.jks', pkcs12Der(rsa, 'rec-password')); // PKCS#12 named .jks
  await w(
    'k8s/ingress-tls.yaml',
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ingress-tls\n  namespace: web\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${Buffer.from(month.pem + intermediate.pem).toString('base64')}\n`,
  );
  const day = (d: number) => at(d).toISOString().slice(0, 10);
  const config = (issues: string) => `version: 1
defaults:
  warn-within: 30d
  fail-within: 7d
  timeout: 3s
  revocation: soft
  ca-file: certs/root.pem
files:
  - "certs/**/*.{pem,crt,der}"
  - path: "short-lived/*.pem"
    warn-within: 33%
    fail-within: 10%
  - path: "deploy/*.jks"
    password-env: REC_P12_PASSWORD
    owner: "@rec/payments"
  - path: "k8s/*.yaml"
    owner: "@rec/platform"
    warn-within: 5d
    fail-within: 10d
  - "nothing-here/*.pem"
endpoints:
  - host: 127.0.0.1
    port: ${PORTS.good}
    servername: www.rec.test
    owner: "@rec/web"
  - host: 127.0.0.1
    port: ${PORTS.good}
    servername: other.rec.test
  - host: 127.0.0.1
    port: ${PORTS.noChain}
    servername: api.rec.test
  - host: 127.0.0.1
    port: ${PORTS.closed}
    optional: true
  - host: 127.0.0.1
    port: ${PORTS.closed}
    servername: down.rec.test
ari:
  directories:
    - issuer: "Rec ACME"
      directory: ${http}/acme/directory
revoked-serials:
  - path: incidents/serials.txt
    name: "Rec incident"
ignore:
  - fingerprint: "${fp(weakIgnored)}"
    until: ${day(30)}
    reason: "kiosk is replaced next month"
  - fingerprint: "${fp(lapsedIgnore)}"
    until: ${day(-2)}
    reason: "was to be removed"
${issues}`;
  await w('.github/certwatch.yml', config(''));
  await w('.github/certwatch-digest.yml', config('issues:\n  mode: digest\n  max-open: 2\n'));
  const info: FixtureInfo = { clock: new Date(t0).toISOString(), ports: PORTS, routes };
  await writeFile(path.join(dir, 'fixture.json'), JSON.stringify(info, null, 2) + '\n');
  process.stderr.write(`fixture written to ${dir} (clock ${info.clock})\n`);
}

// ---- record --------------------------------------------------------------

/**
 * Preload for child processes: `new Date()` is the fixture's clock (the run's
 * `now`, `generatedAt`, the revocation clock); `Date.now()` starts there and
 * keeps running, because schedulers (Bottleneck's spacing of GitHub writes)
 * and deadlines wait for it to move. Output never shows `Date.now()`.
 */
const CLOCK_PRELOAD = `const T = Date.parse(process.env.CERTWATCH_RECORD_CLOCK);
const Real = Date;
const realNow = Real.now;
const start = realNow();
class FixedDate extends Real {
  constructor(...a) { if (a.length === 0) super(T); else super(...a); }
  static now() { return T + (realNow() - start); }
}
globalThis.Date = FixedDate;
`;

async function startPeers(dir: string, info: FixtureInfo) {
  const read = (f: string) => readFile(path.join(dir, f), 'utf8');
  const servers: { close(cb: () => void): void }[] = [];
  const listenTls = async (cert: string, key: string, port: number) => {
    const s = tls.createServer({ cert, key }, (sock) => sock.end());
    s.on('tlsClientError', () => {});
    await new Promise<void>((r, j) => s.once('error', j).listen(port, '127.0.0.1', r));
    servers.push(s);
  };
  await listenTls(await read('servers/good.pem'), await read('servers/good.key'), info.ports.good);
  await listenTls(await read('servers/nochain.pem'), await read('servers/nochain.key'), info.ports.noChain);
  const files = new Map<string, { type: string; body: Buffer }>();
  for (const [route, r] of Object.entries(info.routes))
    files.set(route, { type: r.type, body: await readFile(path.join(dir, 'http', r.file)) });
  const httpServer = createServer((req, res) => {
    const r = files.get((req.url ?? '/').split('?')[0]);
    if (!r) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else res.writeHead(200, { 'content-type': r.type, 'content-length': r.body.length }).end(r.body);
  });
  await new Promise<void>((r, j) => httpServer.once('error', j).listen(info.ports.http, '127.0.0.1', r));
  return {
    close: async () => {
      httpServer.closeAllConnections();
      await Promise.all([...servers, httpServer].map((s) => new Promise<void>((r) => s.close(() => r()))));
    },
  };
}

function runCli(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(DIST, 'cli.js'), ...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function record(fixture: string, out: string): Promise<void> {
  const info = JSON.parse(await readFile(path.join(fixture, 'fixture.json'), 'utf8')) as FixtureInfo;
  const tmp = await mkdtemp(path.join(tmpdir(), 'certwatch-record-'));
  const preload = path.join(tmp, 'fixed-clock.mjs');
  await writeFile(preload, CLOCK_PRELOAD);
  // One fixed workspace path (it can appear in the output); a fresh copy per run so no cache carries over.
  const ws = path.join(tmp, 'ws');
  const fresh = async () => {
    await rm(ws, { recursive: true, force: true });
    await cp(path.join(fixture, 'workspace'), ws, { recursive: true });
    // A loaded machine (five engineers on two cores) must not turn handshakes into timeouts: the
    // timeout is not in any output, so a generous one changes nothing but flakiness.
    const config = path.join(ws, '.github/certwatch.yml');
    for (const f of [config, path.join(ws, '.github/certwatch-digest.yml')])
      await writeFile(f, (await readFile(f, 'utf8')).replace('timeout: 3s', 'timeout: 60s'));
  };
  const clockEnv = {
    CERTWATCH_RECORD_CLOCK: info.clock,
    NODE_OPTIONS: `--import=${preload}`,
    REC_P12_PASSWORD: 'rec-password',
  };
  const cliEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: tmp,
    NO_COLOR: '1',
    NO_PROXY: '127.0.0.1',
    ...clockEnv,
  };
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const save = (name: string, text: string) => writeFile(path.join(out, name), text.split(tmp).join('<tmp>'));
  const peers = await startPeers(fixture, info);
  try {
    // The CLI, one medium per run (a fresh workspace each time: the cache must not answer the second run).
    const cli = async (name: string, args: string[]) => {
      await fresh();
      const r = await runCli([...args, '--workspace', ws], tmp, cliEnv);
      await save(name, `exit ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`);
      return r;
    };
    await cli('check.txt', ['check']);
    await cli('check.json', ['check', '--format', 'json']);
    await cli('check.sarif', ['check', '--format', 'sarif']);
    await cli('check.md', ['check', '--format', 'markdown']);
    await cli('check.openmetrics', ['check', '--format', 'openmetrics']);
    for (const f of ['text', 'csv', 'markdown', 'ics', 'html', 'json'])
      await cli(`inventory.${f}`, ['inventory', '--all', '--format', f]);
    // Two shards and their merge.
    const shards: string[] = [];
    for (const s of ['1/2', '2/2']) {
      const file = path.join(tmp, `shard-${s[0]}.json`);
      await cli(`shard-${s[0]}.txt`, ['check', '--shard', s, '--report', file]);
      shards.push(file);
      await save(`shard-${s[0]}.json`, await readFile(file, 'utf8'));
    }
    for (const f of ['text', 'json', 'markdown', 'sarif']) {
      const r = await runCli(['merge', ...shards, '--format', f], tmp, cliEnv);
      await save(`merge.${f}`, `exit ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`);
    }

    // The action on a schedule: issues against a loopback GitHub. Run 1 opens issues; run 2, after
    // two certificates were removed and one renewed… is the same workspace minus files: comments and closes.
    const gh = await new FakeGitHub(REPO).start();
    try {
      const action = async (name: string, inputs: Record<string, string> = {}) => {
        const r = await runScheduled(
          ws,
          REPO,
          gh.url,
          { sarif: 'out.sarif', report: 'out.json', html: 'out.html', ...inputs },
          clockEnv,
          { timeoutMs: 300_000, action: path.join(DIST, 'action.js') },
        );
        await saveAction(name, r, ws, save);
        return r;
      };
      await fresh();
      await action('action-1');
      await rm(path.join(ws, 'certs/legacy/legacy.pem'));
      await rm(path.join(ws, 'certs/broken.pem'));
      await rm(path.join(ws, '.certwatch-cache'), { recursive: true, force: true });
      await action('action-2');
      await save('issues-1.json', JSON.stringify(issuesOf(gh), null, 2) + '\n');
      // Digest mode against a fresh repository.
      gh.issues = [];
      gh.calls = [];
      await fresh();
      await action('action-digest', { config: '.github/certwatch-digest.yml' });
      await save('issues-digest.json', JSON.stringify(issuesOf(gh), null, 2) + '\n');
    } finally {
      await gh.stop();
    }
  } finally {
    await peers.close();
    await rm(tmp, { recursive: true, force: true });
  }
  process.stderr.write(`outputs recorded in ${out}: ${(await readdir(out)).length} files\n`);
}

function issuesOf(gh: FakeGitHub) {
  return gh.issues.map((i) => ({
    number: i.number,
    title: i.title,
    state: i.state,
    state_reason: i.state_reason,
    labels: i.labels,
    assignees: i.assignees,
    body: i.body.split('\n'),
    comments: i.comments.map((c) => c.body.split('\n')),
  }));
}

async function saveAction(name: string, r: ActionResult, ws: string, save: (n: string, t: string) => Promise<void>) {
  await save(`${name}.stdout`, `exit ${r.code}\n${r.stdout}`);
  await save(`${name}.stderr`, r.stderr);
  await save(`${name}.summary.md`, r.summary);
  await save(`${name}.outputs.json`, JSON.stringify(r.outputs, null, 2) + '\n');
  await save(`${name}.annotations.json`, JSON.stringify(r.annotations, null, 2) + '\n');
  for (const f of ['out.sarif', 'out.json', 'out.html'])
    await save(`${name}.${f}`, await readFile(path.join(ws, f), 'utf8').catch(() => '(not written)\n'));
}

const [cmd, a, b, c] = process.argv.slice(2);
if (cmd === 'fixture' && a) await writeFixture(path.resolve(a));
else if (cmd === 'record' && a && b) {
  if (c) DIST = path.resolve(c);
  await record(path.resolve(a), path.resolve(b));
} else {
  process.stderr.write('usage: record-outputs.ts fixture DIR | record FIXTURE-DIR OUT-DIR [DIST-DIR]\n');
  process.exit(2);
}
