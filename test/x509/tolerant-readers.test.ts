// What OpenSSL reads, certwatch reads — and the same way: odd times, private and
// malformed extensions, concatenated DER, trailing bytes, BER PKCS#7, PEM label
// "CRL". openssl is the peer for every expectation; inputs are made at test time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { extractPemOrDer } from '../../src/sources/files/pem-der.js';
import { CertificateParseError, parseCertificate } from '../../src/x509/parse-certificate.js';
import { readPkcs7Certificates } from '../../src/x509/pkcs7.js';
import { splitDerObjects } from '../../src/x509/der.js';
import { decodeCrlBytes } from '../../src/checks/revocation/fetch-crl.js';
import { toPem } from '../../src/x509/pem.js';
import { OpenSsl } from '../helpers/openssl.js';
import { peerCert, peerCrl, integerBytes } from '../helpers/openssl-peer.js';
import {
  craftCertificate,
  craftKey,
  extension,
  genTime,
  ia5,
  name,
  reasonCode,
  seq,
  tlv,
  utcTime,
} from '../helpers/craft-der.js';
import { buildCrl } from '../helpers/der-writer.js';
import { privateKeyLabel } from '../../src/report/text/reader-problem.js';

const ca = craftKey();
const leafKey = craftKey();

function cert(notBefore: Buffer, notAfter: Buffer, extra: Partial<Parameters<typeof craftCertificate>[0]> = {}) {
  return craftCertificate({
    issuer: 'Tolerant CA',
    subject: 'odd.example',
    notBefore,
    notAfter,
    subjectKey: leafKey,
    issuerKey: ca.privateKey,
    ...extra,
  });
}

test('times: certwatch reads every form OpenSSL reads, to the same second, says it is non-canonical, and refuses what OpenSSL cannot date', async () => {
  const forms: [string, Buffer][] = [
    ['UTCTime with a +hhmm offset', utcTime('260101120000+0130')],
    ['UTCTime with a -hhmm offset', utcTime('260101120000-0800')],
    ['UTCTime without seconds', utcTime('2601011200Z')],
    ['UTCTime without seconds, with offset', utcTime('2601011200+0100')],
    ['GeneralizedTime with fractional seconds', genTime('20260101120000.123Z')],
    ['GeneralizedTime with offset', genTime('20260101120000-0230')],
    ['GeneralizedTime without seconds', genTime('202601011200Z')],
    ['GeneralizedTime year 0001', genTime('00010101000000Z')],
    ['GeneralizedTime year 0099', genTime('00991231235959Z')],
    ['GeneralizedTime leap day 2000', genTime('20000229000000Z')],
  ];
  for (const [what, t] of forms) {
    const der = cert(t, genTime('99991231235959Z'));
    const ref = await peerCert(der, 'DER');
    assert.ok(ref && !ref.badTime, `${what}: openssl reads it`);
    const rec = parseCertificate(der);
    assert.equal(rec.notBefore.toISOString(), ref.notBefore.toISOString(), `${what}: same instant as openssl`);
    const canonical = (t[0] === 0x17 ? /^\d{12}Z$/ : /^\d{14}Z$/).test(t.subarray(2).toString('latin1'));
    assert.equal(
      rec.parseNotes.some((n) => n.startsWith('notBefore')),
      !canonical,
      `${what}: flagged as non-canonical`,
    );
  }
  assert.equal(
    parseCertificate(cert(genTime('00500101000000Z'), genTime('00991231235959Z'))).notBefore.getUTCFullYear(),
    50,
    'year 50 stays year 50',
  );

  const refused: [string, Buffer][] = [
    ['day 30 of February', utcTime('260230000000Z')],
    ['month 13', utcTime('261301000000Z')],
    ['offset hours past 12', utcTime('260101120000+1300')],
    ['fraction in a UTCTime', utcTime('260101120000.5Z')],
    ['no zone', utcTime('260101120000')],
    ['seconds 60', genTime('20261231235960Z')],
  ];
  for (const [what, t] of refused) {
    const der = cert(t, genTime('99991231235959Z'));
    const ref = await peerCert(der, 'DER');
    assert.ok(!ref || ref.badTime, `${what}: openssl has no date for it`);
    assert.throws(() => parseCertificate(der), CertificateParseError, `${what}: certwatch refuses it with a reason`);
  }
});

test('extensions: private, unknown and malformed ones cost nothing but their own field, which becomes unknown with a notice', async () => {
  const notDer = Buffer.from([0x30, 0x7f, 0x01]); // a SEQUENCE header claiming 127 bytes
  const der = cert(utcTime('260101000000Z'), utcTime('270101000000Z'), {
    extensions: [
      extension('1.3.6.1.4.1.99999.1', Buffer.from('not ASN.1 at all')),
      extension('1.3.6.1.4.1.99999.2', Buffer.alloc(0), true), // critical and empty, as in Go's tests
      extension('2.5.29.31', notDer), // cRLDistributionPoints, malformed
      extension('2.5.29.17', seq(tlv(0x82, Buffer.from('odd.example')))),
    ],
  });
  const ref = await peerCert(der, 'DER');
  assert.ok(ref, 'openssl reads it');
  const rec = parseCertificate(der);
  assert.deepEqual(rec.sans, ref.dns);
  assert.equal(rec.fingerprint, ref.fingerprint);
  assert.deepEqual(rec.crlUrls, []);
  assert.deepEqual(rec.unreadableExtensions, ['cRLDistributionPoints']);
  assert.match(rec.parseNotes.join('\n'), /cRLDistributionPoints extension is malformed/);
  assert.equal(rec.parseNotes.length, 1, 'unknown extensions are not even mentioned');
});

test('DER files: concatenated certificates and trailing bytes are read as openssl reads each object', async (t) => {
  const ossl = await OpenSsl.create();
  t.after(() => ossl.dispose());
  const a = await ossl.cert({ subject: '/CN=first.example', san: 'DNS:first.example' });
  const b = await ossl.cert({ subject: '/CN=second.example', serial: '-5' });
  const file = Buffer.concat([a.der, b.der, Buffer.from('\n\x00junk')]);
  const { objects, trailing } = splitDerObjects(file);
  assert.equal(objects.length, 2);
  assert.equal(trailing, 6);
  const ex = extractPemOrDer(file);
  assert.equal(ex.certificates.length, 2);
  assert.ok(
    ex.problems.every((p) => p.severity === 'notice'),
    'trailing bytes are a notice, not an error',
  );
  for (const [i, c] of ex.certificates.entries()) {
    const ref = (await peerCert(c.der, 'DER'))!;
    const rec = parseCertificate(c.der);
    assert.equal(rec.fingerprint, ref.fingerprint);
    assert.equal(rec.serialNumber, ref.serial, `object ${i + 1}: serial`);
  }
  // openssl reads the first certificate of the whole file, trailing bytes and all.
  assert.equal((await peerCert(file, 'DER'))?.fingerprint, parseCertificate(ex.certificates[0].der).fingerprint);
  // A PEM block with junk after the certificate: openssl reads the certificate, so does certwatch.
  const pem = toPem('CERTIFICATE', Buffer.concat([a.der, Buffer.from([0, 0, 0])]));
  const fromPem = extractPemOrDer(Buffer.from(pem));
  assert.equal(fromPem.certificates.length, 1);
  assert.equal(
    parseCertificate(fromPem.certificates[0].der).fingerprint,
    (await peerCert(Buffer.from(pem), 'PEM'))?.fingerprint,
  );
});

test('DER: a certificate followed by its private key is one certificate and one key notice, as openssl reads them', async (t) => {
  const ossl = await OpenSsl.create();
  t.after(() => ossl.dispose());
  const a = await ossl.cert({ subject: '/CN=with-key.example' });
  await ossl.run(['pkcs8', '-topk8', '-nocrypt', '-in', a.keyPath, '-outform', 'DER', '-out', 'key.p8']);
  const key = await readFile(ossl.file('key.p8'));
  // openssl reads the key on its own (the second object is a key, not a damaged certificate).
  await ossl.run(['pkey', '-inform', 'DER', '-in', 'key.p8', '-noout']);
  const ex = extractPemOrDer(Buffer.concat([a.der, key]));
  assert.equal(ex.certificates.length, 1);
  assert.equal(parseCertificate(ex.certificates[0].der).fingerprint, (await peerCert(a.der, 'DER'))?.fingerprint);
  assert.deepEqual(
    ex.keys.map((k) => privateKeyLabel(k.privateKey, k.within)),
    ['PKCS#8 private key (DER)'],
  );
  assert.deepEqual(ex.problems, []);
});

test("BER PKCS#7: an S/MIME signature with indefinite lengths, and a bundle of 3,000 certificates, give openssl's certificates", async (t) => {
  const ossl = await OpenSsl.create();
  t.after(() => ossl.dispose());
  const root = await ossl.cert({ subject: '/CN=Signing Root', ca: true });
  const signer = await ossl.cert({ subject: '/CN=signer.example', issuer: root });
  await writeFile(ossl.file('msg.txt'), 'hello\n'.repeat(5000));
  // -stream makes openssl write BER with indefinite lengths, as mail clients and signing tools do.
  await ossl.run([
    'cms',
    '-sign',
    '-stream',
    '-binary',
    '-in',
    'msg.txt',
    '-signer',
    signer.certPath,
    '-inkey',
    signer.keyPath,
    '-certfile',
    root.certPath,
    '-outform',
    'DER',
    '-out',
    'sig.p7s',
  ]);
  const p7s = await readFile(ossl.file('sig.p7s'));
  assert.equal(p7s[1], 0x80, 'the outer SEQUENCE has an indefinite length');
  const listed = await ossl.run(['pkcs7', '-inform', 'DER', '-in', 'sig.p7s', '-print_certs']);
  const expected = [...listed.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)].map((m) =>
    Buffer.from(m[0].replace(/-----[^-]+-----|\s/g, ''), 'base64'),
  );
  assert.equal(expected.length, 2);
  const fp = (d: Buffer) => createHash('sha256').update(d).digest('hex');
  assert.deepEqual(readPkcs7Certificates(p7s).map(fp).sort(), expected.map(fp).sort());
  assert.deepEqual(
    extractPemOrDer(p7s)
      .certificates.map((c) => fp(c.der))
      .sort(),
    expected.map(fp).sort(),
    'the file reader takes the BER path too',
  );

  // A large certs-only bundle: memory is bounded by the input, there is no node-count limit.
  const certs = Array.from({ length: 3000 }, () => root.der);
  const big = seq(
    tlv(0x06, Buffer.from('2a864886f70d010702', 'hex')),
    tlv(
      0xa0,
      seq(
        tlv(0x02, Buffer.from([1])),
        tlv(0x31),
        seq(tlv(0x06, Buffer.from('2a864886f70d010701', 'hex'))),
        tlv(0xa0, ...certs),
        tlv(0x31),
      ),
    ),
  );
  await writeFile(ossl.file('big.p7b'), big);
  const n =
    (await ossl.run(['pkcs7', '-inform', 'DER', '-in', 'big.p7b', '-print_certs'])).split('BEGIN CERTIFICATE').length -
    1;
  assert.equal(n, 3000, 'openssl reads all 3,000');
  assert.equal(readPkcs7Certificates(big).length, 3000);
});

test('CRLs: PEM label "CRL", unknown non-critical extensions, years 0000–0099 and negative serials read as openssl reads them', async () => {
  const der = buildCrl({
    issuerNameDer: name('Tolerant CA'),
    signingKey: ca.privateKey,
    thisUpdate: new Date(0),
    thisUpdateRaw: genTime('00500101000000Z'),
    nextUpdate: new Date(0),
    nextUpdateRaw: utcTime('991231235959Z'),
    entries: [
      {
        serial: 0,
        rawSerial: Buffer.from('ff', 'hex'),
        revokedAt: new Date(0),
        date: genTime('00010203040506Z'),
        reason: 1,
      }, // −1
      { serial: 0xff, revokedAt: new Date(0), date: utcTime('2601011200Z') }, // +255, seconds left out
      {
        serial: 0x80,
        revokedAt: new Date(0),
        date: utcTime('260101120000+0100'),
        extensions: [extension('1.3.6.1.4.1.99999.7', Buffer.from('opaque'))],
      },
    ],
    extensions: [extension('1.3.6.1.4.1.99999.3', ia5('private'))],
  });
  const pem = toPem('CRL', der);
  const ref = (await peerCrl(Buffer.from(toPem('X509 CRL', der)), 'PEM'))!;
  assert.ok(ref && !ref.badTime, 'openssl reads it');
  const mine = decodeCrlBytes(Buffer.from(pem), 'test:crl.pem');
  assert.equal(mine.count, ref.entries.length);
  assert.equal(mine.thisUpdate.toISOString(), ref.thisUpdate.toISOString());
  assert.equal(mine.thisUpdate.getUTCFullYear(), 50, 'thisUpdate in year 50, not 1950');
  for (const e of ref.entries) {
    const hit = mine.find(integerBytes(e.serial));
    assert.equal(hit?.revokedAt.toISOString(), e.revokedAt.toISOString(), `serial ${e.serial}`);
  }
  assert.equal(mine.find(Buffer.from('ff', 'hex'))?.reason, 'keyCompromise', '−1 is listed with its reason');
  assert.equal(mine.find(Buffer.from('00ff', 'hex'))?.reason, undefined, '+255 is a different entry');
  assert.equal(mine.find(Buffer.from('ffff', 'hex'))?.reason, 'keyCompromise', 'a redundant FF sign byte is still −1');
});

test('a malformed extKeyUsage (read for delegated OCSP responders) makes only that field unknown, with a notice', async () => {
  const der = cert(utcTime('260101000000Z'), utcTime('270101000000Z'), {
    extensions: [
      extension('2.5.29.37', seq(tlv(0x04, Buffer.from('not an OID')))), // a purpose that is no OBJECT IDENTIFIER
      extension('2.5.29.17', seq(tlv(0x82, Buffer.from('eku.example')))),
    ],
  });
  const ref = await peerCert(der, 'DER');
  assert.ok(ref, 'openssl reads it');
  const rec = parseCertificate(der);
  assert.equal(rec.fingerprint, ref.fingerprint);
  assert.deepEqual(rec.sans, ref.dns);
  assert.equal(rec.extKeyUsage, undefined);
  assert.deepEqual(rec.unreadableExtensions, ['extKeyUsage']);
  assert.match(rec.parseNotes.join('\n'), /extKeyUsage extension is malformed/);
});
