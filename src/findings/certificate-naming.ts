// The certificate a finding is about, as its sentence will name it: fixed when
// the finding is made, so the JSON report's `detail` renders on its own (merge,
// issue sync) without looking the certificate up again.
import type { CertificateRecord, CertificateRole } from '../types.js';
import type { CertificateNaming } from './finding-detail.js';
import { displayName } from '../x509/parse-certificate.js';

export function certificateNaming(oc: { cert: CertificateRecord; role: CertificateRole }): CertificateNaming {
  return { name: displayName(oc.cert), role: oc.role };
}
