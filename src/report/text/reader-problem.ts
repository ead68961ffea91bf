// The file readers' problems (sources/files/reader-problem.ts) in words: what
// follows "path:line: " in a file-problem finding whose cause is `parser`.
// Aliases, Secret names, keys, labels and library messages are the file's text:
// each medium escapes the whole sentence (report/untrusted-text.ts,
// report/workflow-safe.ts), as for every finding.
import type { KeyContext, PrivateKeyFound, ReaderContext, ReaderProblem } from '../../sources/files/reader-problem.js';

/** "Secret web/tls tls.crt: CERTIFICATE block: truncated PEM: BEGIN without END". */
export function readerProblemSentence(problem: ReaderProblem, within: readonly ReaderContext[] = []): string {
  return within.map(contextPrefix).join('') + readerProblem(problem);
}

/** "RSA PRIVATE KEY", "Secret web/tls tls.crt holds a PRIVATE KEY", "PRIVATE KEY under tls.key": what the private-key notice names. */
export function privateKeyLabel(k: PrivateKeyFound, within: readonly KeyContext[] = []): string {
  let label = privateKey(k);
  // Innermost first: each wrapper says where the key it was handed sits.
  for (const c of [...within].reverse())
    label = c.in === 'secret' ? `Secret ${c.secret} ${c.key} holds a ${label}` : `${label} under ${c.path}`;
  return label;
}

function privateKey(k: PrivateKeyFound): string {
  switch (k.form) {
    case 'pem':
      return k.label;
    case 'der':
      return DER_KEY[k.type];
    case 'keystore':
      return `${k.store} private key entry "${k.alias}"`;
    case 'pkcs12':
      return 'PKCS#12 private key (no password)';
    case 'secret':
      return `Secret ${k.secret} ${k.key}`;
  }
}

const DER_KEY: Record<Extract<PrivateKeyFound, { form: 'der' }>['type'], string> = {
  pkcs8: 'PKCS#8 private key (DER)',
  'encrypted-pkcs8': 'encrypted PKCS#8 private key (DER)',
  rsa: 'RSA private key (DER)',
  ec: 'EC private key (DER)',
};

function contextPrefix(c: ReaderContext): string {
  switch (c.in) {
    case 'secret':
      return `Secret ${c.secret} ${c.key}: `;
    case 'key':
      return `${c.path}: `;
    case 'pem-block':
      return `${c.label} block: `;
  }
}

export function readerProblem(p: ReaderProblem): string {
  switch (p.reason) {
    case 'pem-end-mismatch':
      return `BEGIN ${p.begin} closed by END ${p.end} on line ${p.endLine}`;
    case 'pem-invalid-base64-line':
      return `invalid base64 on line ${p.line} of the PEM block`;
    case 'pem-empty':
      return 'empty PEM block';
    case 'pem-damaged-base64':
      return 'the base64 inside the PEM block is damaged (bad padding or length)';
    case 'pem-no-end-before-begin':
      return `PEM block has no END line before the next BEGIN on line ${p.nextBegin}`;
    case 'pem-truncated':
      return 'truncated PEM: BEGIN without END';
    case 'pem-no-end':
      return 'BEGIN without END';
    case 'pem-undecodable':
      return `${p.label} block does not decode (a placeholder or damaged base64)`;
    case 'pem-trailing-bytes':
      return `${p.bytes} bytes after the certificate in the PEM block are ignored`;
    case 'pem-not-certificate':
      return `PEM block labelled "${p.label}" is not a certificate; skipped`;
    case 'empty-file':
      return 'the file is empty';
    case 'text-not-pem':
      return 'no PEM block (-----BEGIN CERTIFICATE-----) found, and the file is text, not DER';
    case 'not-pem-or-der':
      return 'neither PEM nor DER: the file does not start with an ASN.1 SEQUENCE';
    case 'der-object-unknown':
      return `DER object ${p.index} is neither a certificate nor a private key; skipped`;
    case 'der-not-sequence':
      return 'DER is damaged: the file does not start with an ASN.1 SEQUENCE';
    case 'der-damaged':
      return `DER is damaged: ${p.message}`;
    case 'der-trailing-bytes':
      return `DER: ${p.bytes} bytes after the last ASN.1 object are ignored`;
    case 'pkcs7-no-certificates':
      return 'PKCS#7 bundle holds no certificates';
    case 'pkcs7-no-outer-sequence':
      return 'not a PKCS#7 ContentInfo (no outer SEQUENCE)';
    case 'pkcs7-no-content-type':
      return 'not a PKCS#7 ContentInfo (no content type)';
    case 'pkcs7-not-signed-data':
      return `PKCS#7 content type ${p.contentType} is not SignedData`;
    case 'pkcs7-no-content':
      return 'PKCS#7 SignedData has no content';
    case 'pkcs7-signed-data-empty':
      return 'PKCS#7 SignedData is empty';
    case 'pkcs7-signed-data-not-sequence':
      return 'PKCS#7 SignedData is not a SEQUENCE';
    case 'pkcs7-ber-damaged':
      return `PKCS#7 does not parse: ${p.message}`;
    case 'pkcs7-no-pem-block':
      return 'no PEM block found in a .p7b/.p7c file';
    case 'pkcs12-not-asn1':
      return `not a PKCS#12 file: ${p.message}`;
    case 'pkcs12-password-missing':
      return 'PKCS#12 file is password-protected and no password is configured: add `password-env: VAR` for it in the config';
    case 'pkcs12-password-wrong':
      return `PKCS#12 password from $${p.passwordEnv ?? '?'} is wrong (the MAC does not verify)`;
    case 'pkcs12-unparseable':
      return `PKCS#12 does not parse: ${p.message}`;
    case 'pkcs12-no-certificates':
      return 'PKCS#12 holds no certificates';
    case 'keystore-version':
      return `${p.store} keystore version ${p.version} is not 1 or 2; not read`;
    case 'keystore-entry-not-x509':
      return `${p.store} entry "${p.alias}" holds a ${p.type} certificate, not X.509; skipped`;
    case 'keystore-secret-key':
      return `${p.store} entry "${p.alias}" is a secret key (a serialized Java object); ${p.unread} entries after it are not read`;
    case 'keystore-unknown-tag':
      return `${p.store} entry ${p.entry} has unknown tag ${p.tag}; the rest of the keystore is not read`;
    case 'keystore-truncated':
      return `${p.store} keystore is truncated or damaged after ${p.entries} of its entries`;
    case 'keystore-no-digest':
      return `${p.store} keystore has no integrity digest`;
    case 'keystore-digest-mismatch':
      return `${p.store} keystore integrity check failed: the password from $${p.passwordEnv ?? '?'} is wrong, or the file was altered`;
    case 'bks-keystore':
      return 'Bouncy Castle keystore (BKS): not readable by certwatch; convert it to PKCS#12 (keytool -importkeystore) to have it checked';
    case 'yaml-unparseable':
      return `YAML does not parse: ${p.message}`;
    case 'no-k8s-secret':
      return 'no Kubernetes Secret (kind: Secret) in this YAML file';
    case 'secret-not-base64':
      return `Secret ${p.secret} data.${p.key} is not valid base64`;
    case 'secret-empty':
      return `Secret ${p.secret} ${p.section}.${p.key} is empty`;
    case 'secret-no-certificate':
      return `Secret ${p.secret} ${p.key} holds no certificate`;
  }
}
