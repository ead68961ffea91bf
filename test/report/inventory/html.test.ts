// The HTML report as a file: self-contained, escaped, with a strict CSP that
// lets through exactly its own style and script. (html-browser.test.ts loads
// it in Chromium.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { renderInventory } from '../../../src/report/inventory/render.js';
import { escapeHtml } from '../../../src/report/inventory/html-escape.js';
import { summarize } from '../../../src/report/build-report.js';
import { generateEstate, hostileCertificates } from './estate.js';

const { report } = generateEstate();
report.certificates.push(...hostileCertificates());
report.summary = summarize(report.certificates, report.problems);
const html = renderInventory(report, 'html', { title: 'Acme <certificates> & "friends"' });

/** Real tags in the page (escaped text cannot form one, since `<` is always &lt; there). */
function tags(page: string): string[] {
  return page.match(/<[a-zA-Z][^>]*>/g) ?? [];
}

test('report text never becomes markup: subjects with <script> and attributes stay text', () => {
  assert.ok(!html.includes('<script>document.title'));
  assert.ok(!html.includes('<img src=x'));
  assert.ok(
    html.includes('&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;'),
  );
  assert.equal(tags(html).filter((t) => /^<script\b/i.test(t)).length, 1, 'only the page’s own script');
  assert.ok(!tags(html).some((t) => /^<img\b/i.test(t)));
  assert.ok(html.includes('<title>Acme &lt;certificates&gt; &amp; &quot;friends&quot;</title>'));
  // Attribute values are quoted and escaped: a quote in a subject cannot close one.
  for (const t of tags(html))
    assert.ok(!/=\s*[^"\s>]/.test(t.replace(/="[^"]*"/g, '=""')), `unquoted attribute in ${t.slice(0, 120)}`);
  assert.equal(escapeHtml(`<a href='x'>&"`), '&lt;a href=&#39;x&#39;&gt;&amp;&quot;');
});

test('self-contained: no element loads anything from anywhere', () => {
  for (const t of tags(html)) {
    // Attribute values are escaped text (a subject may read "src=x"); look at attribute names only.
    const names = t.replace(/="[^"]*"/g, '=""').replace(/^<svg[^>]*>/, '<svg>');
    assert.ok(
      !/\s(src|href|srcset|action|poster|data|xlink:href)\s*=/i.test(names),
      `no loading attribute: ${t.slice(0, 120)}`,
    );
    assert.ok(!/^<(link|iframe|object|embed|img|base)\b/i.test(t), t.slice(0, 80));
  }
  assert.ok(!/@import|url\(/i.test(html.slice(html.indexOf('<style>'), html.indexOf('</style>'))), 'no CSS fetches');
  assert.ok(
    !/fetch\(|XMLHttpRequest|import\(/.test(html.slice(html.indexOf('<script>'), html.indexOf('</script>'))),
    'the script makes no requests',
  );
});

test('a strict Content-Security-Policy allows exactly the inline style and script, by hash', () => {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1].replace(/&#39;/g, "'");
  assert.ok(csp);
  assert.match(csp, /default-src 'none'/);
  const style = html.slice(html.indexOf('<style>') + 7, html.indexOf('</style>'));
  const script = html.slice(html.indexOf('<script>') + 8, html.indexOf('</script>'));
  const hash = (s: string): string => createHash('sha256').update(s).digest('base64');
  assert.ok(csp.includes(`style-src 'sha256-${hash(style)}'`));
  assert.ok(csp.includes(`script-src 'sha256-${hash(script)}'`));
  assert.ok(!csp.includes('unsafe-inline'));
});

test('server-rendered: one table row and one timeline bar per certificate, a now line, the groups and drift', () => {
  const rows = html.match(/<tr class="(fail|warn|ok)" data-status=/g) ?? [];
  assert.equal(rows.length, report.certificates.length);
  assert.equal((html.match(/<rect class="bar (fail|warn|ok)"/g) ?? []).length, report.certificates.length);
  assert.match(html, /<line class="now"/);
  assert.equal((html.match(/<rect class="bar fail"/g) ?? []).length, rows.filter((r) => r.includes('"fail"')).length);
  for (const id of ['timeline', 'certificates', 'concentration', 'drift', 'groups', 'forecast'])
    assert.ok(html.includes(`<section id="${id}">`), id);
  assert.ok(html.includes(escapeHtml("If R11 (Let's Encrypt) revoked everything today:")));
  // The filter controls mean nothing without the script, so they start hidden.
  assert.match(html, /<div class="controls" id="table-controls" hidden>/);
});
