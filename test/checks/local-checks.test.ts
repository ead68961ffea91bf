// The checks that need nothing but the certificate and the clock: expiry (absolute
// and share-of-lifetime thresholds), key and signature strength, and ignores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkExpiry } from '../../src/checks/expiry.js';
import { checkStrength } from '../../src/checks/strength.js';
import { applyIgnores } from '../../src/findings/apply-ignores.js';
import { parseDuration } from '../../src/config/duration.js';
import { parseCertificate, roleOf } from '../../src/x509/parse-certificate.js';
import type { IgnoreRule, ObservedCertificate, Thresholds } from '../../src/types.js';
import { hierarchy, issue, type IssueOptions } from '../helpers/pki.js';
import { said } from '../helpers/said.js';
import { DAY, NOW, HOUR, fixedClock } from '../helpers/clock.js';

const DEFAULT: Thresholds = { warnWithin: parseDuration('30d'), failWithin: parseDuration('7d') };

function observed(der: Buffer): ObservedCertificate {
  const cert = parseCertificate(der);
  return {
    cert,
    locations: [{ type: 'file', path: 'certs/x.pem', line: 1 }],
    role: roleOf(cert),
    owners: [],
    companions: [],
    notes: [],
    findings: [],
  };
}

async function cert(o: IssueOptions): Promise<ObservedCertificate> {
  return observed((await issue(o)).der);
}

/** A certificate whose notAfter is `left` ms after NOW, lifetime `life` ms. */
function lifetime(cn: string, life: number, left: number): Promise<ObservedCertificate> {
  const notAfter = new Date(NOW.getTime() + left);
  return cert({ cn, notBefore: new Date(notAfter.getTime() - life), notAfter });
}

test('an expired certificate is an error saying when it expired', async () => {
  const oc = await lifetime('gone.example', 90 * DAY, -3 * DAY);
  const [f, ...rest] = checkExpiry(oc, DEFAULT, NOW);
  assert.deepEqual(rest, []);
  assert.deepEqual([f.id, f.severity, f.fingerprint], ['expired', 'error', oc.cert.fingerprint]);
  assert.match(said(f, NOW), /gone\.example expired on 2026-11-19 \(3 days ago\)/);
});

test('a certificate at exactly its notAfter counts as expired (now ≥ notAfter)', async () => {
  const oc = await lifetime('edge.example', 90 * DAY, 0);
  assert.equal(checkExpiry(oc, DEFAULT, NOW)[0].id, 'expired');
});

test('a certificate not valid until tomorrow is not-yet-valid', async () => {
  const oc = await cert({ cn: 'future.example', notBefore: fixedClock.at(1), days: 90 });
  const [f] = checkExpiry(oc, DEFAULT, NOW);
  assert.deepEqual([f.id, f.severity], ['not-yet-valid', 'error']);
  assert.match(said(f, NOW), /not valid until 2026-11-23/);
});

test('time left under fail-within is an error, under warn-within a warning, above both nothing', async () => {
  const three = checkExpiry(await lifetime('three.example', 90 * DAY, 3 * DAY), DEFAULT, NOW);
  assert.deepEqual(
    three.map((f) => [f.id, f.severity]),
    [['expiring', 'error']],
  );
  assert.match(said(three[0], NOW), /in 3 days \(under 7d\); renew it now/);
  const twenty = checkExpiry(await lifetime('twenty.example', 90 * DAY, 20 * DAY), DEFAULT, NOW);
  assert.deepEqual(
    twenty.map((f) => [f.id, f.severity]),
    [['expiring', 'warning']],
  );
  assert.match(said(twenty[0], NOW), /under 30d/);
  assert.deepEqual(checkExpiry(await lifetime('fine.example', 90 * DAY, 60 * DAY), DEFAULT, NOW), []);
});

test('thresholds are strict: exactly fail-within left is a warning, exactly warn-within left is fine', async () => {
  const atFail = checkExpiry(await lifetime('at-fail.example', 90 * DAY, 7 * DAY), DEFAULT, NOW);
  assert.deepEqual(
    atFail.map((f) => f.severity),
    ['warning'],
  );
  assert.deepEqual(checkExpiry(await lifetime('at-warn.example', 90 * DAY, 30 * DAY), DEFAULT, NOW), []);
  const justUnder = checkExpiry(await lifetime('under-fail.example', 90 * DAY, 7 * DAY - 1000), DEFAULT, NOW);
  assert.deepEqual(
    justUnder.map((f) => f.severity),
    ['error'],
  );
});

test('a 6-day certificate at 80% of its life warns under 33%/10% thresholds, where 30d/7d would fail it', async () => {
  const oc = await lifetime('short.example', 6 * DAY, 6 * DAY * 0.2); // 80% elapsed, 28.8 h left
  const pct: Thresholds = { warnWithin: parseDuration('33%'), failWithin: parseDuration('10%') };
  const [f] = checkExpiry(oc, pct, NOW);
  assert.deepEqual([f.id, f.severity], ['expiring', 'warning']);
  assert.match(said(f, NOW), /20% of its lifetime \(6 days\) left, under 33%/);
  assert.equal(
    checkExpiry(oc, DEFAULT, NOW)[0].severity,
    'error',
    'a fixed 7d threshold would fail a healthy 6-day certificate',
  );
  // 95% elapsed: under 10% → error; 50% elapsed: fine.
  assert.equal(checkExpiry(await lifetime('short2.example', 6 * DAY, 6 * DAY * 0.05), pct, NOW)[0].severity, 'error');
  assert.deepEqual(checkExpiry(await lifetime('short3.example', 6 * DAY, 3 * DAY), pct, NOW), []);
});

test('hours and minutes thresholds judge short certificates to the minute', async () => {
  const t: Thresholds = { warnWithin: parseDuration('12h'), failWithin: parseDuration('90m') };
  assert.deepEqual(
    checkExpiry(await lifetime('h1.example', DAY, 80 * 60_000), t, NOW).map((f) => f.severity),
    ['error'],
  );
  assert.deepEqual(
    checkExpiry(await lifetime('h2.example', DAY, 100 * 60_000), t, NOW).map((f) => f.severity),
    ['warning'],
  );
  assert.deepEqual(checkExpiry(await lifetime('h3.example', DAY, 13 * HOUR), t, NOW), []);
});

test('an expiring intermediate says it is an intermediate', async () => {
  const { intermediate } = await hierarchy({ cn: 'leaf.example' }, 'Expiring');
  const oc = observed(intermediate.der);
  const at = new Date(oc.cert.notAfter.getTime() - 2 * DAY);
  const [f] = checkExpiry(oc, DEFAULT, at);
  assert.match(said(f, at), /^Intermediate CA certificate Expiring Intermediate CA expires/);
});

test('an RSA 1024 key is weak-key; a SHA-1 signature is weak-signature', async () => {
  const fs = checkStrength(await cert({ cn: 'old.example', key: 'rsa1024', hash: 'SHA-1' }));
  assert.deepEqual(
    fs.map((f) => [f.id, f.severity]),
    [
      ['weak-key', 'warning'],
      ['weak-signature', 'warning'],
    ],
  );
  assert.match(said(fs[0]), /1024-bit RSA key/);
  assert.match(said(fs[1]), /sha1WithRSAEncryption/);
  assert.deepEqual(checkStrength(await cert({ cn: 'modern.example', key: 'rsa2048' })), []);
  assert.deepEqual(checkStrength(await cert({ cn: 'ec.example' })), []);
});

test('a self-signed SHA-1 root is not flagged for its signature (roots are trusted by key), but a SHA-1 intermediate is', async () => {
  const root = await issue({ cn: 'Old Root', ca: true, hash: 'SHA-1', key: 'rsa2048', days: 3650 });
  const roc = observed(root.der);
  assert.equal(roc.role, 'root');
  assert.deepEqual(checkStrength(roc), []);
  const inter = await issue({
    cn: 'Old Intermediate',
    ca: true,
    hash: 'SHA-1',
    key: 'rsa2048',
    issuer: root,
    days: 1000,
  });
  const ioc = observed(inter.der);
  assert.equal(ioc.role, 'intermediate');
  assert.deepEqual(
    checkStrength(ioc).map((f) => f.id),
    ['weak-signature'],
  );
});

test('an active ignore marks the certificate’s findings ignored, with its reason', async () => {
  const oc = await lifetime('ignored.example', 90 * DAY, -DAY);
  oc.findings.push(...checkExpiry(oc, DEFAULT, NOW));
  const rule: IgnoreRule = {
    fingerprint: oc.cert.fingerprint,
    until: new Date('2027-01-31T23:59:59.999Z'),
    reason: 'decommissioned in Q1',
    source: { file: '.github/certwatch.yml', line: 30 },
  };
  const other = await lifetime('other.example', 90 * DAY, -DAY);
  other.findings.push(...checkExpiry(other, DEFAULT, NOW));
  applyIgnores([oc, other], [rule], NOW);
  assert.deepEqual(
    oc.findings.map((f) => f.ignored),
    [{ reason: 'decommissioned in Q1', until: '2027-01-31' }],
  );
  assert.equal(other.findings[0].ignored, undefined, 'other certificates are untouched');
});

test('an ignore whose until has passed stops applying and says so', async () => {
  const oc = await lifetime('forgotten.example', 90 * DAY, -DAY);
  oc.findings.push(...checkExpiry(oc, DEFAULT, NOW));
  const rule: IgnoreRule = {
    fingerprint: oc.cert.fingerprint,
    until: new Date('2026-10-31T23:59:59.999Z'),
    reason: 'migrating',
    source: { file: '.github/certwatch.yml', line: 30 },
  };
  applyIgnores([oc], [rule], NOW);
  assert.equal(oc.findings[0].ignored, undefined, 'the expired finding counts again');
  const notice = oc.findings.find((f) => f.id === 'ignore-expired');
  assert.ok(notice);
  assert.equal(notice.severity, 'notice');
  assert.match(said(notice), /\.github\/certwatch\.yml:30.*"migrating".*expired on 2026-10-31/);
  // The until day itself still ignores.
  const same = await lifetime('lastday.example', 90 * DAY, -DAY);
  same.findings.push(...checkExpiry(same, DEFAULT, NOW));
  applyIgnores([same], [{ fingerprint: same.cert.fingerprint, until: new Date('2026-11-22T23:59:59.999Z') }], NOW);
  assert.ok(same.findings[0].ignored);
});
