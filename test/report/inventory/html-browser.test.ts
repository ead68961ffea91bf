// The HTML report in a real browser (Debian's headless Chromium): the rows and
// the timeline render, the script sorts and filters under the page's strict
// CSP, the page stays readable with JavaScript off, and a screenshot is kept
// for a person to look at. Chromium gets flags that keep it off the network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderInventory } from '../../../src/report/inventory/render.js';
import { summarize } from '../../../src/report/build-report.js';
import { CHROMIUM, chromiumAvailable, runChromium } from './chromium.js';
import { tempDirSync } from '../../helpers/workspace.js';
import { CAS, emptyReport, fingerprintOf, generateEstate, hostileCertificates, makeCert } from './estate.js';
import { NOW, fixedClock } from '../../helpers/clock.js';

const skip =
  process.env.CERTWATCH_SKIP_BROWSER === '1'
    ? 'CERTWATCH_SKIP_BROWSER=1: the headless Chromium test of the HTML report was skipped'
    : false;

const { report } = generateEstate();
report.certificates.push(...hostileCertificates());
report.summary = summarize(report.certificates, report.problems);

// Kept after the run, so not a tempDir: the screenshot is for a person to look at. Profiles are removed.
const dir = mkdtempSync(join(tmpdir(), 'certwatch-inventory-html-'));
const page = join(dir, 'inventory.html');
writeFileSync(page, renderInventory(report, 'html', { title: 'Acme certificate inventory' }));

function requireChromium(): void {
  assert.ok(
    chromiumAvailable(),
    `${CHROMIUM} not found: install Debian's chromium (flock /tmp/apt.lock sh -c 'apt-get update && apt-get install -y chromium'), or set CERTWATCH_SKIP_BROWSER=1 to skip this test`,
  );
}

async function dumpDom(query: string, extra: string[] = [], file = page): Promise<string> {
  requireChromium();
  const profile = tempDirSync('certwatch-chromium-');
  try {
    const url = pathToFileURL(file).href + query;
    const run = await runChromium(profile, [...extra, '--dump-dom', url]);
    assert.equal(run.code, 0, `chromium exited with ${run.code}:\n${run.stderr.slice(-2000)}`);
    assert.match(run.stdout, /<\/html>/, 'a whole DOM was dumped');
    return run.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function rowFingerprints(dom: string): string[] {
  const tbody = dom.slice(dom.indexOf('<table id="certificates-table">'));
  return [...tbody.matchAll(/<tr class="(?:fail|warn|ok)" data-status="[^"]*" data-fingerprint="([^"]+)"/g)].map(
    (m) => m[1],
  );
}

test('Chromium renders every row and the timeline chart, and the script sorts by ?sort=notAfter&dir=desc', {
  skip,
}, async () => {
  const dom = await dumpDom('?sort=notAfter&dir=desc');
  assert.match(dom, /<html[^>]* data-enhanced="true"/, 'the script ran (its CSP hash matched)');
  assert.match(dom, /data-sorted-by="notAfter:desc"/);
  const order = rowFingerprints(dom);
  assert.equal(order.length, report.certificates.length);
  // Expected order computed here: notAfter descending, ties in the server's order (soonest first, then fingerprint).
  const server = [...report.certificates].sort(
    (a, b) => Date.parse(a.notAfter) - Date.parse(b.notAfter) || (a.fingerprint < b.fingerprint ? -1 : 1),
  );
  const expected = server
    .map((c, i) => ({ c, i }))
    .sort((x, y) => x.c.notAfter.localeCompare(y.c.notAfter) * -1 || x.i - y.i)
    .map((x) => x.c.fingerprint);
  assert.deepEqual(order, expected);
  assert.match(
    dom,
    /<th [^>]*data-key="notAfter"[^>]*aria-sort="descending"|<th [^>]*aria-sort="descending"[^>]*data-key="notAfter"/,
  );
  // The chart: an SVG with one bar per certificate and the now line.
  assert.match(dom, /<svg [^>]*id="timeline-chart"/);
  assert.equal((dom.match(/<rect class="bar (?:fail|warn|ok)"/g) ?? []).length, report.certificates.length);
  assert.match(dom, /<line class="now"/);
  // Hostile subjects stayed text: the page's title was not rewritten and no <img> appeared.
  assert.match(dom, /<title>Acme certificate inventory<\/title>/);
  assert.ok(!/<img\b/i.test(dom));
  assert.ok(dom.includes('&lt;script&gt;document.title="pwned"&lt;/script&gt;'));
});

test('Chromium: clicking-order sort by subject, ascending, as ?sort=subject gives it', { skip }, async () => {
  const dom = await dumpDom('?sort=subject');
  assert.match(dom, /data-sorted-by="subject:asc"/);
  // The subject column shows the display name; the script compares lowercased text, ties keep the server's order.
  const server = [...report.certificates].sort(
    (a, b) => Date.parse(a.notAfter) - Date.parse(b.notAfter) || (a.fingerprint < b.fingerprint ? -1 : 1),
  );
  const name = (c: (typeof server)[number]): string => (c.subjectCN || c.sans[0] || c.subject).toLowerCase();
  const expected = server
    .map((c, i) => ({ c, i }))
    .sort((x, y) => (name(x.c) < name(y.c) ? -1 : name(x.c) > name(y.c) ? 1 : x.i - y.i))
    .map((x) => x.c.fingerprint);
  assert.deepEqual(rowFingerprints(dom), expected);
});

test('Chromium: the status and text filters hide rows; the count says how many are shown', { skip }, async () => {
  const dom = await dumpDom('?status=fail&q=acme%2Fweb');
  const expected = report.certificates.filter(
    (c) => c.findings.some((f) => f.severity === 'error' && !f.ignored) && c.owner === '@acme/web',
  ).length;
  assert.ok(expected > 0);
  assert.match(dom, new RegExp(`data-shown="${expected}"`));
  assert.match(dom, new RegExp(`${expected} of ${report.certificates.length} shown`));
  const visible = [...dom.matchAll(/<tr class="(fail|warn|ok)"[^>]*>/g)].filter((m) => !/\shidden(=|\s|>)/.test(m[0]));
  assert.equal(visible.length, expected);
  assert.ok(visible.every((m) => m[1] === 'fail'));
});

test('Chromium with the script blocked: the table and the chart are all there, the dead controls stay hidden', {
  skip,
}, async () => {
  // Headless Chromium will not dump the DOM with scripting switched off, so the page's own CSP
  // blocks the script instead: the same page with script-src 'none'. This also proves the CSP is enforced.
  const html = readFileSync(page, 'utf8');
  const blocked = html.replace(/script-src &#39;sha256-[^&]+&#39;/, 'script-src &#39;none&#39;');
  assert.notEqual(blocked, html);
  writeFileSync(join(dir, 'inventory-no-script.html'), blocked);
  const dom = await dumpDom('', [], join(dir, 'inventory-no-script.html'));
  assert.doesNotMatch(dom, /data-enhanced=/, 'the script did not run');
  assert.equal(rowFingerprints(dom).length, report.certificates.length);
  assert.equal((dom.match(/<rect class="bar /g) ?? []).length, report.certificates.length);
  assert.match(dom, /<div class="controls" id="table-controls" hidden/);
});

test('Chromium screenshot of the page (kept for a person to look at)', { skip }, async (t) => {
  requireChromium();
  const profile = tempDirSync('certwatch-chromium-');
  const shot = join(dir, 'inventory.png');
  try {
    const run = await runChromium(profile, [
      `--screenshot=${shot}`,
      '--window-size=1400,1000',
      pathToFileURL(page).href,
    ]);
    assert.equal(run.code, 0, run.stderr.slice(-2000));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const png = readFileSync(shot);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1400, 1000], 'the window size asked for');
  assert.ok(png.length > 20_000, 'not a blank page');
  t.diagnostic(`HTML report: ${page}`);
  t.diagnostic(`screenshot: ${shot}`);
});

/** A copy of `html` whose CSP also lets `probe` run, with the probe appended: it measures what Chromium laid out. */
function withProbe(html: string, probe: string): string {
  const out = html
    .replace(/script-src &#39;sha256-[^&]+&#39;/, 'script-src &#39;unsafe-inline&#39;')
    .replace('</body>', `<script>${probe}</script>\n</body>`);
  assert.notEqual(out, html);
  return out;
}

// Writes, for each pinned bar and each pinned date, "fingerprint-or-text|left|width|height" relative to the chart.
const MEASURE_PINNED = `
const chart = document.getElementById('timeline-chart').getBoundingClientRect();
const box = (el) => { const b = el.getBoundingClientRect(); return [Math.round(b.left - chart.left), Math.round(b.width), Math.round(b.height), Math.round(chart.width)].join('|'); };
document.body.dataset.pinnedBars = [...document.querySelectorAll('rect.bar[data-pinned]')].map((r) => r.dataset.fingerprint + '|' + r.dataset.pinned + '|' + box(r)).join(' ');
document.body.dataset.pinnedDates = [...document.querySelectorAll('text.pinned-date')].map((t) => t.textContent.replace(/ /g, '_') + '|' + box(t)).join(' ');
`;

test('Chromium draws long-expired certificates on the timeline: pinned at its left edge, with their real date', {
  skip,
}, async () => {
  // A small estate (rows tall enough for labels) with one certificate that ended five years before the chart.
  const small = emptyReport(NOW);
  const ca = CAS.find((c) => c.id === 'example')!;
  const cert = (name: string, from: number, to: number) =>
    makeCert({
      fingerprint: fingerprintOf(name),
      subjectCN: name,
      issuer: ca,
      serial: '01',
      notBefore: fixedClock.at(from),
      notAfter: fixedClock.at(to),
      locations: [{ type: 'file', path: `certs/${name}.pem`, line: 1 }],
      owner: null,
      now: NOW,
    });
  small.certificates.push(
    cert('ancient.example', -6 * 365, -5 * 365),
    cert('current.example', -30, 60),
    cert('soon.example', -80, 5),
  );
  small.summary = summarize(small.certificates, small.problems);
  const file = join(dir, 'inventory-pinned.html');
  writeFileSync(file, withProbe(renderInventory(small, 'html'), MEASURE_PINNED));
  const dom = await dumpDom('', [], file);
  const bars = /data-pinned-bars="([^"]*)"/.exec(dom)?.[1].split(' ').filter(Boolean) ?? [];
  assert.equal(bars.length, 1, dom.slice(0, 400));
  const [fp, side, left, width, height, chartWidth] = bars[0].split('|');
  assert.equal(fp, fingerprintOf('ancient.example'));
  assert.equal(side, 'before');
  // Inside the chart, at its left (past the label column, in the plot's first tenth), visibly wide and tall.
  assert.ok(Number(left) >= 0 && Number(left) < Number(chartWidth) / 3, bars[0]);
  assert.ok(Number(width) >= 4 && Number(height) >= 4, bars[0]);
  const ended = small.certificates[0].notAfter.slice(0, 10);
  const dates = /data-pinned-dates="([^"]*)"/.exec(dom)?.[1].split(' ').filter(Boolean) ?? [];
  assert.equal(dates.length, 1);
  const [text, tLeft, tWidth] = dates[0].split('|');
  assert.equal(text, `◀_ended_${ended}`);
  assert.ok(Number(tLeft) > Number(left) && Number(tWidth) > 20, dates[0]);
  // The big estate's page: every long-expired certificate there is drawn too (its tooltip carries the date).
  const bigFile = join(dir, 'inventory-pinned-big.html');
  const big = { ...report, certificates: [...report.certificates, cert('ancient.example', -6 * 365, -5 * 365)] };
  big.summary = summarize(big.certificates, big.problems);
  writeFileSync(bigFile, withProbe(renderInventory(big, 'html'), MEASURE_PINNED));
  const bigDom = await dumpDom('', [], bigFile);
  const bigBars = /data-pinned-bars="([^"]*)"/.exec(bigDom)?.[1].split(' ').filter(Boolean) ?? [];
  assert.ok(
    bigBars.some((b) => b.startsWith(`${fingerprintOf('ancient.example')}|before|`)),
    bigBars.join(' '),
  );
  for (const b of bigBars) {
    const [, , l, w, h2] = b.split('|').map(Number);
    assert.ok(l >= 0 && w >= 3 && h2 >= 1, b);
  }
  assert.ok(bigDom.includes(`(ended ${ended}, before the chart starts)`));
});
