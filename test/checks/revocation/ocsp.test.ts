// OCSP bad input, fetched and stapled: each way a responder or a server can
// mislead must end as "revocation-unknown" with its cause — never "good" — and
// never throw out of checkRevocation. Responses are built byte by byte so that
// each test changes exactly one thing about an otherwise valid answer.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { checkRevocation } from '../../../src/checks/revocation/check-revocation.js';
import { buildOcspRequest } from '../../../src/x509/ocsp-request.js';
import { verifyOcsp } from '../../../src/checks/revocation/verify-ocsp.js';
import { closeHttp } from '../../../src/net/http-fetch.js';
import type { ObservedCertificate } from '../../../src/types.js';
import { hierarchy, issue, type Issued } from '../../helpers/pki.js';
import { buildCrl } from '../../helpers/der-writer.js';
import {
  assertUnknown,
  ctxFor,
  observed,
  privateKey,
  rec,
  send,
  settingsFor,
  slow,
  startServer,
  type Handler,
  type TestServer,
} from '../../helpers/revocation-fixtures.js';
import { buildOcspResponse, ocspStatusOnly, type OcspSpec } from '../../helpers/ocsp-builder.js';
import { revocationSaid, said } from '../../helpers/said.js';
import { NOW, HOUR, fixedClock } from '../../helpers/clock.js';

let srv: TestServer;
let root: Issued;
let inter: Issued;
let seq = 0;

before(async () => {
  srv = await startServer();
  ({ root, intermediate: inter } = await hierarchy({ cn: 'unused.example' }, 'Ocsp'));
});
after(async () => {
  await srv.close();
  await closeHttp();
});

/** A leaf whose only revocation pointer is an OCSP URL on the test server, answered by `h`. */
async function leafWithResponder(
  h: Handler | null,
  o: { crl?: Handler } = {},
): Promise<{ leaf: Issued; path: string }> {
  const path = `/ocsp${++seq}`;
  if (h) {
    srv.routes.set(path, h);
    srv.prefixes.set(path + '/', h);
  }
  let crlUrl: string | undefined;
  if (o.crl) {
    crlUrl = `${srv.base}/c${seq}.crl`;
    srv.routes.set(`/c${seq}.crl`, o.crl);
  }
  const leaf = await issue({ cn: `ocsp${seq}.example`, issuer: inter, ocspUrl: srv.base + path, crlUrl });
  return { leaf, path };
}

function answer(leaf: Issued, o: Partial<OcspSpec> = {}): Buffer {
  return buildOcspResponse({
    issuer: rec(inter),
    serialBytes: rec(leaf).serialBytes,
    status: 'good',
    thisUpdate: new Date(NOW.getTime() - HOUR),
    nextUpdate: fixedClock.at(3),
    signingKey: privateKey(inter),
    ...o,
  });
}

/** Respond with whatever `make` builds for the leaf (needs the leaf first, hence the indirection). */
function responder(make: (leaf: Issued) => Buffer): { h: Handler; set: (l: Issued) => void } {
  let leaf: Issued | undefined;
  return {
    h: (req, res, body) => send(make(leaf!), 'application/ocsp-response')(req, res, body),
    set: (l) => (leaf = l),
  };
}

async function run(
  leaf: Issued,
  o: { stapled?: Buffer; timeoutMs?: number; now?: Date } = {},
): Promise<ObservedCertificate> {
  const obs = observed(rec(leaf), { companions: [rec(inter)], stapledOcsp: o.stapled });
  await checkRevocation([obs], ctxFor(settingsFor({ timeoutMs: o.timeoutMs ?? 1500 }), o.now ?? NOW));
  return obs;
}

async function withResponse(make: (leaf: Issued) => Buffer, cause: RegExp): Promise<void> {
  const r = responder(make);
  const { leaf } = await leafWithResponder(r.h);
  r.set(leaf);
  assertUnknown(await run(leaf), cause);
}

describe('fetched OCSP', () => {
  test('a valid good answer signed by the issuer is good', async () => {
    const r = responder((l) => answer(l));
    const { leaf } = await leafWithResponder(r.h);
    r.set(leaf);
    const obs = await run(leaf);
    assert.equal(obs.revocation?.status, 'good');
    assert.equal(obs.revocation?.method, 'ocsp');
  });

  test('a valid revoked answer is revoked with reason and date', async () => {
    const at = fixedClock.at(-5);
    const r = responder((l) => answer(l, { status: 'revoked', revokedAt: at, reason: 1 }));
    const { leaf } = await leafWithResponder(r.h);
    r.set(leaf);
    const obs = await run(leaf);
    assert.equal(obs.revocation?.status, 'revoked');
    assert.equal(obs.revocation?.reason, 'keyCompromise');
    assert.equal(obs.revocation?.revokedAt?.toISOString(), at.toISOString());
  });

  test('responder down (connection refused) is unknown', async () => {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    const leaf = await issue({ cn: 'down.example', issuer: inter, ocspUrl: `http://127.0.0.1:${port}/` });
    assertUnknown(await run(leaf), /ECONNREFUSED/);
  });

  test('a slow responder (beyond the timeout) is unknown, and the check does not wait for it', async () => {
    const { leaf } = await leafWithResponder(slow(3000, send('late')));
    const t0 = Date.now();
    assertUnknown(await run(leaf, { timeoutMs: 300 }), /timed out/);
    assert.ok(Date.now() - t0 < 2000, 'bounded by the timeout, no POST retry after a timeout');
  });

  test('a responder returning HTML is unknown', async () => {
    const { leaf } = await leafWithResponder(
      send('<!doctype html><html><body>Service Unavailable</body></html>', 'text/html'),
    );
    assertUnknown(await run(leaf), /returned HTML, not an OCSP response/);
  });

  test('a 200 with garbage is unknown', async () => {
    const { leaf } = await leafWithResponder(
      send(Buffer.from([0x30, 0x82, 0x01, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x13])),
    );
    assertUnknown(await run(leaf), /not an OCSP response/);
  });

  test('an answer signed by an unrelated key is unknown, never good', async () => {
    const forger = await issue({ cn: 'Forger', ca: true });
    await withResponse(
      (l) => answer(l, { signingKey: privateKey(forger) }),
      /not signed by O=Ocsp PKI,CN=Ocsp Intermediate CA/,
    );
  });

  test('an answer signed by an unrelated key that ships its own certificate is unknown', async () => {
    const forger = await issue({ cn: 'Forged Responder', ocspSigning: true });
    await withResponse(
      (l) => answer(l, { signingKey: privateKey(forger), certs: [forger.der] }),
      /signed by CN=Forged Responder, which O=Ocsp PKI,CN=Ocsp Intermediate CA did not issue/,
    );
  });

  test('a responder certificate issued by the issuer but without id-kp-OCSPSigning is not a delegated responder', async () => {
    const plain = await issue({ cn: 'Not A Responder', issuer: inter });
    await withResponse(
      (l) => answer(l, { signingKey: privateKey(plain), certs: [plain.der] }),
      /lacks id-kp-OCSPSigning/,
    );
  });

  test('a delegated responder outside its validity is refused', async () => {
    const old = await issue({
      cn: 'Old Responder',
      issuer: inter,
      ocspSigning: true,
      notBefore: fixedClock.at(-40),
      days: 30,
    });
    await withResponse((l) => answer(l, { signingKey: privateKey(old), certs: [old.der] }), /outside its validity/);
  });

  test('a properly delegated responder is accepted', async () => {
    const d = await issue({ cn: 'Ocsp Delegated Responder', issuer: inter, ocspSigning: true });
    const r = responder((l) => answer(l, { signingKey: privateKey(d), certs: [d.der], status: 'revoked', reason: 3 }));
    const { leaf } = await leafWithResponder(r.h);
    r.set(leaf);
    const obs = await run(leaf);
    assert.equal(obs.revocation?.status, 'revoked');
    assert.equal(obs.revocation?.reason, 'affiliationChanged');
  });

  test('an answer for a different serial is unknown', async () => {
    await withResponse(
      (l) => answer(l, { serialBytes: Buffer.concat([rec(l).serialBytes, Buffer.from([1])]) }),
      /not about this certificate/,
    );
  });

  test('an answer for a short serial that is the tail of ours is unknown', async () => {
    await withResponse((l) => answer(l, { serialBytes: rec(l).serialBytes.subarray(1) }), /not about this certificate/);
  });

  test('an answer whose CertID names another issuer is unknown', async () => {
    await withResponse((l) => answer(l, { issuer: rec(root) }), /not about this certificate/);
  });

  test('an answer whose nextUpdate is in the past is unknown (stale)', async () => {
    await withResponse(
      (l) => answer(l, { thisUpdate: fixedClock.at(-8), nextUpdate: fixedClock.at(-1) }),
      /stale: nextUpdate/,
    );
  });

  test('an answer without nextUpdate older than 4 days is unknown; a recent one is good', async () => {
    await withResponse(
      (l) => answer(l, { thisUpdate: fixedClock.at(-5), nextUpdate: undefined }),
      /no nextUpdate .* over 4 days old/,
    );
    const r = responder((l) => answer(l, { nextUpdate: undefined }));
    const { leaf } = await leafWithResponder(r.h);
    r.set(leaf);
    assert.equal((await run(leaf)).revocation?.status, 'good');
  });

  test('an answer from the future (thisUpdate ahead of the clock) is unknown', async () => {
    await withResponse(
      (l) => answer(l, { thisUpdate: fixedClock.at(1), nextUpdate: fixedClock.at(5) }),
      /not yet valid/,
    );
  });

  test('unauthorized and tryLater are unknown, saying what the responder said', async () => {
    await withResponse(() => ocspStatusOnly(6), /responder said unauthorized/);
    await withResponse(() => ocspStatusOnly(3), /responder said tryLater/);
  });

  test('status unknown from the responder is unknown', async () => {
    await withResponse((l) => answer(l, { status: 'unknown' }), /does not know this certificate/);
  });

  test('OCSP unusable but a valid CRL: the CRL answers', async () => {
    const crl = buildCrl({
      issuerNameDer: rec(inter).subjectNameDer,
      signingKey: privateKey(inter),
      thisUpdate: NOW,
      nextUpdate: fixedClock.at(1),
    });
    const { leaf } = await leafWithResponder(send('<html>', 'text/html', 503), { crl: send(crl) });
    const obs = await run(leaf);
    assert.equal(obs.revocation?.status, 'good');
    assert.equal(obs.revocation?.method, 'crl');
  });

  test('one request per responder and certificate per run, however often it is seen', async () => {
    const r = responder((l) => answer(l));
    const { leaf, path } = await leafWithResponder(r.h);
    r.set(leaf);
    const a = observed(rec(leaf), { companions: [rec(inter)] });
    const b = observed(rec(leaf), { companions: [rec(inter)] });
    await checkRevocation([a, b], ctxFor(settingsFor(), NOW));
    assert.equal(a.revocation?.status, 'good');
    assert.equal(b.revocation?.status, 'good');
    const total = [...srv.hits].filter(([p]) => p === path || p.startsWith(path + '/')).reduce((n, [, c]) => n + c, 0);
    assert.equal(total, 1);
  });

  test('a run past its deadline starts no fetch and says so', async () => {
    const { leaf, path } = await leafWithResponder(send('x'));
    const obs = observed(rec(leaf), { companions: [rec(inter)] });
    await checkRevocation([obs], ctxFor(settingsFor(), NOW, [], { deadline: Date.now() - 1 }));
    assert.equal(obs.revocation?.status, 'unknown');
    assert.match(revocationSaid(obs), /deadline has passed/);
    assert.equal(
      [...srv.hits.keys()].some((p) => p.startsWith(path)),
      false,
    );
  });
});

describe('stapled OCSP', () => {
  test('a valid stapled good answer counts when the responder cannot be reached', async () => {
    const { leaf } = await leafWithResponder(send('down', 'text/plain', 502));
    const obs = await run(leaf, { stapled: answer(leaf) });
    assert.equal(obs.revocation?.status, 'good');
    assert.equal(obs.revocation?.method, 'stapled');
    assert.deepEqual(obs.findings, []);
  });

  test('a stapled revoked answer is revoked, without asking anyone', async () => {
    const { leaf, path } = await leafWithResponder(send('x'));
    const obs = await run(leaf, { stapled: answer(leaf, { status: 'revoked', reason: 4, revokedAt: NOW }) });
    assert.equal(obs.revocation?.status, 'revoked');
    assert.equal(obs.revocation?.method, 'stapled');
    assert.match(said(obs.findings[0]), /stapled/);
    assert.equal(srv.hits.get(path), undefined);
  });

  test('a stapled good does not hide a revocation the responder now reports', async () => {
    const r = responder((l) => answer(l, { status: 'revoked', reason: 1 }));
    const { leaf } = await leafWithResponder(r.h);
    r.set(leaf);
    const obs = await run(leaf, { stapled: answer(leaf) });
    assert.equal(obs.revocation?.status, 'revoked');
    assert.equal(obs.revocation?.method, 'ocsp');
  });

  test('a forged staple is unknown, not good', async () => {
    const leaf = await issue({ cn: 'staple-only.example', issuer: inter });
    const forger = await issue({ cn: 'Staple Forger', ca: true });
    const obs = await run(leaf, { stapled: answer(leaf, { signingKey: privateKey(forger) }) });
    assertUnknown(obs, /stapled OCSP response: the response is not signed/);
  });

  test('a stale staple is unknown', async () => {
    const leaf = await issue({ cn: 'stale-staple.example', issuer: inter });
    const obs = await run(leaf, {
      stapled: answer(leaf, {
        thisUpdate: fixedClock.at(-10),
        nextUpdate: fixedClock.at(-3),
      }),
    });
    assertUnknown(obs, /stapled OCSP response: the response is stale/);
  });
});

describe('verifyOcsp details', () => {
  test('the request carries the raw serial bytes (leading 00 kept) in a SHA-1 CertID', async () => {
    const leaf = await issue({ cn: 'serial.example', issuer: inter, serial: '80aa' });
    const req = buildOcspRequest(rec(leaf), rec(inter));
    assert.ok(req.includes(Buffer.from([0x02, 0x03, 0x00, 0x80, 0xaa])), 'INTEGER 00 80 aa');
    assert.ok(req.includes(Buffer.from('06052b0e03021a', 'hex')), 'SHA-1 OID');
  });

  test('a CertID hashed with SHA-256 is matched too', async () => {
    const leaf = await issue({ cn: 'sha256-certid.example', issuer: inter });
    assert.equal(verifyOcsp(answer(leaf, { hash: 'sha256' }), rec(leaf), rec(inter), NOW).status, 'good');
  });
});
