// A run that reaches its deadline still reports everything it has: servers that
// stall do not keep the job past `deadline`, and what was not checked says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import net from 'node:net';
import { hierarchy } from '../helpers/pki.js';
import { main } from '../../src/cli.js';
import type { Report } from '../../src/report/report-types.js';
import { tempDir } from '../helpers/workspace.js';
import { DAY, fromNow } from '../helpers/clock.js';

test('stalling servers: the run ends at its deadline with a report and not-checked notices', async (t) => {
  const dir = await tempDir('certwatch-deadline-', t);
  // Accepts TCP and never says a word: a TLS client waits for ServerHello forever.
  const sockets = new Set<net.Socket>();
  const stall = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => stall.listen(0, '127.0.0.1', r));
  t.after(() => {
    for (const s of sockets) s.destroy();
    return new Promise((r) => stall.close(r));
  });
  const port = (stall.address() as net.AddressInfo).port;
  const { leaf } = await hierarchy(
    { cn: 'file.deadline.test', notBefore: new Date(Date.now() - DAY), notAfter: fromNow(3) },
    'Deadline',
  );
  await mkdir(path.join(dir, '.github'), { recursive: true });
  await mkdir(path.join(dir, 'certs'), { recursive: true });
  await writeFile(path.join(dir, 'certs/a.pem'), leaf.pem);
  const endpoints = Array.from(
    { length: 6 },
    (_, i) => `  - host: 127.0.0.1\n    port: ${port}\n    servername: stall-${i}.deadline.test\n`,
  ).join('');
  await writeFile(
    path.join(dir, '.github/certwatch.yml'),
    `version: 1\ndefaults:\n  timeout: 60s\n  deadline: 3s\n  concurrency: 2\nfiles:\n  - "certs/*.pem"\nendpoints:\n${endpoints}`,
  );
  const t0 = Date.now();
  const code = await main([
    'check',
    '--workspace',
    dir,
    '--report',
    path.join(dir, 'report.json'),
    '--output',
    path.join(dir, 'out.txt'),
  ]);
  const took = Date.now() - t0;
  assert.ok(took < 8000, `the run took ${took} ms with a 3 s deadline`);
  const r = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as Report;
  assert.equal(r.run.deadlineReached, true);
  // The checked-in certificate was still judged: expiring in 3 days fails.
  assert.equal(code, 1);
  assert.ok(
    r.certificates.some((c) => c.subjectCN === 'file.deadline.test' && c.findings.some((f) => f.id === 'expiring')),
  );
  const notChecked = r.problems.filter((p) => p.id === 'not-checked');
  assert.ok(notChecked.length >= 4, JSON.stringify(r.problems, null, 1));
  for (const p of notChecked) assert.equal(p.location?.type, 'endpoint');
  assert.match(await readFile(path.join(dir, 'out.txt'), 'utf8'), /not-checked/);
});
