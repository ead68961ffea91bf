// `certwatch inventory --at DATE`, through the BUILT CLI: it lists what fails on
// that date (--all lists everything), and the date moves expiry thresholds and
// ignore.until only. Whether a CRL is fresh or a CA's ARI window is open are
// facts about now: a CRL valid for 6 more days still answers for a date a
// month away, and a renewal window the CA closed yesterday is still reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { hierarchy, issue } from '../helpers/pki.js';
import { workspace } from '../helpers/workspace.js';
import { startDemoHttp } from '../../scripts/demo-revocation.js';
import type { Report } from '../../src/report/report-types.js';
import { realClock } from '../helpers/clock.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const { at, day } = realClock();

test('inventory --at: what fails on that date; revocation and ARI judged now', async (t) => {
  const http = await startDemoHttp();
  t.after(() => http.close());
  const { intermediate } = await hierarchy({ cn: 'unused.at.test', notBefore: at(-10), notAfter: at(400) }, 'At');
  const crl = http.crlUrl;
  const healthy = await issue({
    cn: 'healthy.at.test',
    issuer: intermediate,
    notBefore: at(-10),
    notAfter: at(100),
    crlUrl: crl,
  });
  const revoked = await issue({
    cn: 'revoked.at.test',
    issuer: intermediate,
    notBefore: at(-10),
    notAfter: at(100),
    crlUrl: crl,
  });
  const lapses = await issue({
    cn: 'lapses.at.test',
    issuer: intermediate,
    notBefore: at(-10),
    notAfter: at(20),
    crlUrl: crl,
  });
  const ignoredLong = await issue({
    cn: 'ignored-long.at.test',
    issuer: intermediate,
    notBefore: at(-10),
    notAfter: at(25),
    crlUrl: crl,
  });
  const ignoredShort = await issue({
    cn: 'ignored-short.at.test',
    issuer: intermediate,
    notBefore: at(-10),
    notAfter: at(25),
    crlUrl: crl,
  });
  const acmeCa = await issue({ cn: 'At ACME CA', org: 'At ACME', ca: true, notBefore: at(-200), notAfter: at(1000) });
  const renew = await issue({ cn: 'renew.at.test', issuer: acmeCa, notBefore: at(-30), notAfter: at(200) });
  http.publishCrl(intermediate, revoked);
  http.publishAri(renew); // the window closed yesterday: replace now
  const fp = (der: Buffer) => `sha256:${createHash('sha256').update(der).digest('hex')}`;
  const ws = await workspace({
    'certs/ca.pem': intermediate.pem + acmeCa.pem,
    'certs/healthy.pem': healthy.pem,
    'certs/revoked.pem': revoked.pem,
    'certs/lapses.pem': lapses.pem,
    'certs/ignored-long.pem': ignoredLong.pem,
    'certs/ignored-short.pem': ignoredShort.pem,
    'certs/renew.pem': renew.pem,
    '.github/certwatch.yml': `version: 1
defaults:
  timeout: 5s
files: ["certs/*.pem"]
ari:
  directories:
    - issuer: "At ACME"
      directory: ${http.directoryUrl}
ignore:
  - fingerprint: "${fp(ignoredLong.der)}"
    until: ${day(60)}
  - fingerprint: "${fp(ignoredShort.der)}"
    until: ${day(10)}
`,
  });
  t.after(() => rm(ws, { recursive: true, force: true }));

  // Asynchronous: the CRL and ACME servers live in this process and must keep answering.
  const inventory = (...args: string[]) =>
    new Promise<{ code: number; report: Report }>((resolve, reject) => {
      execFile(
        process.execPath,
        [CLI, 'inventory', '--workspace', ws, '--format', 'json', ...args],
        { encoding: 'utf8', timeout: 60_000 },
        (err, stdout, stderr) => {
          const code = err ? Number((err as { code?: number }).code) : 0;
          if (code !== 0 && code !== 1) reject(new Error(`exit ${code}: ${stderr}`));
          else resolve({ code, report: JSON.parse(stdout) });
        },
      );
    });
  const names = (r: Report) => r.certificates.map((c) => c.subjectCN).sort();
  const cert = (r: Report, cn: string) => {
    const c = r.certificates.find((c) => c.subjectCN === cn);
    assert.ok(c, `${cn} is listed`);
    return c;
  };
  const ids = (r: Report, cn: string) =>
    cert(r, cn)
      .findings.filter((f) => !f.ignored)
      .map((f) => f.id)
      .sort();

  // Today: everything is listed; only the revoked one and the closed renewal window fail.
  const today = await inventory();
  assert.equal(today.report.certificates.length, 8);
  assert.deepEqual(
    ids(today.report, 'revoked.at.test'),
    ['revoked'],
    JSON.stringify(cert(today.report, 'revoked.at.test').findings),
  );
  assert.deepEqual(ids(today.report, 'renew.at.test'), ['renewal-window']);

  // In 30 days: what fails then, and nothing else.
  const later = await inventory('--at', day(30));
  assert.equal(later.code, 1);
  assert.deepEqual(names(later.report), [
    'ignored-short.at.test',
    'lapses.at.test',
    'renew.at.test',
    'revoked.at.test',
  ]);
  assert.deepEqual(ids(later.report, 'lapses.at.test'), ['expired']);
  assert.ok(ids(later.report, 'ignored-short.at.test').includes('expired'), 'its ignore ran out on day 10');
  // The CRL (nextUpdate in 6 days) is judged now: still a verified "revoked", never "stale".
  assert.deepEqual(ids(later.report, 'revoked.at.test'), ['revoked']);
  // The ARI window is a fact about now, too.
  assert.ok(ids(later.report, 'renew.at.test').includes('renewal-window'));

  // --all: every certificate, judged on that date; the healthy one is fine (its CRL answer is fresh now).
  const all = await inventory('--at', day(30), '--all');
  assert.equal(all.report.certificates.length, 8);
  assert.deepEqual(ids(all.report, 'healthy.at.test'), []);
  assert.equal(cert(all.report, 'healthy.at.test').revocation.status, 'good');
  assert.ok(
    cert(all.report, 'ignored-long.at.test').findings.every((f) => f.ignored),
    'its ignore holds until day 60',
  );
});
