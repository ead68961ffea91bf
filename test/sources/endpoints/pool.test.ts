import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Pool } from '../../../src/sources/endpoints/pool.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

test('the pool never runs more than `concurrency` tasks, nor more than the per-host limit for one host', async () => {
  const pool = new Pool(5, 2);
  let running = 0;
  let peak = 0;
  const perHost = new Map<string, number>();
  let peakPerHost = 0;
  const order: number[] = [];
  const tasks = Array.from({ length: 30 }, (_, i) => {
    const host = i % 3 === 0 ? 'busy.test' : `h${i}.test`;
    return pool.run(host, async () => {
      running++;
      perHost.set(host, (perHost.get(host) ?? 0) + 1);
      peak = Math.max(peak, running);
      peakPerHost = Math.max(peakPerHost, perHost.get(host)!);
      await new Promise((r) => setTimeout(r, 1 + ((i * 7) % 5)));
      perHost.set(host, perHost.get(host)! - 1);
      running--;
      order.push(i);
      return i;
    });
  });
  const results = await Promise.all(tasks);
  assert.deepEqual(
    results,
    Array.from({ length: 30 }, (_, i) => i),
    'results come back in submission order',
  );
  assert.equal(peak, 5);
  assert.equal(peakPerHost, 2);
  assert.notDeepEqual(order, results, 'completion order differed (the test would not prove ordering otherwise)');
});

test('a host at its limit does not block other hosts queued behind it', async () => {
  const pool = new Pool(4, 1);
  const gate = deferred();
  const started: string[] = [];
  const a1 = pool.run('a', async () => {
    started.push('a1');
    await gate.promise;
  });
  const a2 = pool.run('a', async () => void started.push('a2'));
  const b = pool.run('b', async () => void started.push('b'));
  await b;
  assert.deepEqual(started, ['a1', 'b']);
  gate.resolve();
  await Promise.all([a1, a2]);
  assert.deepEqual(started, ['a1', 'b', 'a2']);
});

test('a failing task frees its slot', async () => {
  const pool = new Pool(1, 1);
  await assert.rejects(
    pool.run('x', async () => Promise.reject(new Error('boom'))),
    /boom/,
  );
  assert.equal(await pool.run('x', async () => 42), 42);
});
