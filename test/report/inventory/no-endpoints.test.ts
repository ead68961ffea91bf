// With no endpoints, the drift section says so instead of claiming every
// checked-in certificate matches what its (non-existent) endpoints serve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildInventory } from '../../../src/report/inventory/inventory.js';
import { renderText } from '../../../src/report/inventory/render-text.js';
import { renderMarkdown } from '../../../src/report/inventory/render-markdown.js';
import { renderHtml } from '../../../src/report/inventory/render-html.js';
import { cert, fileAt, report } from '../../helpers/report-factory.js';

test('files only: every inventory format says "no endpoints configured"', () => {
  const r = report([cert({ cn: 'files-only.example', locations: [fileAt('certs/a.pem')] })]);
  const inv = buildInventory(r);
  for (const out of [renderText(r, inv), renderMarkdown(r, inv), renderHtml(r, inv)]) {
    assert.match(out, /no endpoints configured/i);
    assert.doesNotMatch(out, /matches what its endpoints serve/);
  }
});
