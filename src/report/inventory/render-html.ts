// The HTML report: one self-contained file to upload as an artifact and open
// anywhere. Everything is rendered here — the table rows and the timeline
// chart work without JavaScript; the inline script only adds sorting and
// filtering. No external requests: no CDN, no web fonts, no images by URL,
// and a Content-Security-Policy that allows only this page's own style and
// script (by hash) makes that hold even if a bug let a URL through.
import { createHash } from 'node:crypto';
import type { Report, ReportCertificate } from '../report-types.js';
import type { InventoryGroup } from './group.js';
import type { Inventory } from './inventory.js';
import { readableInstant } from '../format-helpers.js';
import { findingSentence, findingSentenceBesidePlace } from '../text/finding-sentence.js';
import {
  daysLeft,
  displayName,
  isActive,
  isoDate,
  issuingCa,
  keyLabel,
  locationText,
  statusClass,
  statusCounts,
  statusId,
} from './certificate-facts.js';
import { escapeHtml as h } from './html-escape.js';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import { renderTimelineSvg } from './timeline-svg.js';
import { byExpiry } from './render-text.js';
import { hasEndpoints } from './drift.js';
import { partialShard, shardText } from '../report-shard.js';

export function renderHtml(report: Report, inv: Inventory, opts: { title?: string } = {}): string {
  const title = opts.title ?? 'Certificate inventory';
  const now = new Date(report.run.now);
  const s = report.summary;
  const certs = [...report.certificates].sort(byExpiry);
  // Counted per certificate, as the timeline's legend counts them: one expired and revoked
  // certificate is one failing certificate, though the summary counts two error findings.
  const counts = statusCounts(certs);
  const otherFailures = report.problems.filter((p) => isActive(p) && p.severity === 'error').length;
  const csp = [
    "default-src 'none'",
    `style-src '${cspHash(HTML_STYLE)}'`,
    `script-src '${cspHash(HTML_SCRIPT)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="certwatch ${h(report.tool.version)}">
<title>${h(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>${h(title)}</h1>
<p class="meta">Report generated ${h(readableInstant(report.generatedAt))} · checked as of ${h(readableInstant(report.run.now))} · certwatch ${h(report.tool.version)}${shardNote(report)}</p>
<ul class="counts" id="summary">
<li><span class="badge ${s.status === 'ok' ? 'ok' : s.status}">${h(s.status)}</span></li>
<li><b>${s.certificates}</b>certificates</li>
<li data-count="fail"><b>${counts.fail}</b>failing</li>
<li data-count="warn"><b>${counts.warn}</b>warning</li>
${otherFailures ? `<li data-count="problems"><b>${otherFailures}</b>${otherFailures === 1 ? 'failure' : 'failures'} not tied to a certificate</li>\n` : ''}<li>next leaf expiry <b>${s.nextExpiry ? h(isoDate(s.nextExpiry)) : '—'}</b></li>
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
<input type="search" id="filter-text" placeholder="Filter: name, issuer, owner, location, serial…" aria-label="Filter certificates">
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
${list(inv.concentration, 'No certificates.')}
</section>
<section id="drift">
<h2>Drift</h2>
${inv.drift.length ? `<ul>${inv.drift.map((d) => `<li data-verdict="${h(d.verdict)}"><b>${h(d.verdict)}</b>: ${h(d.message)}</li>`).join('\n')}</ul>` : hasEndpoints(report) ? '<p class="muted">Every checked-in certificate matches what its endpoints serve.</p>' : '<p class="muted">No endpoints configured: nothing to compare the checked-in certificates with.</p>'}
</section>
<section id="groups">
<div class="columns">
<div><h2>By issuing CA</h2>${groupTable(inv.groups.issuer, 'issuer')}</div>
<div><h2>By root</h2>${groupTable(inv.groups.root, 'root')}</div>
<div><h2>By owner</h2>${groupTable(inv.groups.owner, 'owner')}</div>
<div><h2>By key type</h2>${groupTable(inv.groups.key, 'key')}</div>
</div>
</section>
<section id="forecast">
<h2>Expiring by month</h2>
<table class="forecast"><thead><tr><th>Month</th><th class="num">Certificates</th><th class="num">Failing</th></tr></thead><tbody>
${inv.forecast.map((b) => `<tr><td>${h(b.label)}</td><td class="num">${b.certificates}</td><td class="num">${b.failing}</td></tr>`).join('\n')}
</tbody></table>
</section>
${problemsSection(report)}
</main>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}

/** CSP source expression for an inline block: the hash of its exact text (CSP3 §8.4). */
function cspHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

interface Column {
  key: string;
  label: string;
  type: 'text' | 'number';
  numeric?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'status', label: 'Status', type: 'text' },
  { key: 'subject', label: 'Subject', type: 'text' },
  { key: 'issuer', label: 'Issuer', type: 'text' },
  { key: 'notBefore', label: 'Not before', type: 'text' },
  { key: 'notAfter', label: 'Not after', type: 'text' },
  { key: 'daysLeft', label: 'Days left', type: 'number', numeric: true },
  { key: 'key', label: 'Key', type: 'text' },
  { key: 'locations', label: 'Locations', type: 'number' },
  { key: 'owner', label: 'Owner', type: 'text' },
  { key: 'serial', label: 'Serial', type: 'text' },
];

function certificateTable(certs: ReportCertificate[], now: Date): string {
  const head = COLUMNS.map(
    (c) =>
      `<th scope="col" data-key="${c.key}" data-type="${c.type}"${c.numeric ? ' class="num"' : ''}>${h(c.label)}</th>`,
  ).join('');
  const rows = certs.map((c) => certificateRow(c, now)).join('\n');
  return `<table id="certificates-table"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

const LOCATIONS_SHOWN = 3;

/** Severity rank first so "sort by status" puts failures together, then the finding id. */
const STATUS_SORT = { fail: '0', warn: '1', ok: '2' } as const;

function certificateRow(c: ReportCertificate, now: Date): string {
  const cls = statusClass(c);
  const days = daysLeft(c, now);
  const search = [c.fingerprint, c.subject, c.issuer, c.serialNumber, ...c.sans].join(' ').toLowerCase();
  const findings = c.findings
    .filter((f) => !f.ignored)
    .map((f) => `${f.id}: ${findingSentence(f, now)}`)
    .join('\n');
  const place = (l: (typeof c.locations)[number]): string =>
    `<li>${h(locationText(l))}${l.type === 'endpoint' && l.address ? ` <span class="muted">${h(l.address)}</span>` : ''}</li>`;
  // An intermediate served by a hundred endpoints would make one row a page long: the rest fold away (works without JS).
  const shownPlaces = c.locations.slice(0, LOCATIONS_SHOWN).map(place).join('');
  const morePlaces = c.locations.slice(LOCATIONS_SHOWN);
  const places = shownPlaces
    ? `<ul>${shownPlaces}</ul>${morePlaces.length ? `<details><summary>${morePlaces.length} more</summary><ul>${morePlaces.map(place).join('')}</ul></details>` : ''}`
    : '';
  const cells = [
    `<td data-sort="${STATUS_SORT[cls]}${h(statusId(c))}"${findings ? ` title="${h(findings)}"` : ''}><span class="badge ${cls}">${h(statusId(c))}</span></td>`,
    `<td title="${h(c.subject)}">${h(displayName(c))}</td>`,
    `<td title="${h(c.issuer)}">${h(issuingCa(c))}</td>`,
    `<td class="date" data-sort="${h(c.notBefore)}">${h(isoDate(c.notBefore))}</td>`,
    `<td class="date" data-sort="${h(c.notAfter)}">${h(isoDate(c.notAfter))}</td>`,
    `<td class="num" data-sort="${days}">${days}</td>`,
    `<td>${h(keyLabel(c.key))}</td>`,
    `<td data-sort="${c.locations.length}">${places || '—'}</td>`,
    `<td>${c.owner ? h(c.owner) : '<span class="muted">—</span>'}</td>`,
    `<td class="mono">${h(c.serialNumber)}</td>`,
  ];
  return `<tr class="${cls}" data-status="${cls}" data-fingerprint="${h(c.fingerprint)}" data-search="${h(search)}">${cells.join('')}</tr>`;
}

function groupTable(groups: InventoryGroup[], kind: string): string {
  if (!groups.length) return '<p class="muted">No certificates.</p>';
  const rows = groups
    .map(
      (g) =>
        `<tr><td>${h(g.key)}</td><td class="num">${g.certificates}</td><td class="num">${g.locations}</td><td class="num">${g.failing}</td><td>${g.earliestExpiry ? h(isoDate(g.earliestExpiry)) : '—'}</td><td>${h(g.owners.join(', ')) || '<span class="muted">—</span>'}</td></tr>`,
    )
    .join('\n');
  return `<table class="groups" data-group="${h(kind)}"><thead><tr><th>Group</th><th class="num">Certs</th><th class="num">Locations</th><th class="num">Failing</th><th>Earliest expiry</th><th>Owners</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function list(lines: string[], empty: string): string {
  return lines.length
    ? `<ul>${lines.map((l) => `<li>${h(l)}</li>`).join('\n')}</ul>`
    : `<p class="muted">${h(empty)}</p>`;
}

function problemsSection(report: Report): string {
  if (!report.problems.length) return '';
  const items = report.problems.map(
    (p) =>
      `<li><b>${h(p.id)}</b> (${h(p.severity)})${p.location ? ` ${h(locationText(p.location))}` : ''}: ${h(findingSentenceBesidePlace(p, report.run.now))}</li>`,
  );
  return `<section id="problems"><h2>Problems not tied to a certificate</h2><ul>${items.join('\n')}</ul></section>`;
}

function shardNote(report: Report): string {
  const shard = partialShard(report);
  return shard ? ` · shard ${h(shardText(shard))}` : '';
}
