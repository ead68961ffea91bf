// What certwatch writes into issues: titles, bodies, comments and the hidden
// markers that let the next run find an issue again. Pure functions of report
// fields only — nothing else (no environment, no config values) reaches an
// issue, which is how no secret can.
import { daysLeft, readableInstant } from '../report/format-helpers.js';
import type { ReportCertificate, ReportFinding } from '../report/report-types.js';
import type { Location } from '../types.js';
import { mdCodeUntrusted, mdUntrusted, ownerMention, titleUntrusted } from '../report/untrusted-text.js';
import { findingSentence } from '../report/text/finding-sentence.js';
import { MAX_BODY_CHARS } from './body-limit.js';
import { digestEntry, encodeState, rememberFinding, rememberPlaces } from './issue-state.js';

// Long lists are cut with "and N more"; the run summary has the rest.
const MAX_LOCATIONS_SHOWN = 50;
const MAX_SANS_SHOWN = 20;

export const DIGEST_MARKER = '<!-- certwatch:digest -->';
const FINGERPRINT_MARKER_RE = /<!--\s*certwatch:fingerprint=(sha256:[0-9a-f]{64})\s*-->/i;
// Everything from here to the end of its line changes on every run (the run
// link) and is left out when deciding whether a body changed.
const FOOTER_MARKER = '<!-- certwatch:footer -->';

export function fingerprintMarker(fp: string): string {
  return `<!-- certwatch:fingerprint=${fp.toLowerCase()} -->`;
}

/**
 * The identity an issue body carries: a certificate's fingerprint, the digest, or
 * nothing. Only the first line counts (certwatch writes the marker there), after
 * the closing note certwatch puts above a closed issue's body.
 */
export function readMarker(
  body: string | null | undefined,
): { kind: 'certificate'; fingerprint: string } | { kind: 'digest' } | null {
  if (!body) return null;
  const first = firstLineAfterClosingNote(body.replace(/\r\n?/g, '\n'));
  const m = new RegExp(`^${FINGERPRINT_MARKER_RE.source}$`, 'i').exec(first.trim());
  if (m) return { kind: 'certificate', fingerprint: m[1].toLowerCase() };
  if (first.trim() === DIGEST_MARKER) return { kind: 'digest' };
  return null;
}

/** Issue sync closes an issue with "> [!NOTE]\n> Resolved …\n\n" above the body. */
function firstLineAfterClosingNote(body: string): string {
  const lines = body.split('\n');
  let i = 0;
  if (lines[0] === '> [!NOTE]') {
    while (i < lines.length && lines[i].startsWith('>')) i++;
    while (i < lines.length && lines[i] === '') i++;
  }
  return lines[i] ?? '';
}

/** Body without the per-run footer: equal stable bodies mean "nothing to update". */
export function stableBody(body: string | null | undefined): string {
  if (!body) return '';
  return body
    .replace(/\r\n/g, '\n')
    .replace(new RegExp(`${escapeRe(FOOTER_MARKER)}[^\\n]*`), '')
    .trim();
}

// One name for a certificate in every output (report/text/certificate-name.ts).
export { displayName, shortFingerprint } from '../report/text/certificate-name.js';
import { displayName, shortFingerprint } from '../report/text/certificate-name.js';

/** Stable for a fingerprint: nothing in it changes while the certificate is the same. */
export function certificateTitle(c: ReportCertificate): string {
  const ca = c.issuerCN || c.issuerO;
  const context = [ca, `expires ${c.notAfter.slice(0, 10)}`].filter(Boolean).join(', ');
  return truncate(titleUntrusted(`Replace certificate for ${displayName(c)} (${context})`), 250);
}

export const DIGEST_TITLE = 'Certificates that need replacement (certwatch digest)';

export interface RenderContext {
  serverUrl: string;
  repository: string; // owner/repo
  sha?: string; // commit the file links point at
  runUrl: string | null;
  now: string; // report.run.now
  generatedAt: string;
  toolVersion: string;
  configPath?: string | null;
}

export interface CertificateBodyInput {
  cert: ReportCertificate;
  active: ReportFinding[]; // findings that make it need replacement, worst first
  owners: string[]; // effective owners ("@alice", "@org/team")
  firstReported: string; // ISO date
  /** Not yet known to be the issue that stays (a concurrent run may have opened one too): owners shown without mentioning them, and not yet recorded as told. */
  ownersPending?: boolean;
}

export function renderCertificateBody(input: CertificateBodyInput, ctx: RenderContext): string {
  // Shrink the lists until the body fits; the run summary keeps the full lists.
  for (const maxLocations of [MAX_LOCATIONS_SHOWN, 10, 1]) {
    const body = certificateBody(input, ctx, maxLocations);
    if (body.length <= MAX_BODY_CHARS) return body;
  }
  return hardTruncate(certificateBody(input, ctx, 1), ctx);
}

function certificateBody(
  { cert: c, active, owners, firstReported, ownersPending = false }: CertificateBodyInput,
  ctx: RenderContext,
  maxLocations: number,
): string {
  const out: string[] = [
    fingerprintMarker(c.fingerprint),
    `## ${mdText(displayName(c))}: this certificate needs replacement`,
    '',
  ];
  out.push('### What is wrong', '');
  for (const f of active) {
    const since = sinceFor(f, c, firstReported);
    out.push(
      `- ${f.severity === 'error' ? '❌' : '⚠️'} **${f.id}** (${f.severity}): ${mdText(findingSentence(f, ctx.now))}${since ? ` — since ${since}` : ''}`,
    );
  }
  out.push('', '### The certificate', '', '| | |', '|---|---|');
  out.push(`| Subject | ${cell(c.subject)} |`);
  if (c.sans.length) out.push(`| Names (SAN) | ${cell(listWithMore(c.sans, MAX_SANS_SHOWN))} |`);
  out.push(`| Issuer | ${cell(c.issuer)} |`);
  out.push(`| Serial | \`${cell(c.serialNumber)}\` |`);
  out.push(`| Fingerprint | \`${c.fingerprint}\` |`);
  out.push(`| Valid from | ${c.notBefore} |`);
  out.push(`| Expires | ${c.notAfter} (${daysLeftText(c.notAfter, ctx.now)}) |`);
  if (c.revocation.status === 'revoked') {
    const how = [
      c.revocation.revokedAt && `at ${c.revocation.revokedAt}`,
      c.revocation.reason && `reason: ${c.revocation.reason}`,
      c.revocation.method && `via ${c.revocation.method}`,
    ]
      .filter(Boolean)
      .join(', ');
    out.push(`| Revocation | **revoked**${how ? ` (${cell(how)})` : ''} |`);
  } else {
    out.push(`| Revocation | ${c.revocation.status}${c.revocation.method ? ` (${c.revocation.method})` : ''} |`);
  }
  if (c.renewal) {
    out.push(`| Renewal window (ARI) | ${c.renewal.windowStart} → ${c.renewal.windowEnd} |`);
    // The CA's answer is not ours to link: shown as text, copyable, not clickable.
    if (c.renewal.explanationURL) out.push(`| CA's explanation | ${cell(c.renewal.explanationURL)} |`);
  }
  out.push(
    `| Owner | ${owners.length ? ownerCell(owners, ownersPending) : '_none configured (set `owner:` in the config, or add a CODEOWNERS entry)_'} |`,
  );

  out.push('', `### Where it is used (${c.locations.length})`, '');
  for (const loc of c.locations.slice(0, maxLocations)) out.push(`- ${locationLine(loc, ctx)}`);
  if (c.locations.length > maxLocations)
    out.push(
      `- …and ${c.locations.length - maxLocations} more${ctx.runUrl ? ` — see the [run summary](${ctx.runUrl})` : ''}`,
    );

  out.push('', '### How to fix', '');
  out.push('Issue a new certificate (or renew it), deploy it everywhere listed above, then check it locally:', '');
  out.push('```sh', verifyCommand(c, ctx), '```', '');
  out.push('This issue closes by itself when a run finds the new certificate in these places.');

  out.push(
    '',
    '---',
    footer(ctx),
    encodeState({
      kind: 'certificate',
      findings: active.map(rememberFinding),
      ...rememberPlaces(c),
      owners: ownersPending ? [] : owners,
      firstReported,
    }),
  );
  return out.join('\n');
}

export interface DigestRow {
  cert: ReportCertificate;
  active: ReportFinding[];
  owners: string[];
}

export function renderDigestBody(
  rows: DigestRow[],
  carried: string[],
  ctx: RenderContext,
  opts: { overflowOf?: number; ownersPending?: boolean },
): string {
  const state = encodeState({
    kind: 'digest',
    listed: [...rows.map((r) => digestEntry(r.cert.fingerprint)), ...carried],
  });
  const head: string[] = [DIGEST_MARKER, `## ${rows.length + carried.length} certificate(s) need replacement`, ''];
  if (opts.overflowOf !== undefined) {
    head.push(
      `These did not get an issue of their own because \`max-open\` (${opts.overflowOf}) issues are already open. They move to their own issue as others close.`,
      '',
    );
  }
  head.push('| Certificate | Problem | Expires | Days left | Where | Owner |', '|---|---|---|---|---|---|');
  const tail: string[] = [];
  if (carried.length) {
    tail.push(
      '',
      `Not checked in this run (partial run), kept from the previous one: ${carried.map((p) => `\`sha256:${p}…\``).join(', ')}`,
    );
  }
  tail.push('', '---', footer(ctx), state);
  let size = head.join('\n').length + tail.join('\n').length + 200;
  const lines: string[] = [];
  let shown = 0;
  for (const r of rows) {
    const c = r.cert;
    const where =
      c.locations
        .slice(0, 3)
        .map((l) => locationLine(l, ctx).replace(/\|/g, '\\|'))
        .join('<br>') + (c.locations.length > 3 ? `<br>…and ${c.locations.length - 3} more` : '');
    const line = `| ${cell(displayName(c))}<br>\`${shortFingerprint(c.fingerprint)}\` | ${r.active.map((f) => `${f.severity === 'error' ? '❌' : '⚠️'} ${f.id}`).join(', ')} | ${c.notAfter.slice(0, 10)} | ${daysLeft(c.notAfter, ctx.now)} | ${where} | ${r.owners.length ? ownerCell(r.owners, opts.ownersPending ?? false) : '—'} |`;
    if (size + line.length + 1 > MAX_BODY_CHARS) break;
    size += line.length + 1;
    lines.push(line);
    shown++;
  }
  if (shown < rows.length)
    lines.push('', `…and ${rows.length - shown} more${ctx.runUrl ? ` — see the [run summary](${ctx.runUrl})` : ''}.`);
  const body = [...head, ...lines, ...tail].join('\n');
  return body.length <= MAX_BODY_CHARS ? body : hardTruncate(body, ctx);
}

/** Findings in one line, for comments; `now` is the report's clock (run.now). */
export function findingsSentence(active: ReportFinding[], now: string): string {
  return active.map((f) => `**${f.id}** (${f.severity}): ${mdText(findingSentence(f, now))}`).join('; ');
}

export function runLink(ctx: RenderContext): string {
  return ctx.runUrl ? ` ([run](${ctx.runUrl}))` : '';
}

export function daysLeftText(notAfter: string, now: string): string {
  // Whole days either way (the reports' daysLeft): "expired 2 day(s) ago", as the finding says.
  const d = daysLeft(notAfter, now);
  if (Date.parse(notAfter) < Date.parse(now))
    return d === 0 ? 'expired within the last day' : `expired ${-d} day(s) ago`;
  return d === 0 ? 'expires within a day' : `${d} day(s) left`;
}

export function locationLine(loc: Location, ctx: RenderContext): string {
  if (loc.type === 'file') {
    const text = `${loc.path}#L${loc.line}`;
    const link = ctx.sha ? `[\`${mdCode(text)}\`](${blobUrl(ctx, loc.path, loc.line)})` : `\`${mdCode(text)}\``;
    return `${link}${loc.detail ? ` (${mdText(loc.detail)})` : ''}`;
  }
  const parts = [
    loc.address && `address ${loc.address}`,
    loc.servername && loc.servername !== loc.host && `SNI ${loc.servername}`,
    loc.protocol,
    loc.chainIndex !== undefined && loc.chainIndex > 0 && `chain position ${loc.chainIndex}`,
  ].filter(Boolean);
  const declared = loc.configFile?.startsWith('(')
    ? ' — declared in the workflow’s `endpoints` input'
    : loc.configFile
      ? ` — declared in ${ctx.sha ? `[\`${mdCode(loc.configFile)}#L${loc.configLine ?? 1}\`](${blobUrl(ctx, loc.configFile, loc.configLine ?? 1)})` : `\`${mdCode(loc.configFile)}\``}`
      : '';
  return `endpoint \`${mdCode(`${loc.host}:${loc.port}`)}\`${parts.length ? ` (${mdText(parts.join(', '))})` : ''}${declared}`;
}

export function blobUrl(ctx: RenderContext, path: string, line: number): string {
  // Parentheses too: a bare ")" would end the Markdown link.
  const p = path
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return `${ctx.serverUrl}/${ctx.repository}/blob/${ctx.sha}/${p}#L${line}`;
}

/** `npx certwatch check` aimed at where this certificate lives. */
export function verifyCommand(c: ReportCertificate, ctx: RenderContext): string {
  const args: string[] = [];
  const files = [...new Set(c.locations.flatMap((l) => (l.type === 'file' ? [l.path] : [])))];
  const endpoints = [...new Set(c.locations.flatMap((l) => (l.type === 'endpoint' ? [`${l.host}:${l.port}`] : [])))];
  for (const f of files.slice(0, 5)) args.push(`--files ${shellQuote(f)}`);
  for (const e of endpoints.slice(0, 5)) args.push(`--endpoint ${shellQuote(e)}`);
  if (!args.length && ctx.configPath) args.push(`--config ${shellQuote(ctx.configPath)}`);
  return ['npx certwatch check', ...args].join(' ');
}

function sinceFor(f: ReportFinding, c: ReportCertificate, firstReported: string): string {
  if (f.id === 'expired') return c.notAfter;
  if (f.id === 'revoked' && c.revocation.revokedAt) return c.revocation.revokedAt;
  if (f.id === 'renewal-window' && c.renewal) return c.renewal.windowStart;
  return firstReported ? `${firstReported} (first reported)` : '';
}

function footer(ctx: RenderContext): string {
  const run = ctx.runUrl ? ` by [this run](${ctx.runUrl}) (its summary lists every certificate)` : '';
  return `${FOOTER_MARKER}<sub>Kept up to date by certwatch ${mdText(ctx.toolVersion)}${run}; report of ${readableInstant(ctx.generatedAt)}.</sub>`;
}

function hardTruncate(body: string, ctx: RenderContext): string {
  // Keep the identity and state markers (first and last lines) whatever else goes.
  const lines = body.split('\n');
  const first = lines[0];
  const last = lines[lines.length - 1];
  const note = `\n\n…cut to fit GitHub's issue size limit${ctx.runUrl ? ` — see the [run summary](${ctx.runUrl})` : ''}.\n`;
  const room = MAX_BODY_CHARS - first.length - last.length - note.length - 2;
  return `${first}\n${lines.slice(1, -1).join('\n').slice(0, Math.max(0, room))}${note}${last}`;
}

function listWithMore(items: string[], max: number): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');
}

// Report text is data, not markup: one neutraliser for all of it (untrusted-text.ts).
function mdText(s: string): string {
  return mdUntrusted(s);
}

function cell(s: string): string {
  return mdUntrusted(s);
}

/** Owners mention (that is how they hear of it), except in a body not yet known to be the one that stays: there a code span names them silently. */
function ownerCell(owners: string[], pending: boolean): string {
  return pending ? owners.map((o) => `\`${mdCode(o)}\``).join(' ') : owners.map(ownerMention).join(' ');
}

function mdCode(s: string): string {
  return mdCodeUntrusted(s);
}

function shellQuote(raw: string): string {
  // One line: a line break would end the ```sh block the command sits in.
  const s = mdCodeUntrusted(raw);
  return /^[\w./:@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
