// `ignore:` rules: matching findings are kept (for the inventory) but marked
// ignored and stop counting. An ignore whose `until` has passed stops applying and
// says so, so a forgotten exception fails again instead of hiding forever.
import type { Finding, IgnoreRule, ObservedCertificate } from '../types.js';

export function applyIgnores(certs: ObservedCertificate[], rules: IgnoreRule[], now: Date): void {
  const byFp = new Map(rules.map((r) => [r.fingerprint, r]));
  for (const oc of certs) {
    const rule = byFp.get(oc.cert.fingerprint);
    if (!rule) continue;
    const active = oc.findings.filter((f) => !f.ignored);
    if (rule.until && now > rule.until) {
      if (active.length) {
        oc.findings.push({
          id: 'ignore-expired',
          severity: 'notice',
          fingerprint: oc.cert.fingerprint,
          detail: {
            kind: 'ignore-expired',
            rule: { ...(rule.source ?? {}), ...(rule.reason ? { reason: rule.reason } : {}) },
            until: rule.until.toISOString().slice(0, 10),
          },
        });
      }
      continue;
    }
    for (const f of active) {
      f.ignored = { reason: rule.reason, until: rule.until?.toISOString().slice(0, 10) };
    }
  }
}

export function isActive(f: Finding): boolean {
  return !f.ignored;
}
