// The HTML report's stylesheet and script, inlined into the page (no external
// requests: the file is opened from an artifact, often offline). The page's
// Content-Security-Policy allows exactly these two by hash.
//
// The script only enhances what the server rendered: sorting, a text filter
// and a status filter. It reads values from the table cells (data-sort), so
// no report text is ever placed inside code. Query parameters (?sort=notAfter
// &dir=desc&q=text&status=fail) set the initial view, so a link can share one
// and a headless browser can check the script ran.

export const HTML_STYLE = `
:root { color-scheme: light; --fail: #cf222e; --warn: #bf8700; --ok: #1a7f37; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; padding: 16px 24px 48px; color: #1f2328; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0 0 8px; }
.counts { display: flex; gap: 12px; flex-wrap: wrap; list-style: none; padding: 0; margin: 8px 0; }
.counts li { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; }
.counts b { font-size: 18px; margin-right: 4px; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
.badge.fail { background: var(--fail); } .badge.warn { background: var(--warn); } .badge.ok { background: var(--ok); }
.chart { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
.chart svg { max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
.chart .tick, .chart .note, .chart .pinned-date { fill: var(--muted); }
.chart .now-label { font-weight: 600; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td { overflow-wrap: anywhere; } /* a 200-character name must not push the page sideways */
th { background: #f6f8fa; position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; word-break: break-all; }
td ul { margin: 0; padding-left: 16px; }
td.date { white-space: nowrap; }
td details summary { cursor: pointer; color: var(--muted); }
tr.fail td:first-child { border-left: 4px solid var(--fail); }
tr.warn td:first-child { border-left: 4px solid var(--warn); }
tr.ok td:first-child { border-left: 4px solid var(--ok); }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
.controls { display: flex; gap: 12px; align-items: center; margin: 8px 0; }
.controls input { width: 320px; padding: 4px 8px; }
.muted { color: var(--muted); }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 0 32px; }
`;

export const HTML_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('certificates-table');
  if (!table || !table.tBodies.length) return;
  var tbody = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var original = Array.prototype.slice.call(tbody.rows);
  var serverOrder = new Map();
  original.forEach(function (r, i) { serverOrder.set(r, i); });
  var filterBox = document.getElementById('filter-text');
  var statusBox = document.getElementById('filter-status');
  var shown = document.getElementById('shown-count');
  var current = { key: null, dir: 1 };

  function value(row, index, type) {
    var cell = row.cells[index];
    var v = cell.getAttribute('data-sort');
    if (v === null) v = cell.textContent || '';
    if (type === 'number') { var n = parseFloat(v); return isNaN(n) ? -Infinity : n; }
    return v.toLowerCase();
  }

  function sortBy(key, dir) {
    var index = -1, type = 'text';
    heads.forEach(function (th, i) {
      if (th.getAttribute('data-key') === key) { index = i; type = th.getAttribute('data-type') || 'text'; }
    });
    if (index < 0) return;
    var rows = original.slice();
    rows.sort(function (a, b) {
      var x = value(a, index, type), y = value(b, index, type);
      if (x < y) return -dir;
      if (x > y) return dir;
      return serverOrder.get(a) - serverOrder.get(b); // stable: ties keep the server's order
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
    heads.forEach(function (th, i) {
      if (i === index) th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
    current = { key: key, dir: dir };
    document.documentElement.setAttribute('data-sorted-by', key + ':' + (dir > 0 ? 'asc' : 'desc'));
  }

  function applyFilter() {
    var q = (filterBox.value || '').toLowerCase().trim();
    var status = statusBox.value;
    var count = 0;
    original.forEach(function (row) {
      var ok = (!status || row.getAttribute('data-status') === status) &&
        (!q || (row.textContent || '').toLowerCase().indexOf(q) >= 0 || (row.getAttribute('data-search') || '').indexOf(q) >= 0);
      row.hidden = !ok;
      if (ok) count++;
    });
    shown.textContent = count + ' of ' + original.length + ' shown';
    document.documentElement.setAttribute('data-shown', String(count));
  }

  heads.forEach(function (th) {
    var key = th.getAttribute('data-key');
    if (!key) return;
    var label = th.textContent;
    th.textContent = '';
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', function () {
      sortBy(key, current.key === key ? -current.dir : 1);
    });
    th.appendChild(button);
  });
  filterBox.addEventListener('input', applyFilter);
  statusBox.addEventListener('change', applyFilter);

  var params = new URLSearchParams(window.location.search);
  if (params.get('q')) filterBox.value = params.get('q');
  if (params.get('status')) statusBox.value = params.get('status');
  if (params.get('sort')) sortBy(params.get('sort'), params.get('dir') === 'desc' ? -1 : 1);
  applyFilter();
  document.getElementById('table-controls').hidden = false;
  document.documentElement.setAttribute('data-enhanced', 'true');
})();
`;
