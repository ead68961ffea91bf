// Big repositories stay readable: many notices of one kind become one line with a
// count and the first few places (text), or one row plus a collapsed <details>
// (summary); the JSON report keeps every item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderText } from '../../src/report/text.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { finding, fileAt, report } from '../helpers/report-factory.js';

const keys = Array.from({ length: 40 }, (_, i) =>
  finding('private-key', 'notice', {
    message: `k8s/app-${i}.yaml:3: a private key is committed`,
    location: fileAt(`k8s/app-${i}.yaml`, 3),
  }),
);
const few = [
  finding('no-match', 'notice', {
    message: 'files: "x/*.pem" matched no file',
    location: fileAt('.github/certwatch.yml', 5),
  }),
];
const r = report([], { problems: [...keys, ...few] });

test('text: 40 private-key notices are one line with the count, three places and +37 more; a lone notice stays as it is', () => {
  const out = renderText(r, { color: false });
  const lines = out.split('\n').filter((l) => l.includes('private-key'));
  assert.equal(lines.length, 1, out);
  assert.match(
    lines[0],
    /40 places\s+40 private-key notices: k8s\/app-0\.yaml:3, k8s\/app-1\.yaml:3, k8s\/app-2\.yaml:3 \+37 more; the JSON report/,
  );
  assert.match(out, /no-match\s+\.github\/certwatch\.yml:5\s+files: "x\/\*\.pem" matched no file/);
});

test('summary: one row for the 40 notices and every one of them in a collapsed <details>', () => {
  const md = renderMarkdown(r);
  const rows = md.split('\n').filter((l) => l.startsWith('| ') && l.includes('`private-key`'));
  assert.equal(rows.length, 41, 'one collapsed row + 40 inside <details>');
  assert.match(md, /\| 40 places \| 40 `private-key` notices, listed below \|/);
  assert.match(md, /<details>\n<summary>40 private-key notices<\/summary>/);
  assert.equal(r.problems.length, 41, 'the JSON report keeps each');
});
