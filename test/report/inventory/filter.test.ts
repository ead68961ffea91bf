// The incident command: `certwatch inventory --issuer "Let's Encrypt"
// --owner web --expires-before 2027-01-01 --serials-file affected.txt`.
// Filters combine with AND; the result is a report whose summary describes
// the subset, so the exit status and every format follow it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterReport, parseDateArgument } from '../../../src/report/inventory/filter.js';
import { scanSerialList } from '../../../src/serial-lists/scan-serial-list.js';
import { serialKey } from '../../../src/serial-lists/serial-line.js';
import type { Report } from '../../../src/report/report-types.js';
import { summarize } from '../../../src/report/build-report.js';
import { generateEstate } from './estate.js';

const { report, truth } = generateEstate();

test('--issuer matches a case-insensitive substring of any attribute of the issuer DN', () => {
  const le = filterReport(report, { issuer: "let's encrypt" });
  const expected = [...truth.values()].filter((t) => t.ca === 'r11' || t.ca === 'e6').length;
  assert.equal(le.certificates.length, expected);
  assert.ok(le.certificates.every((c) => c.issuerO === "Let's Encrypt"));
  // CN, C, L and ST are attributes too.
  assert.equal(
    filterReport(report, { issuer: 'r11' }).certificates.length,
    [...truth.values()].filter((t) => t.ca === 'r11').length,
  );
  assert.equal(
    filterReport(report, { issuer: 'manchester' }).certificates.length,
    [...truth.values()].filter((t) => t.ca === 'sectigo').length,
  );
  // The comma inside "Example, Inc." is part of the value, so the whole value matches.
  const example = filterReport(report, { issuer: 'EXAMPLE, INC' });
  assert.ok(example.certificates.length > 0);
  assert.ok(example.certificates.every((c) => c.issuer.includes('Example, Inc.')));
  assert.equal(filterReport(report, { issuer: 'No Such CA' }).certificates.length, 0);
});

test('--owner matches a case-insensitive substring of the owner; certificates without an owner never match', () => {
  const web = filterReport(report, { owner: 'ACME/WEB' });
  assert.equal(web.certificates.length, [...truth.values()].filter((t) => t.owner === '@acme/web').length);
  const acme = filterReport(report, { owner: 'acme' });
  assert.equal(acme.certificates.length, report.certificates.filter((c) => c.owner !== null).length);
  assert.ok(acme.certificates.every((c) => c.owner !== null));
});

test('--expires-before keeps certificates whose notAfter is before 00:00 UTC that day', () => {
  const d = parseDateArgument('2027-01-01')!;
  assert.equal(d.toISOString(), '2027-01-01T00:00:00.000Z');
  const soon = filterReport(report, { expiresBefore: d });
  assert.ok(soon.certificates.length > 20 && soon.certificates.length < report.certificates.length);
  assert.ok(soon.certificates.every((c) => c.notAfter < '2027-01-01'));
  assert.equal(soon.certificates.length, report.certificates.filter((c) => c.notAfter < '2027-01-01').length);
});

test('dates must be real calendar days in YYYY-MM-DD', () => {
  assert.equal(parseDateArgument('2026-02-31'), null);
  assert.equal(parseDateArgument('2026-2-3'), null);
  assert.equal(parseDateArgument('tomorrow'), null);
  assert.equal(parseDateArgument('2028-02-29')?.toISOString(), '2028-02-29T00:00:00.000Z');
});

test('filters combine with AND and the summary is recomputed for the subset', () => {
  const f = { issuer: 'Encrypt', owner: 'payments', expiresBefore: parseDateArgument('2027-02-01')! };
  const sub = filterReport(report, f);
  const expected = report.certificates.filter(
    (c) => c.issuerO === "Let's Encrypt" && c.owner === '@acme/payments' && c.notAfter < '2027-02-01',
  );
  assert.deepEqual(sub.certificates.map((c) => c.fingerprint).sort(), expected.map((c) => c.fingerprint).sort());
  assert.ok(expected.length > 0);
  // Counted by hand here: active errors are failures, active warnings are warnings.
  const failures = expected.flatMap((c) => c.findings).filter((x) => !x.ignored && x.severity === 'error').length;
  const warnings = expected.flatMap((c) => c.findings).filter((x) => !x.ignored && x.severity === 'warning').length;
  assert.equal(sub.summary.certificates, expected.length);
  assert.equal(sub.summary.failures, failures);
  assert.equal(sub.summary.warnings, warnings);
  assert.equal(sub.summary.status, failures > 0 ? 'fail' : warnings > 0 ? 'warn' : 'ok');
  // Same shape: the rest of the report is untouched.
  assert.equal(sub.generatedAt, report.generatedAt);
  assert.deepEqual(sub.run, report.run);
  assert.equal(report.certificates.length > sub.certificates.length, true, 'the input report is not modified');
});

test('problems are kept by a filter, and count in the subset summary', () => {
  const withProblem = {
    ...report,
    problems: [
      {
        id: 'unreachable' as const,
        severity: 'error' as const,
        message: 'connect ECONNREFUSED',
        location: { type: 'endpoint' as const, host: 'down.example.com', port: 443, protocol: 'https' },
      },
    ],
  };
  const sub = filterReport(withProblem, { owner: 'nobody-has-this-owner' });
  assert.equal(sub.certificates.length, 0);
  assert.equal(sub.problems.length, 1);
  assert.deepEqual(sub.summary, {
    status: 'fail',
    failures: 1,
    warnings: 0,
    notices: 0,
    certificates: 0,
    nextExpiry: null,
  });
});

test('an ignored finding does not make the subset fail', () => {
  const ignoredOnly = report.certificates.filter((c) => c.findings.length > 0 && c.findings.every((f) => f.ignored));
  assert.ok(ignoredOnly.length > 0, 'the estate holds certificates whose only findings are ignored');
  const s = summarize(ignoredOnly, []);
  assert.equal(s.failures, 0);
  assert.equal(s.status, 'ok');
});

test('nextExpiry is the soonest notAfter among leaves only', () => {
  const s = summarize(report.certificates, []);
  const leaves = report.certificates
    .filter((c) => c.role === 'leaf')
    .map((c) => c.notAfter)
    .sort();
  assert.equal(s.nextExpiry, leaves[0]);
});

/** What `inventory --serials-file` does: stream the list past the report's serials (one parser, src/serial-lists/). */
async function listed(text: string, r: Report = report): Promise<{ serials: Set<string>; problems: string[] }> {
  const scanned = await scanSerialList(
    [Buffer.from(text)],
    new Set(r.certificates.map((c) => serialKey(c.serialNumber))),
  );
  return {
    serials: new Set(scanned.hits.keys()),
    problems: scanned.bad.map((b) => `${b.line}: "${b.text}" ${b.problem}`),
  };
}

test('--serials-file finds exactly the listed certificates, however the CA wrote the serials', async () => {
  const targets = report.certificates.filter((_, i) => i % 37 === 0);
  // The CA publishes them lower-case, zero-padded to 20 octets, some with colons.
  const lines = targets.map((c, i) => {
    const padded = c.serialNumber.toLowerCase().padStart(40, '0');
    return i % 2 ? padded.match(/../g)!.join(':') : padded;
  });
  const { serials, problems } = await listed(['# affected', ...lines, 'DEADBEEF # not ours'].join('\n'));
  assert.deepEqual(problems, []);
  const hit = filterReport(report, { serials });
  assert.deepEqual(hit.certificates.map((c) => c.fingerprint).sort(), targets.map((c) => c.fingerprint).sort());
  // AND with an issuer: only the listed ones that CA issued.
  const le = filterReport(report, { serials, issuer: "Let's Encrypt" });
  assert.deepEqual(
    le.certificates.map((c) => c.fingerprint).sort(),
    targets
      .filter((c) => c.issuerO === "Let's Encrypt")
      .map((c) => c.fingerprint)
      .sort(),
  );
});

test('a short serial does not match a longer one that ends or starts with it', async () => {
  const one = { ...report, certificates: [{ ...report.certificates[0], serialNumber: '1ABC' }] };
  assert.equal(filterReport(one, { serials: (await listed('ABC\n1AB\n', one)).serials }).certificates.length, 0);
  assert.equal(filterReport(one, { serials: (await listed('001abc\n', one)).serials }).certificates.length, 1);
});
