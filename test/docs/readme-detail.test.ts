// The README's table of `detail` kinds is the JSON report's contract for them:
// every kind the code can write is listed, and nothing listed is unknown.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FINDING_KINDS } from '../../src/findings/finding-detail.js';

test("the README's detail table lists every kind of finding detail, and only those", () => {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('### In the JSON report: `message` and `detail`');
  assert.ok(start > 0, 'the README has the detail section');
  const section = readme.slice(start, readme.indexOf('\n## ', start));
  const rows = section.split('\n').filter((l) => /^\| `[a-z-]+`/.test(l) && !l.startsWith('| `kind`'));
  const listed = rows.flatMap((l) => [...l.split('|')[1].matchAll(/`([a-z-]+)`/g)].map((m) => m[1]));
  assert.deepEqual([...listed].sort(), [...FINDING_KINDS].sort());
});
