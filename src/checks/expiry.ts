// Validity: expired, not-yet-valid, expiring (fail-within → error, warn-within →
// warning; absolute or a share of the lifetime).
import type { Finding, ObservedCertificate, Thresholds } from '../types.js';
import { formatDuration, thresholdMs } from '../config/duration.js';
import { displayName } from '../x509/parse-certificate.js';

export function roleText(oc: ObservedCertificate): string {
  if (oc.role === 'root') return 'root certificate';
  if (oc.role === 'intermediate') return 'intermediate CA certificate';
  return 'certificate';
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function checkExpiry(oc: ObservedCertificate, t: Thresholds, now: Date): Finding[] {
  const c = oc.cert;
  const name = `${roleText(oc)} ${displayName(c)}`;
  const fp = c.fingerprint;
  const left = c.notAfter.getTime() - now.getTime();
  if (left <= 0) {
    return [
      {
        id: 'expired',
        severity: 'error',
        fingerprint: fp,
        message: `${cap(name)} expired on ${day(c.notAfter)} (${formatDuration(-left)} ago); replace it`,
      },
    ];
  }
  if (now < c.notBefore) {
    return [
      {
        id: 'not-yet-valid',
        severity: 'error',
        fingerprint: fp,
        message: `${cap(name)} is not valid until ${c.notBefore.toISOString()} (in ${formatDuration(c.notBefore.getTime() - now.getTime())}); clients reject it until then`,
      },
    ];
  }
  const lifetime = c.notAfter.getTime() - c.notBefore.getTime();
  const fail = thresholdMs(t.failWithin, lifetime);
  const warn = thresholdMs(t.warnWithin, lifetime);
  const pct = Math.round((left / lifetime) * 100);
  const why = (d: Thresholds['failWithin']) =>
    d.kind === 'percent'
      ? `${pct}% of its lifetime (${formatDuration(lifetime)}) left, under ${d.text}`
      : `under ${d.text}`;
  if (left < fail) {
    return [
      {
        id: 'expiring',
        severity: 'error',
        fingerprint: fp,
        message: `${cap(name)} expires on ${day(c.notAfter)}, in ${formatDuration(left)} (${why(t.failWithin)}); renew it now`,
      },
    ];
  }
  if (left < warn) {
    return [
      {
        id: 'expiring',
        severity: 'warning',
        fingerprint: fp,
        message: `${cap(name)} expires on ${day(c.notAfter)}, in ${formatDuration(left)} (${why(t.warnWithin)}); plan its renewal`,
      },
    ];
  }
  return [];
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
