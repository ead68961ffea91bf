// The file readers' problems, end to end through the bundled CLI (dist/cli.js):
// one damaged file (or Secret, or key) per situation each reader names — PEM, DER,
// PKCS#7, PKCS#12 (made by openssl), JKS/JCEKS, Kubernetes Secrets, YAML/JSON keys,
// PEM in source — and the exact sentence the JSON report's `message` carries for it,
// with the typed cause beside it. The sentences are the readers' words from before
// their problems became data (issue 10: outputs stay identical).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { hierarchy } from '../helpers/pki.js';
import { OpenSsl } from '../helpers/openssl.js';
import { emptyWorkspace } from '../helpers/workspace.js';
import { runAction } from '../helpers/run-action.js';
import { runBuiltCli } from '../helpers/run-cli.js';
import { fromNow } from '../helpers/clock.js';
import { toPem } from '../../src/x509/pem.js';
import type { Report } from '../../src/report/report-types.js';

const u32 = (...n: number[]) =>
  Buffer.concat(n.map((x) => Buffer.from([x >>> 24, (x >>> 16) & 255, (x >>> 8) & 255, x & 255])));
const utf = (s: string) => Buffer.concat([Buffer.from([0, s.length]), Buffer.from(s, 'utf8')]);
const DATE = Buffer.alloc(8);
const JKS = 0xfeedfeed;
const JCEKS = 0xcececece;
/** Bytes that are neither text nor ASN.1 (first byte 13; every byte value occurs). */
const NOISE = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
// ContentInfo { contentType id-data, [0] { OCTET STRING "xxx" } }: PKCS#7, but not SignedData.
const DATA_CONTENT_INFO = Buffer.from('301206092a864886f70d010701a0050403787878', 'hex');

test('the built CLI says every reader problem in its words, with the problem as data beside it', async (t) => {
  const { leaf } = await hierarchy(
    { cn: 'reader.problems.test', notBefore: fromNow(-10), notAfter: fromNow(200) },
    'Readers',
  );
  const ws = await emptyWorkspace(t);
  const ossl = await OpenSsl.create();
  t.after(() => ossl.dispose());

  const pemLines = leaf.pem.trimEnd().split('\n');
  const n = pemLines.length; // the END line of one PEM certificate
  const withLine = (i: number, line: string) => pemLines.map((l, k) => (k === i ? line : l)).join('\n') + '\n';

  // PEM certificate files (the strict line-based reader) and DER.
  await ws.write('certs/mismatch.pem', leaf.pem.replace('-----END CERTIFICATE-----', '-----END PRIVATE KEY-----'));
  await ws.write('certs/emptyblock.pem', '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
  await ws.write('certs/short.pem', withLine(1, pemLines[1].slice(1)));
  await ws.write('certs/noend.pem', pemLines.slice(0, 4).join('\n') + '\n' + leaf.pem);
  await ws.write(
    'certs/badline.pem',
    [pemLines[0], pemLines[1], '!!!not*base64!!!', ...pemLines.slice(2)].join('\n') + '\n',
  );
  await ws.write('certs/truncated.pem', pemLines.slice(0, 5).join('\n') + '\n');
  await ws.write('certs/trailing.pem', toPem('CERTIFICATE', Buffer.concat([leaf.der, Buffer.from([1, 2, 3])])));
  await ws.write('certs/label.pem', leaf.pem + toPem('FOO BAR', Buffer.from([0x30, 0])));
  await ws.write('certs/empty.pem', '');
  await ws.write('certs/notes.pem', 'just some notes, no certificate here\n');
  await ws.write('certs/noise.crt', NOISE);
  await ws.write('certs/two.der', Buffer.concat([leaf.der, Buffer.from([0x30, 0x03, 0x02, 0x01, 0x05])]));
  await ws.write('certs/garbage.der', Buffer.from([0x30, 0x82, 0x01, 0x00, 0x02, 0x01]));
  await ws.write('certs/tail.der', Buffer.concat([leaf.der, Buffer.from([0x30, 0x05, 0x01])]));

  // PKCS#7 bundles.
  await ossl.run(['crl2pkcs7', '-nocrl', '-outform', 'DER', '-out', 'none.p7b']);
  await ws.write('bundles/none.p7b', await readFile(ossl.file('none.p7b')));
  await ws.write('bundles/data.p7b', toPem('PKCS7', DATA_CONTENT_INFO));
  // One PKCS#7 block per way a ContentInfo can fail to be SignedData (each block is 3 lines).
  const SIGNED_DATA_OID = '06092a864886f70d010702';
  await ws.write(
    'bundles/faults.p7b',
    [
      '020100', // an INTEGER: line 1
      '3000', // no content type: line 4
      `300b${SIGNED_DATA_OID}`, // no [0] content: line 7
      `300d${SIGNED_DATA_OID}a000`, // [0] empty: line 10
      `3010${SIGNED_DATA_OID}a003020100`, // SignedData not a SEQUENCE: line 13
      '3005060100', // BER runs past its end: line 16
    ]
      .map((hex) => toPem('PKCS7', Buffer.from(hex, 'hex')))
      .join(''),
  );
  await ws.write('bundles/prose.p7b', 'see -----BEGIN CERTIFICATE----- in the docs\n');

  // PKCS#12 stores, made by openssl.
  const certPath = ossl.file('leaf.pem');
  const keyPath = ossl.file('leaf-key.pem');
  await writeFile(certPath, leaf.pem);
  await writeFile(keyPath, leaf.keyPem);
  await ws.write('stores/locked.p12', await ossl.pkcs12({ certPath, password: 'secret' }));
  await ws.write('stores/wrong.p12', await ossl.pkcs12({ certPath, password: 'secret' }));
  await ossl.run(['pkcs12', '-export', '-nocerts', '-inkey', keyPath, '-passout', 'pass:', '-out', 'keyonly.p12']);
  await ws.write('stores/keyonly.p12', await readFile(ossl.file('keyonly.p12')));
  await ws.write('stores/junk.p12', NOISE);

  // Java keystores, written byte by byte (the layout in src/sources/files/java-keystore.ts).
  await ws.write('stores/v7.jks', u32(JKS, 7, 0));
  await ws.write('stores/tag.jks', Buffer.concat([u32(JKS, 2, 1, 9), utf('abc'), DATE]));
  await ws.write('stores/cut.jks', u32(JKS, 2, 5));
  await ws.write('stores/secret.jceks', Buffer.concat([u32(JCEKS, 2, 2, 3), utf('aes'), DATE]));
  await ws.write(
    'stores/pgp.jks',
    Buffer.concat([u32(JKS, 2, 1, 2), utf('pgp'), DATE, utf('PGP'), u32(1), Buffer.from([0])]),
  );
  await ws.write('stores/nodigest.jks', u32(JKS, 2, 0));
  await ws.write('stores/altered.jks', Buffer.concat([u32(JKS, 2, 0), Buffer.alloc(20)]));
  await ws.write('stores/old.bks', NOISE);

  // Kubernetes Secrets, YAML and JSON keys, PEM in source.
  await ws.write('k8s/broken.yaml', 'a: b: c\n');
  await ws.write('k8s/configmap.yaml', 'kind: ConfigMap\ndata:\n  a: b\n');
  await ws.write(
    'k8s/secret.yaml',
    [
      'apiVersion: v1', // 1
      'kind: Secret',
      'metadata:',
      '  name: web',
      '  namespace: prod', // 5
      'data:',
      '  tls.crt: "!!!"', // 7
      'stringData:',
      '  ca.crt: ""', // 9
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: api',
      'stringData:', // 15
      '  tls.crt: "hello"', // 16
      '  ca.crt: |', // 17
      `    ${pemLines[0]}`,
      `    ${pemLines[1]}`,
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: keys',
      'data:',
      '  tls.key: c2VjcmV0', // 26
      'stringData:',
      '  ca.crt: |', // 28
      ...leaf.keyPem
        .trimEnd()
        .split('\n')
        .map((l) => `    ${l}`),
      '',
    ].join('\n'),
  );
  await ws.write(
    'config/app.json',
    JSON.stringify(
      {
        tls: {
          ca: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
          other: '-----BEGIN CERTIFICATE-----\nabc',
          key: leaf.keyPem,
        },
      },
      null,
      2,
    ) + '\n',
  );
  // Whole certificates in a Secret, alone and as a bundle: their places name the Secret and key.
  await ws.write(
    'k8s/good.yaml',
    [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: good',
      'stringData:',
      '  tls.crt: |', // 6
      ...leaf.pem
        .trimEnd()
        .split('\n')
        .map((l) => `    ${l}`),
      '  ca.crt: |',
      ...leaf.chainPem
        .trimEnd()
        .split('\n')
        .map((l) => `    ${l}`),
      '',
    ].join('\n'),
  );
  await ws.write('certs/bundle.pem', leaf.chainPem);
  // Stores named as another store: read for what they are, and a notice says so.
  await ws.write('misnamed/p12.jks', await ossl.pkcs12({ certPath, password: '' }));
  await ws.write('misnamed/jks.p12', u32(JKS, 2, 0));
  await ws.write('misnamed/jceks.jks', u32(JCEKS, 2, 0));
  await ws.write('misnamed/p7.p12', await readFile(ossl.file('none.p7b')));
  // Private keys, told by their structure (never shown).
  const key = createPrivateKey(leaf.keyPem);
  await ws.write('certs/key-only.pem', leaf.keyPem);
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
  await ws.write('keys/pkcs8.der', key.export({ type: 'pkcs8', format: 'der' }));
  await ws.write(
    'keys/encrypted.der',
    key.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'not-shown' }),
  );
  await ws.write('keys/rsa.der', rsa.export({ type: 'pkcs1', format: 'der' }));
  await ws.write('keys/ec.der', key.export({ type: 'sec1', format: 'der' }));
  const keyBytes = Buffer.from('protected');
  await ws.write(
    'stores/withkey.jks',
    Buffer.concat([u32(JKS, 2, 1, 1), utf('site'), DATE, u32(keyBytes.length), keyBytes, u32(0)]),
  );
  await ws.write('src/cert.go', 'package tls\n\nconst cert = `-----BEGIN CERTIFICATE-----\n`\n');

  await ws.write(
    '.github/certwatch.yml',
    [
      'version: 1',
      'files:',
      '  - "certs/*"',
      '  - "bundles/*"',
      '  - "stores/locked.p12"',
      '  - "stores/keyonly.p12"',
      '  - "stores/junk.p12"',
      '  - path: "stores/wrong.p12"',
      '    password-env: WRONG_PW',
      '  - "stores/v7.jks"',
      '  - "stores/tag.jks"',
      '  - "stores/cut.jks"',
      '  - "stores/secret.jceks"',
      '  - "stores/pgp.jks"',
      '  - path: "stores/nodigest.jks"',
      '    password-env: KS_PW',
      '  - path: "stores/altered.jks"',
      '    password-env: KS_PW',
      '  - "stores/old.bks"',
      '  - "k8s/*"',
      '  - "config/*"',
      '  - "src/*"',
      '  - "keys/*"',
      '  - "misnamed/*"',
      '  - "stores/withkey.jks"',
      '',
    ].join('\n'),
  );

  // [file, severity, the JSON report's message, the typed cause's problem reason]
  const EXPECTED: [string, string, string | RegExp, string][] = [
    [
      'certs/mismatch.pem',
      'error',
      `certs/mismatch.pem:1: CERTIFICATE block: BEGIN CERTIFICATE closed by END PRIVATE KEY on line ${n}`,
      'pem-end-mismatch',
    ],
    ['certs/emptyblock.pem', 'error', 'certs/emptyblock.pem:1: CERTIFICATE block: empty PEM block', 'pem-empty'],
    [
      'certs/short.pem',
      'error',
      'certs/short.pem:1: CERTIFICATE block: the base64 inside the PEM block is damaged (bad padding or length)',
      'pem-damaged-base64',
    ],
    [
      'certs/noend.pem',
      'error',
      'certs/noend.pem:1: CERTIFICATE block: PEM block has no END line before the next BEGIN on line 5',
      'pem-no-end-before-begin',
    ],
    [
      'certs/badline.pem',
      'error',
      'certs/badline.pem:1: CERTIFICATE block: invalid base64 on line 3 of the PEM block',
      'pem-invalid-base64-line',
    ],
    [
      'certs/truncated.pem',
      'error',
      'certs/truncated.pem:1: CERTIFICATE block: truncated PEM: BEGIN without END',
      'pem-truncated',
    ],
    [
      'certs/trailing.pem',
      'notice',
      'certs/trailing.pem:1: 3 bytes after the certificate in the PEM block are ignored',
      'pem-trailing-bytes',
    ],
    [
      'certs/label.pem',
      'notice',
      `certs/label.pem:${n + 1}: PEM block labelled "FOO BAR" is not a certificate; skipped`,
      'pem-not-certificate',
    ],
    ['certs/empty.pem', 'error', 'certs/empty.pem:1: the file is empty', 'empty-file'],
    [
      'certs/notes.pem',
      'error',
      'certs/notes.pem:1: no PEM block (-----BEGIN CERTIFICATE-----) found, and the file is text, not DER',
      'text-not-pem',
    ],
    [
      'certs/noise.crt',
      'error',
      'certs/noise.crt:1: neither PEM nor DER: the file does not start with an ASN.1 SEQUENCE',
      'not-pem-or-der',
    ],
    [
      'certs/two.der',
      'notice',
      'certs/two.der:1: DER object 2 is neither a certificate nor a private key; skipped',
      'der-object-unknown',
    ],
    [
      'certs/garbage.der',
      'error',
      'certs/garbage.der:1: DER is damaged: content of 256 bytes runs past the end at byte 0',
      'der-damaged',
    ],
    [
      'certs/tail.der',
      'notice',
      'certs/tail.der:1: DER: 3 bytes after the last ASN.1 object are ignored',
      'der-trailing-bytes',
    ],
    ['bundles/none.p7b', 'warning', 'bundles/none.p7b:1: PKCS#7 bundle holds no certificates', 'pkcs7-no-certificates'],
    [
      'bundles/data.p7b',
      'error',
      'bundles/data.p7b:1: PKCS#7 content type 1.2.840.113549.1.7.1 is not SignedData',
      'pkcs7-not-signed-data',
    ],
    [
      'bundles/faults.p7b',
      'error',
      'bundles/faults.p7b:1: not a PKCS#7 ContentInfo (no outer SEQUENCE)',
      'pkcs7-no-outer-sequence',
    ],
    [
      'bundles/faults.p7b',
      'error',
      'bundles/faults.p7b:4: not a PKCS#7 ContentInfo (no content type)',
      'pkcs7-no-content-type',
    ],
    ['bundles/faults.p7b', 'error', 'bundles/faults.p7b:7: PKCS#7 SignedData has no content', 'pkcs7-no-content'],
    ['bundles/faults.p7b', 'error', 'bundles/faults.p7b:10: PKCS#7 SignedData is empty', 'pkcs7-signed-data-empty'],
    [
      'bundles/faults.p7b',
      'error',
      'bundles/faults.p7b:13: PKCS#7 SignedData is not a SEQUENCE',
      'pkcs7-signed-data-not-sequence',
    ],
    [
      'bundles/faults.p7b',
      'error',
      'bundles/faults.p7b:16: PKCS#7 does not parse: content of 5 bytes runs past the end at byte 0',
      'pkcs7-ber-damaged',
    ],
    ['bundles/prose.p7b', 'error', 'bundles/prose.p7b:1: no PEM block found in a .p7b/.p7c file', 'pkcs7-no-pem-block'],
    [
      'stores/locked.p12',
      'warning',
      'stores/locked.p12:1: PKCS#12 file is password-protected and no password is configured: add `password-env: VAR` for it in the config',
      'pkcs12-password-missing',
    ],
    [
      'stores/wrong.p12',
      'error',
      'stores/wrong.p12:1: PKCS#12 password from $WRONG_PW is wrong (the MAC does not verify)',
      'pkcs12-password-wrong',
    ],
    ['stores/keyonly.p12', 'warning', 'stores/keyonly.p12:1: PKCS#12 holds no certificates', 'pkcs12-no-certificates'],
    ['stores/junk.p12', 'error', /^stores\/junk\.p12:1: not a PKCS#12 file: \S.*$/, 'pkcs12-not-asn1'],
    ['stores/v7.jks', 'error', 'stores/v7.jks:1: JKS keystore version 7 is not 1 or 2; not read', 'keystore-version'],
    [
      'stores/tag.jks',
      'error',
      'stores/tag.jks:1: JKS entry 1 has unknown tag 9; the rest of the keystore is not read',
      'keystore-unknown-tag',
    ],
    [
      'stores/cut.jks',
      'error',
      'stores/cut.jks:1: JKS keystore is truncated or damaged after 0 of its entries',
      'keystore-truncated',
    ],
    [
      'stores/secret.jceks',
      'notice',
      'stores/secret.jceks:1: JCEKS entry "aes" is a secret key (a serialized Java object); 1 entries after it are not read',
      'keystore-secret-key',
    ],
    [
      'stores/pgp.jks',
      'notice',
      'stores/pgp.jks:1: JKS entry "pgp" holds a PGP certificate, not X.509; skipped',
      'keystore-entry-not-x509',
    ],
    [
      'stores/nodigest.jks',
      'error',
      'stores/nodigest.jks:1: JKS keystore has no integrity digest',
      'keystore-no-digest',
    ],
    [
      'stores/altered.jks',
      'error',
      'stores/altered.jks:1: JKS keystore integrity check failed: the password from $KS_PW is wrong, or the file was altered',
      'keystore-digest-mismatch',
    ],
    [
      'stores/old.bks',
      'notice',
      'stores/old.bks:1: Bouncy Castle keystore (BKS): not readable by certwatch; convert it to PKCS#12 (keytool -importkeystore) to have it checked',
      'bks-keystore',
    ],
    ['k8s/broken.yaml', 'error', /^k8s\/broken\.yaml:1: YAML does not parse: \S[^\n]*$/, 'yaml-unparseable'],
    // Not YAML, and no Secret in it either: both are said.
    [
      'k8s/broken.yaml',
      'notice',
      'k8s/broken.yaml:1: no Kubernetes Secret (kind: Secret) in this YAML file',
      'no-k8s-secret',
    ],
    [
      'k8s/configmap.yaml',
      'notice',
      'k8s/configmap.yaml:1: no Kubernetes Secret (kind: Secret) in this YAML file',
      'no-k8s-secret',
    ],
    [
      'k8s/secret.yaml',
      'error',
      'k8s/secret.yaml:7: Secret prod/web data.tls.crt is not valid base64',
      'secret-not-base64',
    ],
    ['k8s/secret.yaml', 'warning', 'k8s/secret.yaml:9: Secret prod/web stringData.ca.crt is empty', 'secret-empty'],
    [
      'k8s/secret.yaml',
      'error',
      'k8s/secret.yaml:16: Secret default/api tls.crt holds no certificate',
      'secret-no-certificate',
    ],
    [
      'k8s/secret.yaml',
      'error',
      'k8s/secret.yaml:17: Secret default/api ca.crt: CERTIFICATE block: truncated PEM: BEGIN without END',
      'pem-truncated',
    ],
    [
      'config/app.json',
      'error',
      'config/app.json:3: tls.ca: CERTIFICATE block does not decode (a placeholder or damaged base64)',
      'pem-undecodable',
    ],
    ['config/app.json', 'error', 'config/app.json:4: tls.other: CERTIFICATE block: BEGIN without END', 'pem-no-end'],
    ['src/cert.go', 'error', 'src/cert.go:3: CERTIFICATE block: BEGIN without END', 'pem-no-end'],
    [
      'k8s/secret.yaml',
      'error',
      'k8s/secret.yaml:28: Secret default/keys ca.crt holds no certificate',
      'secret-no-certificate',
    ],
  ];

  const r = await runBuiltCli(['check', '--workspace', ws.dir, '--format', 'json'], {
    env: { WRONG_PW: 'nope', KS_PW: 'changeit' },
  });
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  // [file, line, what the private-key notice calls the key, its form]
  const KEYS: [string, number, string, string][] = [
    ['certs/key-only.pem', 1, 'PRIVATE KEY', 'pem'],
    ['keys/pkcs8.der', 1, 'PKCS#8 private key (DER)', 'der'],
    ['keys/encrypted.der', 1, 'encrypted PKCS#8 private key (DER)', 'der'],
    ['keys/rsa.der', 1, 'RSA private key (DER)', 'der'],
    ['keys/ec.der', 1, 'EC private key (DER)', 'der'],
    ['stores/withkey.jks', 1, 'JKS private key entry "site"', 'keystore'],
    ['stores/keyonly.p12', 1, 'PKCS#12 private key (no password)', 'pkcs12'],
    ['k8s/secret.yaml', 26, 'Secret default/keys tls.key', 'secret'],
    ['k8s/secret.yaml', 28, 'Secret default/keys ca.crt holds a PRIVATE KEY', 'pem'],
    ['config/app.json', 5, 'PRIVATE KEY under tls.key', 'pem'],
  ];
  const keys = report.problems.filter((p) => p.id === 'private-key');
  assert.equal(keys.length, KEYS.length, JSON.stringify(keys.map((p) => p.message)));
  for (const [file, line, label, form] of KEYS) {
    const message = `${file}:${line}: a private key (${label}) is committed to the repository; its content is never shown. Remove it and rotate the key if it is real.`;
    const hit = keys.find((p) => p.message === message);
    assert.ok(hit, `${message} not among ${JSON.stringify(keys.map((p) => p.message))}`);
    assert.equal(hit.severity, 'notice');
    assert.equal(hit.detail?.kind === 'private-key' ? hit.detail.privateKey.form : undefined, form, message);
  }
  assert.ok(!r.stdout.includes(leaf.keyPem.split('\n')[1]), 'no key material in the report');

  const problems = report.problems.filter((p) => p.id === 'unparseable' && p.location?.type === 'file');
  const files = [...new Set(EXPECTED.map(([f]) => f))];
  for (const file of files) {
    const want = EXPECTED.filter(([f]) => f === file);
    const got = problems.filter((p) => p.location?.type === 'file' && p.location.path === file);
    assert.equal(got.length, want.length, `${file}: ${JSON.stringify(got.map((p) => p.message))}`);
    for (const [, severity, message, reason] of want) {
      const hit = got.find((p) => (typeof message === 'string' ? p.message === message : message.test(p.message)));
      assert.ok(hit, `${file}: ${message} not among ${JSON.stringify(got.map((p) => p.message))}`);
      assert.equal(hit.severity, severity, `${file}: ${hit.message}`);
      const cause = hit.detail?.kind === 'file-problem' ? hit.detail.cause : undefined;
      assert.equal(
        cause?.reason === 'parser' ? cause.problem.reason : cause?.reason,
        reason,
        `${file}: ${hit.message}`,
      );
    }
  }
  const misnamed = report.problems.filter((p) => p.id === 'misnamed').map((p) => [p.message, p.severity]);
  assert.deepEqual(misnamed.sort(), [
    ['misnamed/jceks.jks: JCEKS keystore, named .jks; read as what it is', 'notice'],
    ['misnamed/jks.p12: JKS keystore, named .p12; read as what it is', 'notice'],
    ['misnamed/p12.jks: PKCS#12 store, named .jks; read as what it is', 'notice'],
    ['misnamed/p7.p12: PKCS#7 bundle, named .p12; read as what it is', 'notice'],
  ]);

  // Where each whole certificate sits (location.detail), as the readers named it.
  const places = report.certificates.flatMap((c) =>
    c.locations.flatMap((l) =>
      l.type === 'file' && (l.path === 'k8s/good.yaml' || l.path === 'certs/bundle.pem')
        ? [`${c.subjectCN} ${l.path}:${l.line} ${l.detail ?? '-'}`]
        : [],
    ),
  );
  assert.deepEqual(places.sort(), [
    `Readers Intermediate CA certs/bundle.pem:${n + 1} PEM block 2`,
    `Readers Intermediate CA k8s/good.yaml:${n + 7} Secret default/good ca.crt PEM block 2`,
    'reader.problems.test certs/bundle.pem:1 PEM block 1',
    `reader.problems.test k8s/good.yaml:${n + 7} Secret default/good ca.crt PEM block 1`,
    'reader.problems.test k8s/good.yaml:6 Secret default/good tls.crt',
  ]);

  // The healthy certificates beside the damage are still read (noend.pem's second block, label.pem's, two.der's).
  const leafSeen = report.certificates.find((c) => c.subjectCN === 'reader.problems.test');
  assert.ok(leafSeen, 'the certificate is read where it is whole');
  const paths = new Set(leafSeen.locations.map((l) => (l.type === 'file' ? l.path : '')));
  for (const p of ['certs/noend.pem', 'certs/label.pem', 'certs/two.der', 'certs/trailing.pem', 'certs/tail.der'])
    assert.ok(paths.has(p), `${p} still yields the certificate`);

  // The built action: each problem is an annotation on its file and line, saying the same words after the place.
  const a = await runAction(ws.dir, {}, { WRONG_PW: 'nope', KS_PW: 'changeit' });
  assert.equal(a.code, 1, a.stderr);
  for (const [file, severity, message] of EXPECTED) {
    const [, line, words] = /^[^:]+:(\d+): (.*)$/s.exec(typeof message === 'string' ? message : '') ?? [];
    if (!words) continue; // a library's message: its exact words are not ours to pin
    assert.ok(
      a.annotations.some(
        (x) => x.file === file && x.line === Number(line) && x.level === severity && x.message === words,
      ),
      `${severity} annotation on ${file}:${line}: ${words}; got ${JSON.stringify(a.annotations.filter((x) => x.file === file))}`,
    );
  }
});
