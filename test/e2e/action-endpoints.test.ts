// The built action (dist/action.js), run as the runner runs it, against real
// servers on loopback: Node TLS servers, a STARTTLS server, `openssl s_server`
// (an independent TLS implementation) serving certificates made by `openssl`,
// and hostile servers. Certificates are dated against the real clock, because
// the action checks with the real clock; trust comes from the test root given
// as `ca-file` (or NODE_EXTRA_CA_CERTS where no config file exists).
import { after, before, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, webcrypto } from 'node:crypto';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { issue, keyPair, pemBlock, type Issued } from '../helpers/pki.js';
import { runAction, type ActionAnnotation, type ActionResult } from '../helpers/run-action.js';
import {
  opensslPki,
  refusedPort,
  startHostileServer,
  startOpenSslServer,
  startStartTlsServer,
  startTlsServer,
  type Running,
} from '../helpers/tls-servers.js';
import type { Report, ReportFinding } from '../../src/report/report-types.js';
import type { EndpointLocation, Location } from '../../src/types.js';
import { workspace } from '../helpers/workspace.js';
import { realClock } from '../helpers/clock.js';

const { at } = realClock();
const fp = (c: Issued) => 'sha256:' + createHash('sha256').update(c.der).digest('hex');
const CONFIG = '.github/certwatch.yml';

// One private CA for the file, valid around the real clock.
const pki = (async () => {
  const root = await issue({
    cn: 'EPE2E Root CA',
    org: 'EPE2E PKI',
    ca: true,
    notBefore: at(-365),
    notAfter: at(3000),
  });
  const intermediate = await issue({
    cn: 'EPE2E Intermediate CA',
    org: 'EPE2E PKI',
    ca: true,
    issuer: root,
    notBefore: at(-300),
    notAfter: at(1500),
  });
  // Issues the incomplete-chain leaf and is never served: the name the finding must give.
  const hidden = await issue({
    cn: 'EPE2E Hidden Intermediate CA',
    org: 'EPE2E PKI',
    ca: true,
    issuer: root,
    notBefore: at(-300),
    notAfter: at(1500),
  });
  return { root, intermediate, hidden };
})();

async function leaf(
  cn: string,
  fromDays: number,
  toDays: number,
  o: { sans?: string[]; issuer?: 'intermediate' | 'hidden' | 'self' } = {},
): Promise<Issued> {
  const p = await pki;
  const issuer = o.issuer === 'self' ? undefined : o.issuer === 'hidden' ? p.hidden : p.intermediate;
  return issue({ cn, sans: o.sans, issuer, notBefore: at(fromDays), notAfter: at(toDays) });
}

/**
 * A config file built entry by entry, remembering the line each endpoint is
 * declared on (the line of its `- `), which is where annotations must point.
 */
class ConfigBuilder {
  private lines: string[];
  readonly lineOf = new Map<string, number>();
  constructor(head: string[]) {
    this.lines = [...head, 'endpoints:'];
  }
  add(name: string, entry: string | Record<string, string | number | boolean>): this {
    this.lineOf.set(name, this.lines.length + 1);
    if (typeof entry === 'string') this.lines.push(`  - ${JSON.stringify(entry)}   # ${name}`);
    else {
      const [first, ...rest] = Object.entries(entry);
      this.lines.push(`  - ${first[0]}: ${JSON.stringify(first[1])}   # ${name}`);
      for (const [k, v] of rest) this.lines.push(`    ${k}: ${JSON.stringify(v)}`);
    }
    return this;
  }
  text(tail: string[] = []): string {
    return [...this.lines, ...tail].join('\n') + '\n';
  }
}

function isEndpoint(l: Location | undefined): l is EndpointLocation {
  return l?.type === 'endpoint';
}

/**
 * Every active finding as "id severity name", where name is the endpoint the
 * finding concerns (by port: every server is on loopback). A certificate
 * finding without a location of its own counts once per endpoint serving it.
 */
function findingSet(r: Report, names: Map<number, string>): string[] {
  const out: string[] = [];
  const nameOf = (l: Location) => (isEndpoint(l) ? (names.get(l.port) ?? `port ${l.port}`) : `file ${l.path}`);
  const add = (f: ReportFinding, locs: Location[]) => {
    if (f.ignored) return;
    for (const l of locs) out.push(`${f.id} ${f.severity} ${nameOf(l)}`);
    if (!locs.length) out.push(`${f.id} ${f.severity} (nowhere)`);
  };
  for (const c of r.certificates) for (const f of c.findings) add(f, f.location ? [f.location] : c.locations);
  for (const f of r.problems) add(f, f.location ? [f.location] : []);
  return out.sort();
}

function findingsAt(r: Report, port: number): ReportFinding[] {
  const out: ReportFinding[] = [];
  for (const c of r.certificates) {
    for (const f of c.findings) {
      const locs = f.location ? [f.location] : c.locations;
      if (locs.some((l) => isEndpoint(l) && l.port === port)) out.push(f);
    }
  }
  for (const f of r.problems) if (isEndpoint(f.location) && f.location.port === port) out.push(f);
  return out;
}

async function readReport(ws: string, r: ActionResult): Promise<Report> {
  assert.ok(r.outputs['report-path'], `a report was written: ${r.stdout}${r.stderr}`);
  return JSON.parse(await readFile(r.outputs['report-path'], 'utf8')) as Report;
}

const fileAnnotations = (r: ActionResult): ActionAnnotation[] => r.annotations.filter((a) => a.file);

async function ipv6Loopback(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(0, '::1', () => s.close(() => resolve(true)));
  });
}

// ---------------------------------------------------------------------------

describe('one config listing healthy, expiring, expired, wrong-host, incomplete-chain, self-signed, STARTTLS, openssl and dead endpoints', () => {
  const servers: Running[] = [];
  const sni: Record<string, string[]> = {}; // SNI names each Node TLS server saw
  const names = new Map<number, string>(); // port → endpoint name
  const portOf: Record<string, number> = {};
  const certs: Record<string, Issued> = {};
  let cfg: ConfigBuilder;
  let ws: string;
  let r: ActionResult;
  let report: Report;
  let ossl: ReturnType<typeof opensslPki> | undefined;
  let osslLeafFp: string;

  before(async () => {
    const p = await pki;
    certs.healthy = await leaf('healthy.epe2e.test', -10, 200);
    certs.soon3 = await leaf('soon3.epe2e.test', -80, 3);
    certs.soon20 = await leaf('soon20.epe2e.test', -60, 20);
    certs.expired = await leaf('expired.epe2e.test', -100, -2);
    certs.wrong = await leaf('other.epe2e.test', -10, 200);
    certs.incomplete = await leaf('incomplete.epe2e.test', -10, 200, { issuer: 'hidden' });
    certs.selfsigned = await leaf('selfsigned.epe2e.test', -10, 200, {
      issuer: 'self',
      sans: ['selfsigned.epe2e.test', '127.0.0.1'],
    });
    // smtp:// names an IP: the certificate must cover it as an IP SAN.
    certs.smtp = await leaf('mail.epe2e.test', -10, 200, { sans: ['mail.epe2e.test', '127.0.0.1'] });
    certs.postgres = await leaf('db.epe2e.test', -10, 200);

    const serve = async (name: string, s: Running) => {
      servers.push(s);
      names.set(s.port, name);
      portOf[name] = s.port;
    };
    const node = async (c: Issued, chain = c.chainPem) => {
      const s = await startTlsServer({ key: c.keyPem, cert: chain });
      sni[c.cert.subject] = s.servernames;
      return s;
    };
    await serve('healthy', await node(certs.healthy));
    await serve('soon3', await node(certs.soon3));
    await serve('soon20', await node(certs.soon20));
    await serve('expired', await node(certs.expired));
    await serve('wrong', await node(certs.wrong));
    await serve('incomplete', await node(certs.incomplete, certs.incomplete.pem)); // the leaf alone
    await serve('selfsigned', await node(certs.selfsigned));
    await serve('smtp', await startStartTlsServer('smtp', 'ok', { key: certs.smtp.keyPem, cert: certs.smtp.chainPem }));
    await serve(
      'postgres',
      await startStartTlsServer('postgres', 'ok', { key: certs.postgres.keyPem, cert: certs.postgres.chainPem }),
    );
    ossl = opensslPki('openssl.epe2e.test');
    // -cert sends only the first certificate of its file: the intermediate goes with -cert_chain.
    await serve(
      'openssl',
      await startOpenSslServer({
        certFile: ossl.leafFile,
        keyFile: ossl.keyFile,
        extra: ['-cert_chain', path.join(ossl.dir, 'int.pem')],
      }),
    );
    osslLeafFp =
      'sha256:' +
      createHash('sha256')
        .update(Buffer.from((await readFile(ossl.leafFile, 'utf8')).replace(/-----[^-]+-----|\s/g, ''), 'base64'))
        .digest('hex');
    const dead = await refusedPort();
    names.set(dead, 'dead');
    portOf.dead = dead;

    cfg = new ConfigBuilder(['version: 1', 'defaults:', '  ca-file: pki/root.pem', '  timeout: 3s'])
      .add('healthy', { host: '127.0.0.1', port: portOf.healthy, servername: 'healthy.epe2e.test', owner: '@acme/web' })
      .add('soon3', { host: '127.0.0.1', port: portOf.soon3, servername: 'soon3.epe2e.test' })
      .add('soon20', { host: '127.0.0.1', port: portOf.soon20, servername: 'soon20.epe2e.test' })
      .add('expired', { host: '127.0.0.1', port: portOf.expired, servername: 'expired.epe2e.test' })
      .add('wrong', { host: '127.0.0.1', port: portOf.wrong, servername: 'wrong.epe2e.test' })
      .add('incomplete', { host: '127.0.0.1', port: portOf.incomplete, servername: 'incomplete.epe2e.test' })
      .add('selfsigned', `tls://127.0.0.1:${portOf.selfsigned}`)
      .add('smtp', `smtp://127.0.0.1:${portOf.smtp}`)
      .add('postgres', { host: '127.0.0.1', port: portOf.postgres, starttls: 'postgres', servername: 'db.epe2e.test' })
      // openssl's leaf lives 10 days and its intermediate 20: a 5d/2d window keeps this endpoint quiet.
      .add('openssl', {
        host: '127.0.0.1',
        port: portOf.openssl,
        servername: 'openssl.epe2e.test',
        'ca-file': 'pki/openssl-root.pem',
        'warn-within': '5d',
        'fail-within': '2d',
      })
      .add('dead', { host: '127.0.0.1', port: dead, optional: true, timeout: '1s' });
    ws = await workspace({
      [CONFIG]: cfg.text(),
      'pki/root.pem': p.root.pem,
      'pki/openssl-root.pem': ossl.rootPem,
    });
    // The self-signed endpoint again, spelled differently, in the `endpoints` input: the
    // same endpoint, so it must be probed and reported once, annotated on the config's line.
    r = await runAction(ws, { report: 'out/report.json', endpoints: `127.0.0.1:${portOf.selfsigned}` });
    report = await readReport(ws, r);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    ossl?.cleanup();
    if (ws) await rm(ws, { recursive: true, force: true });
  });

  it('produces exactly the expected findings, no extras and no misses', () => {
    assert.deepEqual(
      findingSet(report, names),
      [
        'expired error expired',
        'expiring error soon3',
        'expiring warning soon20',
        'hostname-mismatch error wrong',
        'unreachable warning dead',
        'untrusted-chain error incomplete',
        'untrusted-chain error selfsigned',
      ].sort(),
      `report: ${JSON.stringify({ certificates: report.certificates.map((c) => [c.subjectCN, c.findings]), problems: report.problems }, null, 1)}\nstderr: ${r.stderr}`,
    );
  });

  it('says why in each message', () => {
    const one = (name: string, id: string) => {
      const fs = findingsAt(report, portOf[name]).filter((f) => f.id === id);
      assert.equal(fs.length, 1, `${name}: ${id}`);
      return fs[0].message;
    };
    assert.match(one('incomplete', 'untrusted-chain'), /did not send the intermediate.*EPE2E Hidden Intermediate CA/);
    assert.match(one('selfsigned', 'untrusted-chain'), /self-signed/);
    assert.match(one('wrong', 'hostname-mismatch'), /other\.epe2e\.test, not "wrong\.epe2e\.test"/);
    assert.match(one('expired', 'expired'), /expired\.epe2e\.test expired on/);
    assert.match(one('soon3', 'expiring'), /soon3\.epe2e\.test expires on .*renew it now/);
    assert.match(
      one('dead', 'unreachable'),
      new RegExp(`127\\.0\\.0\\.1:${portOf.dead}: TCP connect: connection refused`),
    );
  });

  it('records every endpoint that answered, with what it served', () => {
    for (const name of [
      'healthy',
      'soon3',
      'soon20',
      'expired',
      'wrong',
      'incomplete',
      'selfsigned',
      'smtp',
      'postgres',
    ]) {
      const c = report.certificates.find((x) => x.fingerprint === fp(certs[name]));
      assert.ok(c, `${name}'s certificate is in the report`);
      assert.equal(c.role, 'leaf');
      assert.equal(c.locations.length, 1, `${name} is served at one place: ${JSON.stringify(c.locations)}`);
      const loc = c.locations.find(isEndpoint);
      assert.ok(loc, name);
      assert.deepEqual([loc.configFile, loc.configLine], [CONFIG, cfg.lineOf.get(name)], name);
      assert.deepEqual(
        [loc.host, loc.port, loc.address, loc.chainIndex],
        ['127.0.0.1', portOf[name], '127.0.0.1', 0],
        name,
      );
    }
    const smtp = report.certificates.find((x) => x.fingerprint === fp(certs.smtp))!.locations.find(isEndpoint)!;
    assert.equal(smtp.protocol, 'smtp');
    assert.equal(smtp.servername, undefined, 'no SNI for an IP');
    const pg = report.certificates.find((x) => x.fingerprint === fp(certs.postgres))!.locations.find(isEndpoint)!;
    assert.equal(pg.protocol, 'postgres');
    assert.equal(pg.servername, 'db.epe2e.test');
    const osslLeaf = report.certificates.find((x) => x.fingerprint === osslLeafFp);
    assert.ok(osslLeaf, 'the openssl-made leaf, served by openssl s_server');
    assert.equal(osslLeaf.subjectCN, 'openssl.epe2e.test');
    assert.deepEqual(osslLeaf.findings, []);
    // The shared intermediate is one record with one location per endpoint that sent it.
    const inter = report.certificates.find((x) => x.subjectCN === 'EPE2E Intermediate CA');
    assert.ok(inter);
    assert.equal(inter.role, 'intermediate');
    assert.deepEqual(
      inter.locations
        .filter(isEndpoint)
        .map((l) => names.get(l.port))
        .sort(),
      ['expired', 'healthy', 'postgres', 'smtp', 'soon20', 'soon3', 'wrong'],
    );
    assert.equal(report.certificates.find((x) => x.fingerprint === fp(certs.healthy))!.owner, '@acme/web');
    // leaves 10 (9 Node/STARTTLS + openssl) + our intermediate + openssl's intermediate
    assert.equal(report.certificates.length, 12, report.certificates.map((c) => c.subjectCN).join(', '));
  });

  it('sends the servername as SNI, and no SNI for an IP', () => {
    assert.deepEqual([...new Set(sni[certs.healthy.cert.subject])], ['healthy.epe2e.test']);
    assert.deepEqual([...new Set(sni[certs.wrong.cert.subject])], ['wrong.epe2e.test']);
    assert.deepEqual(sni[certs.selfsigned.cert.subject], [], 'tls://127.0.0.1:… sends no SNI');
  });

  it('fails the step with the right outputs', () => {
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.equal(r.outputs.status, 'fail');
    assert.equal(r.outputs.failures, '5');
    assert.equal(r.outputs.warnings, '2');
    assert.equal(r.outputs.certificates, '12');
    assert.equal(r.outputs['next-expiry'], certs.expired.cert.notAfter.toISOString());
    assert.match(r.stdout, /::error::certwatch: fail — 5 failures, 2 warnings, 12 certificates/);
    assert.doesNotMatch(r.stdout + r.stderr, /internal error/);
  });

  it('annotates the config line that declares each failing endpoint', () => {
    const got = fileAnnotations(r)
      .map((a) => `${a.level} ${a.file}:${a.line} ${a.title?.split(':')[0]}`)
      .sort();
    const want = [
      ['error', 'expired', 'expired'],
      ['error', 'soon3', 'expiring'],
      ['warning', 'soon20', 'expiring'],
      ['error', 'wrong', 'hostname-mismatch'],
      ['error', 'incomplete', 'untrusted-chain'],
      ['error', 'selfsigned', 'untrusted-chain'],
      ['warning', 'dead', 'unreachable'],
    ]
      .map(([level, name, id]) => `${level} ${CONFIG}:${cfg.lineOf.get(name)} certwatch ${id}`)
      .sort();
    assert.deepEqual(got, want, JSON.stringify(r.annotations, null, 1));
    // and the line really is that endpoint's declaration
    const text = cfg.text().split('\n');
    for (const a of fileAnnotations(r))
      assert.match(text[a.line! - 1], /^ {2}- /, `line ${a.line}: ${text[a.line! - 1]}`);
  });

  it('lists the endpoints in the job summary inventory, host:port shown', () => {
    const inv = r.summary.split('### Inventory')[1]?.split('###')[0] ?? '';
    assert.ok(inv, r.summary);
    const row = (cn: string) => inv.split('\n').find((l) => l.startsWith(`| ${cn}`));
    for (const [name, cn] of [
      ['healthy', 'healthy.epe2e.test'],
      ['soon3', 'soon3.epe2e.test'],
      ['expired', 'expired.epe2e.test'],
      ['wrong', 'other.epe2e.test'],
      ['selfsigned', 'selfsigned.epe2e.test'],
      ['smtp', 'mail.epe2e.test'],
      ['postgres', 'db.epe2e.test'],
      ['openssl', 'openssl.epe2e.test'],
    ]) {
      const line = row(cn);
      assert.ok(line, `an inventory row for ${cn}:\n${inv}`);
      assert.ok(line.includes(`:${portOf[name]}`), `${cn}'s row shows its port: ${line}`);
      assert.match(line, /127\.0\.0\.1/, `${cn}'s row shows the host it was probed at: ${line}`);
    }
    assert.match(row('mail.epe2e.test')!, new RegExp(`smtp://127\\.0\\.0\\.1:${portOf.smtp}`));
    assert.match(row('healthy.epe2e.test')!, /@acme\/web/);
    // the findings table names the dead endpoint too
    assert.match(r.summary, new RegExp(`\`unreachable\`.*127\\.0\\.0\\.1:${portOf.dead}`));
  });
});

test('a certificate served by an endpoint and checked in as a file is one record with both locations', async (t) => {
  const p = await pki;
  const site = await leaf('site.epe2e.test', -10, 200);
  const srv = await startTlsServer({ key: site.keyPem, cert: site.chainPem });
  t.after(() => srv.close());
  const ws = await workspace({
    [CONFIG]: [
      'version: 1',
      'defaults:',
      '  ca-file: pki/root.pem',
      'files:',
      '  - "certs/*.pem"',
      'endpoints:',
      `  - host: 127.0.0.1`,
      `    port: ${srv.port}`,
      '    servername: site.epe2e.test',
      '',
    ].join('\n'),
    'pki/root.pem': p.root.pem,
    'certs/site.pem': site.pem,
  });
  t.after(() => rm(ws, { recursive: true, force: true }));
  const r = await runAction(ws, { report: 'out/report.json' });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const report = await readReport(ws, r);
  const records = report.certificates.filter((c) => c.fingerprint === fp(site));
  assert.equal(records.length, 1, 'one record');
  const locs = records[0].locations.map((l) =>
    l.type === 'file' ? `file ${l.path}:${l.line}` : `endpoint ${l.host}:${l.port} ${l.servername}`,
  );
  assert.deepEqual(locs, ['file certs/site.pem:1', `endpoint 127.0.0.1:${srv.port} site.epe2e.test`]);
  assert.deepEqual(records[0].findings, []);
  assert.equal(r.outputs.certificates, '2'); // the leaf and the intermediate the server sent
  assert.equal(r.outputs.status, 'ok');
  assert.deepEqual(fileAnnotations(r), []);
});

// A 1 MB certificate (a private extension of zeros) and a 50-certificate chain.
async function hugeCertificate(): Promise<{ key: string; cert: string }> {
  const keys = await keyPair('ec256', 'epe2e-huge');
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=huge.epe2e.test',
    keys,
    notBefore: at(-1),
    notAfter: at(30),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [new x509.Extension('1.3.6.1.4.1.99999.1', false, new Uint8Array(1_000_000))],
  });
  return {
    cert: pemBlock('CERTIFICATE', cert.rawData),
    key: pemBlock('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)),
  };
}
async function fiftyCertificateChain(): Promise<{ key: string; cert: string }> {
  let ca = await issue({ cn: 'EPE2E Chain CA 0', ca: true, notBefore: at(-1), notAfter: at(60) });
  const cas = [ca];
  for (let i = 1; i < 49; i++)
    cas.push(
      (ca = await issue({ cn: `EPE2E Chain CA ${i}`, ca: true, issuer: ca, notBefore: at(-1), notAfter: at(60) })),
    );
  const l = await issue({ cn: 'long.epe2e.test', issuer: ca, notBefore: at(-1), notAfter: at(30) });
  return {
    key: l.keyPem,
    cert:
      l.pem +
      cas
        .reverse()
        .map((c) => c.pem)
        .join(''),
  };
}

test('hostile servers all end as unreachable with a clear cause, quickly, and a healthy endpoint beside them is still judged', async (t) => {
  const p = await pki;
  const servers: Running[] = [];
  t.after(() => Promise.all(servers.map((s) => s.close())));
  const fine = await leaf('fine.epe2e.test', -10, 200);
  const healthy = await startTlsServer({ key: fine.keyPem, cert: fine.chainPem });
  servers.push(healthy);
  const started = async (s: Running) => (servers.push(s), s.port);
  const cred = { key: fine.keyPem, cert: fine.chainPem };
  // name → [port, the cause the finding must give]
  const hostile: Record<string, [number, RegExp]> = {
    silent: [await started(await startHostileServer('silent')), /TLS handshake: timed out after \d+ ms/],
    http: [await started(await startHostileServer('http')), /does not speak TLS on this port/],
    garbage: [await started(await startHostileServer('garbage')), /does not speak TLS|TLS error/],
    'close-mid-handshake': [
      await started(await startHostileServer('close-mid-handshake')),
      /closed the connection during the TLS handshake/,
    ],
    drip: [await started(await startHostileServer('drip')), /TLS handshake: timed out after \d+ ms/],
    huge: [
      await started(await startTlsServer(await hugeCertificate())),
      /larger than OpenSSL accepts|more than \d+ bytes/,
    ],
    long: [await started(await startTlsServer(await fiftyCertificateChain())), /more than 20 certificates/],
    'starttls-refused': [
      await started(await startStartTlsServer('smtp', 'refuse', cred)),
      /STARTTLS \(smtp\) refused by server: 454/,
    ],
    'starttls-not-offered': [
      await started(await startStartTlsServer('imap', 'not-offered', cred)),
      /server does not offer STARTTLS/,
    ],
    'endless-banner': [
      await started(await startStartTlsServer('smtp', 'endless-banner', cred)),
      /STARTTLS \(smtp\).*(exceeds|timed out)/,
    ],
    refused: [await refusedPort(), /TCP connect: connection refused/],
  };
  const starttls: Record<string, string> = {
    'starttls-refused': 'smtp',
    'starttls-not-offered': 'imap',
    'endless-banner': 'smtp',
  };
  const cfg = new ConfigBuilder(['version: 1', 'defaults:', '  ca-file: pki/root.pem', '  timeout: 1s']);
  for (const [k, [port]] of Object.entries(hostile)) {
    cfg.add(k, {
      host: '127.0.0.1',
      port,
      servername: `${k}.epe2e.test`,
      ...(starttls[k] ? { starttls: starttls[k] } : {}),
    });
  }
  cfg.add('fine', { host: '127.0.0.1', port: healthy.port, servername: 'fine.epe2e.test' });
  const ws = await workspace({ [CONFIG]: cfg.text(), 'pki/root.pem': p.root.pem });
  t.after(() => rm(ws, { recursive: true, force: true }));

  const t0 = Date.now();
  const r = await runAction(ws, { report: 'out/report.json' }, {}, 30_000);
  const elapsed = Date.now() - t0;
  assert.ok(elapsed < 15_000, `the step finished in ${elapsed} ms`);
  assert.equal(r.code, 1, `ended by itself with failures, not killed: ${r.stdout}${r.stderr}`);
  assert.doesNotMatch(r.stdout + r.stderr, /internal error/);
  const report = await readReport(ws, r);

  for (const [k, [port, re]] of Object.entries(hostile)) {
    const fs = report.problems.filter((f) => isEndpoint(f.location) && f.location.port === port);
    assert.equal(fs.length, 1, `${k}: ${JSON.stringify(report.problems)}`);
    assert.equal(fs[0].id, 'unreachable', k);
    assert.equal(fs[0].severity, 'error', k);
    assert.ok(
      fs[0].message.startsWith(`${k}.epe2e.test via 127.0.0.1:${port}: `),
      `${k} names the endpoint: ${fs[0].message}`,
    );
    assert.match(fs[0].message, re, k);
  }
  const n = Object.keys(hostile).length;
  assert.equal(report.problems.length, n, JSON.stringify(report.problems, null, 1));
  const fineRec = report.certificates.find((c) => c.fingerprint === fp(fine));
  assert.ok(fineRec, 'the healthy endpoint was probed');
  assert.deepEqual(fineRec.findings, []);
  assert.deepEqual(
    fineRec.locations.filter(isEndpoint).map((l) => l.port),
    [healthy.port],
  );
  // nothing from the hostile servers made it into the inventory
  assert.deepEqual(report.certificates.map((c) => c.subjectCN).sort(), ['EPE2E Intermediate CA', 'fine.epe2e.test']);
  assert.equal(r.outputs.failures, String(n));
  assert.equal(r.outputs.warnings, '0');
  assert.equal(report.run.deadlineReached, false);
  // each annotation on its endpoint's line
  assert.deepEqual(
    fileAnnotations(r)
      .map((a) => a.line)
      .sort((a, b) => a! - b!),
    Object.keys(hostile)
      .map((k) => cfg.lineOf.get(k))
      .sort((a, b) => a! - b!),
  );
});

test('the endpoints input works without a config file', async (t) => {
  const p = await pki;
  const servers: Running[] = [];
  t.after(() => Promise.all(servers.map((s) => s.close())));
  // Endpoints named by IP: the certificates cover 127.0.0.1 / ::1 as IP SANs.
  const ok4 = await leaf('v4.epe2e.test', -10, 200, { sans: ['127.0.0.1'] });
  const soon = await leaf('soon.epe2e.test', -60, 20, { sans: ['127.0.0.1'] });
  const mail = await leaf('mx.epe2e.test', -10, 200, { sans: ['127.0.0.1'] });
  const s4 = await startTlsServer({ key: ok4.keyPem, cert: ok4.chainPem });
  servers.push(s4);
  const sSoon = await startTlsServer({ key: soon.keyPem, cert: soon.chainPem });
  servers.push(sSoon);
  const sMail = await startStartTlsServer('smtp', 'ok', { key: mail.keyPem, cert: mail.chainPem });
  servers.push(sMail);
  // the first endpoint twice, spelled two ways: probed and reported once
  const endpoints = [
    `127.0.0.1:${s4.port}`,
    `# a comment line`,
    `tls://127.0.0.1:${s4.port}/`,
    `https://127.0.0.1:${sSoon.port}/health`,
    `smtp://127.0.0.1:${sMail.port}`,
  ];
  const expected = [ok4, soon, mail];
  let v6: Issued | undefined;
  let s6: Running | undefined;
  if (await ipv6Loopback()) {
    v6 = await leaf('v6.epe2e.test', -10, 200, { sans: ['::1'] });
    s6 = await startTlsServer({ key: v6.keyPem, cert: v6.chainPem, host: '::1' });
    servers.push(s6);
    endpoints.push(`[::1]:${s6.port}`);
    expected.push(v6);
  } else t.diagnostic('no IPv6 loopback here: [::1] endpoint skipped');

  // No config file: trust comes from NODE_EXTRA_CA_CERTS, as on a runner with a private CA installed.
  // The root PEM sits in the workspace: with endpoints given, file discovery must stay off.
  const ws = await workspace({ 'pki/root.pem': p.root.pem });
  t.after(() => rm(ws, { recursive: true, force: true }));
  const r = await runAction(
    ws,
    { endpoints: endpoints.join('\n'), report: 'report.json' },
    { NODE_EXTRA_CA_CERTS: path.join(ws, 'pki/root.pem') },
  );
  const report = await readReport(ws, r);
  const all = (report.certificates.flatMap((c) => c.findings) as ReportFinding[]).concat(report.problems);
  assert.deepEqual(
    all.map((f) => `${f.id} ${f.severity}`),
    ['expiring warning'],
    JSON.stringify(
      { certificates: report.certificates.map((c) => [c.subjectCN, c.findings]), problems: report.problems },
      null,
      1,
    ),
  );
  assert.equal(report.run.configPath, null);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs.status, 'warn');
  assert.equal(r.outputs.warnings, '1');
  for (const c of expected) {
    const rec = report.certificates.find((x) => x.fingerprint === fp(c));
    assert.ok(rec, `${c.cert.subject} was probed`);
    assert.deepEqual(
      rec.locations.map((l) => l.type),
      ['endpoint'],
    );
  }
  assert.equal(report.certificates.find((x) => x.fingerprint === fp(soon))!.findings[0].id, 'expiring');
  // leaves + the intermediate they share; the root in the workspace was not discovered as a file
  assert.equal(report.certificates.length, expected.length + 1, report.certificates.map((c) => c.subjectCN).join(', '));
  assert.ok(!report.certificates.some((c) => c.locations.some((l) => l.type === 'file')));
  if (v6) {
    const loc = report.certificates.find((x) => x.fingerprint === fp(v6!))!.locations[0] as EndpointLocation;
    assert.deepEqual([loc.host, loc.port, loc.address], ['::1', s6!.port, '::1']);
    assert.match(r.summary, new RegExp(`\\[::1\\]:${s6!.port}`));
  }
  // endpoints from the input have no config line: the warning is annotated, but on no file
  const warns = r.annotations.filter((a) => a.level === 'warning');
  assert.equal(warns.length, 1, JSON.stringify(r.annotations));
  assert.equal(warns[0].file, undefined);
  assert.match(r.summary, new RegExp(`127\\.0\\.0\\.1:${sSoon.port}`));
  assert.match(r.summary, new RegExp(`smtp://127\\.0\\.0\\.1:${sMail.port}`));
});
