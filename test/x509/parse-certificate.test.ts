// certwatch must agree with `openssl x509` on validity dates, serial (sign
// included), subject and SANs for every certificate openssl can read, and refuse
// — with the reason — what it cannot read correctly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { CertificateParseError, parseCertificate, publicKeyOf, serialHex } from '../../src/x509/parse-certificate.js';
import { OpenSsl, type OpenSslView } from '../helpers/openssl.js';
import { hierarchy, issue } from '../helpers/pki.js';
import { fixedClock } from '../helpers/clock.js';

/** IPv6 text in one canonical form, so "2001:DB8:0:0:0:0:0:1" (openssl) equals "2001:db8::1". */
function canonicalIp(s: string): string {
  if (isIP(s) !== 6) return s;
  const [head, tail = ''] = s.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = s.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return groups.map((g) => parseInt(g, 16).toString(16)).join(':');
}

/** openssl's RFC 2253 output escapes UTF-8 bytes as \XX; decode them to compare text with text. */
function decodeHexEscapes(dn: string): string {
  return dn.replace(/(?:\\[0-9A-F]{2})+/g, (run) => Buffer.from(run.replace(/\\/g, ''), 'hex').toString('utf8'));
}

function assertAgrees(der: Buffer, ref: OpenSslView, what: string) {
  const rec = parseCertificate(der);
  assert.equal(rec.notBefore.toISOString(), ref.notBefore.toISOString(), `${what}: notBefore`);
  assert.equal(rec.notAfter.toISOString(), ref.notAfter.toISOString(), `${what}: notAfter`);
  assert.equal(rec.serialNumber, ref.serial, `${what}: serial`);
  assert.equal(rec.subject, decodeHexEscapes(ref.subject), `${what}: subject`);
  assert.deepEqual(rec.sans.map(canonicalIp), ref.sans.map(canonicalIp), `${what}: SANs`);
  assert.equal(
    rec.fingerprint,
    'sha256:' + createHash('sha256').update(der).digest('hex'),
    `${what}: fingerprint is sha256 of the DER`,
  );
}

test('certificates made by @peculiar/x509 read the same as openssl reads them', async (t) => {
  const ossl = await OpenSsl.create();
  t.after(() => ossl.dispose());
  const { root, intermediate, leaf } = await hierarchy({
    cn: 'www.example.com',
    sans: ['www.example.com', 'example.com', '192.0.2.7', '2001:db8::42'],
  });
  const batch = [
    root,
    intermediate,
    leaf,
    await issue({ cn: 'leading-zero.example', serial: '0080ff' }), // a positive serial with its high bit set needs a 00 byte
    await issue({ cn: 'short-serial.example', serial: '01' }),
    await issue({ cn: 'long-serial.example', serial: '7fa3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5' }),
    await issue({ cn: 'rsa.example', key: 'rsa2048', org: 'Example, Inc.' }),
    await issue({ cn: 'ed.example', key: 'ed25519', sans: ['ed.example', '::1', 'fe80::1:0:0:1'] }),
    await issue({
      cn: 'far-future.example',
      notBefore: new Date('2049-12-31T23:59:59Z'),
      notAfter: new Date('2050-01-01T00:00:00Z'),
    }), // UTCTime → GeneralizedTime
    await issue({ cn: 'past.example', notBefore: new Date('1999-01-01T00:00:00Z'), days: 365 }),
  ];
  for (const c of batch) assertAgrees(c.der, await ossl.read(c.der), c.cert.subject);
  // The raw serial keeps its leading 00 (ARI and OCSP need the bytes as encoded).
  assert.equal(parseCertificate(batch[3].der).serialBytes.toString('hex'), '0080ff');
});

test('certificates made by the openssl CLI read the same as openssl reads them', async (t) => {
  const ossl = await OpenSsl.create();
  t.after(() => ossl.dispose());
  const ca = await ossl.cert({ subject: '/C=US/O=Example PKI/CN=Example Root', ca: true, days: 3650, key: 'rsa2048' });
  const made = [
    ca,
    await ossl.cert({ subject: '/CN=negative.example', serial: '-1234', san: 'DNS:negative.example' }),
    await ossl.cert({ subject: '/CN=neg-80.example', serial: '-0x80' }),
    await ossl.cert({ subject: '/CN=high-bit.example', serial: '0x80' }), // encodes as 00 80
    await ossl.cert({ subject: '/CN=one.example', serial: '1' }),
    await ossl.cert({ subject: '/CN=zero.example', serial: '0' }),
    await ossl.cert({ subject: '/CN=big.example', serial: '0xffffffffffffffffffffffffffffffffffffff' }),
    await ossl.cert({
      subject: '/C=DE/O=Zoë GmbH\\, Köln/OU=Web/CN=zoë.example',
      san: 'DNS:xn--zo-cja.example,IP:10.1.2.3,IP:2001:db8:0:0:1:0:0:1',
    }),
    await ossl.cert({
      subject: '/CN=signed.example',
      issuer: ca,
      san: 'DNS:signed.example,DNS:*.signed.example',
      days: 30,
      serial: '0x00deadbeef',
    }),
    await ossl.cert({ subject: '/CN=sha1.example', digest: 'sha1', key: 'rsa1024' }),
    await ossl.cert({ subject: '/CN=ed25519.example', key: 'ed25519', days: 10000 }), // notAfter past 2050: GeneralizedTime
    await ossl.cert({
      subject: '/CN=p384.example/emailAddress=ops@example.com',
      key: 'ec384',
      san: 'IP:::1,IP:fe80::',
    }),
  ];
  for (const c of made) assertAgrees(c.der, await ossl.read(c.der), c.certPath);
  assert.equal(parseCertificate(made[1].der).serialNumber, '-04D2', 'the sign of a negative serial is kept');
});

test('a multi-valued RDN reads in openssl RFC 2253 order and form', async (t) => {
  const ossl = await OpenSsl.create();
  t.after(() => ossl.dispose());
  const key = await ossl.key('ec256', 'mv');
  await ossl.run([
    'req',
    '-x509',
    '-key',
    key,
    '-multivalue-rdn',
    '-subj',
    '/C=US/O=Org/CN=one+OU=two',
    '-out',
    'mv.pem',
  ]);
  await ossl.run(['x509', '-in', 'mv.pem', '-outform', 'DER', '-out', 'mv.der']);
  const der = Buffer.from(await import('node:fs/promises').then((fs) => fs.readFile(ossl.file('mv.der'))));
  assertAgrees(der, await ossl.read(der), 'multi-valued RDN');
});

test('serialHex prints serials as openssl does: sign kept, leading zero bytes dropped', () => {
  assert.equal(serialHex(Buffer.from('0080', 'hex')), '80');
  assert.equal(serialHex(Buffer.from('01', 'hex')), '01');
  assert.equal(serialHex(Buffer.from('00', 'hex')), '00');
  assert.equal(serialHex(Buffer.from('80', 'hex')), '-80');
  assert.equal(serialHex(Buffer.from('fb2e', 'hex')), '-04D2');
  assert.equal(serialHex(Buffer.from('ff7f', 'hex')), '-81');
});

/** Overwrite the month of the certificate's first UTCTime (notBefore) in the DER. */
function patchFirstUtcTime(der: Buffer, patch: (s: string) => string): Buffer {
  const out = Buffer.from(der);
  const at = out.indexOf(Buffer.from([0x17, 0x0d])); // UTCTime, 13 bytes: YYMMDDHHMMSSZ
  assert.ok(at > 0, 'certificate has a UTCTime');
  const s = out.subarray(at + 2, at + 15).toString('latin1');
  out.write(patch(s), at + 2, 'latin1');
  return out;
}

test('a certificate whose notBefore says month 13 is refused with the reason, never given a wrong date', async () => {
  const c = await issue({ cn: 'month13.example', notBefore: fixedClock.at(-10) });
  const bad = patchFirstUtcTime(c.der, (s) => s.slice(0, 2) + '13' + s.slice(4));
  assert.throws(
    () => parseCertificate(bad),
    (e: unknown) => e instanceof CertificateParseError && /date|time|validity/i.test((e as Error).message),
  );
});

test('a certificate whose notBefore says 31 February or 25 o’clock is refused with the reason', async () => {
  const c = await issue({ cn: 'feb31.example', notBefore: new Date('2026-02-10T00:00:00Z') });
  for (const patch of [
    (s: string) => s.slice(0, 4) + '31' + s.slice(6),
    (s: string) => s.slice(0, 6) + '25' + s.slice(8),
  ]) {
    const bad = patchFirstUtcTime(c.der, patch);
    assert.throws(
      () => parseCertificate(bad),
      (e: unknown) => e instanceof CertificateParseError && /date|time|validity/i.test((e as Error).message),
    );
  }
});

test('bytes that are not a certificate are refused with CertificateParseError, not a crash', async () => {
  const c = await issue({ cn: 'cut.example' });
  for (const bad of [
    Buffer.alloc(0),
    Buffer.from('hello'),
    c.der.subarray(0, c.der.length - 10),
    Buffer.concat([c.der, Buffer.from([0, 0])]),
  ]) {
    assert.throws(() => parseCertificate(bad), CertificateParseError);
  }
});

test('one record carries what later checks need: key, signature, AKI/SKI, AIA, CRL DP, CA flag and role', async () => {
  const { root, intermediate, leaf } = await hierarchy({
    cn: 'full.example',
    ocspUrl: 'http://ocsp.example/',
    caIssuersUrl: 'http://ca.example/int.der',
    crlUrl: 'http://crl.example/1.crl',
  });
  const r = parseCertificate(root.der);
  const i = parseCertificate(intermediate.der);
  const l = parseCertificate(leaf.der);
  assert.deepEqual([r.isCA, r.selfIssued, i.isCA, i.selfIssued, l.isCA], [true, true, true, false, false]);
  assert.deepEqual(l.key, { algorithm: 'ECDSA', size: 256, curve: 'P-256' });
  assert.equal(l.signatureAlgorithm, 'ecdsa-with-SHA256');
  assert.deepEqual(l.ocspUrls, ['http://ocsp.example/']);
  assert.deepEqual(l.caIssuersUrls, ['http://ca.example/int.der']);
  assert.deepEqual(l.crlUrls, ['http://crl.example/1.crl']);
  assert.ok(
    l.authorityKeyId && i.subjectKeyId && l.authorityKeyId.equals(i.subjectKeyId),
    'leaf AKI = intermediate SKI',
  );
  assert.equal(l.issuer, i.subject);
  assert.equal(l.subjectCN, 'full.example');
  assert.equal(l.issuerCN, 'Test Intermediate CA');
  assert.equal(l.issuerO, 'Test PKI');
  const rsa = parseCertificate((await issue({ cn: 'rsa1024.example', key: 'rsa1024', hash: 'SHA-1' })).der);
  assert.deepEqual(rsa.key, { algorithm: 'RSA', size: 1024 });
  assert.equal(rsa.signatureAlgorithm, 'sha1WithRSAEncryption');
});

test('without an OpenSSL parse, a plain certificate reads exactly as with one, and as openssl prints it', async (t) => {
  // parseCertificate reads plain certificates (v3, canonical times, plain names, a common
  // key, not self-issued) from the DER alone; every field must equal the OpenSSL-backed
  // reading, and the subject what `openssl x509 -nameopt RFC2253` prints.
  const ossl = await OpenSsl.create();
  t.after(() => ossl.dispose());
  const ca = await ossl.cert({ subject: '/C=US/O=Plain PKI/CN=Plain Root', ca: true, days: 3650, key: 'ec256' });
  const every =
    '/C=US/ST=Cal/L=SF/street=1 Main St/postalCode=94000/O=Org Inc./OU=Unit/title=Boss/SN=Smith/GN=Jo/serialNumber=123' +
    '/emailAddress=a@b.example/DC=example/UID=u1/businessCategory=Private Organization/jurisdictionC=US' +
    '/jurisdictionST=DE/jurisdictionL=Wilm/organizationIdentifier=VATDE-1/CN=every.example';
  const made = [
    await ossl.cert({ subject: every, keyName: 'every', issuer: ca, san: 'DNS:every.example,IP:192.0.2.1' }),
    await ossl.cert({ subject: '/CN=rsa.example/O=Example\\, Inc.', issuer: ca, key: 'rsa2048' }),
    await ossl.cert({ subject: '/CN=ed.example/OU=a+b/OU=x=y', issuer: ca, key: 'ed25519' }),
    await ossl.cert({ subject: '/CN=p384.example/O=Zoë', issuer: ca, key: 'ec384', serial: '-0x80' }),
    await ossl.cert({ subject: '/CN=#hash.example/O=a;b<c>"d"\\\\e', issuer: ca, key: 'rsa1024', digest: 'sha1' }),
    await ossl.cert({ subject: '/CN=sub.example', issuer: ca, ca: true, days: 20000 }), // GeneralizedTime
  ];
  // keyCertSign without basicConstraints: not a CA to Node (X509_check_ca() === 1 only for basicConstraints CA).
  const key = await ossl.key('ec256', 'ku-only');
  await ossl.run(['req', '-new', '-key', key, '-subj', '/CN=ku-only.example', '-out', 'ku.csr']);
  const fs = await import('node:fs/promises');
  await fs.writeFile(ossl.file('ku.ext'), 'keyUsage=critical,keyCertSign\n');
  await ossl.run(
    [
      'x509',
      '-req',
      '-in',
      'ku.csr',
      '-CA',
      ca.certPath,
      '-CAkey',
      ca.keyPath,
      '-days',
      '30',
      '-set_serial',
      '7',
    ].concat(['-extfile', 'ku.ext', '-outform', 'DER', '-out', 'ku.der']),
  );
  const kuOnly = await fs.readFile(ossl.file('ku.der'));
  for (const der of [...made.map((c) => c.der), kuOnly]) {
    const plain = parseCertificate(der);
    const viaOpenssl = parseCertificate(der, { viaOpenssl: true });
    assert.deepEqual(plain, viaOpenssl, `${viaOpenssl.subject}: the two readings differ`);
  }
  for (const c of made) assertAgrees(c.der, await ossl.read(c.der), c.certPath);
  assert.equal(parseCertificate(kuOnly, { viaOpenssl: true }).isCA, false);
  assert.equal(parseCertificate(made[0].der).isCA, false);
});

test('the record carries what revocation needs as encoded, as @peculiar/x509 encodes it: subject Name, key, EKU', async () => {
  const h = await hierarchy({ cn: 'raw.example' });
  const responder = await issue({ cn: 'Test OCSP Responder', issuer: h.intermediate, ocspSigning: true });
  for (const c of [h.root, h.intermediate, h.leaf, responder]) {
    const rec = parseCertificate(c.der);
    assert.deepEqual(rec.subjectNameDer, Buffer.from(c.cert.subjectName.toArrayBuffer()), c.cert.subject);
    assert.deepEqual(rec.spkiDer, Buffer.from(c.cert.publicKey.rawData), c.cert.subject);
    // subjectPublicKeyInfo = SEQUENCE { algorithm, BIT STRING { 00, key } }: the key bits end it.
    assert.ok(rec.spkiDer.subarray(rec.spkiDer.length - rec.publicKeyBits.length).equals(rec.publicKeyBits));
    assert.deepEqual(publicKeyOf(rec)?.export({ type: 'spki', format: 'der' }), rec.spkiDer);
    assert.equal(publicKeyOf(rec), publicKeyOf(rec), 'the key is loaded once');
  }
  assert.deepEqual(parseCertificate(responder.der).extKeyUsage, ['1.3.6.1.5.5.7.3.9']);
  assert.equal(parseCertificate(h.root.der).extKeyUsage, undefined);
});
