// Revocation and renewal signals end to end, through the built action
// (dist/action.js run as the runner runs it), against independent peers on
// loopback: a CA run by `openssl ca` (revocations, `openssl ca -gencrl` CRLs),
// `openssl ocsp` as the OCSP responder, a forger, a stand-in ACME directory with
// renewalInfo, and a published serial list. The action uses the real clock, so
// every validity here is relative to Date.now().
import 'reflect-metadata';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyObject, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import { writeFile, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { issue } from '../helpers/pki.js';
import { runAction, type ActionResult } from '../helpers/run-action.js';
import { OpensslCa, type OpensslCert } from '../helpers/openssl-ca.js';
import {
  forwardToOcspResponder,
  json,
  send,
  startServer,
  type Handler,
  type TestServer,
} from '../helpers/revocation-fixtures.js';
import { buildOcspResponse } from '../helpers/ocsp-builder.js';
import { buildCrl } from '../helpers/der-writer.js';
import { parseCertificate } from '../../src/x509/parse-certificate.js';
import { workspace } from '../helpers/workspace.js';
import { HOUR, fromNow } from '../helpers/clock.js';

/** An ARI renewalInfo answer (RFC 9773 §4.2), as the loopback ACME server here serves it. */
type AriWindow = { suggestedWindow: { start: string; end: string }; explanationURL?: string };

const at = fromNow;

// openssl-issued certificates live 20 days (openssl-ca.ts default_days): keep
// expiry thresholds below that, so the only findings are the ones under test.
const QUIET = { 'warn-within': '5d', 'fail-within': '1d' };

let srv: TestServer;
let ca: OpensslCa;
let crlGood: OpensslCert; // CRL DP only, not revoked
let crlRevoked: OpensslCert; // CRL DP only, revoked keyCompromise
let ocspGood: OpensslCert; // OCSP + CRL + caIssuers, not revoked
let ocspRevoked: OpensslCert; // OCSP + CRL + caIssuers, revoked keyCompromise
let ocspOnly: OpensslCert; // OCSP (the "forged" route) only
let ocspPort = 0;
let crlRevokedAt: Date;

/** Every request the loopback server sees, in order: "METHOD /path". */
const log: string[] = [];

/** Forward /ocsp[/…] to `openssl ocsp` on ocspPort. */
const forwardOcsp = forwardToOcspResponder(() => ocspPort, '/ocsp');

function route(p: string, h: Handler, withPrefix = false): void {
  const logged: Handler = (req, res, body) => {
    log.push(`${req.method} ${p}`);
    return h(req, res, body);
  };
  srv.routes.set(p, logged);
  if (withPrefix) srv.prefixes.set(p + '/', logged); // OCSP GET: URL/<base64 request>
}

interface ReportCert {
  subject: string;
  serialNumber: string;
  role: string;
  revocation: {
    status: string;
    method: string | null;
    reason: string | null;
    revokedAt: string | null;
    detail?: string;
  };
  renewal: { windowStart: string; windowEnd: string; explanationURL: string | null } | null;
  findings: { id: string; severity: string; message: string }[];
  locations: { type: string; path?: string; line?: number }[];
}
interface Report {
  summary: { status: string; failures: number; warnings: number };
  certificates: ReportCert[];
  problems: { id: string; severity: string; message: string }[];
}

async function readReport(ws: string): Promise<Report> {
  return JSON.parse(await readFile(path.join(ws, 'out/report.json'), 'utf8')) as Report;
}

function bySubject(r: Report, cn: string): ReportCert {
  const c = r.certificates.find((x) => x.subject.includes(`CN=${cn}`));
  assert.ok(c, `no certificate CN=${cn} in the report: ${r.certificates.map((x) => x.subject).join(' | ')}`);
  return c;
}

const ids = (c: ReportCert) => c.findings.map((f) => `${f.id}/${f.severity}`).sort();
const dump = (r: ActionResult) => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;

/** The revocation time `openssl ca -revoke` recorded in index.txt ("R", expiry, "YYMMDDHHMMSSZ,reason", serial, …). */
let indexText = '';
function revokedAtFromIndex(serialHex: string): Date {
  for (const line of indexText.split('\n')) {
    const f = line.split('\t');
    if (f[0] !== 'R' || f[3] !== serialHex.toUpperCase()) continue;
    const t = f[2].split(',')[0];
    return new Date(
      `20${t.slice(0, 2)}-${t.slice(2, 4)}-${t.slice(4, 6)}T${t.slice(6, 8)}:${t.slice(8, 10)}:${t.slice(10, 12)}Z`,
    );
  }
  throw new Error(`serial ${serialHex} is not revoked in index.txt:\n${indexText}`);
}

before(async () => {
  srv = await startServer();
  ca = new OpensslCa({
    crl: `${srv.base}/ca.crl`,
    ocsp: `${srv.base}/ocsp`,
    ocspDelegated: `${srv.base}/ocsp-forged`,
    caIssuers: `${srv.base}/ca.der`,
  });
  crlGood = ca.issue('crl-good.e2e.test', 'leaf_crl_ext');
  crlRevoked = ca.issue('crl-revoked.e2e.test', 'leaf_crl_ext');
  ocspGood = ca.issue('ocsp-good.e2e.test', 'leaf_ext');
  ocspRevoked = ca.issue('ocsp-revoked.e2e.test', 'leaf_ext');
  ocspOnly = ca.issue('ocsp-only.e2e.test', 'leaf_delegated_ext');
  ca.revoke(crlRevoked, 'keyCompromise');
  ca.revoke(ocspRevoked, 'keyCompromise');
  indexText = await readFile(path.join(ca.dir, 'index.txt'), 'utf8');
  crlRevokedAt = revokedAtFromIndex(new x509.X509Certificate(crlRevoked.der).serialNumber);
  route('/ca.crl', send(ca.crlDer(), 'application/pkix-crl'));
  route('/ca.der', send(ca.ca.der, 'application/pkix-cert'));
  ocspPort = await ca.startResponder('ca');
  route('/ocsp', forwardOcsp, true);
});

after(async () => {
  ca?.stop();
  await srv?.close();
});

describe('revocation through the built action', () => {
  test('a leaf revoked by `openssl ca -revoke -crl_reason keyCompromise` and listed by `openssl ca -gencrl` fails the step: revoked, reason, date, file line, report', async (t) => {
    // The revoked certificate is the second block of a bundle: the annotation must name its BEGIN line.
    const bundle = crlGood.pem + crlRevoked.pem;
    const revokedLine = crlGood.pem.trimEnd().split('\n').length + 1;
    const ws = await workspace({ 'certs/bundle.pem': bundle, 'certs/ca.pem': ca.ca.pem });
    t.after(() => rm(ws, { recursive: true, force: true }));
    log.length = 0;

    const r = await runAction(ws, { ...QUIET, report: 'out/report.json' });
    assert.equal(r.code, 1, dump(r));
    assert.equal(r.outputs.status, 'fail');
    assert.equal(r.outputs.failures, '1', dump(r));
    assert.equal(r.outputs.warnings, '0', dump(r));

    const errors = r.annotations.filter((a) => a.level === 'error' && a.file);
    assert.equal(errors.length, 1, JSON.stringify(r.annotations));
    assert.equal(errors[0].file, 'certs/bundle.pem');
    assert.equal(errors[0].line, revokedLine);
    assert.match(errors[0].title ?? '', /revoked/);
    assert.match(errors[0].message, /keyCompromise/);
    const shown = `${crlRevokedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    assert.ok(errors[0].message.includes(shown), `${errors[0].message} should give ${shown}`);
    assert.ok(errors[0].message.includes(`${srv.base}/ca.crl`), errors[0].message);
    assert.match(r.summary, /`revoked`/);

    const rep = await readReport(ws);
    const bad = bySubject(rep, 'crl-revoked.e2e.test');
    assert.deepEqual(ids(bad), ['revoked/error']);
    assert.deepEqual(
      {
        status: bad.revocation.status,
        method: bad.revocation.method,
        reason: bad.revocation.reason,
        revokedAt: bad.revocation.revokedAt,
      },
      { status: 'revoked', method: 'crl', reason: 'keyCompromise', revokedAt: crlRevokedAt.toISOString() },
    );
    const good = bySubject(rep, 'crl-good.e2e.test');
    assert.deepEqual(ids(good), []);
    assert.equal(good.revocation.status, 'good');
    assert.equal(good.revocation.method, 'crl');
    // One CRL URL, two certificates: fetched once per run.
    assert.deepEqual(log, ['GET /ca.crl']);
  });

  test('a revoked intermediate (leaf fine) fails the step with `revoked` on the intermediate', async (t) => {
    const root = await issue({
      cn: 'E2E Revo Root',
      org: 'E2E Revo PKI',
      ca: true,
      notBefore: at(-400),
      notAfter: at(3000),
    });
    const inter = await issue({
      cn: 'E2E Revo Intermediate',
      org: 'E2E Revo PKI',
      ca: true,
      issuer: root,
      notBefore: at(-300),
      notAfter: at(1500),
      crlUrl: `${srv.base}/root.crl`,
    });
    const leaf = await issue({
      cn: 'leaf-under-revoked.e2e.test',
      issuer: inter,
      notBefore: at(-10),
      notAfter: at(80),
      crlUrl: `${srv.base}/inter.crl`,
    });
    const interRevokedAt = new Date(Math.floor((Date.now() - HOUR) / 1000) * 1000);
    route(
      '/root.crl',
      send(
        buildCrl({
          issuerNameDer: Buffer.from(root.cert.subjectName.toArrayBuffer()),
          signingKey: KeyObject.from(root.keys.privateKey),
          thisUpdate: at(-1),
          nextUpdate: at(6),
          crlNumber: 7,
          entries: [
            {
              serial: Buffer.from(inter.cert.serialNumber, 'hex'),
              revokedAt: interRevokedAt,
              reason: 2 /* cACompromise */,
            },
          ],
        }),
        'application/pkix-crl',
      ),
    );
    route(
      '/inter.crl',
      send(
        buildCrl({
          issuerNameDer: Buffer.from(inter.cert.subjectName.toArrayBuffer()),
          signingKey: KeyObject.from(inter.keys.privateKey),
          thisUpdate: at(-1),
          nextUpdate: at(6),
          crlNumber: 3,
        }),
        'application/pkix-crl',
      ),
    );
    const ws = await workspace({ 'certs/chain.pem': leaf.pem + inter.pem, 'certs/root.pem': root.pem });
    t.after(() => rm(ws, { recursive: true, force: true }));
    log.length = 0;

    const r = await runAction(ws, { report: 'out/report.json' });
    assert.equal(r.code, 1, dump(r));
    assert.equal(r.outputs.failures, '1', dump(r));
    const rep = await readReport(ws);
    const i = bySubject(rep, 'E2E Revo Intermediate');
    assert.deepEqual(ids(i), ['revoked/error']);
    assert.equal(i.revocation.status, 'revoked');
    assert.equal(i.revocation.method, 'crl');
    assert.equal(i.revocation.reason, 'cACompromise');
    assert.equal(i.revocation.revokedAt, interRevokedAt.toISOString());
    const l = bySubject(rep, 'leaf-under-revoked.e2e.test');
    assert.deepEqual(ids(l), []);
    assert.equal(l.revocation.status, 'good');
    const errors = r.annotations.filter((a) => a.level === 'error' && a.file);
    assert.equal(errors.length, 1, JSON.stringify(r.annotations));
    assert.equal(errors[0].file, 'certs/chain.pem');
    assert.equal(errors[0].line, leaf.pem.trimEnd().split('\n').length + 1);
    assert.match(errors[0].message, /cACompromise/);
    assert.deepEqual([...log].sort(), ['GET /inter.crl', 'GET /root.crl']);
  });

  test('a forged "good" OCSP answer (unrelated key) is revocation-unknown: a warning in soft mode, an error with revocation: hard — never good', async (t) => {
    const issuer = parseCertificate(ca.ca.der);
    const target = parseCertificate(ocspOnly.der);
    const forger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    // Right CertID (the real issuer's name and key hashes, this serial), "good", fresh — only the signature is wrong.
    const forged = buildOcspResponse({
      issuer,
      serialBytes: target.serialBytes,
      status: 'good',
      thisUpdate: at(-0.01),
      nextUpdate: at(3),
      signingKey: forger,
    });
    route('/ocsp-forged', send(forged, 'application/ocsp-response'), true);
    const ws = await workspace({ 'certs/ocsp-only.pem': ocspOnly.pem, 'certs/ca.pem': ca.ca.pem });
    t.after(() => rm(ws, { recursive: true, force: true }));

    log.length = 0;
    const soft = await runAction(ws, { ...QUIET, report: 'out/report.json' });
    assert.ok(log.length >= 1 && log.every((l) => l.endsWith('/ocsp-forged')), log.join(', '));
    assert.equal(soft.code, 0, dump(soft));
    assert.equal(soft.outputs.status, 'warn');
    assert.equal(soft.outputs.failures, '0');
    assert.equal(soft.outputs.warnings, '1', dump(soft));
    const c = bySubject(await readReport(ws), 'ocsp-only.e2e.test');
    assert.deepEqual(ids(c), ['revocation-unknown/warning']);
    assert.equal(c.revocation.status, 'unknown');
    assert.match(
      c.findings[0].message,
      /Revocation status of certificate ocsp-only\.e2e\.test is unknown: .*ocsp-forged.*(signature|signed)/i,
    );
    const w = soft.annotations.filter((a) => a.level === 'warning' && a.file === 'certs/ocsp-only.pem');
    assert.equal(w.length, 1, JSON.stringify(soft.annotations));
    assert.equal(w[0].line, 1);

    const hard = await runAction(ws, { ...QUIET, revocation: 'hard', report: 'out/report.json' });
    assert.equal(hard.code, 1, dump(hard));
    assert.equal(hard.outputs.status, 'fail');
    assert.equal(hard.outputs.failures, '1');
    const h = bySubject(await readReport(ws), 'ocsp-only.e2e.test');
    assert.deepEqual(ids(h), ['revocation-unknown/error']);
    assert.notEqual(h.revocation.status, 'good');
  });

  test('an OCSP responder that is down is revocation-unknown (soft: a warning), named once and without the encoded request', async (t) => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r)); // now nothing listens there
    const issuerCa = await issue({ cn: 'E2E Down CA', ca: true, notBefore: at(-100), notAfter: at(1000) });
    const leaf = await issue({
      cn: 'down-responder.e2e.test',
      issuer: issuerCa,
      notBefore: at(-5),
      notAfter: at(85),
      ocspUrl: `http://127.0.0.1:${port}/ocsp`,
    });
    const ws = await workspace({ 'certs/leaf.pem': leaf.pem, 'certs/ca.pem': issuerCa.pem });
    t.after(() => rm(ws, { recursive: true, force: true }));
    const r = await runAction(ws, { report: 'out/report.json' });
    assert.equal(r.code, 0, dump(r));
    assert.equal(r.outputs.status, 'warn');
    const c = bySubject(await readReport(ws), 'down-responder.e2e.test');
    assert.deepEqual(ids(c), ['revocation-unknown/warning']);
    assert.equal(
      c.findings[0].message,
      `Revocation status of certificate down-responder.e2e.test is unknown: OCSP GET to http://127.0.0.1:${port}/ocsp: connection refused, nothing listening on that port (ECONNREFUSED)`,
    );
  });

  test('`openssl ocsp` as the responder: revoked → revoked by OCSP with reason; good → no finding, status good by OCSP', async (t) => {
    const ws = await workspace({
      'certs/revoked.pem': ocspRevoked.pem,
      'certs/good.pem': ocspGood.pem,
      'certs/ca.pem': ca.ca.pem,
    });
    t.after(() => rm(ws, { recursive: true, force: true }));
    log.length = 0;
    const r = await runAction(ws, { ...QUIET, report: 'out/report.json' });
    assert.equal(r.code, 1, dump(r));
    assert.equal(r.outputs.failures, '1', dump(r));
    assert.equal(r.outputs.warnings, '0', dump(r));
    const rep = await readReport(ws);
    const bad = bySubject(rep, 'ocsp-revoked.e2e.test');
    assert.deepEqual(ids(bad), ['revoked/error']);
    assert.equal(bad.revocation.status, 'revoked');
    assert.equal(bad.revocation.method, 'ocsp');
    assert.equal(bad.revocation.reason, 'keyCompromise');
    assert.equal(
      bad.revocation.revokedAt,
      revokedAtFromIndex(new x509.X509Certificate(ocspRevoked.der).serialNumber).toISOString(),
    );
    assert.match(bad.findings[0].message, /OCSP responder/);
    const good = bySubject(rep, 'ocsp-good.e2e.test');
    assert.deepEqual(ids(good), []);
    assert.deepEqual({ s: good.revocation.status, m: good.revocation.method }, { s: 'good', m: 'ocsp' });
    // The responder answered both: the CRL (also listed) was not needed.
    assert.ok(!log.includes('GET /ca.crl'), log.join(', '));
    assert.equal(log.filter((l) => l.endsWith('/ocsp')).length, 2, log.join(', '));
    const e = r.annotations.filter((a) => a.level === 'error' && a.file);
    assert.deepEqual(
      e.map((a) => `${a.file}:${a.line}`),
      ['certs/revoked.pem:1'],
    );
  });

  test('revocation: off fetches nothing (no CRL, no OCSP request) and reports not-checked', async (t) => {
    const ws = await workspace({
      'certs/revoked.pem': crlRevoked.pem,
      'certs/ocsp.pem': ocspRevoked.pem,
      'certs/ca.pem': ca.ca.pem,
    });
    t.after(() => rm(ws, { recursive: true, force: true }));
    log.length = 0;
    const before = [...srv.hits.values()].reduce((a, b) => a + b, 0);
    const r = await runAction(ws, { ...QUIET, revocation: 'off', report: 'out/report.json' });
    assert.equal(r.code, 0, dump(r));
    assert.equal(r.outputs.status, 'ok', dump(r));
    assert.deepEqual(log, []);
    assert.equal(
      [...srv.hits.values()].reduce((a, b) => a + b, 0),
      before,
    );
    const rep = await readReport(ws);
    for (const cn of ['crl-revoked.e2e.test', 'ocsp-revoked.e2e.test']) {
      const c = bySubject(rep, cn);
      assert.deepEqual(ids(c), []);
      assert.equal(c.revocation.status, 'not-checked');
    }
  });
});

describe('published serial lists through the built action', () => {
  test('a revoked-serials list (leading zeros, colons, upper/lower case) marks matching certificates revoked with the list name', async (t) => {
    const ca2 = await issue({
      cn: 'E2E Serials CA',
      org: 'E2E Serials PKI',
      ca: true,
      notBefore: at(-100),
      notAfter: at(1000),
    });
    const mk = (cn: string, serial: string) => issue({ cn, issuer: ca2, serial, notBefore: at(-5), notAfter: at(85) });
    const a = await mk('a.serials.test', 'a1b2c3d401'); // high bit: DER keeps a 00 pad byte
    const b = await mk('b.serials.test', '0e0f1011');
    const c = await mk('c.serials.test', '7f000003');
    const d = await mk('d.serials.test', '7f000004'); // not on the list
    const list = [
      '# affected serials, as the CA published them',
      '00:A1:B2:C3:D4:01', // colons, a leading 00 byte, upper case
      '00000e0f1011   # leading zeros',
      '0x7F000003',
      '',
      'ab:cd:ef:99',
    ].join('\n');
    const ws = await workspace({
      '.github/certwatch.yml': `version: 1\ndefaults:\n  revocation: off\nfiles:\n  - "certs/*.pem"\nrevoked-serials:\n  - path: incidents/affected.txt\n    name: "E2E mis-issuance incident"\n`,
      'incidents/affected.txt': list,
      'certs/a.pem': a.pem,
      'certs/bc.pem': b.pem + c.pem,
      'certs/d.pem': d.pem,
      'certs/ca.pem': ca2.pem,
    });
    t.after(() => rm(ws, { recursive: true, force: true }));
    const r = await runAction(ws, { report: 'out/report.json' });
    assert.equal(r.code, 1, dump(r));
    assert.equal(r.outputs.failures, '3', dump(r));
    const rep = await readReport(ws);
    for (const [cn, line] of [
      ['a.serials.test', 2],
      ['b.serials.test', 3],
      ['c.serials.test', 4],
    ] as const) {
      const x = bySubject(rep, cn);
      assert.deepEqual(ids(x), ['revoked/error'], cn);
      assert.equal(x.revocation.status, 'revoked');
      assert.equal(x.revocation.reason, 'E2E mis-issuance incident');
      assert.match(x.findings[0].message, new RegExp(`E2E mis-issuance incident .*line ${line}\\b`));
    }
    assert.deepEqual(ids(bySubject(rep, 'd.serials.test')), []);
    const e = r.annotations
      .filter((x) => x.level === 'error' && x.file)
      .map((x) => `${x.file}:${x.line}`)
      .sort();
    assert.deepEqual(e, ['certs/a.pem:1', 'certs/bc.pem:1', `certs/bc.pem:${b.pem.trimEnd().split('\n').length + 1}`]);

    // An issuer filter that does not match this CA leaves all of them alone.
    await writeFile(
      path.join(ws, '.github/certwatch.yml'),
      `version: 1\ndefaults:\n  revocation: off\nfiles:\n  - "certs/*.pem"\nrevoked-serials:\n  - path: incidents/affected.txt\n    issuer: "Some Other CA"\n    name: "E2E mis-issuance incident"\n`,
    );
    const r2 = await runAction(ws);
    assert.equal(r2.code, 0, dump(r2));
    assert.equal(r2.outputs.failures, '0');
  });
  test("a listed serial that the CRL revokes too is one `revoked` finding: the CA's date and reason, naming the list", async (t) => {
    const serial = new x509.X509Certificate(crlRevoked.der).serialNumber;
    const ws = await workspace({
      '.github/certwatch.yml': `version: 1\nfiles:\n  - "certs/*.pem"\nrevoked-serials:\n  - path: affected.txt\n    name: "E2E incident"\n`,
      'affected.txt': `${serial.match(/../g)!.join(':')}\n`,
      'certs/revoked.pem': crlRevoked.pem,
      'certs/ca.pem': ca.ca.pem,
    });
    t.after(() => rm(ws, { recursive: true, force: true }));
    const r = await runAction(ws, { ...QUIET, report: 'out/report.json' });
    assert.equal(r.code, 1, dump(r));
    assert.equal(r.outputs.failures, '1', dump(r));
    const c = bySubject(await readReport(ws), 'crl-revoked.e2e.test');
    assert.deepEqual(ids(c), ['revoked/error']);
    assert.deepEqual(
      { m: c.revocation.method, r: c.revocation.reason, at: c.revocation.revokedAt },
      { m: 'crl', r: 'keyCompromise', at: crlRevokedAt.toISOString() },
    );
    assert.match(
      c.findings[0].message,
      /keyCompromise.*also on the published list E2E incident \(affected\.txt line 1\)/,
    );
    assert.equal(r.annotations.filter((a) => a.level === 'error' && a.file).length, 1, JSON.stringify(r.annotations));
  });
});

describe('ACME Renewal Information through the built action', () => {
  test('windows from a loopback ACME directory: closed → error with explanationURL, open → warning, future → no finding but renewal reported', async (t) => {
    const acmeCa = await issue({
      cn: 'E2E ACME Issuing CA',
      org: 'E2E ACME Org',
      ca: true,
      notBefore: at(-100),
      notAfter: at(1000),
    });
    const mk = (cn: string, serial: string) =>
      issue({ cn, issuer: acmeCa, serial, notBefore: at(-20), notAfter: at(70) });
    const closed = await mk('closed.ari.test', '8a000001');
    const open = await mk('open.ari.test', '0a000002');
    const later = await mk('later.ari.test', '0a000003');
    // The ARI identifier, computed here independently: base64url(AKI keyIdentifier) "." base64url(DER INTEGER content).
    const aki = Buffer.from(closed.cert.getExtension(x509.AuthorityKeyIdentifierExtension)!.keyId!, 'hex').toString(
      'base64url',
    );
    const idOf = (hexContent: string) => `${aki}.${Buffer.from(hexContent, 'hex').toString('base64url')}`;
    const explain = 'https://status.e2e-acme.test/incidents/42';
    const windows: Record<string, unknown> = {
      [idOf('008a000001')]: {
        suggestedWindow: { start: at(-3).toISOString(), end: at(-1).toISOString() },
        explanationURL: explain,
      },
      [idOf('0a000002')]: { suggestedWindow: { start: at(-1).toISOString(), end: at(2).toISOString() } },
      [idOf('0a000003')]: { suggestedWindow: { start: at(40).toISOString(), end: at(45).toISOString() } },
    };
    route('/acme/directory', json({ newNonce: `${srv.base}/acme/nonce`, renewalInfo: `${srv.base}/acme/renewalInfo` }));
    const asked: string[] = [];
    srv.prefixes.set('/acme/renewalInfo/', (req, res, body) => {
      const id = (req.url ?? '').split('/').pop()!;
      asked.push(id);
      const w = windows[id];
      return (
        w
          ? json(w, 200, { 'retry-after': '21600' })
          : send('{"type":"urn:ietf:params:acme:error:malformed"}', 'application/problem+json', 404)
      )(req, res, body);
    });
    const ws = await workspace({
      '.github/certwatch.yml': `version: 1\ndefaults:\n  revocation: off\nfiles:\n  - "certs/*.pem"\nari:\n  directories:\n    - issuer: "e2e acme org"\n      directory: ${srv.base}/acme/directory\n`,
      'certs/closed.pem': closed.pem,
      'certs/open.pem': open.pem,
      'certs/later.pem': later.pem,
      'certs/ca.pem': acmeCa.pem,
    });
    t.after(() => rm(ws, { recursive: true, force: true }));
    log.length = 0;

    const r = await runAction(ws, { report: 'out/report.json' });
    assert.equal(r.code, 1, dump(r));
    assert.equal(r.outputs.failures, '1', dump(r));
    assert.equal(r.outputs.warnings, '1', dump(r));
    assert.deepEqual(log, ['GET /acme/directory']); // the directory is read once per run
    assert.deepEqual([...asked].sort(), Object.keys(windows).sort());

    const rep = await readReport(ws);
    const c = bySubject(rep, 'closed.ari.test');
    assert.deepEqual(ids(c), ['renewal-window/error']);
    assert.ok(c.findings[0].message.includes(explain), c.findings[0].message);
    assert.equal(c.renewal?.explanationURL, explain);
    const o = bySubject(rep, 'open.ari.test');
    assert.deepEqual(ids(o), ['renewal-window/warning']);
    const l = bySubject(rep, 'later.ari.test');
    assert.deepEqual(ids(l), []);
    assert.deepEqual(l.renewal, {
      windowStart: (windows[idOf('0a000003')] as AriWindow).suggestedWindow.start,
      windowEnd: (windows[idOf('0a000003')] as AriWindow).suggestedWindow.end,
      explanationURL: null,
    });
    assert.equal(bySubject(rep, 'E2E ACME Issuing CA').renewal, null); // CAs are not asked about
    assert.deepEqual(rep.problems, []);
    const e = r.annotations.filter((a) => a.level === 'error' && a.file);
    assert.deepEqual(
      e.map((a) => `${a.file}:${a.line}`),
      ['certs/closed.pem:1'],
    );
    assert.ok(e[0].message.includes(explain));
    assert.deepEqual(
      r.annotations.filter((a) => a.level === 'warning' && a.file).map((a) => `${a.file}:${a.line}`),
      ['certs/open.pem:1'],
    );

    // ari.enabled: false — not a single request.
    await writeFile(
      path.join(ws, '.github/certwatch.yml'),
      `version: 1\ndefaults:\n  revocation: off\nfiles:\n  - "certs/*.pem"\nari:\n  enabled: false\n  directories:\n    - issuer: "e2e acme org"\n      directory: ${srv.base}/acme/directory\n`,
    );
    log.length = 0;
    asked.length = 0;
    const off = await runAction(ws);
    assert.equal(off.code, 0, dump(off));
    assert.deepEqual(log, []);
    assert.deepEqual(asked, []);
  });
});
