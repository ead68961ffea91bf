// The expiry timeline as inline SVG, drawn here rather than in the browser so
// the page shows it without JavaScript (and in the job summary's artifact
// viewer): one bar per certificate from notBefore to notAfter, soonest expiry
// at the top, coloured by status, with a line at the report's "now". The window
// is capped two years each side of now; a certificate that ended before the
// window (or starts after it) is drawn as a marker pinned to that edge, with its
// real date beside it and in its tooltip, so no certificate falls off the chart.
import type { Report, ReportCertificate } from '../report-types.js';
import { displayName, isoDate, statusClass, statusCounts, statusId, type StatusClass } from './certificate-facts.js';
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
const PINNED_WIDTH = 12; // the marker of a certificate outside the window, wide enough to see and hover

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
  parts.push(legend(all)); // every certificate, drawn or not: the header counts them all too
  parts.push(axis(start, end, x, top, plotH));
  const frame: Frame = { x, start, end, left, right, top, rowH, gap, labelled };
  certs.forEach((c, i) => parts.push(bar(c, i, frame)));
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
  // Certificates that ended before the cap are pinned to the edge anyway: they must not stretch the window.
  const recent = certs.filter((c) => Date.parse(c.notAfter) >= now - MAX_SPAN_MS);
  const leaves = recent.filter((c) => c.role === 'leaf');
  const basis = leaves.length ? leaves : recent.length ? recent : certs;
  let start = Math.min(now, ...basis.map((c) => Date.parse(c.notBefore)));
  let end = Math.max(now, ...basis.map((c) => Date.parse(c.notAfter)));
  start = Math.max(start, now - MAX_SPAN_MS);
  end = Math.min(end, now + MAX_SPAN_MS);
  const pad = Math.max((end - start) * 0.03, 7 * DAY_MS);
  return [start - pad, end + pad];
}

function legend(certs: ReportCertificate[]): string {
  const counts = statusCounts(certs);
  const items: [StatusClass, string][] = [
    ['fail', 'failing'],
    ['warn', 'warning'],
    ['ok', 'ok'],
  ];
  return items
    .map(([k, label], i) => {
      const lx = 8 + i * 140;
      return `<g class="legend-item" data-count="${k}"><rect x="${lx}" y="4" width="12" height="12" rx="2" fill="${STATUS_COLOURS[k]}"/><text x="${lx + 18}" y="15">${label}: ${counts[k]}</text></g>`;
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

interface Frame {
  x: (t: number) => number;
  start: number;
  end: number;
  left: number;
  right: number;
  top: number;
  rowH: number;
  gap: number;
  labelled: boolean;
}

function bar(c: ReportCertificate, i: number, f: Frame): string {
  const cls = statusClass(c);
  const from = Date.parse(c.notBefore);
  const to = Date.parse(c.notAfter);
  const y = f.top + i * f.rowH;
  const h = Math.max(1, f.rowH - f.gap);
  // Outside the window: pinned to the edge it left by, with the date that put it there.
  const pinned = to < f.start ? 'before' : from > f.end ? 'after' : null;
  const x0 = pinned === 'before' ? f.left : pinned === 'after' ? f.right - PINNED_WIDTH : f.x(from);
  const w = pinned ? PINNED_WIDTH : Math.max(2, f.x(to) - x0); // a 6-day certificate still shows
  const edge =
    pinned === 'before'
      ? `ended ${isoDate(c.notAfter)}, before the chart starts`
      : pinned === 'after'
        ? `starts ${isoDate(c.notBefore)}, after the chart ends`
        : null;
  const tip = `${displayName(c)} — ${isoDate(c.notBefore)} → ${isoDate(c.notAfter)}${edge ? ` (${edge})` : ''} — ${statusId(c)}${c.owner ? ` — ${c.owner}` : ''}`;
  const label = f.labelled
    ? `<text x="${LABEL_WIDTH - 6}" y="${(y + h - 2).toFixed(1)}" text-anchor="end" class="row-label">${escapeHtml(clipLabel(displayName(c)))}</text>`
    : '';
  // Rows tall enough for text also say the date beside the marker; thin rows keep it in the tooltip.
  const dateText =
    pinned && f.rowH >= 10
      ? `<text class="pinned-date" x="${pinned === 'before' ? f.left + PINNED_WIDTH + 4 : f.right - PINNED_WIDTH - 4}" y="${(y + h - 2).toFixed(1)}"${pinned === 'after' ? ' text-anchor="end"' : ''}>${pinned === 'before' ? `◀ ended ${isoDate(c.notAfter)}` : `starts ${isoDate(c.notBefore)} ▶`}</text>`
      : '';
  return `<g class="row">${label}<rect class="bar ${cls}" data-fingerprint="${escapeHtml(c.fingerprint)}"${pinned ? ` data-pinned="${pinned}"` : ''} x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${h}" fill="${STATUS_COLOURS[cls]}"><title>${escapeHtml(tip)}</title></rect>${dateText}</g>`;
}

function clipLabel(s: string): string {
  return s.length > 38 ? s.slice(0, 37) + '…' : s;
}
