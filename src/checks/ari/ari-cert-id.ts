// The ARI certificate identifier (RFC 9773 §4.1):
//   base64url(AKI keyIdentifier) "." base64url(serial DER INTEGER content octets)
// unpadded. The serial bytes are the INTEGER as encoded, *including* a leading 00
// (the RFC's example 0x87654321 encodes as 00 87 65 43 21 → "AIdlQyE"); libraries
// that hand out the serial's value drop that byte and produce a wrong ID.
import type { CertificateRecord } from '../../types.js';

export function ariCertId(cert: CertificateRecord): string | null {
  if (!cert.authorityKeyId || cert.authorityKeyId.length === 0) return null;
  return `${cert.authorityKeyId.toString('base64url')}.${cert.serialBytes.toString('base64url')}`;
}
