// The six wrong verdicts of issue 12, each a scenario with `openssl` as the peer,
// through the built CLI (dist/cli.js) and the built action (dist/action.js):
// 1. a dNSName holding an IP address does not cover that IP endpoint;
// 2. one dNSName containing ", DNS:" is one (non-matching) name, not two;
// 3. a self-issued key-rollover CA signed by its old key is an intermediate, and
//    its revocation on the old key's CRL (cACompromise) is found;
// 4. a CRL with an unknown critical entry extension decides nothing: unknown;
// 5. serial −1 on a CRL does not revoke serial +255 (and does revoke −1);
// 6. years 0000–0099 stay years 0000–0099 (certificate validity, CRL revocation dates).
// Everything runs on loopback: TLS servers for 1–2, an HTTP server for the CRLs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { OpenSsl } from '../helpers/openssl.js';
import { peerCert, peerCrl } from '../helpers/openssl-peer.js';
import {
  craftCertificate,
  craftKey,
  extension,
  genTime,
  name,
  reasonCode,
  seq,
  tlv,
  utcTime,
  type CraftKey,
} from '../helpers/craft-der.js';
import { buildCrl } from '../helpers/der-writer.js';
import { send, startServer, type TestServer } from '../helpers/revocation-fixtures.js';
import { startTlsServer, type Running } from '../helpers/tls-servers.js';
import { runAction } from '../helpers/run-action.js';
import { workspace } from '../helpers/workspace.js';
import { toPem } from '../../src/x509/pem.js';
import type { Report, ReportCertificate } from '../../src/report/report-types.js';
import { DAY, HOUR } from '../helpers/clock.js';

const exec = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');

/** Validity around the real clock (the built CLI and action use it). */
function window(fromDays: number, toDays: number): [Buffer, Buffer] {
  const t = (d: number) => {
    const iso = new Date(Date.now() + d * DAY).toISOString();
    return utcTime(
      iso.slice(2, 4) +
        iso.slice(5, 7) +
        iso.slice(8, 10) +
        iso.slice(11, 13) +
        iso.slice(14, 16) +
        iso.slice(17, 19) +
        'Z',
    );
  };
  return [t(fromDays), t(toDays)];
}

const cdp = (url: string) =>
  extension('2.5.29.31', seq(seq(tlv(0xa0, tlv(0xa0, tlv(0x86, Buffer.from(url, 'latin1')))))));
const caExts = () => [
  extension('2.5.29.19', seq(tlv(0x01, Buffer.from([0xff]))), true),
  extension('2.5.29.15', tlv(0x03, Buffer.from([0x01, 0x06])), true),
];
const keyId = (k: CraftKey) => createHash('sha1').update(k.spki).digest();
const ski = (k: CraftKey) => extension('2.5.29.14', tlv(0x04, keyId(k)));
const aki = (k: CraftKey) => extension('2.5.29.35', seq(tlv(0x80, keyId(k))));
const sanDns = (...names: string[]) =>
  extension('2.5.29.17', seq(...names.map((n) => tlv(0x82, Buffer.from(n, 'latin1')))));

interface Made {
  pem: string;
  der: Buffer;
  file: string; // path in the openssl temp dir
}

let ossl: OpenSsl;
let srv: TestServer;
const servers: Running[] = [];
let ws = '';
let rootKey: KeyObject;
let ncRoot = '';
let root: Made;
const made: Record<string, Made> = {};
const peer: Record<string, string> = {}; // what `openssl verify` said, per scenario

async function save(id: string, der: Buffer): Promise<Made> {
  const file = ossl.file(`${id}.pem`);
  const pem = toPem('CERTIFICATE', der);
  await writeFile(file, pem);
  made[id] = { pem, der, file };
  return made[id];
}

/** `openssl verify` with the given extra arguments: its last line, or its error. */
async function verify(args: string[]): Promise<string> {
  try {
    const { stdout } = await exec('openssl', ['verify', ...args], { cwd: ossl.dir });
    return stdout.trim();
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? '') + String((e as { stderr?: string }).stderr ?? '');
  }
}

before(async () => {
  ossl = await OpenSsl.create();
  srv = await startServer();
  const rootKeyPath = await ossl.key('ec256', 'verdict-root');
  rootKey = createPrivateKey(await readFile(rootKeyPath, 'utf8'));
  const rootSpki = craftKey(rootKey);
  const [nb, na] = window(-30, 3000);
  root = await save(
    'root',
    craftCertificate({
      serialHex: '10',
      issuer: 'Verdict Root',
      subject: 'Verdict Root',
      notBefore: nb,
      notAfter: na,
      subjectKey: rootSpki,
      issuerKey: rootKey,
      extensions: [...caExts(), ski(rootSpki)],
    }),
  );
  const leafKey = craftKey();
  const leafKeyPem = leafKey.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const [lb, la] = window(-5, 80);
  const leaf = (id: string, o: Partial<Parameters<typeof craftCertificate>[0]>) =>
    save(
      id,
      craftCertificate({
        issuer: 'Verdict Root',
        subject: `${id}.verdict.test`,
        notBefore: lb,
        notAfter: la,
        subjectKey: leafKey,
        issuerKey: rootKey,
        ...o,
        extensions: [aki(rootSpki), ...(o.extensions ?? [])],
      }),
    );

  // 1 and 2: served by TLS servers on 127.0.0.1.
  const dnsIp = await leaf('dns-ip', { serialHex: '21', extensions: [sanDns('127.0.0.1')] });
  const comma = await leaf('comma', { serialHex: '22', extensions: [sanDns('other.invalid, DNS:www.verdict.test')] });
  for (const c of [dnsIp, comma]) servers.push(await startTlsServer({ key: leafKeyPem, cert: c.pem + root.pem }));
  // Also: an OpenSSL chain error Node reports only as "UNSPECIFIED" (47, a name-constraint violation).
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  await ossl.run([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'nc.key',
    '-out',
    'nc.pem',
    '-subj',
    '/CN=NC Root',
    '-days',
    '30',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-addext',
    'nameConstraints=critical,permitted;DNS:good.verdict.test',
  ]);
  await ossl.run([
    'req',
    ...ec,
    '-keyout',
    'ncl.key',
    '-out',
    'ncl.csr',
    '-subj',
    '/CN=bad.verdict.test',
    '-addext',
    'subjectAltName=DNS:bad.verdict.test',
  ]);
  await ossl.run([
    'x509',
    '-req',
    '-in',
    'ncl.csr',
    '-CA',
    'nc.pem',
    '-CAkey',
    'nc.key',
    '-out',
    'ncl.pem',
    '-days',
    '20',
    '-copy_extensions',
    'copyall',
  ]);
  ncRoot = await readFile(ossl.file('nc.pem'), 'utf8');
  servers.push(
    await startTlsServer({
      key: await readFile(ossl.file('ncl.key'), 'utf8'),
      cert: await readFile(ossl.file('ncl.pem'), 'utf8'),
    }),
  );
  peer.nc = await verify(['-CAfile', 'nc.pem', 'ncl.pem']);

  peer.dnsIp = await verify(['-CAfile', root.file, '-verify_ip', '127.0.0.1', dnsIp.file]);
  peer.comma = await verify(['-CAfile', root.file, '-verify_hostname', 'www.verdict.test', comma.file]);

  // 3: key rollover. The old root key signs a certificate for the new key under the same
  // name (as AD CS renewal does); key identifiers tell the two keys apart.
  const newCa = craftKey();
  const rollover = await save(
    'rollover',
    craftCertificate({
      serialHex: '30',
      issuer: 'Verdict Root',
      subject: 'Verdict Root',
      notBefore: lb,
      notAfter: na,
      subjectKey: newCa,
      issuerKey: rootKey,
      extensions: [...caExts(), ski(newCa), aki(rootSpki), cdp(`${srv.base}/root.crl`)],
    }),
  );

  // 4–6: leaves with CRL distribution points on the loopback server.
  await leaf('crit-entry', { serialHex: '41', extensions: [cdp(`${srv.base}/crit.crl`)] });
  await leaf('plus255', { serialHex: '00ff', extensions: [cdp(`${srv.base}/neg.crl`)] });
  await leaf('minus1', { serialHex: 'ff', extensions: [cdp(`${srv.base}/neg.crl`)] });
  await leaf('old-revoked', { serialHex: '61', extensions: [cdp(`${srv.base}/years.crl`)] });
  await save(
    'antique',
    craftCertificate({
      serialHex: '62',
      issuer: 'Verdict Root',
      subject: 'antique.verdict.test',
      notBefore: genTime('00010101000000Z'),
      notAfter: genTime('00991231235959Z'),
      subjectKey: leafKey,
      issuerKey: rootKey,
    }),
  );

  const issuerNameDer = name('Verdict Root');
  const now = new Date();
  const crl = (extra: Parameters<typeof buildCrl>[0]['entries'], o: Partial<Parameters<typeof buildCrl>[0]> = {}) =>
    buildCrl({
      issuerNameDer,
      signingKey: rootKey,
      thisUpdate: new Date(now.getTime() - DAY),
      nextUpdate: new Date(now.getTime() + 6 * DAY),
      crlNumber: 1,
      entries: extra,
      extensions: [aki(rootSpki)],
      ...o,
    });
  const crls: Record<string, Buffer> = {
    'root.crl': crl([{ serial: 0x30, revokedAt: new Date(now.getTime() - HOUR), reason: 2 }]),
    'crit.crl': crl([
      {
        serial: 0x99,
        revokedAt: now,
        extensions: [extension('1.3.6.1.4.1.99999.9', tlv(0x05, Buffer.alloc(0)), true)],
      },
    ]),
    'neg.crl': crl([
      { serial: 0, rawSerial: Buffer.from('ff', 'hex'), revokedAt: new Date(now.getTime() - HOUR), reason: 1 },
    ]),
    'years.crl': crl([{ serial: 0x61, revokedAt: now, date: genTime('00010203040506Z'), extensions: [reasonCode(1)] }]),
  };
  for (const [n, der] of Object.entries(crls)) {
    srv.routes.set(`/${n}`, send(der, 'application/pkix-crl'));
    await writeFile(ossl.file(n), toPem('X509 CRL', der));
  }
  peer.rollover = await verify(['-crl_check_all', '-CAfile', root.file, '-CRLfile', 'root.crl', rollover.file]);
  peer.critEntry = await verify(['-crl_check', '-CAfile', root.file, '-CRLfile', 'crit.crl', made['crit-entry'].file]);
  peer.plus255 = await verify(['-crl_check', '-CAfile', root.file, '-CRLfile', 'neg.crl', made.plus255.file]);
  peer.minus1 = await verify(['-crl_check', '-CAfile', root.file, '-CRLfile', 'neg.crl', made.minus1.file]);

  ws = await workspace({
    '.github/certwatch.yml': [
      'version: 1',
      'defaults:',
      '  ca-file: pki/root.pem',
      'files:',
      '  - "certs/*.pem"',
      'endpoints:',
      `  - host: 127.0.0.1`,
      `    port: ${servers[0].port}`,
      `  - host: 127.0.0.1`,
      `    port: ${servers[1].port}`,
      '    servername: www.verdict.test',
      `  - host: 127.0.0.1`,
      `    port: ${servers[2].port}`,
      '    servername: bad.verdict.test',
      '    ca-file: pki/nc.pem',
      '',
    ].join('\n'),
    'pki/root.pem': root.pem,
    'pki/nc.pem': ncRoot,
    'certs/rollover.pem': rollover.pem + root.pem,
    'certs/crit-entry.pem': made['crit-entry'].pem,
    'certs/serials.pem': made.plus255.pem + made.minus1.pem,
    'certs/years.pem': made['old-revoked'].pem + made.antique.pem,
  });
});

after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await srv?.close();
  await ossl?.dispose();
  if (ws) await rm(ws, { recursive: true, force: true });
});

function cert(r: Report, cn: string): ReportCertificate {
  const c = r.certificates.find((x) => x.subject === `CN=${cn}`);
  assert.ok(c, `CN=${cn} in the report: ${r.certificates.map((x) => x.subject).join(' | ')}`);
  return c;
}

const ids = (c: ReportCertificate) =>
  c.findings
    .filter((f) => !f.ignored)
    .map((f) => `${f.id}/${f.severity}`)
    .sort();

/** Every verdict, judged the same from the CLI's report and the action's. */
async function judge(r: Report, via: string) {
  // 1: openssl says IP mismatch; certwatch must too.
  assert.match(peer.dnsIp, /IP address mismatch|error 64/i, `openssl: ${peer.dnsIp}`);
  const dnsIp = cert(r, 'dns-ip.verdict.test');
  assert.ok(
    ids(dnsIp).includes('hostname-mismatch/error'),
    `${via}: dNSName 127.0.0.1 does not cover the address: ${JSON.stringify(dnsIp.findings)}`,
  );
  assert.match(dnsIp.findings.find((f) => f.id === 'hostname-mismatch')!.message, /only as a DNS name/);
  assert.deepEqual(dnsIp.sans, ['127.0.0.1'], `${via}: the JSON keeps sans as text`);
  assert.deepEqual(
    dnsIp.subjectAltNames,
    [{ type: 'dNSName', value: '127.0.0.1' }],
    `${via}: and adds the typed names beside it`,
  );

  // 2: one dNSName with a comma is one name, not two.
  assert.match(peer.comma, /hostname mismatch|error 62/i, `openssl: ${peer.comma}`);
  const comma = cert(r, 'comma.verdict.test');
  assert.ok(ids(comma).includes('hostname-mismatch/error'), `${via}: ${JSON.stringify(comma.findings)}`);
  assert.deepEqual(comma.sans, ['other.invalid, DNS:www.verdict.test']);

  // 3: the rollover certificate is an intermediate, revoked on the old key's CRL.
  assert.match(peer.rollover, /certificate revoked|error 23/i, `openssl: ${peer.rollover}`);
  const roll = r.certificates.find((c) => c.subject === 'CN=Verdict Root' && c.serialNumber === '30')!;
  assert.equal(roll.role, 'intermediate', `${via}: self-issued but signed by another key`);
  assert.equal(roll.revocation.status, 'revoked', `${via}: ${JSON.stringify(roll.revocation)}`);
  assert.equal(roll.revocation.reason, 'cACompromise');
  const rootRec = r.certificates.find((c) => c.subject === 'CN=Verdict Root' && c.serialNumber === '10')!;
  assert.equal(rootRec.role, 'root', `${via}: the self-signed one is the root`);

  // 4: a CRL with an unprocessable critical entry extension decides nothing.
  assert.match(peer.critEntry, /unhandled critical CRL extension|error 36/i, `openssl: ${peer.critEntry}`);
  const crit = cert(r, 'crit-entry.verdict.test');
  assert.equal(crit.revocation.status, 'unknown', `${via}: ${JSON.stringify(crit.revocation)}`);
  assert.ok(ids(crit).includes('revocation-unknown/warning'));
  assert.match(crit.findings.find((f) => f.id === 'revocation-unknown')!.message, /critical extensions/);

  // 5: −1 is not +255.
  assert.match(peer.plus255, /: OK/, `openssl: ${peer.plus255}`);
  assert.match(peer.minus1, /certificate revoked|error 23/i, `openssl: ${peer.minus1}`);
  const plus = cert(r, 'plus255.verdict.test');
  assert.equal(plus.serialNumber, 'FF');
  assert.equal(plus.revocation.status, 'good', `${via}: +255 is not on the CRL: ${JSON.stringify(plus.revocation)}`);
  const minus = cert(r, 'minus1.verdict.test');
  assert.equal(minus.serialNumber, '-01');
  assert.equal(minus.revocation.status, 'revoked', `${via}: −1 is`);

  // 6: years 0000–0099 as openssl reads them.
  const refCrl = (await peerCrl(await readFile(ossl.file('years.crl')), 'PEM'))!;
  const old = cert(r, 'old-revoked.verdict.test');
  assert.equal(old.revocation.status, 'revoked');
  assert.equal(
    old.revocation.revokedAt,
    refCrl.entries[0].revokedAt.toISOString(),
    `${via}: revocation date in year 1, as openssl reads it`,
  );
  assert.equal(old.revocation.revokedAt, '0001-02-03T04:05:06.000Z');
  const refAntique = (await peerCert(made.antique.der, 'DER'))!;
  const antique = cert(r, 'antique.verdict.test');
  assert.equal(antique.notBefore, refAntique.notBefore.toISOString());
  assert.equal(antique.notAfter, refAntique.notAfter.toISOString());
  assert.ok(ids(antique).includes('expired/error'), `${via}: a certificate that ended in year 99 is expired`);
  assert.deepEqual(
    r.problems.filter((p) => p.id === 'unparseable' && p.severity === 'error'),
    [],
    `${via}: nothing is unparseable`,
  );

  // OpenSSL error 47 has its name and a sentence, not "UNSPECIFIED".
  assert.match(peer.nc, /error 47 at 0 depth lookup: permitted subtree violation/, `openssl: ${peer.nc}`);
  const nc = cert(r, 'bad.verdict.test');
  const untrusted = nc.findings.find((f) => f.id === 'untrusted-chain');
  assert.ok(untrusted, `${via}: ${JSON.stringify(nc.findings)}`);
  assert.match(untrusted.message, /PERMITTED_VIOLATION \(OpenSSL error 47\): a name in the certificate lies outside/);
}

describe('the six wrong verdicts, with openssl as the peer', () => {
  test('through the built CLI', async () => {
    const r = await exec(process.execPath, [CLI, 'check', '--workspace', ws, '--format', 'json'], {
      timeout: 60_000,
      maxBuffer: 16 << 20,
    }).catch((e: { stdout: string; code: number }) => e);
    await judge(JSON.parse(r.stdout) as Report, 'CLI');
  });
  test('through the built action', async () => {
    const r = await runAction(ws, { report: 'out/report.json' });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    await judge(JSON.parse(await readFile(path.join(ws, 'out/report.json'), 'utf8')) as Report, 'action');
    assert.ok(
      r.annotations.some((a) => a.file === 'certs/serials.pem' && /revoked/.test(a.title ?? '')),
      'the −1 certificate is annotated as revoked',
    );
  });
});
