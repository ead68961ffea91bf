// The expiry timeline as inline SVG, drawn here rather than in the browser so
// the page shows it without JavaScript (and in the job summary's artifact
// viewer): one bar per certificate from notBefore to notAfter, soonest expiry
// at the top, coloured by status, with a line at the report's "now".
import type { Report, ReportCertificate } from '../report-types.js';
import { displayName, isoDate, statusClass, statusId, type StatusClass } from './certificate-facts.js';
import { escapeHtml } from './html-escape.js';
import { byExpiry } from './render-text.js';

const WIDTH = 1200;
const AXIS_HEIGHT = 28;
const LEGEND_HEIGHT = 22;
const PLOT_HEIGHT_BUDGET = 560; // rows shrink to fit this, so a big estate stays one screen tall
const MAX_ROW_HEIGHT = 14;
const MIN_ROW_HEIGHT = 2; // below 2 px bars blur into one another
const LABELLED_ROWS = 40; // with more rows than this there is no room for names; hover titles remain
const LABEL_WIDTH = 260;
const MAX_BARS = 2000; // beyond this the SVG gets heavy; the soonest expiries are what matter
const DAY_MS = 86_400_000;
const MAX_SPAN_MS = 2 * 365 * DAY_MS; // each side of now: roots living 25 years would squash every leaf to a sliver

export const STATUS_COLOURS: Record<StatusClass, string> = { fail: '#cf222e', warn: '#bf8700', ok: '#1a7f37' };

export function renderTimelineSvg(report: Report): string {
  const now = Date.parse(report.run.now);
  const all = [...report.certificates].sort(byExpiry);
  const certs = all.slice(0, MAX_BARS);
  const n = certs.length;
  const labelled = n > 0 && n <= LABELLED_ROWS;
  const rowH =
    n === 0 ? MAX_ROW_HEIGHT : Math.max(MIN_ROW_HEIGHT, Math.min(MAX_ROW_HEIGHT, Math.floor(PLOT_HEIGHT_BUDGET / n)));
  const gap = rowH >= 6 ? 2 : rowH >= 3 ? 1 : 0;
  const left = labelled ? LABEL_WIDTH : 8;
  const right = WIDTH - 8;
  const top = LEGEND_HEIGHT + AXIS_HEIGHT;
  const plotH = Math.max(n * rowH, 24);
  const height = top + plotH + 22; // room under the plot for the "now" label, clear of the month labels above

  const [start, end] = timeWindow(certs, now);
  const x = (t: number): number =>
    left + ((Math.min(Math.max(t, start), end) - start) / (end - start)) * (right - left);

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" id="timeline-chart" class="timeline" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="timeline-title">`,
    `<title id="timeline-title">Expiry timeline: ${n} certificates from ${isoDate(new Date(start).toISOString())} to ${isoDate(new Date(end).toISOString())}</title>`,
  );
  parts.push(legend(certs));
  parts.push(axis(start, end, x, top, plotH));
  certs.forEach((c, i) => parts.push(bar(c, i, x, top, rowH, gap, labelled)));
  if (n === 0) parts.push(`<text x="${left + 8}" y="${top + 16}" class="empty">No certificates.</text>`);
  const nx = x(now).toFixed(1);
  parts.push(
    `<line class="now" x1="${nx}" x2="${nx}" y1="${top}" y2="${top + plotH + 4}" stroke="#0969da" stroke-width="2" stroke-dasharray="4 3"/>`,
    `<text class="now-label" x="${nx}" y="${top + plotH + 15}" text-anchor="middle" fill="#0969da">now ${escapeHtml(isoDate(report.run.now))}</text>`,
  );
  if (all.length > certs.length)
    parts.push(
      `<text x="${left}" y="${height - 7}" class="note">…and ${all.length - certs.length} later expiries not drawn</text>`,
    );
  parts.push('</svg>');
  return parts.join('\n');
}

/** The span of the leaves (the certificates that renew), padded, with now inside it and capped each side. */
function timeWindow(certs: ReportCertificate[], now: number): [number, number] {
  const leaves = certs.filter((c) => c.role === 'leaf');
  const basis = leaves.length ? leaves : certs;
  let start = Math.min(now, ...basis.map((c) => Date.parse(c.notBefore)));
  let end = Math.max(now, ...basis.map((c) => Date.parse(c.notAfter)));
  start = Math.max(start, now - MAX_SPAN_MS);
  end = Math.min(end, now + MAX_SPAN_MS);
  const pad = Math.max((end - start) * 0.03, 7 * DAY_MS);
  return [start - pad, end + pad];
}

function legend(certs: ReportCertificate[]): string {
  const counts: Record<StatusClass, number> = { fail: 0, warn: 0, ok: 0 };
  for (const c of certs) counts[statusClass(c)]++;
  const items: [StatusClass, string][] = [
    ['fail', 'failing'],
    ['warn', 'warning'],
    ['ok', 'ok'],
  ];
  return items
    .map(([k, label], i) => {
      const lx = 8 + i * 140;
      return `<g class="legend-item"><rect x="${lx}" y="4" width="12" height="12" rx="2" fill="${STATUS_COLOURS[k]}"/><text x="${lx + 18}" y="15">${label}: ${counts[k]}</text></g>`;
    })
    .join('');
}

function axis(start: number, end: number, x: (t: number) => number, top: number, plotH: number): string {
  const s = new Date(start);
  const spanMonths = (end - start) / (30 * DAY_MS);
  const step = spanMonths > 36 ? 6 : spanMonths > 14 ? 3 : 1; // keep 8–16 labelled ticks
  const out: string[] = [
    `<g class="axis">`,
    `<line x1="${x(start)}" x2="${x(end)}" y1="${top}" y2="${top}" stroke="#8c959f"/>`,
  ];
  for (let m = s.getUTCMonth() + 1; ; m++) {
    const t = Date.UTC(s.getUTCFullYear(), m, 1);
    if (t > end) break;
    const d = new Date(t);
    if (d.getUTCMonth() % step !== 0) continue;
    const tx = x(t).toFixed(1);
    out.push(
      `<line x1="${tx}" x2="${tx}" y1="${top}" y2="${top + plotH}" stroke="#d0d7de" stroke-width="1"/>`,
      `<text x="${tx}" y="${top - 12}" text-anchor="middle" class="tick">${d.toISOString().slice(0, 7)}</text>`,
    );
  }
  out.push('</g>');
  return out.join('');
}

function bar(
  c: ReportCertificate,
  i: number,
  x: (t: number) => number,
  top: number,
  rowH: number,
  gap: number,
  labelled: boolean,
): string {
  const cls = statusClass(c);
  const x0 = x(Date.parse(c.notBefore));
  const x1 = x(Date.parse(c.notAfter));
  const y = top + i * rowH;
  const h = Math.max(1, rowH - gap);
  const w = Math.max(2, x1 - x0); // a 6-day certificate still shows
  const tip = `${displayName(c)} — ${isoDate(c.notBefore)} → ${isoDate(c.notAfter)} — ${statusId(c)}${c.owner ? ` — ${c.owner}` : ''}`;
  const label = labelled
    ? `<text x="${LABEL_WIDTH - 6}" y="${(y + h - 2).toFixed(1)}" text-anchor="end" class="row-label">${escapeHtml(clipLabel(displayName(c)))}</text>`
    : '';
  return `<g class="row">${label}<rect class="bar ${cls}" data-fingerprint="${escapeHtml(c.fingerprint)}" x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${h}" fill="${STATUS_COLOURS[cls]}"><title>${escapeHtml(tip)}</title></rect></g>`;
}

function clipLabel(s: string): string {
  return s.length > 38 ? s.slice(0, 37) + '…' : s;
}
