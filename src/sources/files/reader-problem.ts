// What the file readers (PEM, DER, PKCS#7/#12, Java keystores, Kubernetes Secrets,
// YAML/JSON) found wrong, as data: one variant per situation, with its numbers and
// names. Put into words once, by report/text/reader-problem.ts. A reader that wraps
// another (a Secret's value, a key of a YAML file, a PEM block) adds where the
// problem sits as a `within` step; it never edits the inner reader's words.
import type { PemFault } from '../../x509/pem.js';
import type { Pkcs7Fault } from '../../x509/pkcs7.js';

/** "JKS" or "JCEKS": which Java keystore format (by its magic number). */
export type KeystoreKind = 'JKS' | 'JCEKS';

export type ReaderProblem =
  /** the PEM splitter's faults (x509/pem.ts) */
  | PemFault
  /** the PKCS#7 reader's faults (x509/pkcs7.ts): not SignedData, or damaged */
  | Pkcs7Fault
  /** PEM found in text (pem-in-text.ts): a BEGIN with no END near it */
  | { reason: 'pem-no-end' }
  /** PEM found in text whose body is not base64 of one DER object (a placeholder, a template) */
  | { reason: 'pem-undecodable'; label: string }
  /** bytes after the certificate in a PEM block (OpenSSL ignores them too) */
  | { reason: 'pem-trailing-bytes'; bytes: number }
  /** a PEM block whose label is neither a certificate, a key, PKCS#7 nor a known companion */
  | { reason: 'pem-not-certificate'; label: string }
  | { reason: 'empty-file' }
  /** a certificate file (PEM/DER reader) that is text without a PEM block */
  | { reason: 'text-not-pem' }
  /** a certificate file that is neither PEM text nor starts with an ASN.1 SEQUENCE */
  | { reason: 'not-pem-or-der' }
  /** one of several DER objects back to back is neither a certificate nor a key */
  | { reason: 'der-object-unknown'; index: number }
  /** DER whose first object starts but is not a SEQUENCE */
  | { reason: 'der-not-sequence' }
  /** DER whose first object does not decode: the DER reader's (x509/der.ts) reason */
  | { reason: 'der-damaged'; message: string }
  | { reason: 'der-trailing-bytes'; bytes: number }
  | { reason: 'pkcs7-no-certificates' }
  /** a .p7b/.p7c text file without a PEM block */
  | { reason: 'pkcs7-no-pem-block' }
  /** the outer ASN.1 does not decode: node-forge's message */
  | { reason: 'pkcs12-not-asn1'; message: string }
  /** protected by a password and none is configured (init suggests `password-env`) */
  | { reason: 'pkcs12-password-missing' }
  /** the configured password does not verify the MAC */
  | { reason: 'pkcs12-password-wrong'; passwordEnv?: string }
  /** node-forge refused the store for another reason: its message */
  | { reason: 'pkcs12-unparseable'; message: string }
  | { reason: 'pkcs12-no-certificates' }
  | { reason: 'keystore-version'; store: KeystoreKind; version: number }
  /** an entry whose certificate type is not X.509 (skipped) */
  | { reason: 'keystore-entry-not-x509'; store: KeystoreKind; alias: string; type: string }
  /** a JCEKS secret key entry: the entries after it (`unread`) cannot be found */
  | { reason: 'keystore-secret-key'; store: KeystoreKind; alias: string; unread: number }
  /** entry number `entry` (1-based) has a tag that is not 1, 2 (or 3 in JCEKS) */
  | { reason: 'keystore-unknown-tag'; store: KeystoreKind; entry: number; tag: number }
  /** the bytes end (or a count is absurd) after `entries` whole entries */
  | { reason: 'keystore-truncated'; store: KeystoreKind; entries: number }
  | { reason: 'keystore-no-digest'; store: KeystoreKind }
  /** the integrity digest does not verify with the configured password */
  | { reason: 'keystore-digest-mismatch'; store: KeystoreKind; passwordEnv?: string }
  /** Bouncy Castle keystore (.bks): not read */
  | { reason: 'bks-keystore' }
  /** the YAML library's message (its first line) */
  | { reason: 'yaml-unparseable'; message: string }
  /** a YAML file named explicitly that holds no `kind: Secret` */
  | { reason: 'no-k8s-secret' }
  | { reason: 'secret-not-base64'; secret: string; key: string }
  | { reason: 'secret-empty'; secret: string; section: 'data' | 'stringData'; key: string }
  | { reason: 'secret-no-certificate'; secret: string; key: string };

/** Where inside a wrapping reader an inner reader's problem sits, outermost first. */
export type ReaderContext =
  /** a Kubernetes Secret's value: `namespace/name` and its key (tls.crt, ca.crt) */
  | { in: 'secret'; secret: string; key: string }
  /** a value under a key path of a YAML/JSON file ("users[0].user.client-certificate-data") */
  | { in: 'key'; path: string }
  /** a PEM block, by its label */
  | { in: 'pem-block'; label: string };

/** Which private key a reader noticed (never its bytes), put into words by report/text/reader-problem.ts. */
export type PrivateKeyFound =
  /** a PEM block: its label ("RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY" …) */
  | { form: 'pem'; label: string }
  /** a DER object, told by its structure */
  | { form: 'der'; type: 'pkcs8' | 'encrypted-pkcs8' | 'rsa' | 'ec' }
  /** a keystore's private key entry */
  | { form: 'keystore'; store: KeystoreKind; alias: string }
  /** a PKCS#12 store opened without a password */
  | { form: 'pkcs12' }
  /** a Kubernetes Secret's tls.key */
  | { form: 'secret'; secret: string; key: string };

/** Where a key found by an inner reader sits: a Secret's value, or a key path of a YAML/JSON file. */
export type KeyContext = Extract<ReaderContext, { in: 'secret' | 'key' }>;

/** A reader problem is a missing or wrong password (init suggests `password-env` for the file). */
export function isPasswordProblem(p: ReaderProblem): boolean {
  return (
    p.reason === 'pkcs12-password-missing' ||
    p.reason === 'pkcs12-password-wrong' ||
    p.reason === 'keystore-digest-mismatch'
  );
}
