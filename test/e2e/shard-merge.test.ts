// Sharding: a 4-way sharded run plus merge yields the same report as one job.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { hierarchy, issue } from '../helpers/pki.js';
import { main } from '../../src/cli.js';
import { shardOf } from '../../src/run.js';
import type { Report } from '../../src/report/report-types.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { createClient } from '../../src/github/octokit.js';
import { syncIssues } from '../../src/github/sync-issues.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { tempDir } from '../helpers/workspace.js';
import { realClock } from '../helpers/clock.js';

const { at } = realClock();

function normalise(r: Report): unknown {
  // Timestamps differ between runs; everything else must be identical.
  return { ...r, generatedAt: 'X', run: { ...r.run, now: 'X' } };
}

test('a 4-way sharded run merged equals the unsharded run, endpoints and files alike', async (t) => {
  const dir = await tempDir('certwatch-shard-', t);
  const { intermediate, leaf } = await hierarchy(
    { cn: 'shared.shard.test', notBefore: at(-10), notAfter: at(25) },
    'Shard',
  );
  const files: string[] = [];
  for (let i = 0; i < 24; i++) {
    const c = await issue({
      cn: `svc-${i}.shard.test`,
      issuer: intermediate,
      notBefore: at(-30),
      notAfter: at(i * 5 - 10),
    });
    const rel = `certs/team-${i % 3}/svc-${i}.pem`;
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), c.pem + intermediate.pem);
    files.push(rel);
  }
  // The same certificate checked in twice and served by two endpoints: one record, four locations.
  await writeFile(path.join(dir, 'certs/shared-a.pem'), leaf.pem);
  await writeFile(path.join(dir, 'certs/shared-b.pem'), leaf.pem);
  const servers: tls.Server[] = [];
  const ports: number[] = [];
  for (let i = 0; i < 2; i++) {
    const s = tls.createServer({ cert: leaf.pem + intermediate.pem, key: leaf.keyPem }, (sock) => sock.end());
    s.on('tlsClientError', () => {});
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    servers.push(s);
    ports.push((s.address() as AddressInfo).port);
  }
  t.after(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));
  await mkdir(path.join(dir, '.github'), { recursive: true });
  await writeFile(
    path.join(dir, '.github/certwatch.yml'),
    `version: 1\ndefaults:\n  timeout: 3s\nfiles:\n  - "certs/**/*.pem"\nendpoints:\n${ports.map((p) => `  - host: 127.0.0.1\n    port: ${p}\n    servername: shared.shard.test\n`).join('')}`,
  );
  // The shards must really split the work, or the test proves nothing.
  const counts = [1, 2, 3, 4].map((i) => files.filter((f) => shardOf(f, 4) === i).length);
  assert.ok(
    counts.every((c) => c > 0 && c < files.length),
    `uneven shard split ${counts}`,
  );

  const out = (n: string) => path.join(dir, 'out', n);
  const devnull = path.join(dir, 'out', 'stdout.txt');
  const full = await main(['check', '--workspace', dir, '--report', out('full.json'), '--output', devnull]);
  for (let i = 1; i <= 4; i++) {
    await main([
      'check',
      '--workspace',
      dir,
      '--shard',
      `${i}/4`,
      '--report',
      out(`shard-${i}.json`),
      '--output',
      devnull,
    ]);
  }
  const merged = await main([
    'merge',
    ...[1, 2, 3, 4].map((i) => out(`shard-${i}.json`)),
    '--report',
    out('merged.json'),
    '--output',
    devnull,
  ]);
  const a = JSON.parse(await readFile(out('full.json'), 'utf8')) as Report;
  const b = JSON.parse(await readFile(out('merged.json'), 'utf8')) as Report;
  assert.equal(merged, full);
  assert.ok(a.summary.failures > 0 && a.summary.warnings > 0, 'the estate should have failures and warnings');
  const shared = b.certificates.find((c) => c.subjectCN === 'shared.shard.test');
  assert.equal(shared?.locations.length, 4);
  assert.deepEqual(normalise(b), normalise(a));
  // Per-probe results (negotiated TLS version, chain length) travel through the merge too.
  assert.equal(a.endpoints?.length, 2);
  for (const p of a.endpoints ?? []) {
    assert.equal(p.ok, true);
    assert.match(p.tlsVersion ?? '', /^TLSv1\.[23]$/);
    assert.equal(p.chainLength, 2);
  }
  assert.match(renderMarkdown(b), /### Endpoints\n\n\| Endpoint \| Address \| TLS/);

  // The same issue actions: sync each report into its own fresh fake GitHub and compare.
  const actions = async (r: Report) => {
    const gh = await new FakeGitHub('acme/site').start();
    try {
      const client = createClient('t0ken', gh.url, { retries: 0, retryBaseMs: 1, spacing: 'none' });
      const log = { info() {}, warning() {}, error() {} };
      const res = await syncIssues(r, client, {
        repository: 'acme/site',
        serverUrl: 'https://github.example',
        sha: 'c0ffee',
        runUrl: 'https://github.example/run/1',
        settings: { mode: 'per-certificate', labels: ['certificates'], maxOpen: 50 },
        log,
      });
      return {
        calls: gh.calls.map((c) => `${c.method} ${c.path.replace(/\?.*$/, '')}`),
        issues: gh.issues.map((i) => `${i.state} ${i.title} [${i.labels.join(',')}]`).sort(),
        created: res.created.length,
      };
    } finally {
      await gh.stop();
    }
  };
  const fromFull = await actions(a);
  const fromMerged = await actions(b);
  assert.ok(fromFull.created > 0, 'the estate should need issues');
  assert.deepEqual(fromMerged, fromFull);

  // A shard whose report is missing makes the merge partial, and says which.
  await main([
    'merge',
    out('shard-1.json'),
    out('shard-2.json'),
    out('shard-4.json'),
    '--report',
    out('partial.json'),
    '--output',
    devnull,
  ]);
  const p = JSON.parse(await readFile(out('partial.json'), 'utf8')) as Report;
  assert.equal(p.run.deadlineReached, true);
  assert.ok(
    p.problems.some((f) => f.id === 'not-checked' && /shard report 3\/4 missing/.test(f.message)),
    JSON.stringify(p.problems),
  );
});

test('shard assignment is stable: adding targets does not move existing ones', () => {
  const ids = Array.from({ length: 200 }, (_, i) => `certs/file-${i}.pem`);
  const before = ids.map((id) => shardOf(id, 5));
  const after = [...ids, 'certs/new-1.pem', 'certs/new-2.pem'].map((id) => shardOf(id, 5)).slice(0, 200);
  assert.deepEqual(after, before);
  const used = new Set(before);
  assert.equal(used.size, 5);
});
