// The bundled CLI (dist/cli.js), as users run it: shards plus `merge` equal one
// full run, and `inventory` answers from the same bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { hierarchy, issue } from '../helpers/pki.js';
import { workspace } from '../helpers/workspace.js';
import type { Report } from '../../src/report/report-types.js';
import { DAY } from '../helpers/clock.js';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');

async function cli(args: string[]): Promise<number> {
  try {
    await run(process.execPath, [CLI, ...args], { timeout: 30_000 });
    return 0;
  } catch (e) {
    return (e as { code?: number }).code ?? -1;
  }
}

test('built CLI: check --shard 1/3..3/3 then merge equals one full check; exit codes agree', async (t) => {
  const now = Date.now();
  const { intermediate } = await hierarchy({ cn: 'unused.built.test' }, 'Built');
  const files: Record<string, string> = {};
  for (let i = 0; i < 18; i++) {
    const c = await issue({
      cn: `svc-${i}.built.test`,
      issuer: intermediate,
      notBefore: new Date(now - 60 * DAY),
      notAfter: new Date(now + (i * 4 - 6) * DAY),
    });
    files[`certs/svc-${i}.pem`] = c.pem + intermediate.pem;
  }
  const dir = await workspace(files);
  t.after(() => rm(dir, { recursive: true, force: true }));
  const out = (n: string) => path.join(dir, 'out', n);
  const full = await cli(['check', '--workspace', dir, '--report', out('full.json'), '--output', out('full.txt')]);
  for (let i = 1; i <= 3; i++)
    await cli([
      'check',
      '--workspace',
      dir,
      '--shard',
      `${i}/3`,
      '--report',
      out(`s${i}.json`),
      '--output',
      out(`s${i}.txt`),
    ]);
  const merged = await cli([
    'merge',
    path.join(dir, 'out', 's*.json'),
    '--report',
    out('merged.json'),
    '--output',
    out('merged.txt'),
  ]);
  assert.equal(full, 1);
  assert.equal(merged, full);
  const a = JSON.parse(await readFile(out('full.json'), 'utf8')) as Report;
  const b = JSON.parse(await readFile(out('merged.json'), 'utf8')) as Report;
  const norm = (r: Report) => ({ ...r, generatedAt: 'X', run: { ...r.run, now: 'X' } });
  assert.deepEqual(norm(b), norm(a));
  // The shared intermediate sits in every shard's files: one record, 18 locations.
  assert.equal(b.certificates.find((c) => c.subjectCN === 'Built Intermediate CA')?.locations.length, 18);

  const csv = await cli([
    'inventory',
    '--workspace',
    dir,
    '--expires-before',
    new Date(now + 20 * DAY).toISOString().slice(0, 10),
    '--format',
    'csv',
    '--output',
    out('inv.csv'),
  ]);
  assert.equal(csv, 1); // some of them have already expired
  const rows = (await readFile(out('inv.csv'), 'utf8')).trim().split('\r\n');
  // svc-0..svc-6 expire before day 20 (i*4-6 < 20 → i ≤ 6).
  assert.equal(rows.length - 1, 7);
});
