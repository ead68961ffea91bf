// The HTML inventory page counts failing certificates the same way in its header
// and in its timeline's legend, on an estate that has every way a certificate can
// fail or be kept from failing: expired (long ago and just now), expiring, revoked
// (by a published serial list), expired *and* revoked (two error findings, one
// failing certificate), ignored by path, excluded, and under a test-fixture path.
// Built CLI, real certificates; the expected numbers come from the estate's intent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { issue } from '../helpers/pki.js';
import { workspace } from '../helpers/workspace.js';
import type { Report } from '../../src/report/report-types.js';
import { realClock } from '../helpers/clock.js';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');

async function cli(args: string[]): Promise<void> {
  try {
    await run(process.execPath, [CLI, ...args], { timeout: 60_000 });
  } catch (e) {
    // Exit status 1 means failures were found, which this estate has on purpose.
    if ((e as { code?: number }).code !== 1) throw e;
  }
}

test('built CLI inventory --format html: header and timeline count failing certificates alike; long-expired ones are on the chart', async (t) => {
  const { at } = realClock();
  // [file, notBefore, notAfter, expected status class]
  const estate: [string, Date, Date, 'fail' | 'warn' | 'ok'][] = [
    ['certs/long-expired.pem', new Date('2018-03-01T00:00:00Z'), new Date('2019-03-01T00:00:00Z'), 'fail'],
    ['certs/just-expired.pem', at(-90), at(-3), 'fail'],
    ['certs/expiring.pem', at(-60), at(3), 'fail'],
    ['certs/revoked.pem', at(-60), at(200), 'fail'],
    ['certs/revoked-and-expired.pem', at(-400), at(-10), 'fail'],
    ['certs/soon.pem', at(-60), at(20), 'warn'],
    ['certs/fine.pem', at(-60), at(300), 'ok'],
    ['legacy/ignored.pem', at(-400), at(-30), 'ok'],
    ['vendor/excluded.pem', at(-400), at(-30), 'ok'],
    ['test/fixtures/fixture.pem', at(-400), at(-30), 'ok'],
  ];
  const files: Record<string, string> = {};
  const serials: string[] = [];
  for (const [i, [file, notBefore, notAfter]] of estate.entries()) {
    const c = await issue({ cn: `c${i}.counts.test`, notBefore, notAfter, serial: `7e${String(i).padStart(2, '0')}` });
    files[file] = c.pem;
    if (file.includes('revoked')) serials.push(c.cert.serialNumber);
  }
  files['certs/broken.pem'] = '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n';
  files['incidents/affected.txt'] = `${serials.join('\n')}\n`;
  // No `files:`: discovery, where test-fixture paths are listed but not judged.
  files['.github/certwatch.yml'] = [
    'version: 1',
    'exclude: ["vendor/**"]',
    'ignore:',
    '  - path: "legacy/**"',
    '    reason: "decommissioned"',
    'revoked-serials:',
    '  - path: incidents/affected.txt',
    '',
  ].join('\n');
  const dir = await workspace(files);
  t.after(() => rm(dir, { recursive: true, force: true }));

  const htmlFile = path.join(dir, 'out', 'inventory.html');
  const jsonFile = path.join(dir, 'out', 'report.json');
  await cli(['inventory', '--workspace', dir, '--all', '--format', 'html', '--output', htmlFile, '--report', jsonFile]);
  const html = await readFile(htmlFile, 'utf8');
  const report = JSON.parse(await readFile(jsonFile, 'utf8')) as Report;

  const expected = { fail: 0, warn: 0, ok: 0 };
  for (const [, , , cls] of estate) expected[cls]++;
  assert.equal(report.certificates.length, estate.length, 'every certificate is in the inventory');
  // The estate has the case that tells certificates from findings: the summary counts errors, not certificates.
  const certErrors = report.certificates.flatMap((c) => c.findings).filter((f) => !f.ignored && f.severity === 'error');
  assert.equal(certErrors.length, expected.fail + 1, 'one certificate is both expired and revoked');

  const header = html.slice(html.indexOf('<ul class="counts" id="summary">'), html.indexOf('</ul>'));
  const headerCount = (k: string) => Number(new RegExp(`<li data-count="${k}"><b>(\\d+)</b>`).exec(header)?.[1]);
  const legendCount = (k: string) =>
    Number(new RegExp(`<g class="legend-item" data-count="${k}">.*?<text [^>]*>[a-z]+: (\\d+)</text>`).exec(html)?.[1]);
  assert.equal(headerCount('fail'), expected.fail, header);
  assert.equal(legendCount('fail'), expected.fail);
  assert.equal(headerCount('warn'), expected.warn, header);
  assert.equal(legendCount('warn'), expected.warn);
  assert.equal(legendCount('ok'), expected.ok);
  // The damaged file is a failure too, but not a certificate's: said beside, not added in.
  const brokenErrors = report.problems.filter((p) => !p.ignored && p.severity === 'error');
  assert.ok(
    brokenErrors.some((p) => p.location?.type === 'file' && p.location.path === 'certs/broken.pem'),
    JSON.stringify(report.problems),
  );
  assert.equal(headerCount('problems'), brokenErrors.length);
  // The bars agree with both: one per certificate, coloured by the same test.
  assert.equal((html.match(/<rect class="bar fail"/g) ?? []).length, expected.fail);

  // The certificate that ended in 2019 is pinned to the chart's left edge with its real date.
  const longGone = report.certificates.find((c) =>
    c.locations.some((l) => l.type === 'file' && l.path === 'certs/long-expired.pem'),
  );
  assert.ok(longGone);
  const bar = new RegExp(
    `<rect class="bar fail" data-fingerprint="${longGone.fingerprint}" data-pinned="before"[^>]*>`,
  ).exec(html)?.[0];
  assert.ok(bar, 'the long-expired certificate is drawn, pinned before the chart');
  assert.match(html, /<title>[^<]*2019-03-01 \(ended 2019-03-01, before the chart starts\)/);
  assert.match(html, /<text class="pinned-date"[^>]*>◀ ended 2019-03-01<\/text>/);
});
