// certwatch against an independent implementation: a CA run with `openssl ca`,
// `openssl ocsp` as the responder (signing itself, through a delegated
// responder, and as a forger), and CRLs from `openssl ca -gencrl`, all served on
// loopback. The clock is the real one here, because openssl stamps real times.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { checkRevocation } from '../../../src/checks/revocation/check-revocation.js';
import { certificatesFromAia } from '../../../src/checks/revocation/find-issuer.js';
import { closeHttp } from '../../../src/net/http-fetch.js';
import type { ObservedCertificate } from '../../../src/types.js';
import { OpensslCa, type OpensslCert } from '../../helpers/openssl-ca.js';
import {
  ctxFor,
  forwardToOcspResponder,
  observed,
  rec,
  send,
  settingsFor,
  startServer,
  type Handler,
  type TestServer,
} from '../../helpers/revocation-fixtures.js';
import { revocationSaid, said } from '../../helpers/said.js';

let srv: TestServer;
let ca: OpensslCa;
const methods: string[] = [];
let good: OpensslCert;
let revoked: OpensslCert;
let delegatedGood: OpensslCert;
let delegatedRevoked: OpensslCert;
let crlGood: OpensslCert;
let crlRevoked: OpensslCert;

/** POST goes to the URL itself, GET to URL/<base64>: route both. */
function setOcsp(path: string, h: Handler): void {
  srv.routes.set(path, h);
  srv.prefixes.set(path + '/', h);
}

let issuerPort = 0;
let delegatedPort = 0;

before(async () => {
  srv = await startServer();
  ca = new OpensslCa({
    crl: `${srv.base}/ca.crl`,
    ocsp: `${srv.base}/ocsp`,
    ocspDelegated: `${srv.base}/ocsp-delegated`,
    caIssuers: `${srv.base}/ca.der`,
  });
  good = ca.issue('good.example', 'leaf_ext');
  revoked = ca.issue('revoked.example', 'leaf_ext');
  delegatedGood = ca.issue('delegated-good.example', 'leaf_delegated_ext');
  delegatedRevoked = ca.issue('delegated-revoked.example', 'leaf_delegated_ext');
  crlGood = ca.issue('crl-good.example', 'leaf_crl_ext');
  crlRevoked = ca.issue('crl-revoked.example', 'leaf_crl_ext');
  const responder = ca.issue('Revo OCSP Responder', 'ocsp_ext');
  ca.revoke(revoked, 'keyCompromise');
  ca.revoke(delegatedRevoked, 'superseded');
  ca.revoke(crlRevoked, 'keyCompromise');
  srv.routes.set('/ca.crl', send(ca.crlDer(), 'application/pkix-crl'));
  srv.routes.set('/ca.der', send(ca.ca.der, 'application/pkix-cert'));
  [issuerPort, delegatedPort] = await Promise.all([ca.startResponder('ca'), ca.startResponder(responder)]);
  setOcsp(
    '/ocsp',
    forwardToOcspResponder(
      () => issuerPort,
      '/ocsp',
      (m) => methods.push(`/ocsp ${m}`),
    ),
  );
  setOcsp(
    '/ocsp-delegated',
    forwardToOcspResponder(
      () => delegatedPort,
      '/ocsp-delegated',
      (m) => methods.push(`/ocsp-delegated ${m}`),
    ),
  );
});

after(async () => {
  ca?.stop();
  await srv?.close();
  await closeHttp();
});

async function check(c: OpensslCert, o: { companions?: boolean } = {}): Promise<ObservedCertificate> {
  const obs = observed(rec(c.der), { companions: o.companions === false ? [] : [rec(ca.ca.der)] });
  await checkRevocation([obs], ctxFor(settingsFor({ timeoutMs: 5000 }), new Date()));
  return obs;
}

describe('against openssl ocsp and openssl ca', () => {
  test('openssl ocsp (issuer-signed) says good: good by OCSP, asked by GET first', async () => {
    methods.length = 0;
    const obs = await check(good);
    assert.deepEqual(obs.revocation && { s: obs.revocation.status, m: obs.revocation.method }, {
      s: 'good',
      m: 'ocsp',
    });
    assert.deepEqual(obs.findings, []);
    assert.deepEqual(methods, ['/ocsp GET']);
  });

  test('a certificate revoked with `openssl ca -revoke -crl_reason keyCompromise` is revoked by OCSP, with reason and date', async () => {
    const obs = await check(revoked);
    assert.equal(obs.revocation?.status, 'revoked');
    assert.equal(obs.revocation?.method, 'ocsp');
    assert.equal(obs.revocation?.reason, 'keyCompromise');
    assert.ok(
      obs.revocation?.revokedAt instanceof Date &&
        Math.abs(obs.revocation.revokedAt.getTime() - Date.now()) < 10 * 60_000,
    );
    assert.deepEqual(
      obs.findings.map((f) => f.id),
      ['revoked'],
    );
    assert.match(said(obs.findings[0]), /keyCompromise.*OCSP responder/);
  });

  test('a delegated responder (issued by the CA, id-kp-OCSPSigning) is accepted: good and revoked', async () => {
    assert.equal((await check(delegatedGood)).revocation?.status, 'good');
    const r = await check(delegatedRevoked);
    assert.equal(r.revocation?.status, 'revoked');
    assert.equal(r.revocation?.reason, 'superseded');
  });

  test('when a responder refuses GET, the request is retried by POST', async () => {
    methods.length = 0;
    const real = srv.routes.get('/ocsp')!;
    setOcsp('/ocsp', (req, res, body) =>
      req.method === 'GET'
        ? send('<html>method not allowed</html>', 'text/html', 405)(req, res, body)
        : real(req, res, body),
    );
    try {
      const obs = await check(revoked);
      assert.equal(obs.revocation?.status, 'revoked');
      assert.deepEqual(methods, ['/ocsp POST']);
    } finally {
      setOcsp('/ocsp', real);
    }
  });

  test('openssl ocsp signing with an unrelated key (its own self-signed certificate included) is unknown, never good', async () => {
    const forger = ca.selfSigned('Forged Responder');
    const forgedPort = await ca.startResponder(forger);
    const saved = issuerPort;
    issuerPort = forgedPort;
    try {
      const obs = observed(rec(good.der), { companions: [rec(ca.ca.der)] });
      // no CRL fallback for this check: only the OCSP answer is judged
      (obs.cert as { crlUrls: string[] }).crlUrls = [];
      await checkRevocation([obs], ctxFor(settingsFor({ timeoutMs: 5000 }), new Date()));
      assert.equal(obs.revocation?.status, 'unknown');
      assert.match(
        revocationSaid(obs),
        /signed by CN=Forged Responder, which CN=Revo Test CA,O=Revo Test did not issue|not signed by/,
      );
    } finally {
      issuerPort = saved;
    }
  });

  test('a CRL from `openssl ca -gencrl` marks the revoked certificate revoked (keyCompromise) and the other good', async () => {
    const r = await check(crlRevoked);
    assert.equal(r.revocation?.status, 'revoked');
    assert.equal(r.revocation?.method, 'crl');
    assert.equal(r.revocation?.reason, 'keyCompromise');
    const g = await check(crlGood);
    assert.equal(g.revocation?.status, 'good');
    assert.equal(g.revocation?.method, 'crl');
  });

  test('an AIA caIssuers answer in PKCS#7 (certs-only, from openssl crl2pkcs7) is read', () => {
    const p7 = execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', ca.ca.path, '-outform', 'DER']);
    const got = certificatesFromAia(p7);
    assert.deepEqual(
      got.map((c) => c.subject),
      ['CN=Revo Test CA,O=Revo Test'],
    );
  });

  test('the issuer comes from the AIA caIssuers URL when the chain lacks it', async () => {
    const obs = await check(revoked, { companions: false });
    assert.equal(obs.revocation?.status, 'revoked');
  });
});
