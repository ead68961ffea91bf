// Observations → the JSON report, shard merges, and the views people read: the job
// summary (markdown with a Mermaid timeline) and annotations on the offending line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport } from '../../src/report/build-report.js';
import { mergeReports, validateReport, MergeError } from '../../src/report/merge-reports.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { annotationsFor } from '../../src/report/annotations.js';
import { groupObservations } from '../../src/observe/group-observations.js';
import { checkExpiry } from '../../src/checks/expiry.js';
import { checkStrength } from '../../src/checks/strength.js';
import { applyIgnores } from '../../src/findings/apply-ignores.js';
import { parseDuration } from '../../src/config/duration.js';
import { parseCertificate, roleOf } from '../../src/x509/parse-certificate.js';
import type { Finding, Location, Observation, Settings } from '../../src/types.js';
import type { Report } from '../../src/report/report-types.js';
import { hierarchy, issue } from '../helpers/pki.js';
import { NOW, fixedClock } from '../helpers/clock.js';

const T = { warnWithin: parseDuration('30d'), failWithin: parseDuration('7d') };

function settings(shard = { index: 1, count: 1 }): Settings {
  return {
    workspace: '/ws',
    configPath: '.github/certwatch.yml',
    defaults: {
      ...T,
      revocation: 'soft',
      timeoutMs: 10_000,
      concurrency: 32,
      cacheDir: '.certwatch-cache',
      deadlineMs: 900_000,
    },
    endpoints: [],
    files: [],
    ignore: [],
    ari: { enabled: false, directories: [] },
    revokedSerials: [],
    issues: { mode: 'per-certificate', labels: ['certificates'], maxOpen: 50 },
    shard,
    now: NOW,
  };
}

function obs(der: Buffer, location: Location): Observation {
  const cert = parseCertificate(der);
  return { cert, location, role: roleOf(cert) };
}

const file = (path: string, line = 1): Location => ({ type: 'file', path, line });

/** What run.ts does for local checks, minus the network. */
function report(observations: Observation[], problems: Finding[] = [], s = settings()): Report {
  const certs = groupObservations(observations);
  for (const oc of certs) oc.findings.push(...checkExpiry(oc, T, s.now), ...checkStrength(oc));
  applyIgnores(certs, s.ignore, s.now);
  return buildReport(certs, problems, s, { deadlineReached: false, generatedAt: NOW });
}

const { root, intermediate, leaf } = await hierarchy(
  { cn: 'shop.example', notBefore: fixedClock.at(-80), days: 90 },
  'Report',
);
const expired = await issue({ cn: 'old.example', notBefore: fixedClock.at(-100), days: 90 });
const healthy = await issue({ cn: 'fine.example', days: 200 });
const weak = await issue({ cn: 'weak.example', key: 'rsa1024', days: 200 });

test('the summary counts active errors and warnings, and next-expiry is the soonest leaf', async () => {
  // The intermediate expires after the leaf here; an intermediate expiring sooner must not count as next-expiry.
  const shortCa = await issue({
    cn: 'Short CA',
    ca: true,
    issuer: root,
    notBefore: fixedClock.at(-10),
    days: 12,
  });
  const r = report(
    [
      obs(leaf.der, file('a.pem')),
      obs(expired.der, file('b.pem')),
      obs(healthy.der, file('c.pem')),
      obs(weak.der, file('d.pem')),
      obs(shortCa.der, file('e.pem')),
    ],
    [
      {
        id: 'no-match',
        severity: 'notice',
        detail: { kind: 'no-match', pattern: 'x/*.pem' },
        location: file('.github/certwatch.yml', 5),
      },
    ],
  );
  // leaf: 10 days left → warning; expired → error; weak → warning; Short CA: 2 days left → error
  assert.deepEqual(r.summary, {
    status: 'fail',
    failures: 2,
    warnings: 2,
    notices: 1,
    certificates: 5,
    nextExpiry: expired.cert.notAfter.toISOString(),
  });
  assert.equal(r.certificates[0].findings[0].severity, 'error', 'worst first');
  assert.equal(r.version, 1);
  assert.equal(r.generatedAt, NOW.toISOString());
  const ok = report([obs(healthy.der, file('c.pem'))]);
  assert.equal(ok.summary.status, 'ok');
  assert.equal(ok.summary.nextExpiry, healthy.cert.notAfter.toISOString());
  assert.equal(report([obs(leaf.der, file('a.pem'))]).summary.status, 'warn');
  assert.equal(report([obs(root.der, file('r.pem'))]).summary.nextExpiry, null, 'roots are not leaves');
});

test('an ignored finding does not count, and the report keeps it marked', () => {
  const s = settings();
  s.ignore = [{ fingerprint: parseCertificate(expired.der).fingerprint, reason: 'retired' }];
  const r = report([obs(expired.der, file('b.pem'))], [], s);
  assert.equal(r.summary.failures, 0);
  assert.equal(r.summary.status, 'ok');
  assert.deepEqual(r.certificates[0].findings[0].ignored, { reason: 'retired', until: undefined });
});

test('two shard reports seeing the same certificate merge into one record with both locations, equal to one unsharded run', () => {
  const shard1 = [
    obs(leaf.der, file('a/site.pem', 3)),
    obs(expired.der, file('a/old.pem')),
    obs(intermediate.der, file('a/site.pem', 20)),
  ];
  const shard2 = [obs(leaf.der, file('b/site.pem', 1)), obs(healthy.der, file('b/fine.pem'))];
  const r1 = report(shard1, [], settings({ index: 1, count: 2 }));
  const r2 = report(
    shard2,
    [
      {
        id: 'unparseable',
        severity: 'error',
        detail: {
          kind: 'file-problem',
          path: 'b/bad.pem',
          line: 1,
          cause: { reason: 'parser', problem: { reason: 'empty-file' } },
        },
        location: file('b/bad.pem'),
      },
    ],
    settings({ index: 2, count: 2 }),
  );
  const merged = mergeReports([
    validateReport(JSON.parse(JSON.stringify(r2)), 'r2.json'),
    validateReport(JSON.parse(JSON.stringify(r1)), 'r1.json'),
  ]);
  const whole = report(
    [...shard1, ...shard2],
    [
      {
        id: 'unparseable',
        severity: 'error',
        detail: {
          kind: 'file-problem',
          path: 'b/bad.pem',
          line: 1,
          cause: { reason: 'parser', problem: { reason: 'empty-file' } },
        },
        location: file('b/bad.pem'),
      },
    ],
  );
  const shop = merged.certificates.filter((c) => c.subjectCN === 'shop.example');
  assert.equal(shop.length, 1);
  assert.deepEqual(shop[0].locations, [file('a/site.pem', 3), file('b/site.pem', 1)]);
  assert.deepEqual(JSON.parse(JSON.stringify(merged)), JSON.parse(JSON.stringify(whole)));
  assert.throws(() => validateReport({ version: 2 }, 'x.json'), MergeError);
  // The summary line names the shard of a sharded run, and nothing for the merge (a whole run).
  const summaryLine = (r: Report) => renderMarkdown(r).split('\n')[2];
  assert.match(summaryLine(r1), / · shard 1\/2$/);
  assert.doesNotMatch(summaryLine(merged), /shard/);
});

test('markdown escapes | in names and messages, so table rows keep their columns, and ends with a Mermaid gantt', async () => {
  const piped = await issue({
    cn: 'pipe|name.example',
    sans: ['pipe.example'],
    notBefore: fixedClock.at(-88),
    days: 90,
  });
  const r = report([obs(piped.der, file('certs/a|b.pem', 4)), obs(healthy.der, file('c.pem'))]);
  const md = renderMarkdown(r);
  // Every table row has as many cells as its table's header (an unescaped | would add one).
  const cellsOf = (row: string) => row.replace(/\\\|/g, '').split('|').length - 2;
  const lines = md.split('\n');
  let header = 0;
  let pipeRows = 0;
  lines.forEach((l, i) => {
    if (!l.startsWith('|')) return;
    if (lines[i + 1]?.startsWith('|---') || lines[i + 1]?.startsWith('| ---')) header = cellsOf(l);
    else if (!l.startsWith('|---')) {
      assert.equal(cellsOf(l), header, `row keeps its columns: ${l}`);
      if (l.includes('pipe')) {
        pipeRows++;
        assert.ok(l.includes('pipe\\|name.example'), l);
      }
    }
  });
  assert.ok(pipeRows >= 2, md);
  const gantt = /```mermaid\ngantt\n([\s\S]*?)```/.exec(md);
  assert.ok(gantt, 'a mermaid gantt block');
  assert.match(gantt[1], /dateFormat YYYY-MM-DD/);
  assert.match(gantt[1], /pipe\|name\.example :crit, c0, \d{4}-\d\d-\d\d, 2026-11-24/);
  assert.match(gantt[1], /fine\.example :c1, /);
  assert.match(gantt[1], /milestone, now, 2026-11-22/);
  const text = renderText(r, { color: false });
  assert.ok(!text.includes('\x1b['), 'plain text when not on a terminal');
  assert.match(text, /^certwatch FAIL: 1 failure/);
});

test('annotations point at the file and line of the PEM block, and at the config line for endpoints', () => {
  const endpoint: Location = {
    type: 'endpoint',
    host: 'api.example.com',
    port: 443,
    protocol: 'https',
    configFile: '.github/certwatch.yml',
    configLine: 13,
  };
  const r = report(
    [obs(expired.der, file('certs/old.pem', 27)), obs(expired.der, endpoint), obs(healthy.der, file('c.pem'))],
    [
      {
        id: 'no-match',
        severity: 'notice',
        detail: { kind: 'no-match', pattern: 'x/*.pem' },
        location: file('.github/certwatch.yml', 5),
      },
    ],
  );
  const anns = annotationsFor(r);
  const key = (a: (string | number | undefined)[]) => a.join(' ');
  assert.deepEqual(
    anns.map((a) => key([a.level, a.file, a.startLine, a.title])).sort(),
    [
      key(['error', '.github/certwatch.yml', 13, 'certwatch expired: old.example']),
      key(['error', 'certs/old.pem', 27, 'certwatch expired: old.example']),
      key(['notice', '.github/certwatch.yml', 5, 'certwatch no-match']),
    ].sort(),
  );
  assert.equal(anns.at(-1)?.level, 'notice', 'errors before notices');
  assert.match(anns[0].message, /old\.example expired on/);
  // An endpoint from inputs (no config line) still annotates, without a place.
  const fromInputs = report([
    obs(expired.der, {
      type: 'endpoint',
      host: 'x.example',
      port: 443,
      protocol: 'tls',
      configFile: '(inputs)',
      configLine: 1,
    }),
  ]);
  assert.deepEqual(
    annotationsFor(fromInputs).map((a) => [a.file, a.startLine]),
    [[undefined, undefined]],
  );
});
