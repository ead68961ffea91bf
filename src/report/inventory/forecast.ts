// The forecast: how many certificates run out in each coming month, counted
// from the report's clock (`run.now`, which is the `--at` date in a forecast
// run). It answers "what lands on us when" and feeds the text, markdown and
// HTML views; the timeline chart shows the same data per certificate.
import type { Report } from '../report-types.js';
import { isFailing } from './certificate-facts.js';

export interface ExpiryBucket {
  label: string; // "expired", "2026-12", …, "later"
  from: string | null; // ISO start (inclusive); null for "expired"
  to: string | null; // ISO end (exclusive); null for "later"
  certificates: number;
  fingerprints: string[];
  failing: number; // of those, how many already have an active error finding
}

export const FORECAST_MONTHS = 12;

export function expiryForecast(report: Report, months = FORECAST_MONTHS): ExpiryBucket[] {
  const now = new Date(report.run.now);
  const buckets: ExpiryBucket[] = [
    { label: 'expired', from: null, to: now.toISOString(), certificates: 0, fingerprints: [], failing: 0 },
  ];
  // The first bucket starts at `now` (not the 1st of the month): what has already expired is counted above.
  let start = now;
  for (let i = 0; i < months; i++) {
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i + 1, 1));
    buckets.push({
      label: start.toISOString().slice(0, 7),
      from: start.toISOString(),
      to: end.toISOString(),
      certificates: 0,
      fingerprints: [],
      failing: 0,
    });
    start = end;
  }
  buckets.push({ label: 'later', from: start.toISOString(), to: null, certificates: 0, fingerprints: [], failing: 0 });

  for (const c of report.certificates) {
    const t = Date.parse(c.notAfter);
    // Same rule as the `expired` finding (now ≥ notAfter), so the two never disagree.
    const b =
      t <= now.getTime() ? buckets[0] : buckets.find((x, i) => i > 0 && (x.to === null || t < Date.parse(x.to)))!;
    b.certificates++;
    b.fingerprints.push(c.fingerprint);
    if (isFailing(c)) b.failing++;
  }
  return buckets;
}
