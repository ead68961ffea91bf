// Validity: expired, not-yet-valid, expiring (fail-within → error, warn-within →
// warning; absolute or a share of the lifetime). Returns data; the sentence is
// written by report/text/finding-sentence.ts.
import type { Finding, ObservedCertificate, Thresholds } from '../types.js';
import type { ExpiryDetail, ThresholdCrossed } from '../findings/finding-detail.js';
import { thresholdMs } from '../config/duration.js';
import { certificateNaming } from '../findings/certificate-naming.js';

/** Where the certificate's validity stands on `now`, or null when nothing is due. */
export function expiryStanding(
  oc: ObservedCertificate,
  t: Thresholds,
  now: Date,
): { severity: 'error' | 'warning'; detail: ExpiryDetail } | null {
  const c = oc.cert;
  const certificate = certificateNaming(oc);
  const left = c.notAfter.getTime() - now.getTime();
  if (left <= 0)
    return { severity: 'error', detail: { kind: 'expired', certificate, notAfter: c.notAfter.toISOString() } };
  if (now < c.notBefore)
    return { severity: 'error', detail: { kind: 'not-yet-valid', certificate, notBefore: c.notBefore.toISOString() } };
  const lifetime = c.notAfter.getTime() - c.notBefore.getTime();
  const expiring = (name: ThresholdCrossed['name'], d: Thresholds['failWithin']): ExpiryDetail => ({
    kind: 'expiring',
    certificate,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    threshold: { name, text: d.text, kind: d.kind },
  });
  if (left < thresholdMs(t.failWithin, lifetime))
    return { severity: 'error', detail: expiring('fail-within', t.failWithin) };
  if (left < thresholdMs(t.warnWithin, lifetime))
    return { severity: 'warning', detail: expiring('warn-within', t.warnWithin) };
  return null;
}

export function checkExpiry(oc: ObservedCertificate, t: Thresholds, now: Date): Finding[] {
  const s = expiryStanding(oc, t, now);
  return s ? [{ id: s.detail.kind, severity: s.severity, fingerprint: oc.cert.fingerprint, detail: s.detail }] : [];
}
