// RFC 5280 rules a CRL must pass before it decides anything, with `openssl verify
// -crl_check` as the peer where openssl has a rule, and certwatch's documented
// policy where it has none (a CRL without nextUpdate is not news forever).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { checkRevocation } from '../../../src/checks/revocation/check-revocation.js';
import { closeHttp } from '../../../src/net/http-fetch.js';
import { toPem } from '../../../src/x509/pem.js';
import { craftCertificate, craftKey, extension, name, seq, tlv, utcTime } from '../../helpers/craft-der.js';
import { OpenSsl } from '../../helpers/openssl.js';
import { buildCrl } from '../../helpers/der-writer.js';
import {
  assertUnknown,
  ctxFor,
  observed,
  rec,
  send,
  settingsFor,
  startServer,
  type TestServer,
} from '../../helpers/revocation-fixtures.js';
import { NOW, fixedClock } from '../../helpers/clock.js';

const exec = promisify(execFile);
let srv: TestServer;
let ossl: OpenSsl;

before(async () => {
  srv = await startServer();
  ossl = await OpenSsl.create();
});
after(async () => {
  await srv.close();
  await closeHttp();
  await ossl.dispose();
});

const cdp = (url: string) =>
  extension('2.5.29.31', seq(seq(tlv(0xa0, tlv(0xa0, tlv(0x86, Buffer.from(url, 'latin1')))))));
/** keyUsage with the given first byte of bits (0x06 = keyCertSign + cRLSign, 0x04 = keyCertSign only). */
const keyUsage = (bits: number) => extension('2.5.29.15', tlv(0x03, Buffer.from([0x01, bits])), true);
const ca = (bits: number) => [extension('2.5.29.19', seq(tlv(0x01, Buffer.from([0xff]))), true), keyUsage(bits)];

function stamp(d: Date): Buffer {
  const iso = d.toISOString();
  return utcTime(
    iso.slice(2, 4) +
      iso.slice(5, 7) +
      iso.slice(8, 10) +
      iso.slice(11, 13) +
      iso.slice(14, 16) +
      iso.slice(17, 19) +
      'Z',
  );
}

/** A CA (with the given keyUsage bits), a leaf pointing at `path`, and the CRL served there. */
function pki(label: string, bits: number, crl: (caName: Buffer, caKey: ReturnType<typeof craftKey>) => Buffer) {
  const caKey = craftKey();
  const leafKey = craftKey();
  const caDer = craftCertificate({
    serialHex: '01',
    issuer: `${label} CA`,
    subject: `${label} CA`,
    notBefore: stamp(fixedClock.at(-100)),
    notAfter: stamp(fixedClock.at(900)),
    subjectKey: caKey,
    issuerKey: caKey.privateKey,
    extensions: ca(bits),
  });
  const leafDer = craftCertificate({
    serialHex: '0abc',
    issuer: `${label} CA`,
    subject: `${label.toLowerCase()}.example`,
    notBefore: stamp(fixedClock.at(-10)),
    notAfter: stamp(fixedClock.at(80)),
    subjectKey: leafKey,
    issuerKey: caKey.privateKey,
    extensions: [cdp(`${srv.base}/${label}.crl`)],
  });
  const crlDer = crl(name(`${label} CA`), caKey);
  srv.routes.set(`/${label}.crl`, send(crlDer, 'application/pkix-crl'));
  return { caDer, leafDer, crlDer };
}

async function certwatch(p: { caDer: Buffer; leafDer: Buffer }) {
  const obs = observed(rec(p.leafDer), { companions: [rec(p.caDer)] });
  await checkRevocation([obs], ctxFor(settingsFor({ revocation: 'soft', cacheDir: '', timeoutMs: 1500 }), NOW));
  return obs;
}

/** `openssl verify -crl_check` at the tests' clock: its verdict text. */
async function opensslVerdict(label: string, p: { caDer: Buffer; leafDer: Buffer; crlDer: Buffer }): Promise<string> {
  await writeFile(ossl.file(`${label}-ca.pem`), toPem('CERTIFICATE', p.caDer));
  await writeFile(ossl.file(`${label}-leaf.pem`), toPem('CERTIFICATE', p.leafDer));
  await writeFile(ossl.file(`${label}.crl`), toPem('X509 CRL', p.crlDer));
  const args = [
    'verify',
    '-attime',
    String(Math.floor(NOW.getTime() / 1000)),
    '-crl_check',
    '-CAfile',
    `${label}-ca.pem`,
    '-CRLfile',
    `${label}.crl`,
    `${label}-leaf.pem`,
  ];
  try {
    return (await exec('openssl', args, { cwd: ossl.dir })).stdout;
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string };
    return `${x.stdout ?? ''}${x.stderr ?? ''}`;
  }
}

test('an issuer whose keyUsage lacks cRLSign cannot vouch with a CRL: unknown, as openssl refuses it', async () => {
  const p = pki('NoCrlSign', 0x04, (n, k) =>
    buildCrl({
      issuerNameDer: n,
      signingKey: k.privateKey,
      thisUpdate: fixedClock.at(-1),
      nextUpdate: fixedClock.at(6),
      crlNumber: 1,
    }),
  );
  assert.match(await opensslVerdict('NoCrlSign', p), /key usage does not include CRL signing|error 35/i);
  assertUnknown(await certwatch(p), /not allowed to sign CRLs .*without cRLSign/);
  // The same CA with cRLSign: both say good.
  const ok = pki('WithCrlSign', 0x06, (n, k) =>
    buildCrl({
      issuerNameDer: n,
      signingKey: k.privateKey,
      thisUpdate: fixedClock.at(-1),
      nextUpdate: fixedClock.at(6),
      crlNumber: 1,
    }),
  );
  assert.match(await opensslVerdict('WithCrlSign', ok), /: OK/);
  assert.equal((await certwatch(ok)).revocation?.status, 'good');
});

test('a CRL without nextUpdate counts for 10 days: a 700-day-old one proves no "good", but its revocations stand', async () => {
  const old = fixedClock.at(-700);
  const silent = pki('Old', 0x06, (n, k) =>
    buildCrl({ issuerNameDer: n, signingKey: k.privateKey, thisUpdate: old, crlNumber: 1 }),
  );
  assertUnknown(await certwatch(silent), /no nextUpdate and was issued 700 days ago/);
  const listed = pki('OldRevoked', 0x06, (n, k) =>
    buildCrl({
      issuerNameDer: n,
      signingKey: k.privateKey,
      thisUpdate: old,
      crlNumber: 1,
      entries: [{ serial: 0x0abc, revokedAt: old, reason: 1 }],
    }),
  );
  const obs = await certwatch(listed);
  assert.equal(obs.revocation?.status, 'revoked');
  assert.equal(obs.revocation?.reason, 'keyCompromise');
  const fresh = pki('Recent', 0x06, (n, k) =>
    buildCrl({
      issuerNameDer: n,
      signingKey: k.privateKey,
      thisUpdate: fixedClock.at(-9),
      crlNumber: 1,
    }),
  );
  assert.equal((await certwatch(fresh)).revocation?.status, 'good', 'nine days old: still news');
});
