import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  buildInventory,
  daysLeft,
  groupBy,
  hasEndpoints,
  isActive,
  isoDate,
  issuingCa,
  keyLabel,
  locationText,
  statusClass,
  statusCounts,
  statusId
} from "./chunk-FOURFBKZ.js";
import {
  plural,
  readableInstant
} from "./chunk-W6PAKI37.js";
import {
  findingSentence,
  findingSentenceBesidePlace,
  mdUntrusted,
  ownersMarkdown,
  partialShard,
  shardText
} from "./chunk-HPOGBE72.js";
import {
  displayName
} from "./chunk-753U3B2Y.js";

// src/report/inventory/render-text.ts
var MAX_CELL = 48;
var ANSI = { fail: "\x1B[31m", warn: "\x1B[33m", ok: "\x1B[32m" };
var RESET = "\x1B[0m";
var BOLD = "\x1B[1m";
function renderText(report, inv, opts = {}) {
  const color = opts.color === true;
  const heading = (s2) => color ? `${BOLD}${s2}${RESET}` : s2;
  const now = new Date(report.run.now);
  const s = report.summary;
  const out = [];
  out.push(
    heading(clean(opts.title ?? "certwatch inventory")) + ` \u2014 as of ${readableInstant(report.run.now)} \u2014 ${plural(s.certificates, "certificate")}, status ${s.status} (${plural(s.failures, "failure")}, ${plural(s.warnings, "warning")})`
  );
  const sections = [
    ["By issuing CA", inv.groups.issuer],
    ["By root", inv.groups.root],
    ["By owner", inv.groups.owner],
    ["By key type", inv.groups.key]
  ];
  for (const [title, groups] of sections) {
    out.push("", heading(title));
    out.push(...groupTable(groups));
  }
  out.push("", heading("Concentration"));
  out.push(...inv.concentration.length ? inv.concentration.map((l) => "  " + clean(l)) : ["  (no certificates)"]);
  out.push("", heading("Expiring by month"));
  out.push(
    ...table(
      ["MONTH", "CERTS", "FAILING"],
      inv.forecast.map((b) => [b.label, String(b.certificates), String(b.failing)]),
      [false, true, true]
    )
  );
  out.push("", heading("Drift"));
  out.push(
    ...inv.drift.length ? inv.drift.map((d) => `  ${d.verdict}: ${clean(d.message)}`) : [
      hasEndpoints(report) ? "  none: every checked-in certificate matches what its endpoints serve" : "  no endpoints configured: nothing to compare the checked-in certificates with"
    ]
  );
  out.push("", heading("Certificates"));
  const certs = [...report.certificates].sort(byExpiry);
  const rows = certs.map((c) => [
    statusId(c),
    displayName(c),
    issuingCa(c),
    isoDate(c.notAfter),
    String(daysLeft(c, now)),
    locationsCell(c),
    c.owner ?? "-"
  ]);
  const lines = table(["STATUS", "SUBJECT", "ISSUER", "EXPIRES", "DAYS LEFT", "LOCATIONS", "OWNER"], rows, [
    false,
    false,
    false,
    false,
    true,
    false,
    false
  ]);
  out.push(lines[0]);
  lines.slice(1).forEach((line, i) => out.push(color ? `${ANSI[statusClass(certs[i])]}${line}${RESET}` : line));
  if (report.problems.length) {
    out.push("", heading("Problems (not tied to a certificate)"));
    for (const p of report.problems)
      out.push(
        `  ${p.severity} ${p.id}${p.location ? ` ${locationText(p.location)}` : ""}: ${clean(findingSentenceBesidePlace(p, report.run.now))}`
      );
  }
  return out.join("\n") + "\n";
}
function groupTable(groups, first = "GROUP") {
  return table(
    [first, "CERTS", "LOCATIONS", "FAILING", "EARLIEST EXPIRY", "OWNERS"],
    groups.map((g) => [
      g.key,
      String(g.certificates),
      String(g.locations),
      String(g.failing),
      g.earliestExpiry ? isoDate(g.earliestExpiry) : "-",
      g.owners.join(", ") || "-"
    ]),
    [false, true, true, true, false, false]
  );
}
function byExpiry(a, b) {
  return Date.parse(a.notAfter) - Date.parse(b.notAfter) || (a.fingerprint < b.fingerprint ? -1 : 1);
}
function locationsCell(c) {
  if (c.locations.length === 0) return "-";
  const first = locationText(c.locations[0]);
  return c.locations.length > 1 ? `${first} +${c.locations.length - 1}` : first;
}
function clean(s) {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
function clip(s) {
  const c = clean(s);
  return c.length > MAX_CELL ? c.slice(0, MAX_CELL - 1) + "\u2026" : c;
}
function table(head, rows, rightAlign) {
  const cells = rows.map((r) => r.map((v, i) => i === r.length - 1 ? clean(v) : clip(v)));
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (r) => "  " + r.map((v, i) => rightAlign[i] ? v.padStart(widths[i]) : v.padEnd(widths[i])).join("  ").trimEnd();
  return [line(head), ...cells.map(line)];
}

// src/report/inventory/render-csv.ts
var CSV_COLUMNS = [
  "fingerprint",
  "subject",
  "issuer",
  "serial",
  "not_before",
  "not_after",
  "days_left",
  "status",
  "owner",
  "location_type",
  "location",
  "address",
  "name"
];
function renderCsv(report) {
  const now = new Date(report.run.now);
  const rows = [[...CSV_COLUMNS]];
  for (const c of [...report.certificates].sort(byExpiry)) {
    const places = c.locations.length ? c.locations : [null];
    for (const l of places) {
      rows.push([
        c.fingerprint,
        c.subject,
        c.issuer,
        c.serialNumber,
        c.notBefore,
        c.notAfter,
        daysLeft(c, now),
        // a number we computed: written as is (see csvCell)
        statusId(c),
        c.owner ?? "",
        l?.type ?? "",
        l ? locationText(l) : "",
        l?.type === "endpoint" ? l.address ?? "" : "",
        displayName(c)
      ]);
    }
  }
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
var FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/u;
function csvCell(v) {
  let s = typeof v === "number" ? String(v) : v;
  if (typeof v === "string" && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// src/report/inventory/render-ics.ts
var REMINDER = "-P30D";
var MAX_LOCATIONS_IN_DESCRIPTION = 20;
function renderIcs(report, opts = {}) {
  const stamp = icsDateTime(report.generatedAt);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//certwatch//inventory//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(opts.title ?? "Certificate expiry (certwatch)")}`
  ];
  for (const c of [...report.certificates].sort(byExpiry)) lines.push(...event(c, stamp));
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
function event(c, stamp) {
  const day = isoDate(c.notAfter);
  const name = displayName(c);
  const where = c.locations.slice(0, MAX_LOCATIONS_IN_DESCRIPTION).map(locationText);
  if (c.locations.length > where.length) where.push(`\u2026 and ${c.locations.length - where.length} more`);
  const description = [
    `Subject: ${c.subject}`,
    `Issuer: ${issuingCa(c)} (${c.issuer})`,
    `Serial: ${c.serialNumber}`,
    `Expires: ${readableInstant(c.notAfter)}`,
    `Owner: ${c.owner ?? "none recorded"}`,
    `Locations:`,
    ...where.map((w) => `- ${w}`),
    `Fingerprint: ${c.fingerprint}`
  ].join("\n");
  return [
    "BEGIN:VEVENT",
    `UID:${c.fingerprint}@certwatch`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${day.replace(/-/g, "")}`,
    `DTEND;VALUE=DATE:${nextDay(day).replace(/-/g, "")}`,
    // exclusive end (RFC 5545 §3.6.1): a one-day event
    `SUMMARY:${icsText(`Certificate expires: ${name}`)}`,
    `DESCRIPTION:${icsText(description)}`,
    "TRANSP:TRANSPARENT",
    // a deadline, not a meeting: do not block the calendar
    ...c.owner ? [`CATEGORIES:${icsText(c.owner)}`] : [],
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    `TRIGGER:${REMINDER}`,
    `DESCRIPTION:${icsText(`Certificate expires in 30 days: ${name}`)}`,
    "END:VALARM",
    "END:VEVENT"
  ];
}
function nextDay(day) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 864e5).toISOString().slice(0, 10);
}
function icsDateTime(iso) {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}
function icsText(s) {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}
function fold(line) {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    while (end < bytes.length && (bytes[end] & 192) === 128) end--;
    parts.push(bytes.subarray(start, end).toString("utf8"));
    start = end;
    limit = 74;
  }
  return parts.join("\r\n ");
}

// src/report/inventory/render-markdown.ts
var MAX_LOCATIONS_PER_CELL = 5;
function renderMarkdown(report, inv, opts = {}) {
  const now = new Date(report.run.now);
  const s = report.summary;
  const out = [];
  out.push(`## ${mdCell(opts.title ?? "Certificate inventory")}`, "");
  out.push(
    `**${s.certificates}** certificate${s.certificates === 1 ? "" : "s"} as of ${readableInstant(report.run.now)} \u2014 status **${s.status}** (${plural(s.failures, "failure")}, ${plural(s.warnings, "warning")})`
  );
  const groupSections = [
    ["By issuing CA", inv.groups.issuer],
    ["By root", inv.groups.root],
    ["By owner", inv.groups.owner],
    ["By key type", inv.groups.key]
  ];
  for (const [title, groups] of groupSections) {
    out.push("", `### ${title}`, "");
    out.push(...groupTableMarkdown(groups));
  }
  out.push("", "### Concentration", "");
  out.push(...inv.concentration.length ? inv.concentration.map((l) => `- ${mdCell(l)}`) : ["No certificates."]);
  out.push("", "### Expiring by month", "");
  out.push(
    ...mdTable(
      ["Month", "Certificates", "Failing"],
      inv.forecast.map((b) => [b.label, String(b.certificates), String(b.failing)])
    )
  );
  out.push("", "### Drift", "");
  out.push(
    ...inv.drift.length ? inv.drift.map((d) => `- **${d.verdict}**: ${mdCell(d.message)}`) : [
      hasEndpoints(report) ? "Every checked-in certificate matches what its endpoints serve." : "No endpoints configured: nothing to compare the checked-in certificates with."
    ]
  );
  out.push("", "### Certificates", "");
  out.push(
    ...mdTable(
      ["Status", "Subject", "Issuer", "Expires", "Days left", "Locations", "Owner"],
      [...report.certificates].sort(byExpiry).map((c) => {
        const where = c.locations.slice(0, MAX_LOCATIONS_PER_CELL).map(locationText);
        if (c.locations.length > where.length) where.push(`+${c.locations.length - where.length} more`);
        return [
          statusId(c),
          displayName(c),
          issuingCa(c),
          isoDate(c.notAfter),
          String(daysLeft(c, now)),
          where.join(", ") || "\u2014",
          owners(c.owner ? [c.owner] : [])
        ];
      })
    )
  );
  if (report.problems.length) {
    out.push("", "### Problems not tied to a certificate", "");
    out.push(
      ...report.problems.map(
        (p) => `- \`${p.id}\` (${p.severity})${p.location ? ` ${mdCell(locationText(p.location))}` : ""}: ${mdCell(findingSentenceBesidePlace(p, report.run.now))}`
      )
    );
  }
  return out.join("\n") + "\n";
}
function groupTableMarkdown(groups, first = "Group") {
  return mdTable(
    [first, "Certificates", "Locations", "Failing", "Earliest expiry", "Owners"],
    groups.map((g) => [
      g.key,
      String(g.certificates),
      String(g.locations),
      String(g.failing),
      g.earliestExpiry ? isoDate(g.earliestExpiry) : "\u2014",
      owners(g.owners)
    ])
  );
}
var Owners = class {
  constructor(markdown) {
    this.markdown = markdown;
  }
  markdown;
};
function owners(list2) {
  return new Owners(list2.length ? ownersMarkdown(list2) : "\u2014");
}
function mdTable(head, rows) {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map((c) => c instanceof Owners ? c.markdown : mdCell(c)).join(" | ")} |`)
  ];
}
function mdCell(s) {
  return mdUntrusted(s);
}

// src/report/inventory/render-html.ts
import { createHash } from "node:crypto";

// src/report/inventory/html-escape.ts
function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}
var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

// src/report/inventory/html-assets.ts
var HTML_STYLE = `
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
var HTML_SCRIPT = `
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

// src/report/inventory/timeline-svg.ts
var WIDTH = 1200;
var AXIS_HEIGHT = 28;
var LEGEND_HEIGHT = 22;
var PLOT_HEIGHT_BUDGET = 560;
var MAX_ROW_HEIGHT = 14;
var MIN_ROW_HEIGHT = 2;
var LABELLED_ROWS = 40;
var LABEL_WIDTH = 260;
var MAX_BARS = 2e3;
var DAY_MS = 864e5;
var MAX_SPAN_MS = 2 * 365 * DAY_MS;
var PINNED_WIDTH = 12;
var STATUS_COLOURS = { fail: "#cf222e", warn: "#bf8700", ok: "#1a7f37" };
function renderTimelineSvg(report) {
  const now = Date.parse(report.run.now);
  const all = [...report.certificates].sort(byExpiry);
  const certs = all.slice(0, MAX_BARS);
  const n = certs.length;
  const labelled = n > 0 && n <= LABELLED_ROWS;
  const rowH = n === 0 ? MAX_ROW_HEIGHT : Math.max(MIN_ROW_HEIGHT, Math.min(MAX_ROW_HEIGHT, Math.floor(PLOT_HEIGHT_BUDGET / n)));
  const gap = rowH >= 6 ? 2 : rowH >= 3 ? 1 : 0;
  const left = labelled ? LABEL_WIDTH : 8;
  const right = WIDTH - 8;
  const top = LEGEND_HEIGHT + AXIS_HEIGHT;
  const plotH = Math.max(n * rowH, 24);
  const height = top + plotH + 22;
  const [start, end] = timeWindow(certs, now);
  const x = (t) => left + (Math.min(Math.max(t, start), end) - start) / (end - start) * (right - left);
  const parts = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" id="timeline-chart" class="timeline" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="timeline-title">`,
    `<title id="timeline-title">Expiry timeline: ${n} certificates from ${isoDate(new Date(start).toISOString())} to ${isoDate(new Date(end).toISOString())}</title>`
  );
  parts.push(legend(all));
  parts.push(axis(start, end, x, top, plotH));
  const frame = { x, start, end, left, right, top, rowH, gap, labelled };
  certs.forEach((c, i) => parts.push(bar(c, i, frame)));
  if (n === 0) parts.push(`<text x="${left + 8}" y="${top + 16}" class="empty">No certificates.</text>`);
  const nx = x(now).toFixed(1);
  parts.push(
    `<line class="now" x1="${nx}" x2="${nx}" y1="${top}" y2="${top + plotH + 4}" stroke="#0969da" stroke-width="2" stroke-dasharray="4 3"/>`,
    `<text class="now-label" x="${nx}" y="${top + plotH + 15}" text-anchor="middle" fill="#0969da">now ${escapeHtml(isoDate(report.run.now))}</text>`
  );
  if (all.length > certs.length)
    parts.push(
      `<text x="${left}" y="${height - 7}" class="note">\u2026and ${all.length - certs.length} later expiries not drawn</text>`
    );
  parts.push("</svg>");
  return parts.join("\n");
}
function timeWindow(certs, now) {
  const recent = certs.filter((c) => Date.parse(c.notAfter) >= now - MAX_SPAN_MS);
  const leaves = recent.filter((c) => c.role === "leaf");
  const basis = leaves.length ? leaves : recent.length ? recent : certs;
  let start = Math.min(now, ...basis.map((c) => Date.parse(c.notBefore)));
  let end = Math.max(now, ...basis.map((c) => Date.parse(c.notAfter)));
  start = Math.max(start, now - MAX_SPAN_MS);
  end = Math.min(end, now + MAX_SPAN_MS);
  const pad = Math.max((end - start) * 0.03, 7 * DAY_MS);
  return [start - pad, end + pad];
}
function legend(certs) {
  const counts = statusCounts(certs);
  const items = [
    ["fail", "failing"],
    ["warn", "warning"],
    ["ok", "ok"]
  ];
  return items.map(([k, label], i) => {
    const lx = 8 + i * 140;
    return `<g class="legend-item" data-count="${k}"><rect x="${lx}" y="4" width="12" height="12" rx="2" fill="${STATUS_COLOURS[k]}"/><text x="${lx + 18}" y="15">${label}: ${counts[k]}</text></g>`;
  }).join("");
}
function axis(start, end, x, top, plotH) {
  const s = new Date(start);
  const spanMonths = (end - start) / (30 * DAY_MS);
  const step = spanMonths > 36 ? 6 : spanMonths > 14 ? 3 : 1;
  const out = [
    `<g class="axis">`,
    `<line x1="${x(start)}" x2="${x(end)}" y1="${top}" y2="${top}" stroke="#8c959f"/>`
  ];
  for (let m = s.getUTCMonth() + 1; ; m++) {
    const t = Date.UTC(s.getUTCFullYear(), m, 1);
    if (t > end) break;
    const d = new Date(t);
    if (d.getUTCMonth() % step !== 0) continue;
    const tx = x(t).toFixed(1);
    out.push(
      `<line x1="${tx}" x2="${tx}" y1="${top}" y2="${top + plotH}" stroke="#d0d7de" stroke-width="1"/>`,
      `<text x="${tx}" y="${top - 12}" text-anchor="middle" class="tick">${d.toISOString().slice(0, 7)}</text>`
    );
  }
  out.push("</g>");
  return out.join("");
}
function bar(c, i, f) {
  const cls = statusClass(c);
  const from = Date.parse(c.notBefore);
  const to = Date.parse(c.notAfter);
  const y = f.top + i * f.rowH;
  const h = Math.max(1, f.rowH - f.gap);
  const pinned = to < f.start ? "before" : from > f.end ? "after" : null;
  const x0 = pinned === "before" ? f.left : pinned === "after" ? f.right - PINNED_WIDTH : f.x(from);
  const w = pinned ? PINNED_WIDTH : Math.max(2, f.x(to) - x0);
  const edge = pinned === "before" ? `ended ${isoDate(c.notAfter)}, before the chart starts` : pinned === "after" ? `starts ${isoDate(c.notBefore)}, after the chart ends` : null;
  const tip = `${displayName(c)} \u2014 ${isoDate(c.notBefore)} \u2192 ${isoDate(c.notAfter)}${edge ? ` (${edge})` : ""} \u2014 ${statusId(c)}${c.owner ? ` \u2014 ${c.owner}` : ""}`;
  const label = f.labelled ? `<text x="${LABEL_WIDTH - 6}" y="${(y + h - 2).toFixed(1)}" text-anchor="end" class="row-label">${escapeHtml(clipLabel(displayName(c)))}</text>` : "";
  const dateText = pinned && f.rowH >= 10 ? `<text class="pinned-date" x="${pinned === "before" ? f.left + PINNED_WIDTH + 4 : f.right - PINNED_WIDTH - 4}" y="${(y + h - 2).toFixed(1)}"${pinned === "after" ? ' text-anchor="end"' : ""}>${pinned === "before" ? `\u25C0 ended ${isoDate(c.notAfter)}` : `starts ${isoDate(c.notBefore)} \u25B6`}</text>` : "";
  return `<g class="row">${label}<rect class="bar ${cls}" data-fingerprint="${escapeHtml(c.fingerprint)}"${pinned ? ` data-pinned="${pinned}"` : ""} x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${h}" fill="${STATUS_COLOURS[cls]}"><title>${escapeHtml(tip)}</title></rect>${dateText}</g>`;
}
function clipLabel(s) {
  return s.length > 38 ? s.slice(0, 37) + "\u2026" : s;
}

// src/report/inventory/render-html.ts
function renderHtml(report, inv, opts = {}) {
  const title = opts.title ?? "Certificate inventory";
  const now = new Date(report.run.now);
  const s = report.summary;
  const certs = [...report.certificates].sort(byExpiry);
  const counts = statusCounts(certs);
  const otherFailures = report.problems.filter((p) => isActive(p) && p.severity === "error").length;
  const csp = [
    "default-src 'none'",
    `style-src '${cspHash(HTML_STYLE)}'`,
    `script-src '${cspHash(HTML_SCRIPT)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'"
  ].join("; ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="certwatch ${escapeHtml(report.tool.version)}">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Report generated ${escapeHtml(readableInstant(report.generatedAt))} \xB7 checked as of ${escapeHtml(readableInstant(report.run.now))} \xB7 certwatch ${escapeHtml(report.tool.version)}${shardNote(report)}</p>
<ul class="counts" id="summary">
<li><span class="badge ${s.status === "ok" ? "ok" : s.status}">${escapeHtml(s.status)}</span></li>
<li><b>${s.certificates}</b>certificates</li>
<li data-count="fail"><b>${counts.fail}</b>failing</li>
<li data-count="warn"><b>${counts.warn}</b>warning</li>
${otherFailures ? `<li data-count="problems"><b>${otherFailures}</b>${otherFailures === 1 ? "failure" : "failures"} not tied to a certificate</li>
` : ""}<li>next leaf expiry <b>${s.nextExpiry ? escapeHtml(isoDate(s.nextExpiry)) : "\u2014"}</b></li>
</ul>
</header>
<main>
<section id="timeline">
<h2>Expiry timeline</h2>
<div class="chart">
${renderTimelineSvg(report)}
</div>
</section>
<section id="certificates">
<h2>Certificates</h2>
<div class="controls" id="table-controls" hidden>
<input type="search" id="filter-text" placeholder="Filter: name, issuer, owner, location, serial\u2026" aria-label="Filter certificates">
<select id="filter-status" aria-label="Status">
<option value="">every status</option>
<option value="fail">failing</option>
<option value="warn">warning</option>
<option value="ok">ok</option>
</select>
<span id="shown-count" class="muted"></span>
</div>
${certificateTable(certs, now)}
</section>
<section id="concentration">
<h2>Concentration</h2>
${list(inv.concentration, "No certificates.")}
</section>
<section id="drift">
<h2>Drift</h2>
${inv.drift.length ? `<ul>${inv.drift.map((d) => `<li data-verdict="${escapeHtml(d.verdict)}"><b>${escapeHtml(d.verdict)}</b>: ${escapeHtml(d.message)}</li>`).join("\n")}</ul>` : hasEndpoints(report) ? '<p class="muted">Every checked-in certificate matches what its endpoints serve.</p>' : '<p class="muted">No endpoints configured: nothing to compare the checked-in certificates with.</p>'}
</section>
<section id="groups">
<div class="columns">
<div><h2>By issuing CA</h2>${groupTable2(inv.groups.issuer, "issuer")}</div>
<div><h2>By root</h2>${groupTable2(inv.groups.root, "root")}</div>
<div><h2>By owner</h2>${groupTable2(inv.groups.owner, "owner")}</div>
<div><h2>By key type</h2>${groupTable2(inv.groups.key, "key")}</div>
</div>
</section>
<section id="forecast">
<h2>Expiring by month</h2>
<table class="forecast"><thead><tr><th>Month</th><th class="num">Certificates</th><th class="num">Failing</th></tr></thead><tbody>
${inv.forecast.map((b) => `<tr><td>${escapeHtml(b.label)}</td><td class="num">${b.certificates}</td><td class="num">${b.failing}</td></tr>`).join("\n")}
</tbody></table>
</section>
${problemsSection(report)}
</main>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}
function cspHash(text) {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}
var COLUMNS = [
  { key: "status", label: "Status", type: "text" },
  { key: "subject", label: "Subject", type: "text" },
  { key: "issuer", label: "Issuer", type: "text" },
  { key: "notBefore", label: "Not before", type: "text" },
  { key: "notAfter", label: "Not after", type: "text" },
  { key: "daysLeft", label: "Days left", type: "number", numeric: true },
  { key: "key", label: "Key", type: "text" },
  { key: "locations", label: "Locations", type: "number" },
  { key: "owner", label: "Owner", type: "text" },
  { key: "serial", label: "Serial", type: "text" }
];
function certificateTable(certs, now) {
  const head = COLUMNS.map(
    (c) => `<th scope="col" data-key="${c.key}" data-type="${c.type}"${c.numeric ? ' class="num"' : ""}>${escapeHtml(c.label)}</th>`
  ).join("");
  const rows = certs.map((c) => certificateRow(c, now)).join("\n");
  return `<table id="certificates-table"><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>`;
}
var LOCATIONS_SHOWN = 3;
var STATUS_SORT = { fail: "0", warn: "1", ok: "2" };
function certificateRow(c, now) {
  const cls = statusClass(c);
  const days = daysLeft(c, now);
  const search = [c.fingerprint, c.subject, c.issuer, c.serialNumber, ...c.sans].join(" ").toLowerCase();
  const findings = c.findings.filter((f) => !f.ignored).map((f) => `${f.id}: ${findingSentence(f, now)}`).join("\n");
  const place = (l) => `<li>${escapeHtml(locationText(l))}${l.type === "endpoint" && l.address ? ` <span class="muted">${escapeHtml(l.address)}</span>` : ""}</li>`;
  const shownPlaces = c.locations.slice(0, LOCATIONS_SHOWN).map(place).join("");
  const morePlaces = c.locations.slice(LOCATIONS_SHOWN);
  const places = shownPlaces ? `<ul>${shownPlaces}</ul>${morePlaces.length ? `<details><summary>${morePlaces.length} more</summary><ul>${morePlaces.map(place).join("")}</ul></details>` : ""}` : "";
  const cells = [
    `<td data-sort="${STATUS_SORT[cls]}${escapeHtml(statusId(c))}"${findings ? ` title="${escapeHtml(findings)}"` : ""}><span class="badge ${cls}">${escapeHtml(statusId(c))}</span></td>`,
    `<td title="${escapeHtml(c.subject)}">${escapeHtml(displayName(c))}</td>`,
    `<td title="${escapeHtml(c.issuer)}">${escapeHtml(issuingCa(c))}</td>`,
    `<td class="date" data-sort="${escapeHtml(c.notBefore)}">${escapeHtml(isoDate(c.notBefore))}</td>`,
    `<td class="date" data-sort="${escapeHtml(c.notAfter)}">${escapeHtml(isoDate(c.notAfter))}</td>`,
    `<td class="num" data-sort="${days}">${days}</td>`,
    `<td>${escapeHtml(keyLabel(c.key))}</td>`,
    `<td data-sort="${c.locations.length}">${places || "\u2014"}</td>`,
    `<td>${c.owner ? escapeHtml(c.owner) : '<span class="muted">\u2014</span>'}</td>`,
    `<td class="mono">${escapeHtml(c.serialNumber)}</td>`
  ];
  return `<tr class="${cls}" data-status="${cls}" data-fingerprint="${escapeHtml(c.fingerprint)}" data-search="${escapeHtml(search)}">${cells.join("")}</tr>`;
}
function groupTable2(groups, kind) {
  if (!groups.length) return '<p class="muted">No certificates.</p>';
  const rows = groups.map(
    (g) => `<tr><td>${escapeHtml(g.key)}</td><td class="num">${g.certificates}</td><td class="num">${g.locations}</td><td class="num">${g.failing}</td><td>${g.earliestExpiry ? escapeHtml(isoDate(g.earliestExpiry)) : "\u2014"}</td><td>${escapeHtml(g.owners.join(", ")) || '<span class="muted">\u2014</span>'}</td></tr>`
  ).join("\n");
  return `<table class="groups" data-group="${escapeHtml(kind)}"><thead><tr><th>Group</th><th class="num">Certs</th><th class="num">Locations</th><th class="num">Failing</th><th>Earliest expiry</th><th>Owners</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}
function list(lines, empty) {
  return lines.length ? `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("\n")}</ul>` : `<p class="muted">${escapeHtml(empty)}</p>`;
}
function problemsSection(report) {
  if (!report.problems.length) return "";
  const items = report.problems.map(
    (p) => `<li><b>${escapeHtml(p.id)}</b> (${escapeHtml(p.severity)})${p.location ? ` ${escapeHtml(locationText(p.location))}` : ""}: ${escapeHtml(findingSentenceBesidePlace(p, report.run.now))}</li>`
  );
  return `<section id="problems"><h2>Problems not tied to a certificate</h2><ul>${items.join("\n")}</ul></section>`;
}
function shardNote(report) {
  const shard = partialShard(report);
  return shard ? ` \xB7 shard ${escapeHtml(shardText(shard))}` : "";
}

// src/report/openmetrics.ts
var MAX_LABEL_CHARS = 256;
var STATUSES = ["ok", "warn", "fail"];
function escapeLabelValue(v) {
  let s = [...v.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, "\uFFFD")];
  if (s.length > MAX_LABEL_CHARS) s = [...s.slice(0, MAX_LABEL_CHARS - 1), "\u2026"];
  return s.join("").replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\uFFFD").replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}
function labels(pairs) {
  return `{${pairs.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(",")}}`;
}
function seriesOf(report) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const c of report.certificates) {
    for (const l of c.locations.length ? c.locations : [null]) {
      const place = l === null ? "" : l.type === "endpoint" && l.address && l.address !== l.host ? `${locationText(l)} (${l.address})` : locationText(l);
      const set = [
        ["fingerprint", c.fingerprint],
        ["subject", displayName(c)],
        ["issuer", issuingCa(c)],
        ["location_type", l?.type ?? ""],
        ["location", place],
        ["owner", c.owner ?? ""]
      ];
      const key = labels(set);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ labels: set, cert: c });
    }
  }
  return out;
}
function family(name, help, samples) {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...samples];
}
function renderOpenMetrics(report) {
  const series = seriesOf(report);
  const now = new Date(report.run.now);
  const lines = [
    ...family(
      "certwatch_certificate_not_after_seconds",
      "The certificate's notAfter, as a Unix time in seconds.",
      series.map(
        (s) => `certwatch_certificate_not_after_seconds${labels(s.labels)} ${Math.floor(Date.parse(s.cert.notAfter) / 1e3)}`
      )
    ),
    // Time left in seconds, not days: Prometheus names carry base units (promtool's lint says so); divide by 86400 for days.
    ...family(
      "certwatch_certificate_expires_in_seconds",
      "Seconds from the run's clock to notAfter; negative once expired.",
      series.map(
        (s) => `certwatch_certificate_expires_in_seconds${labels(s.labels)} ${Math.floor((Date.parse(s.cert.notAfter) - now.getTime()) / 1e3)}`
      )
    ),
    ...family(
      "certwatch_certificate_status",
      "1 for the certificate's status (ok, warn or fail, from its worst active finding), 0 for the others.",
      series.flatMap(
        (s) => STATUSES.map(
          (st) => `certwatch_certificate_status${labels([...s.labels, ["status", st]])} ${statusClass(s.cert) === st ? 1 : 0}`
        )
      )
    ),
    ...family("certwatch_certificates", "Distinct certificates seen by the run.", [
      `certwatch_certificates ${report.summary.certificates}`
    ]),
    ...family("certwatch_failures", "Error findings after ignores: the run fails when this is above 0.", [
      `certwatch_failures ${report.summary.failures}`
    ]),
    ...family("certwatch_warnings", "Warning findings after ignores.", [
      `certwatch_warnings ${report.summary.warnings}`
    ]),
    // The clock as a value, not a sample timestamp: the textfile collector refuses timestamps.
    ...family(
      "certwatch_run_clock_seconds",
      "The run's clock (the --at date in a forecast), as a Unix time in seconds.",
      [`certwatch_run_clock_seconds ${Math.floor(now.getTime() / 1e3)}`]
    )
  ];
  return lines.join("\n") + "\n";
}

// src/report/inventory/render-rollup.ts
var ROLLUP_FORMATS = ["text", "json", "csv", "markdown"];
var GROUP_NAMES = {
  folder: { column: "folder", phrase: "by folder" },
  issuer: { column: "issuing CA", phrase: "by issuing CA" },
  root: { column: "root", phrase: "by root" },
  owner: { column: "owner", phrase: "by owner" },
  key: { column: "key type", phrase: "by key type" }
};
function renderRollup(report, by, format, opts = {}) {
  const groups = groupBy(report, by);
  const names = GROUP_NAMES[by];
  const counts = statusCounts(report.certificates);
  const tally = `${plural(report.summary.certificates, "certificate")} (${counts.fail} failing, ${plural(counts.warn, "warning")}), status ${report.summary.status}`;
  switch (format) {
    case "text":
      return [
        `${clean(opts.title ?? "certwatch inventory")} ${names.phrase} \u2014 as of ${readableInstant(report.run.now)} \u2014 ${tally}`,
        ...groupTable(groups, names.column.toUpperCase())
      ].join("\n") + "\n";
    case "markdown":
      return [
        `## ${mdCell(opts.title ?? "Certificate inventory")} ${names.phrase}`,
        "",
        `As of ${readableInstant(report.run.now)}: ${tally}.`,
        "",
        ...groupTableMarkdown(groups, names.column[0].toUpperCase() + names.column.slice(1))
      ].join("\n") + "\n";
    case "csv": {
      const rows = [
        [names.column.replace(/ /g, "_"), "certificates", "locations", "failing", "earliest_expiry", "owners"],
        ...groups.map((g) => [
          g.key,
          g.certificates,
          g.locations,
          g.failing,
          g.earliestExpiry ? isoDate(g.earliestExpiry) : "",
          g.owners.join(" ")
        ])
      ];
      return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
    }
    case "json":
      return JSON.stringify(
        {
          version: report.version,
          generatedAt: report.generatedAt,
          tool: report.tool,
          run: { now: report.run.now, shard: report.run.shard },
          summary: report.summary,
          by,
          groups
        },
        null,
        2
      ) + "\n";
  }
}

// src/report/inventory/render.ts
var INVENTORY_FORMATS = [
  "text",
  "json",
  "csv",
  "markdown",
  "ics",
  "html",
  "openmetrics"
];
function renderInventory(report, format, opts = {}) {
  if (opts.by) {
    if (!isRollupFormat(format)) throw new Error(`--by ${opts.by} works with --format ${ROLLUP_FORMATS.join(", ")}`);
    return renderRollup(report, opts.by, format, opts);
  }
  switch (format) {
    case "csv":
      return renderCsv(report);
    // needs no derived views
    case "openmetrics":
      return renderOpenMetrics(report);
    case "ics":
      return renderIcs(report, opts);
    case "text":
      return renderText(report, buildInventory(report), opts);
    case "markdown":
      return renderMarkdown(report, buildInventory(report), opts);
    case "html":
      return renderHtml(report, buildInventory(report), opts);
    case "json": {
      const { groups, concentration, drift, forecast } = buildInventory(report);
      return JSON.stringify({ ...report, inventory: { groups, concentration, drift, forecast } }, null, 2) + "\n";
    }
  }
}
function isRollupFormat(f) {
  return ROLLUP_FORMATS.includes(f);
}

export {
  clean,
  renderOpenMetrics,
  INVENTORY_FORMATS,
  renderInventory,
  isRollupFormat
};
