// The summary block recomputed for a subset of a report, by the same rule as a
// run: only active (non-ignored) findings count; errors are failures.
import type { ReportCertificate, ReportFinding, ReportSummary } from '../report-types.js';
import { isActive } from './certificate-facts.js';

export function summarise(certificates: ReportCertificate[], problems: ReportFinding[]): ReportSummary {
  let failures = 0;
  let warnings = 0;
  let notices = 0;
  const count = (f: ReportFinding): void => {
    if (!isActive(f)) return;
    if (f.severity === 'error') failures++;
    else if (f.severity === 'warning') warnings++;
    else notices++;
  };
  for (const c of certificates) c.findings.forEach(count);
  problems.forEach(count);
  let nextExpiry: string | null = null;
  for (const c of certificates) {
    if (c.role !== 'leaf') continue;
    if (nextExpiry === null || Date.parse(c.notAfter) < Date.parse(nextExpiry)) nextExpiry = c.notAfter;
  }
  return {
    status: failures > 0 ? 'fail' : warnings > 0 ? 'warn' : 'ok',
    failures,
    warnings,
    notices,
    certificates: certificates.length,
    nextExpiry,
  };
}
