// "What lands on us when?" — expiries per month from the report's clock, and
// a forecast report (the pipeline run with `--at DATE`, so run.now is that
// date) seen through the same views.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expiryForecast } from '../../../src/report/inventory/forecast.js';
import { filterReport, parseDateArgument } from '../../../src/report/inventory/filter.js';
import { renderInventory } from '../../../src/report/inventory/render.js';
import { daysLeft } from '../../../src/report/inventory/certificate-facts.js';
import { generateEstate } from './estate.js';
import { NOW } from '../../helpers/clock.js';

const { report } = generateEstate();

/** Month labels counted independently: the ISO notAfter's "YYYY-MM" prefix. */
function expectedCounts(certs: { notAfter: string }[], now: Date, months: number): Map<string, number> {
  const counts = new Map<string, number>();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months - 1, 1)).toISOString().slice(0, 7);
  for (const c of certs) {
    const label =
      Date.parse(c.notAfter) <= now.getTime()
        ? 'expired'
        : c.notAfter.slice(0, 7) > last
          ? 'later'
          : c.notAfter.slice(0, 7);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}

test('expiries per month from now: expired, the next 12 months, later', () => {
  const buckets = expiryForecast(report);
  assert.equal(buckets.length, 14);
  assert.deepEqual(buckets.map((b) => b.label).slice(0, 3), ['expired', '2026-11', '2026-12']);
  assert.equal(buckets[1].from, NOW.toISOString(), 'this month counts from now, not from the 1st');
  const expected = expectedCounts(report.certificates, NOW, 12);
  for (const b of buckets) assert.equal(b.certificates, expected.get(b.label) ?? 0, b.label);
  assert.equal(
    buckets.reduce((n, b) => n + b.certificates, 0),
    report.certificates.length,
  );
  assert.ok(buckets[0].certificates > 0 && buckets.at(-1)!.certificates > 0, 'the estate reaches both ends');
  // Every expired certificate has an expiry error (ignored or not); failing counts only active ones.
  const expiredFailing = report.certificates.filter(
    (c) => Date.parse(c.notAfter) <= NOW.getTime() && c.findings.some((f) => f.severity === 'error' && !f.ignored),
  ).length;
  assert.equal(buckets[0].failing, expiredFailing);
  assert.ok(buckets[0].failing < buckets[0].certificates, 'an ignored expiry is expired but not failing');
});

test('a certificate whose notAfter is exactly now counts as expired, as the `expired` finding does', () => {
  const one = { ...report, certificates: [{ ...report.certificates[0], notAfter: NOW.toISOString() }] };
  assert.equal(expiryForecast(one)[0].certificates, 1);
});

test('a forecast run (--at 2027-02-01) is judged and counted from that date', () => {
  const at = parseDateArgument('2027-02-01')!;
  const { report: later } = generateEstate({ now: at });
  assert.ok(later.summary.failures > report.summary.failures, 'more fails on a later date');
  // Days left are relative to run.now (the --at date), not to when the report was generated.
  const csv = renderInventory(later, 'csv');
  const c = later.certificates.find((x) => x.role === 'leaf')!;
  const row = csv.split('\r\n').find((l) => l.startsWith(c.fingerprint))!;
  assert.ok(row.includes(`,${daysLeft(c, at)},`), row);
  assert.notEqual(daysLeft(c, at), daysLeft(c, NOW));
  const buckets = expiryForecast(later);
  assert.equal(buckets[1].label, '2027-02');
  // "What fails on that date among the Let's Encrypt ones?" — the forecast and a filter together.
  const le = filterReport(later, { issuer: "Let's Encrypt" });
  const activeErrors = le.certificates
    .flatMap((x) => x.findings)
    .filter((f) => f.severity === 'error' && !f.ignored).length;
  assert.ok(activeErrors > 0);
  assert.equal(le.summary.failures, activeErrors);
  assert.ok(le.summary.failures > filterReport(report, { issuer: "Let's Encrypt" }).summary.failures);
});
