// `--format openmetrics` through the BUILT CLI, judged by the peers a
// Prometheus user runs: `promtool check metrics` (parser and linter) and
// node_exporter's textfile collector, which must read the file without a scrape
// error and hand back every label value exactly — including hostile ones, since
// they come from certificates (quotes, backslashes, newlines, braces, a fake
// sample, control characters, a 600-character owner).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OpenSsl } from '../helpers/openssl.js';
import { workspace } from '../helpers/workspace.js';
import { refusedPort } from '../helpers/tls-servers.js';
import { MAX_LABEL_CHARS } from '../../src/report/openmetrics.js';
import type { Report } from '../../src/report/report-types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const NODE_EXPORTER = 'prometheus-node-exporter';
const HOSTILE_CNS = [
  'quote"back\\slash',
  'new\nline} fake_metric 1',
  'cr\rtab\temoji 🔒',
  'label="v",other="w"',
  'utf8 ünïcødé',
];
const LONG_OWNER = '@acme/' + 'o'.repeat(600);

/** Parse one exposition line: name{labels} value — a small reader of the peer's output, unescaping \\ \" \n. */
function parseSample(line: string): { name: string; labels: Record<string, string>; rest: string } | null {
  const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{)?/.exec(line);
  if (!m) return null;
  const labels: Record<string, string> = {};
  let i = m[0].length;
  if (m[2]) {
    while (line[i] !== '}') {
      const k = /^([a-zA-Z_][a-zA-Z0-9_]*)="/.exec(line.slice(i));
      if (!k) throw new Error(`bad label at ${i}: ${line}`);
      i += k[0].length;
      let v = '';
      for (; line[i] !== '"'; i++) {
        if (line[i] === '\\') v += { n: '\n', '\\': '\\', '"': '"' }[line[++i]] ?? `\\${line[i]}`;
        else v += line[i];
      }
      labels[k[1]] = v;
      i++;
      if (line[i] === ',') i++;
    }
    i++;
  }
  return { name: m[1], labels, rest: line.slice(i).trim() };
}

describe('--format openmetrics', () => {
  let ws: string;
  let text: string;
  let report: Report;
  const ossl = OpenSsl.create();

  before(async () => {
    const o = await ossl;
    const files: Record<string, string> = {
      '.github/certwatch.yml': `version: 1\nfiles:\n  - path: "certs/*.pem"\n    owner: "${LONG_OWNER}"\n`,
    };
    for (const [i, cn] of HOSTILE_CNS.entries())
      files[`certs/h${i}.pem`] = (await o.cert({ subject: `/CN=${cn}`, days: 30 + i })).pem;
    ws = await workspace(files, 'certwatch-om-');
    const run = (format: string) =>
      spawnSync(process.execPath, [CLI, 'check', '--workspace', ws, '--format', format], {
        encoding: 'utf8',
        timeout: 60_000,
      });
    const om = run('openmetrics');
    assert.equal(om.status, 0, om.stderr);
    text = om.stdout;
    report = JSON.parse(run('json').stdout);
    assert.equal(report.certificates.length, HOSTILE_CNS.length);
  });
  after(async () => {
    await (await ossl).dispose();
    await rm(ws, { recursive: true, force: true });
  });

  it('gauges per certificate and location, no timestamps, hostile text stays inside its label', () => {
    const samples = text.split('\n').filter((l) => l && !l.startsWith('#'));
    for (const l of samples) {
      const s = parseSample(l);
      assert.ok(s, l);
      assert.match(s.rest, /^-?\d+$/, `one value and no timestamp: ${l}`);
    }
    assert.ok(!samples.some((l) => l.startsWith('fake_metric')), 'a CN cannot start a sample of its own');
    for (const c of report.certificates) {
      const mine = samples
        .map(parseSample)
        .filter(
          (s) => s!.name === 'certwatch_certificate_not_after_seconds' && s!.labels.fingerprint === c.fingerprint,
        );
      assert.equal(mine.length, 1);
      assert.equal(Number(mine[0]!.rest), Math.floor(Date.parse(c.notAfter) / 1000));
      const place = c.locations[0];
      assert.equal(mine[0]!.labels.location, `${place.type === 'file' ? place.path : ''}:1`);
      assert.equal([...mine[0]!.labels.owner].length, MAX_LABEL_CHARS, 'the 600-character owner is clipped');
    }
    assert.match(text, /^# TYPE certwatch_certificate_status gauge$/m);
    assert.equal(
      samples.filter((l) => l.startsWith('certwatch_certificate_status{') && l.endsWith(' 1')).length,
      HOSTILE_CNS.length,
      'one status per certificate',
    );
  });

  it('promtool check metrics accepts it (parser and lint)', {
    skip: !has('promtool') && 'promtool not installed (Debian package prometheus; scripts/test-deps.sh installs it)',
  }, () => {
    const r = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it("node_exporter's textfile collector reads it and gives every label back unchanged", {
    skip: !has(NODE_EXPORTER) && `${NODE_EXPORTER} not installed (scripts/test-deps.sh installs it)`,
  }, async () => {
    const dir = path.join(ws, 'textfile');
    await mkdir(dir);
    await writeFile(path.join(dir, 'certwatch.prom'), text);
    const port = await refusedPort(); // free now: node_exporter takes it
    const exporter: ChildProcess = spawn(
      NODE_EXPORTER,
      [
        '--web.listen-address',
        `127.0.0.1:${port}`,
        '--collector.disable-defaults',
        '--collector.textfile',
        '--collector.textfile.directory',
        dir,
      ],
      { stdio: 'ignore' },
    );
    try {
      let body = '';
      // Bounded wait for it to listen: 50 × 100 ms.
      for (let i = 0; i < 50 && !body; i++) {
        body = await fetch(`http://127.0.0.1:${port}/metrics`).then(
          (r) => r.text(),
          () => '',
        );
        if (!body) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(body, 'node_exporter answered');
      assert.match(body, /^node_textfile_scrape_error 0$/m, 'the collector read the file without an error');
      const statuses = body
        .split('\n')
        .filter((l) => l.startsWith('certwatch_certificate_status{'))
        .map((l) => parseSample(l)!);
      for (const c of report.certificates) {
        const back = statuses.filter((s) => s.labels.fingerprint === c.fingerprint);
        assert.equal(back.length, 3, `ok, warn, fail for ${c.fingerprint}`);
        // The subject label, read back through the peer, is the certificate's CN as certwatch reported it.
        assert.equal(
          back[0].labels.subject,
          (c.subjectCN ?? '').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '\ufffd'),
        );
      }
    } finally {
      exporter.kill('SIGKILL');
    }
  });
});
