// Node's bundled Mozilla roots as certificate records, parsed once per process
// and only on first need (~150 certificates: not worth paying at start-up). The
// chain check anchors paths to them and revocation looks for issuers among them.
import { rootCertificates } from 'node:tls';
import type { CertificateRecord } from '../types.js';
import { parseCertificate } from './parse-certificate.js';
import { splitPem } from './pem.js';

let bundled: CertificateRecord[] | undefined;

export function bundledRoots(): CertificateRecord[] {
  if (!bundled) {
    bundled = [];
    for (const pem of rootCertificates) {
      for (const b of splitPem(pem).blocks) {
        try {
          bundled.push(parseCertificate(b.der));
        } catch {
          // A root our parser refuses can neither anchor a path we build nor sign
          // an issuer we look for; OpenSSL still has it for the handshake.
        }
      }
    }
  }
  return bundled;
}
