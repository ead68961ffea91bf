// The serial-list format (README "Serial lists"), as one parser reads it for
// `revoked-serials` and `inventory --serials-file`: a CA's list, streamed,
// compared as integers. Lists here are written the ways CAs and people write them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { decompressed } from '../../src/serial-lists/open-serial-list.js';
import { scanSerialList } from '../../src/serial-lists/scan-serial-list.js';
import { parseSerialLine, serialKey } from '../../src/serial-lists/serial-line.js';

const key = (line: string) => {
  const p = parseSerialLine(line);
  return 'serial' in p ? p.serial : 'blank' in p ? 'blank' : 'bad';
};

test('a line: hex in any case, 0x, leading zeros, colons or spaces between bytes, comments, extra columns', () => {
  assert.equal(key('0x0A0B0C'), 'A0B0C');
  assert.equal(key('04:a3:ff  # colon form'), '4A3FF');
  assert.equal(key('04 A3 FF'), '4A3FF', 'spaces separate bytes, as CA spreadsheets print them');
  assert.equal(key('4:a3'), '4A3', 'a one-digit group is one byte: 04 a3');
  assert.equal(key('1:23'), '123');
  assert.equal(key('000001'), '1');
  assert.equal(key('00ab:cd:ef,www.example.com,2020-03-04'), 'ABCDEF', 'the serial is the first field, up to a comma');
  assert.equal(key('abcdef\texample.org'), 'ABCDEF', '… or a tab');
  assert.equal(key('\uFEFFabcdef'), 'ABCDEF', 'a byte-order mark is not part of the serial');
  assert.equal(key('-01'), '-1', 'a leading minus is a negative serial');
  assert.equal(key('-00'), '0', '−0 is 0');
  assert.equal(key('# only a comment'), 'blank');
  assert.equal(key('   \t '), 'blank');
  assert.equal(key('not-a-serial'), 'bad');
  assert.equal(key('04-a3'), 'bad', 'a minus inside is not a separator');
  assert.equal(key(',example.com'), 'bad', 'a line with columns but no serial');
  assert.equal(key('a'.repeat(65)), 'bad', 'longer than any serial');
  assert.equal(serialKey('-00FF'), '-FF');
  assert.equal(serialKey('000'), '0');
});

test('a list streamed in chunks of any size finds the same lines (lines cut across chunk boundaries)', async () => {
  const ours = ['1', 'A3FF', '-5', 'DEADBEEF', '7F000001'];
  const text = [
    '# incident list',
    'serial,name',
    '0001,a.example',
    '',
    'a3:ff',
    '-05',
    'deadbeef\tb.example',
    'ffdeadbeef',
    '7f 00 00 01\r',
    'zz',
    'ff',
  ].join('\n');
  const want = new Map([
    ['1', 3],
    ['A3FF', 5],
    ['-5', 6],
    ['DEADBEEF', 7],
    ['7F000001', 9],
  ]);
  const buf = Buffer.from(text);
  for (let size = 1; size <= buf.length; size++) {
    const chunks: Buffer[] = [];
    for (let i = 0; i < buf.length; i += size) chunks.push(buf.subarray(i, i + size));
    const r = await scanSerialList(chunks, new Set(ours));
    assert.deepEqual(r.hits, want, `chunk size ${size}`);
    assert.deepEqual(
      r.bad.map((b) => b.line),
      [2, 10],
      `chunk size ${size}`,
    );
    assert.equal(r.lines, 11);
  }
});

test('a short serial never matches a longer one that starts or ends with it', async () => {
  const r = await scanSerialList([Buffer.from('ABC\n1AB\nFFABC\n0abc0\n')], new Set(['1ABC']));
  assert.deepEqual(r.hits, new Map());
  const r2 = await scanSerialList([Buffer.from('001abc\n')], new Set(['1ABC']));
  assert.deepEqual(r2.hits, new Map([['1ABC', 1]]));
});

test('a line far longer than any serial (a file without line breaks) is not held whole, and later lines still count', async () => {
  const huge = Buffer.alloc(5 * 1024 * 1024, 'a');
  const r = await scanSerialList(
    [huge.subarray(0, 3_000_000), huge.subarray(3_000_000), Buffer.from('\n0b0b\n')],
    new Set(['B0B']),
  );
  assert.deepEqual(r.hits, new Map([['B0B', 2]]));
  assert.equal(r.badCount, 1);
  assert.equal(r.bad[0].problem.reason, 'too-long');
});

test('thousands of bad lines are counted; ten are kept for the message', async () => {
  const r = await scanSerialList([Buffer.from('xyz\n'.repeat(5000) + '01\n')], new Set(['1']));
  assert.equal(r.badCount, 5000);
  assert.equal(r.bad.length, 10);
  assert.deepEqual(r.hits, new Map([['1', 5001]]));
});

test('a gzip list (several members, as `cat a.gz b.gz` makes) reads like the plain one; gzip -d agrees', async () => {
  const serials = Array.from({ length: 20_000 }, () => randomBytes(16).toString('hex'));
  const text = serials.join('\n') + '\n';
  const gz = Buffer.concat([gzipSync(text.slice(0, 330_000)), gzipSync(text.slice(330_000))]);
  // An independent reader of the same bytes: gzip(1).
  assert.equal(execFileSync('gzip', ['-dc'], { input: gz }).toString(), text);
  const wanted = new Set([serials[0], serials[9_999], serials[19_999]].map(serialKey));
  const pieces = (b: Buffer) =>
    Array.from({ length: Math.ceil(b.length / 7777) }, (_, i) => b.subarray(i * 7777, (i + 1) * 7777));
  const plain = await scanSerialList(decompressed(toAsync(pieces(Buffer.from(text)))), wanted);
  const zipped = await scanSerialList(decompressed(toAsync(pieces(gz))), wanted);
  assert.deepEqual(zipped.hits, plain.hits);
  assert.deepEqual([...zipped.hits.values()], [1, 10_000, 20_000]);
  assert.equal(zipped.lines, plain.lines);
});

test('a truncated gzip file is an error, not a silent partial pass', async () => {
  const gz = gzipSync(Buffer.from('01\n'.repeat(100_000)));
  await assert.rejects(
    scanSerialList(decompressed(toAsync([gz.subarray(0, gz.length - 20)])), new Set(['1'])),
    /gzip|end of file/i,
  );
});

async function* toAsync(chunks: Buffer[]): AsyncGenerator<Buffer> {
  for (const c of chunks) yield c;
}
