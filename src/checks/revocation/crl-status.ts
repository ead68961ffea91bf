// The status a verified CRL (plus an optional delta CRL) gives one certificate.
import type { CertificateRecord } from '../../types.js';
import type { CrlEntryMatch } from '../../x509/crl-lookup.js';
import type { CrlAnswer } from './fetch-crl.js';
import type { RevocationCause } from './revocation-cause.js';
import { crlScopeDefect } from './verify-crl.js';

export type SourceVerdict =
  | { status: 'good' }
  | { status: 'revoked'; revokedAt: Date; reason?: string }
  | { status: 'unknown'; cause: RevocationCause };

const REMOVE_FROM_CRL = 8; // RFC 5280 §5.3.1: only meaningful in delta CRLs (un-hold)
const CERTIFICATE_HOLD = 6; // reversible: a stale CRL's hold may have been released since

function revoked(m: CrlEntryMatch): SourceVerdict {
  return { status: 'revoked', revokedAt: m.revokedAt, reason: m.reason };
}

export function crlStatus(answer: CrlAnswer, cert: CertificateRecord): SourceVerdict {
  const scope = crlScopeDefect(answer.crl, cert);
  if (scope) return { status: 'unknown', cause: { reason: 'crl', url: answer.url, delta: false, defect: scope } };
  if (answer.stale) {
    // Past nextUpdate: absence proves nothing, but a permanent revocation the CA
    // signed stays true (a hold may have been lifted since, so it does not count).
    const s = answer.crl.find(cert.serialBytes);
    if (s && s.reasonCode !== REMOVE_FROM_CRL && s.reasonCode !== CERTIFICATE_HOLD) return revoked(s);
    return { status: 'unknown', cause: answer.stale };
  }
  // The delta is newer than the base: what it says about this serial wins (§5.2.4).
  const d = answer.delta?.find(cert.serialBytes);
  if (d) return d.reasonCode === REMOVE_FROM_CRL ? { status: 'good' } : revoked(d);
  const b = answer.crl.find(cert.serialBytes);
  if (b && b.reasonCode !== REMOVE_FROM_CRL) return revoked(b);
  if (answer.crl.idp?.onlySomeReasons)
    return {
      status: 'unknown',
      cause: { reason: 'crl', url: answer.url, delta: false, defect: { reason: 'only-some-reasons' } },
    };
  return { status: 'good' };
}
