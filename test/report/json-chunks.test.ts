// The JSON report written in pieces must be, byte for byte, what
// JSON.stringify(value, null, 2) writes (V8's own serialiser is the peer), and
// the workflow-command filter applied per chunk must give what it gives on the
// whole text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { inLineChunks, jsonPieces, writeJsonFile, writeJsonTo } from '../../src/report/json-chunks.js';
import { workflowSafe } from '../../src/report/workflow-safe.js';
import { tempDir, removeTempDir } from '../helpers/workspace.js';

const awkward = {
  version: 1,
  empty: {},
  none: [],
  skipped: undefined,
  fn: () => 1,
  date: new Date(Date.UTC(2030, 0, 2, 3, 4, 5)),
  nested: { a: [1, 'two', null, undefined, { deep: [{ deeper: ['x\ny', '"q"'] }] }], b: { c: {} } },
  text: 'line one\nline two\r\n::error::not a command\t##[warning]',
  certificates: Array.from({ length: 3000 }, (_, i) => ({
    fingerprint: `sha256:${i.toString(16).padStart(64, '0')}`,
    subject: i % 7 ? `CN=host-${i}` : `CN=\n::set-output name=x::${i}`,
    sans: i % 3 ? [`h${i}.example`, `::${i}`] : [],
    findings: [{ id: 'expired', message: `  ::warning::${i} ##[group]` }],
    gone: undefined,
  })),
};

test('the pieces join to JSON.stringify(value, null, 2) plus a newline, for odd values too', () => {
  for (const v of [awkward, [], {}, [[]], [{}], 'text', 42, null, { a: [[1, [2, [3]]]] }, [undefined, () => 0]]) {
    assert.equal([...jsonPieces(v)].join(''), JSON.stringify(v, null, 2) + '\n');
  }
});

test('chunks end at line ends, so the workflow-command filter per chunk equals the filter on the whole text', async () => {
  const chunks: string[] = [];
  await inLineChunks(jsonPieces(awkward), (c) => {
    chunks.push(c);
  });
  assert.ok(chunks.length > 3, `a large value is written in several chunks (got ${chunks.length})`);
  for (const c of chunks.slice(0, -1)) assert.ok(c.endsWith('\n'));
  const whole = JSON.stringify(awkward, null, 2) + '\n';
  assert.equal(chunks.join(''), whole);
  assert.equal(chunks.map((c) => workflowSafe(c, { json: true })).join(''), workflowSafe(whole, { json: true }));
});

test('a stream that is slow to drain gets everything, in order; a file gets the same bytes', async () => {
  const out = new PassThrough({ highWaterMark: 1024 });
  let got = '';
  const reading = (async () => {
    for await (const c of out) {
      got += c;
      await new Promise((r) => setTimeout(r, 1));
    }
  })();
  await writeJsonTo(out, awkward);
  out.end();
  await reading;
  assert.equal(got, JSON.stringify(awkward, null, 2) + '\n');
  const dir = await tempDir('certwatch-json-');
  try {
    const f = path.join(dir, 'r.json');
    await writeJsonFile(f, awkward);
    assert.equal(await readFile(f, 'utf8'), got);
  } finally {
    await removeTempDir(dir);
  }
});

test('a reader that goes away (EPIPE) ends the writing quietly; any other stream error is thrown', async () => {
  const failing = (code: string) => {
    let writes = 0;
    const w = new Writable({
      highWaterMark: 1024,
      write(_chunk, _enc, cb) {
        writes++;
        cb(Object.assign(new Error(`write ${code}`), { code }));
      },
    });
    return { w, writes: () => writes };
  };
  const gone = failing('EPIPE');
  await writeJsonTo(gone.w, awkward);
  assert.equal(gone.writes(), 1, 'nothing more is written once the reader is gone');
  await assert.rejects(writeJsonTo(failing('ENOSPC').w, awkward), /ENOSPC/);
});
