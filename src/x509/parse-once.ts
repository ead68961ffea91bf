// The same certificate is often committed several times — PEM in Go source and again
// base64 in a Helm values file, one CA in every service's folder. Reading it once per
// run spares the second parse (for a self-issued certificate that is an OpenSSL parse
// and a signature check, ~1 ms each: a tenth of a content scan of a 4,000-file tree).
import { createHash } from 'node:crypto';
import type { CertificateRecord } from '../types.js';
import { CertificateParseError, parseCertificate } from './parse-certificate.js';

/**
 * A parser that remembers what it read, for one run: a record, or the reason it was
 * refused, keyed by the SHA-256 of the DER (a 64-character key rather than the
 * kilobytes of the certificate, so a 10,000-file estate does not hold its bytes twice).
 * Records are never changed after parsing, so one record may stand for every copy.
 */
export function parseOncePerRun(): (der: Buffer) => CertificateRecord {
  const seen = new Map<string, CertificateRecord | CertificateParseError>();
  return (der) => {
    const key = createHash('sha256').update(der).digest('base64');
    let got = seen.get(key);
    if (!got) {
      try {
        got = parseCertificate(der);
      } catch (e) {
        if (!(e instanceof CertificateParseError)) throw e;
        got = e;
      }
      seen.set(key, got);
    }
    if (got instanceof CertificateParseError) throw got;
    return got;
  };
}
