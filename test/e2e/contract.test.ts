// The external contract (README: config, inputs, outputs, CLI, finding ids, JSON report), checked from the outside:
// the names users type, the defaults they get, the messages they read at 3 a.m.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { issue } from '../helpers/pki.js';
import { cert, endpointAt, fileAt, finding, report } from '../helpers/report-factory.js';
import { renderMarkdown, mermaidName, STEP_SUMMARY_LIMIT_BYTES } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderInventory } from '../../src/report/inventory/render.js';
import { buildInventory } from '../../src/report/inventory/inventory.js';
import { settingsFrom } from '../../src/config/settings.js';
import type { Report } from '../../src/report/report-types.js';
import { tempDir } from '../helpers/workspace.js';
import { DAY } from '../helpers/clock.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function cli(args: string[], cwd = ROOT): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

test('action.yml declares every input and output of the contract, and no default on an input that overrides the config', () => {
  const manifest = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: unknown }>;
    outputs: Record<string, unknown>;
  };
  const defaults: Record<string, string | undefined> = {
    config: '.github/certwatch.yml',
    endpoints: undefined,
    files: undefined,
    'warn-within': undefined,
    'fail-within': undefined,
    revocation: undefined,
    issues: 'auto',
    'github-token': '${{ github.token }}',
    scope: 'auto',
    shard: '1/1',
    report: undefined,
    merge: undefined,
  };
  for (const [name, def] of Object.entries(defaults)) {
    assert.ok(name in manifest.inputs, `input ${name} is declared`);
    assert.equal(
      manifest.inputs[name].default === undefined ? undefined : String(manifest.inputs[name].default),
      def,
      `input ${name} default`,
    );
  }
  for (const out of ['status', 'failures', 'warnings', 'certificates', 'next-expiry', 'report-path'])
    assert.ok(out in manifest.outputs, `output ${out}`);
});

/** Cells of a markdown table row, splitting on unescaped pipes. */
function cells(row: string): number {
  return row.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 2;
}

function assertTablesWellFormed(md: string) {
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('|') || !lines[i + 1]?.startsWith('|---')) continue;
    const width = cells(lines[i]);
    assert.equal(cells(lines[i + 1]), width, `separator of the table at line ${i + 1}`);
    for (let j = i + 2; j < lines.length && lines[j].startsWith('|'); j++)
      assert.equal(cells(lines[j]), width, `row ${j + 1}: ${lines[j].slice(0, 200)}`);
  }
}

function assertGanttValid(md: string) {
  const block = /```mermaid\ngantt\n([\s\S]*?)```/.exec(md);
  assert.ok(block, 'a mermaid gantt block');
  for (const line of block[1]
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    if (/^(dateFormat|axisFormat|section) /.test(line)) continue;
    const m = /^([^:#;]+) :(?:(?:crit|active|milestone), )?(c\d+|now), (\d{4}-\d\d-\d\d), (\d{4}-\d\d-\d\d|0d)$/.exec(
      line,
    );
    assert.ok(m, `task line parses: ${line}`);
    assert.ok(
      !/^(section|title|click|excludes|includes|dateformat|axisformat|todaymarker)\s/i.test(m[1]),
      `task name is not a keyword: ${m[1]}`,
    );
    if (m[4] !== '0d') assert.ok(m[3] < m[4], `start before end: ${line}`);
  }
}

test('the job summary for 20,000 certificates stays under 1 MiB, renders quickly and keeps its tables and gantt valid', () => {
  const certs = [];
  for (let i = 0; i < 20_000; i++) {
    const cn = i % 997 === 0 ? `Section ${i}: a:b#c;d|e` : `host-${i}.team-${i % 5000}.example.com`;
    const c = cert({
      cn,
      owner: `@example/team-with-a-rather-long-name-${i}`,
      findings: [
        finding('expiring', i % 2 ? 'error' : 'warning', {
          message: `Certificate ${cn} expires soon; it covers ${'very-long-name.example.com, '.repeat(60)}`,
        }),
      ],
      locations: [
        fileAt(`deploy/region-${i}/a/very/long/path/to/${cn}.pem`),
        endpointAt(cn),
        endpointAt(`www.${cn}`),
        endpointAt(`api.${cn}`),
      ],
      notAfter: new Date(Date.UTC(2026, 11, 1) + i * 60_000).toISOString(),
    });
    // Self-signed devices: every one its own "CA" (the worst case for the per-CA views).
    if (i % 2) Object.assign(c, { issuer: `CN=${cn}`, issuerCN: cn, issuerO: null });
    certs.push(c);
  }
  const problems = Array.from({ length: 2000 }, (_, i) =>
    finding('unreachable', 'error', {
      message: `down-${i}.example:443: TCP connect timed out`,
      location: endpointAt(`down-${i}.example`),
    }),
  );
  const r = report(certs, { problems });
  const started = Date.now();
  const md = renderMarkdown(r, { runUrl: 'https://github.com/example/repo/actions/runs/1' });
  const took = Date.now() - started;
  assert.ok(Buffer.byteLength(md) < STEP_SUMMARY_LIMIT_BYTES, `summary is ${Buffer.byteLength(md)} bytes`);
  assert.ok(took < 10_000, `rendered in ${took} ms`);
  assert.match(md, /more findings in the JSON report/);
  assert.match(md, /more certificates in the JSON report/);
  assert.match(md, /\+\d+ more/); // long owner and location lists are cut, not dumped
  assertTablesWellFormed(md);
  assertGanttValid(md);
});

test('mermaid task names never end the name early, open a comment, or read as a keyword', () => {
  assert.equal(mermaidName('a:b#c;d'), 'a b c d');
  assert.equal(mermaidName('Section A'), 'cert Section A');
  assert.equal(mermaidName('title'), 'cert title');
  assert.equal(mermaidName('x```y'), 'x y');
  assert.equal(mermaidName('www.example.com'), 'www.example.com');
  assert.equal(mermaidName(':::'), 'certificate');
});

test('the summary of a small run: problems have a dash for the certificate, and the place is not repeated in the message', () => {
  const r = report([cert({ cn: 'ok.example' })], {
    problems: [
      finding('unparseable', 'error', {
        message: 'certs/broken.pem:1: CERTIFICATE block: truncated PEM',
        location: fileAt('certs/broken.pem'),
      }),
    ],
  });
  const md = renderMarkdown(r);
  assertTablesWellFormed(md);
  assert.match(md, /\| `unparseable` \| — \| certs\/broken\.pem:1 \| CERTIFICATE block: truncated PEM \|/);
  const text = renderText(r, { color: false });
  assert.match(text, /certs\/broken\.pem:1 +CERTIFICATE block: truncated PEM/);
});

test('an ignored finding in the terminal says until when and why', () => {
  const r = report([
    cert({
      cn: 'old.example',
      findings: [
        finding('weak-key', 'warning', {
          message: 'Certificate old.example has a 1024-bit RSA key',
          ignored: { until: '2027-01-31', reason: 'replaced in Q1' },
        }),
      ],
    }),
  ]);
  assert.match(
    renderText(r, { color: false }),
    /ignored +weak-key .*1024-bit RSA key \(ignored until 2027-01-31: replaced in Q1\)/,
  );
});

test('terminal output shows control characters from a certificate as text, never as escapes', () => {
  const r = report([
    cert({
      cn: 'evil\x1b[2J.example',
      findings: [finding('expired', 'error', { message: 'Certificate evil\x1b[2J.example expired' })],
    }),
  ]);
  assert.ok(!renderText(r, { color: false }).includes('\x1b'));
});

test('inventory views read dates, not raw timestamps, and count in proper plurals', () => {
  const r: Report = report([cert({ cn: 'a.example', findings: [finding('expiring', 'warning')] })], {
    now: '2026-11-22T03:00:00.123Z',
  });
  for (const format of ['text', 'markdown', 'html', 'ics'] as const) {
    // data-sort attributes are for the table's sorting script, not for reading.
    const out = renderInventory(r, format).replace(/data-sort="[^"]*"/g, '');
    assert.ok(!/\d\d:\d\d:\d\d\.\d{3}Z/.test(out), `${format}: no raw ISO timestamp with milliseconds`);
  }
  const text = renderInventory(r, 'text');
  assert.match(text, /as of 2026-11-22 03:00 UTC — 1 certificate, status warn \(0 failures, 1 warning\)/);
});

test('the per-CA views are linear: 20,000 self-signed certificates group in well under a second or two', () => {
  const certs = Array.from({ length: 20_000 }, (_, i) =>
    Object.assign(cert({ cn: `device-${i}.example` }), {
      issuer: `CN=device-${i}.example`,
      issuerCN: `device-${i}.example`,
      issuerO: null,
    }),
  );
  const started = Date.now();
  const inv = buildInventory(report(certs));
  assert.equal(inv.concentration.length, 20_000);
  assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
});

test('SARIF never points at "(inputs)": globs and endpoints given as inputs have no file in the repository', () => {
  const r = report(
    [
      cert({
        cn: 'x.example',
        findings: [finding('expired')],
        locations: [endpointAt('x.example', 443, { configFile: '(inputs)', configLine: 1 })],
      }),
    ],
    {
      problems: [
        finding('no-match', 'notice', { message: 'files: "x/*.pem" matched no file', location: fileAt('(inputs)') }),
      ],
    },
  );
  const sarif = renderSarif(r);
  assert.ok(!sarif.includes('inputs'), sarif);
});

test('errors in flags name the flag, not a config file; errors in inputs name the input', () => {
  assert.throws(
    () => settingsFrom(null, '/ws', { warnWithin: '3x', origin: 'flags' }),
    /^Error: --warn-within: "3x" is not a duration/,
  );
  assert.throws(() => settingsFrom(null, '/ws', { failWithin: '-1d' }), /input fail-within: "-1d" is negative/);
  assert.throws(
    () => settingsFrom(null, '/ws', { revocation: 'medium', origin: 'flags' }),
    /--revocation: "medium" is not one of soft, hard, off/,
  );
  assert.throws(() => settingsFrom(null, '/ws', { shard: '5/4' }), /input shard: "5\/4" must be i\/n/);
  assert.throws(
    () => settingsFrom(null, '/ws', { endpoints: ['http://[bad'], origin: 'flags' }),
    /--endpoint: endpoint "http:\/\/\[bad"/,
  );
});

test('the CLI: bad flags are usage errors (exit 2) that say what to type instead', async () => {
  let r = await cli(['check', '--warn-witin', '3d']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^certwatch check: unknown option --warn-witin — did you mean --warn-within\?/);
  r = await cli(['check', '--format']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--format needs a value/);
  r = await cli(['check', '--workspace', '/nonexistent-certwatch-dir']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--workspace: \/nonexistent-certwatch-dir does not exist/);
  r = await cli(['merge', '--shard', '1/2', 'x.json']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /certwatch merge: unknown option --shard/);
  r = await cli(['check', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /certwatch check .*--output F/s);
  assert.equal(r.stderr, '', 'help goes to stdout');
});

test('merge refuses unreadable, non-JSON and incomplete reports by name, with exit 2 and no internal error', async (t) => {
  const dir = await tempDir('certwatch-merge-', t);
  await writeFile(path.join(dir, 'bad.json'), '{bad');
  await writeFile(path.join(dir, 'norun.json'), JSON.stringify({ version: 1, certificates: [], summary: {} }));
  for (const [args, expected] of [
    [[path.join(dir, 'missing.json')], /cannot read .*missing\.json: no such file/],
    [[path.join(dir, 'bad.json')], /bad\.json is not valid JSON/],
    [[path.join(dir, 'norun.json')], /norun\.json is not a complete certwatch report: run\.shard/],
    [[path.join(dir, 'nothing-*.json')], /"[^"]*nothing-\*\.json" matched no report/],
  ] as const) {
    const r = await cli(['merge', ...args]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, expected);
    assert.ok(!/internal error|at .*\.js:\d+/.test(r.stderr), r.stderr);
  }
});

test('check --format json prints the JSON report of the contract; --output writes it instead of stdout; exit 1 on failures', async (t) => {
  const dir = await tempDir('certwatch-json-', t);
  const now = Date.now();
  const expired = await issue({
    cn: 'expired.contract.test',
    notBefore: new Date(now - 100 * DAY),
    notAfter: new Date(now - 2 * DAY),
  });
  await mkdir(path.join(dir, 'certs'));
  await writeFile(path.join(dir, 'certs/expired.pem'), expired.pem);
  const r = await cli(['check', '--workspace', dir, '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stderr, '', 'no progress on stderr when it is not a terminal');
  const rep = JSON.parse(r.stdout) as Report;
  assert.equal(rep.version, 1);
  assert.match(rep.generatedAt, /^\d{4}-\d\d-\d\dT/);
  assert.deepEqual(rep.tool.name, 'certwatch');
  for (const k of ['status', 'failures', 'warnings', 'certificates']) assert.ok(k in rep.summary, `summary.${k}`);
  assert.equal(rep.summary.status, 'fail');
  const c = rep.certificates[0];
  for (const k of [
    'fingerprint',
    'subject',
    'issuer',
    'serialNumber',
    'notBefore',
    'notAfter',
    'sans',
    'key',
    'signatureAlgorithm',
    'locations',
    'owner',
    'revocation',
    'renewal',
    'findings',
  ]) {
    assert.ok(k in c, `certificate.${k}`);
  }
  assert.match(c.fingerprint, /^sha256:[0-9a-f]{64}$/);
  assert.deepEqual(Object.keys(c.revocation).slice(0, 4), ['status', 'method', 'revokedAt', 'reason']);
  assert.deepEqual(c.locations[0], { type: 'file', path: 'certs/expired.pem', line: 1 });
  assert.deepEqual(
    c.findings.map((f) => [f.id, f.severity]),
    [['expired', 'error']],
  );

  const out = path.join(dir, 'out', 'report.json');
  const w = await cli(['check', '--workspace', dir, '--format', 'json', '--output', out]);
  assert.equal(w.code, 1);
  assert.equal(w.stdout, '');
  assert.equal((JSON.parse(await readFile(out, 'utf8')) as Report).summary.failures, 1);
});

test('check --format markdown prints the job summary; merge of one shard report renders it the same way', async (t) => {
  const dir = await tempDir('certwatch-md-', t);
  const now = Date.now();
  const fine = await issue({
    cn: 'fine.contract.test',
    notBefore: new Date(now - 10 * DAY),
    notAfter: new Date(now + 200 * DAY),
  });
  await writeFile(path.join(dir, 'fine.pem'), fine.pem);
  const reportFile = path.join(dir, 'r.json');
  const r = await cli(['check', '--workspace', dir, '--format', 'markdown', '--report', reportFile]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^## ✅ certwatch: all certificates healthy/);
  assert.match(r.stdout, /### Inventory/);
  assertGanttValid(r.stdout);
  const m = await cli(['merge', reportFile, '--format', 'markdown']);
  assert.equal(m.code, 0, m.stderr);
  assert.match(m.stdout, /fine\.contract\.test/);
});

test('config type errors say "a list" or "a mapping", and a missing version says what to add', async () => {
  const { ConfigError } = await import('../../src/config/load-config.js');
  const { parseConfigText } = await import('../../src/config/parse-config.js');
  try {
    parseConfigText('defaults:\n  warn-within: 30d\nfiles: "certs/*.pem"\n', '.github/certwatch.yml');
    assert.fail('must throw');
  } catch (e) {
    assert.ok(e instanceof ConfigError);
    assert.match(
      e.message,
      /\.github\/certwatch\.yml:1: missing required key "version" \(add `version: 1` as the first line\)/,
    );
    assert.match(
      e.message,
      /\.github\/certwatch\.yml:3: files: must be a list \(lines starting with "- "\) \(found "certs\/\*\.pem"\)/,
    );
  }
});

test('annotations on a file do not repeat its path and line in the message', async () => {
  const { annotationsFor } = await import('../../src/report/annotations.js');
  const r = report([], {
    problems: [
      finding('unparseable', 'error', {
        message: 'certs/broken.pem:1: CERTIFICATE block: truncated PEM',
        location: fileAt('certs/broken.pem'),
      }),
    ],
  });
  assert.deepEqual(
    annotationsFor(r).map((a) => [a.file, a.startLine, a.message]),
    [['certs/broken.pem', 1, 'CERTIFICATE block: truncated PEM']],
  );
});

test('the action: a config input naming a missing file still runs discovery (the contract), with a warning naming the file', async (t) => {
  const { runAction } = await import('../helpers/run-action.js');
  const dir = await tempDir('certwatch-cfg-', t);
  const r = await runAction(dir, { config: 'ci/certwatch.yaml' });
  assert.equal(r.code, 0, r.stdout);
  assert.equal(r.outputs.status, 'ok');
  assert.ok(
    r.annotations.some(
      (a) => a.level === 'warning' && /config file ci\/certwatch\.yaml does not exist/.test(a.message),
    ),
    r.stdout,
  );
});

test('the action: a bad input or an unreadable shard report fails the step naming the input, never as an internal error', async (t) => {
  const { runAction } = await import('../helpers/run-action.js');
  const dir = await tempDir('certwatch-inputs-', t);
  await mkdir(path.join(dir, 'reports'));
  await writeFile(path.join(dir, 'reports/shard-1.json'), '{truncated');
  for (const [inputs, expected] of [
    [{ 'warn-within': '3x' }, /certwatch: input warn-within: "3x" is not a duration/],
    [{ merge: 'reports/*.json' }, /input merge: reports\/shard-1\.json is not a readable JSON report/],
  ] as const) {
    const r = await runAction(dir, inputs);
    assert.equal(r.code, 1);
    const errors = r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    assert.ok(errors.some((m) => expected.test(m)) && !errors.some((m) => /internal error/.test(m)), errors.join('\n'));
  }
});
