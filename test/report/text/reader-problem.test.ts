// Every file reader problem (sources/files/reader-problem.ts), as the file-problem
// sentence says it. The expected sentences are the readers' words as they were
// written before the problems became data: the table is keyed by every variant, so
// the compiler refuses a variant added without its sentence here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type {
  KeyContext,
  PrivateKeyFound,
  ReaderContext,
  ReaderProblem,
} from '../../../src/sources/files/reader-problem.js';
import { needsPassword } from '../../../src/sources/files/file-cause.js';
import { privateKeyLabel, readerProblemSentence } from '../../../src/report/text/reader-problem.js';
import { findingSentence, findingSentenceBesidePlace } from '../../../src/report/text/finding-sentence.js';
import { NOW_ISO } from '../../helpers/clock.js';

type Reason = ReaderProblem['reason'];
type Row<R extends Reason> = [Extract<ReaderProblem, { reason: R }>, string];

const TABLE: { [R in Reason]: Row<R>[] } = {
  'pem-end-mismatch': [
    [
      { reason: 'pem-end-mismatch', begin: 'CERTIFICATE', end: 'PRIVATE KEY', endLine: 31 },
      'BEGIN CERTIFICATE closed by END PRIVATE KEY on line 31',
    ],
  ],
  'pem-invalid-base64-line': [
    [{ reason: 'pem-invalid-base64-line', line: 4 }, 'invalid base64 on line 4 of the PEM block'],
  ],
  'pem-empty': [[{ reason: 'pem-empty' }, 'empty PEM block']],
  'pem-damaged-base64': [
    [{ reason: 'pem-damaged-base64' }, 'the base64 inside the PEM block is damaged (bad padding or length)'],
  ],
  'pem-no-end-before-begin': [
    [
      { reason: 'pem-no-end-before-begin', nextBegin: 12 },
      'PEM block has no END line before the next BEGIN on line 12',
    ],
  ],
  'pem-truncated': [[{ reason: 'pem-truncated' }, 'truncated PEM: BEGIN without END']],
  'pem-no-end': [[{ reason: 'pem-no-end' }, 'BEGIN without END']],
  'pem-undecodable': [
    [
      { reason: 'pem-undecodable', label: 'CERTIFICATE' },
      'CERTIFICATE block does not decode (a placeholder or damaged base64)',
    ],
  ],
  'pem-trailing-bytes': [
    [{ reason: 'pem-trailing-bytes', bytes: 3 }, '3 bytes after the certificate in the PEM block are ignored'],
  ],
  'pem-not-certificate': [
    [
      { reason: 'pem-not-certificate', label: 'SSH2 KEY' },
      'PEM block labelled "SSH2 KEY" is not a certificate; skipped',
    ],
  ],
  'empty-file': [[{ reason: 'empty-file' }, 'the file is empty']],
  'text-not-pem': [
    [{ reason: 'text-not-pem' }, 'no PEM block (-----BEGIN CERTIFICATE-----) found, and the file is text, not DER'],
  ],
  'not-pem-or-der': [
    [{ reason: 'not-pem-or-der' }, 'neither PEM nor DER: the file does not start with an ASN.1 SEQUENCE'],
  ],
  'der-object-unknown': [
    [{ reason: 'der-object-unknown', index: 2 }, 'DER object 2 is neither a certificate nor a private key; skipped'],
  ],
  'der-not-sequence': [
    [{ reason: 'der-not-sequence' }, 'DER is damaged: the file does not start with an ASN.1 SEQUENCE'],
  ],
  'der-damaged': [
    [
      { reason: 'der-damaged', message: 'content of 256 bytes runs past the end at byte 0' },
      'DER is damaged: content of 256 bytes runs past the end at byte 0',
    ],
  ],
  'der-trailing-bytes': [
    [{ reason: 'der-trailing-bytes', bytes: 17 }, 'DER: 17 bytes after the last ASN.1 object are ignored'],
  ],
  'pkcs7-no-certificates': [[{ reason: 'pkcs7-no-certificates' }, 'PKCS#7 bundle holds no certificates']],
  'pkcs7-no-outer-sequence': [[{ reason: 'pkcs7-no-outer-sequence' }, 'not a PKCS#7 ContentInfo (no outer SEQUENCE)']],
  'pkcs7-no-content-type': [[{ reason: 'pkcs7-no-content-type' }, 'not a PKCS#7 ContentInfo (no content type)']],
  'pkcs7-not-signed-data': [
    [
      { reason: 'pkcs7-not-signed-data', contentType: '1.2.840.113549.1.7.1' },
      'PKCS#7 content type 1.2.840.113549.1.7.1 is not SignedData',
    ],
  ],
  'pkcs7-no-content': [[{ reason: 'pkcs7-no-content' }, 'PKCS#7 SignedData has no content']],
  'pkcs7-signed-data-empty': [[{ reason: 'pkcs7-signed-data-empty' }, 'PKCS#7 SignedData is empty']],
  'pkcs7-signed-data-not-sequence': [
    [{ reason: 'pkcs7-signed-data-not-sequence' }, 'PKCS#7 SignedData is not a SEQUENCE'],
  ],
  'pkcs7-ber-damaged': [
    [
      { reason: 'pkcs7-ber-damaged', message: 'content of 5 bytes runs past the end at byte 0' },
      'PKCS#7 does not parse: content of 5 bytes runs past the end at byte 0',
    ],
  ],
  'pkcs7-no-pem-block': [[{ reason: 'pkcs7-no-pem-block' }, 'no PEM block found in a .p7b/.p7c file']],
  'pkcs12-not-asn1': [
    [
      { reason: 'pkcs12-not-asn1', message: 'Too few bytes to read ASN.1 value.' },
      'not a PKCS#12 file: Too few bytes to read ASN.1 value.',
    ],
  ],
  'pkcs12-password-missing': [
    [
      { reason: 'pkcs12-password-missing' },
      'PKCS#12 file is password-protected and no password is configured: add `password-env: VAR` for it in the config',
    ],
  ],
  'pkcs12-password-wrong': [
    [
      { reason: 'pkcs12-password-wrong', passwordEnv: 'P12_PASS' },
      'PKCS#12 password from $P12_PASS is wrong (the MAC does not verify)',
    ],
    [{ reason: 'pkcs12-password-wrong' }, 'PKCS#12 password from $? is wrong (the MAC does not verify)'],
  ],
  'pkcs12-unparseable': [
    [
      { reason: 'pkcs12-unparseable', message: 'Unsupported PKCS#12 PFX data.' },
      'PKCS#12 does not parse: Unsupported PKCS#12 PFX data.',
    ],
  ],
  'pkcs12-no-certificates': [[{ reason: 'pkcs12-no-certificates' }, 'PKCS#12 holds no certificates']],
  'keystore-version': [
    [{ reason: 'keystore-version', store: 'JKS', version: 7 }, 'JKS keystore version 7 is not 1 or 2; not read'],
  ],
  'keystore-entry-not-x509': [
    [
      { reason: 'keystore-entry-not-x509', store: 'JCEKS', alias: 'pgp', type: 'PGP' },
      'JCEKS entry "pgp" holds a PGP certificate, not X.509; skipped',
    ],
  ],
  'keystore-secret-key': [
    [
      { reason: 'keystore-secret-key', store: 'JCEKS', alias: 'aes', unread: 2 },
      'JCEKS entry "aes" is a secret key (a serialized Java object); 2 entries after it are not read',
    ],
  ],
  'keystore-unknown-tag': [
    [
      { reason: 'keystore-unknown-tag', store: 'JKS', entry: 3, tag: 9 },
      'JKS entry 3 has unknown tag 9; the rest of the keystore is not read',
    ],
  ],
  'keystore-truncated': [
    [
      { reason: 'keystore-truncated', store: 'JKS', entries: 0 },
      'JKS keystore is truncated or damaged after 0 of its entries',
    ],
  ],
  'keystore-no-digest': [[{ reason: 'keystore-no-digest', store: 'JCEKS' }, 'JCEKS keystore has no integrity digest']],
  'keystore-digest-mismatch': [
    [
      { reason: 'keystore-digest-mismatch', store: 'JKS', passwordEnv: 'KS_PW' },
      'JKS keystore integrity check failed: the password from $KS_PW is wrong, or the file was altered',
    ],
    [
      { reason: 'keystore-digest-mismatch', store: 'JCEKS' },
      'JCEKS keystore integrity check failed: the password from $? is wrong, or the file was altered',
    ],
  ],
  'bks-keystore': [
    [
      { reason: 'bks-keystore' },
      'Bouncy Castle keystore (BKS): not readable by certwatch; convert it to PKCS#12 (keytool -importkeystore) to have it checked',
    ],
  ],
  'yaml-unparseable': [
    [
      {
        reason: 'yaml-unparseable',
        message: 'Nested mappings are not allowed in compact mappings at line 2, column 6:',
      },
      'YAML does not parse: Nested mappings are not allowed in compact mappings at line 2, column 6:',
    ],
  ],
  'no-k8s-secret': [[{ reason: 'no-k8s-secret' }, 'no Kubernetes Secret (kind: Secret) in this YAML file']],
  'secret-not-base64': [
    [
      { reason: 'secret-not-base64', secret: 'web/tls', key: 'tls.crt' },
      'Secret web/tls data.tls.crt is not valid base64',
    ],
  ],
  'secret-empty': [
    [
      { reason: 'secret-empty', secret: 'default/?', section: 'stringData', key: 'ca.crt' },
      'Secret default/? stringData.ca.crt is empty',
    ],
  ],
  'secret-no-certificate': [
    [
      { reason: 'secret-no-certificate', secret: 'web/tls', key: 'tls.crt' },
      'Secret web/tls tls.crt holds no certificate',
    ],
  ],
};

test('every reader problem renders to its sentence, as the readers wrote it', () => {
  const rows = Object.values(TABLE).flat() as [ReaderProblem, string][];
  assert.ok(rows.length >= Object.keys(TABLE).length);
  for (const [problem, says] of rows) assert.equal(readerProblemSentence(problem), says, problem.reason);
});

test('wrapping readers add where the problem sits as data, said outermost first', () => {
  const cases: [ReaderContext[], ReaderProblem, string][] = [
    [
      [{ in: 'pem-block', label: 'CERTIFICATE' }],
      { reason: 'pem-truncated' },
      'CERTIFICATE block: truncated PEM: BEGIN without END',
    ],
    [
      [
        { in: 'secret', secret: 'web/tls', key: 'tls.crt' },
        { in: 'pem-block', label: 'CERTIFICATE' },
      ],
      { reason: 'pem-invalid-base64-line', line: 3 },
      'Secret web/tls tls.crt: CERTIFICATE block: invalid base64 on line 3 of the PEM block',
    ],
    [
      [
        { in: 'key', path: 'clusters[0].cluster.certificate-authority-data' },
        { in: 'pem-block', label: 'CERTIFICATE' },
      ],
      { reason: 'pem-no-end' },
      'clusters[0].cluster.certificate-authority-data: CERTIFICATE block: BEGIN without END',
    ],
    [
      [{ in: 'key', path: 'data["tls.crt"]' }],
      { reason: 'der-trailing-bytes', bytes: 2 },
      'data["tls.crt"]: DER: 2 bytes after the last ASN.1 object are ignored',
    ],
  ];
  for (const [within, problem, says] of cases) {
    assert.equal(readerProblemSentence(problem, within), says);
    // In the finding: after the place, and alone beside a place column.
    const f = {
      detail: {
        kind: 'file-problem' as const,
        path: 'k8s/a.yaml',
        line: 9,
        cause: { reason: 'parser' as const, problem, within },
      },
      location: { type: 'file' as const, path: 'k8s/a.yaml', line: 9 },
    };
    assert.equal(findingSentence(f, NOW_ISO), `k8s/a.yaml:9: ${says}`);
    assert.equal(findingSentenceBesidePlace(f, NOW_ISO), says);
  }
});

test('a missing or wrong password is read from the problem, not from its words', () => {
  const password = new Set<Reason>(['pkcs12-password-missing', 'pkcs12-password-wrong', 'keystore-digest-mismatch']);
  for (const [problem] of Object.values(TABLE).flat() as [ReaderProblem, string][])
    assert.equal(needsPassword({ reason: 'parser', problem }), password.has(problem.reason), problem.reason);
  assert.equal(needsPassword({ reason: 'password-env-unset', env: 'P' }), true);
  assert.equal(needsPassword({ reason: 'no-certificate' }), false);
});

test('every private key a reader notices is named as the readers named it, wrappers included', () => {
  const cases: [PrivateKeyFound, KeyContext[], string][] = [
    [{ form: 'pem', label: 'RSA PRIVATE KEY' }, [], 'RSA PRIVATE KEY'],
    [{ form: 'der', type: 'pkcs8' }, [], 'PKCS#8 private key (DER)'],
    [{ form: 'der', type: 'encrypted-pkcs8' }, [], 'encrypted PKCS#8 private key (DER)'],
    [{ form: 'der', type: 'rsa' }, [], 'RSA private key (DER)'],
    [{ form: 'der', type: 'ec' }, [], 'EC private key (DER)'],
    [{ form: 'keystore', store: 'JCEKS', alias: 'site' }, [], 'JCEKS private key entry "site"'],
    [{ form: 'pkcs12' }, [], 'PKCS#12 private key (no password)'],
    [{ form: 'secret', secret: 'web/tls', key: 'tls.key' }, [], 'Secret web/tls tls.key'],
    [
      { form: 'pem', label: 'PRIVATE KEY' },
      [{ in: 'secret', secret: 'web/tls', key: 'tls.crt' }],
      'Secret web/tls tls.crt holds a PRIVATE KEY',
    ],
    [
      { form: 'der', type: 'ec' },
      [{ in: 'key', path: 'users[0].user.client-key-data' }],
      'EC private key (DER) under users[0].user.client-key-data',
    ],
  ];
  for (const [k, within, says] of cases) {
    assert.equal(privateKeyLabel(k, within), says);
    const f = { detail: { kind: 'private-key' as const, path: 'a/b.yaml', line: 2, privateKey: k, within } };
    assert.equal(
      findingSentence(f, NOW_ISO),
      `a/b.yaml:2: a private key (${says}) is committed to the repository; its content is never shown. Remove it and rotate the key if it is real.`,
    );
  }
});
