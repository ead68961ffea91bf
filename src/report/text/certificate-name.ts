// How a certificate is named in every sentence and view: one copy of each
// idea (issue 10, part 4) so a finding, an issue title and an inventory row
// name the same certificate the same way.
import type { CertificateRole } from '../../types.js';

// The name itself is the certificate record's (x509/parse-certificate.ts): checks
// name certificates in their reasons too, and the engine does not import reporters.
export { displayName, shortFingerprint } from '../../x509/parse-certificate.js';

/** A role in a table cell: "leaf", "intermediate CA", "root CA". */
export function roleLabel(role: CertificateRole): string {
  return role === 'leaf' ? 'leaf' : role === 'root' ? 'root CA' : 'intermediate CA';
}

/** What a sentence calls a certificate of this role: "certificate", "intermediate CA certificate", "root certificate". */
export function roleWording(role: CertificateRole): string {
  if (role === 'root') return 'root certificate';
  if (role === 'intermediate') return 'intermediate CA certificate';
  return 'certificate';
}
