// The job summary (and `--format markdown`): findings worst first, the inventory,
// and an expiry timeline as a Mermaid gantt block (GitHub renders it).
import type { Report, ReportCertificate, ReportFinding } from './report-types.js';
import { daysLeft, issuerName, locationText, plural } from './format-helpers.js';
import { roleLabel } from './text/certificate-name.js';
import { findingSentenceBesidePlace } from './text/finding-sentence.js';
import { displayName } from '../x509/parse-certificate.js';
import { buildInventory } from './inventory/inventory.js';
import { severityRank } from '../findings/severity.js';
import { mdUntrusted, ownersMarkdown } from './untrusted-text.js';
import { collapseNoise, groupHeadline } from './collapse-notices.js';
import { partialShard, shardText } from './report-shard.js';

// GitHub refuses a step summary over 1 MiB ("$GITHUB_STEP_SUMMARY upload aborted")
// and then shows nothing at all. Keep well under it: core.summary adds to the
// same file, and a table of thousands of rows is unreadable anyway. The JSON
// report carries everything.
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;
const SUMMARY_BUDGET_BYTES = STEP_SUMMARY_LIMIT_BYTES - 64 * 1024;

/** How many rows each section shows; halved until the summary fits its budget. */
interface Limits {
  findings: number;
  inventory: number;
  caRows: number;
  concentration: number;
  drift: number;
  bars: number;
  endpoints: number;
}
const LIMITS: Limits = {
  findings: 200,
  inventory: 300,
  caRows: 30,
  concentration: 10,
  drift: 30,
  bars: 40,
  endpoints: 200,
};

// One cell must not carry a whole estate: a CA group's owner list or a message
// listing a thousand SANs is cut, with the rest left to the JSON report.
const MAX_CELL_CHARS = 400;
const MAX_OWNERS_PER_CELL = 10;
const MAX_LOCATIONS_PER_CELL = 3;

/** Untrusted text in a table cell: clipped, then neutralised (nothing in it is live markup). */
export function cell(s: string): string {
  const clipped = s.length > MAX_CELL_CHARS ? s.slice(0, MAX_CELL_CHARS - 1) + '…' : s;
  return mdUntrusted(clipped);
}

function ownersCell(owners: string[]): string {
  if (!owners.length) return '—';
  const shown = ownersMarkdown(owners.slice(0, MAX_OWNERS_PER_CELL));
  return owners.length > MAX_OWNERS_PER_CELL ? `${shown} +${owners.length - MAX_OWNERS_PER_CELL} more` : shown;
}

function locationsCell(c: ReportCertificate): string {
  const shown = c.locations.slice(0, MAX_LOCATIONS_PER_CELL).map((l) => cell(locationText(l)));
  if (c.locations.length > MAX_LOCATIONS_PER_CELL) shown.push(`+${c.locations.length - MAX_LOCATIONS_PER_CELL} more`);
  return shown.join('<br>') || '—';
}

const ICON: Record<string, string> = { error: '🔴 error', warning: '🟡 warning', notice: '🔵 notice' };

export function renderMarkdown(r: Report, opts: { runUrl?: string } = {}): string {
  let limits = LIMITS;
  for (;;) {
    const md = render(r, opts, limits);
    if (Buffer.byteLength(md) <= SUMMARY_BUDGET_BYTES) return md;
    if (limits.findings <= 10) return cutToBudget(md);
    limits = {
      findings: Math.floor(limits.findings / 2),
      inventory: Math.floor(limits.inventory / 2),
      caRows: Math.max(5, Math.floor(limits.caRows / 2)),
      concentration: Math.max(3, Math.floor(limits.concentration / 2)),
      drift: Math.max(5, Math.floor(limits.drift / 2)),
      bars: Math.max(10, Math.floor(limits.bars / 2)),
      endpoints: Math.max(10, Math.floor(limits.endpoints / 2)),
    };
  }
}

/** Last resort (cells are capped, so only pathological input gets here): cut at a line, close an open code block. */
function cutToBudget(md: string): string {
  const note = '\n…the summary was cut to stay under GitHub’s 1 MiB limit; the JSON report has everything.\n';
  let out = Buffer.from(md)
    .subarray(0, SUMMARY_BUDGET_BYTES - 1024)
    .toString('utf8');
  out = out.slice(0, out.lastIndexOf('\n') + 1).replace(/\uFFFD$/, '');
  if ((out.match(/^```/gm) ?? []).length % 2 === 1) out += '```\n';
  return out + note;
}

function render(r: Report, opts: { runUrl?: string }, limits: Limits): string {
  const s = r.summary;
  const out: string[] = [];
  const head =
    s.status === 'fail'
      ? '❌ certwatch: failing'
      : s.status === 'warn'
        ? '⚠️ certwatch: warnings'
        : '✅ certwatch: all certificates healthy';
  out.push(`## ${head}`, '');
  const shard = partialShard(r);
  out.push(
    `**${s.failures}** failure${s.failures === 1 ? '' : 's'} · **${s.warnings}** warning${s.warnings === 1 ? '' : 's'} · ${plural(s.notices, 'notice')} · ${plural(s.certificates, 'certificate')}${s.nextExpiry ? ` · next leaf expiry **${s.nextExpiry.slice(0, 10)}**` : ''}${shard ? ` · shard ${shardText(shard)}` : ''}`,
    '',
  );
  if (r.run.deadlineReached)
    out.push(
      '> [!WARNING]',
      '> The run reached its deadline or missed a shard; some targets were not checked (see the `not-checked` findings).',
      '',
    );

  const rows: { f: ReportFinding; c?: ReportCertificate }[] = [];
  for (const c of r.certificates) for (const f of c.findings) if (!f.ignored) rows.push({ f, c });
  for (const f of r.problems) if (!f.ignored) rows.push({ f });
  rows.sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity));
  // Many notices of one kind (placeholders, committed test keys) become one row; the
  // items follow in a collapsed <details> block, and the JSON report has them all.
  const { single, groups } = collapseNoise(rows.map((r) => ({ f: r.f, ctx: r.c })));
  if (rows.length) {
    const row = (f: ReportFinding, c?: ReportCertificate) => {
      const where = f.location ? cell(locationText(f.location)) : c ? locationsCell(c) : '—';
      return `| ${ICON[f.severity]} | \`${f.id}\` | ${c ? cell(displayName(c)) : '—'} | ${where} | ${cell(findingSentenceBesidePlace(f, r.run.now))} |`;
    };
    const head = ['| Severity | Finding | Certificate | Where | What to do |', '|---|---|---|---|---|'];
    out.push('### Findings', '', ...head);
    for (const { f, ctx } of single.slice(0, limits.findings)) out.push(row(f, ctx));
    for (const g of groups)
      out.push(`| ${ICON.notice} | \`${g.id}\` | — | ${g.rows.length} places | ${groupHeadline(g)}, listed below |`);
    if (single.length > limits.findings)
      out.push('', `…and ${single.length - limits.findings} more findings in the JSON report.`);
    out.push('');
    for (const g of groups) {
      out.push('<details>', `<summary>${groupHeadline(g).replace(/`/g, '')}</summary>`, '', ...head);
      for (const { f, ctx } of g.rows.slice(0, limits.findings)) out.push(row(f, ctx));
      if (g.rows.length > limits.findings)
        out.push('', `…and ${g.rows.length - limits.findings} more in the JSON report.`);
      out.push('', '</details>', '');
    }
  }
  const ignored = r.certificates.reduce((n, c) => n + c.findings.filter((f) => f.ignored).length, 0);
  if (ignored)
    out.push(`_${ignored} finding${ignored === 1 ? '' : 's'} ignored by the config's \`ignore:\` rules._`, '');

  if (r.certificates.length) {
    out.push(
      '### Inventory',
      '',
      '| Certificate | Issuer | Expires | Days left | Where | Owner | Revocation |',
      '|---|---|---|---:|---|---|---|',
    );
    const byExpiry = [...r.certificates].sort((a, b) => a.notAfter.localeCompare(b.notAfter));
    for (const c of byExpiry.slice(0, limits.inventory)) {
      const rev =
        c.revocation.status === 'not-checked'
          ? '—'
          : `${c.revocation.status}${c.revocation.method ? ` (${c.revocation.method})` : ''}`;
      out.push(
        `| ${cell(displayName(c))}${c.role !== 'leaf' ? ` _(${roleLabel(c.role)})_` : ''} | ${cell(issuerName(c))} | ${c.notAfter.slice(0, 10)} | ${daysLeft(c.notAfter, r.run.now)} | ${locationsCell(c)} | ${c.owner ? ownersCell([c.owner]) : '—'} | ${rev} |`,
      );
    }
    if (r.certificates.length > limits.inventory)
      out.push('', `…and ${r.certificates.length - limits.inventory} more certificates in the JSON report.`);
    out.push('');
    out.push(...endpointTable(r, limits.endpoints));
    out.push(...readiness(r, limits));
    out.push(...timeline(r, limits.bars));
  }
  if (opts.runUrl) out.push('', `[Run details](${opts.runUrl})`);
  return out.join('\n') + '\n';
}

// Words that start a statement of their own in Mermaid's gantt grammar (its lexer
// is case-insensitive): a certificate called "Section A" would open a section.
const GANTT_KEYWORD =
  /^(?:title|acctitle|accdescr|section|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|click|gantt)\b/i;

export function mermaidName(s: string): string {
  // ':' ends a task name, '#' and ';' start comments or end statements, '%%' is a
  // comment, and a backtick run could close the code fence the block sits in.
  // eslint-disable-next-line no-control-regex
  const name =
    s
      .replace(/[:#;`\u0000-\u001f\u007f]/g, ' ')
      .replace(/%%/g, '% ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 50)
      .trim() || 'certificate';
  return GANTT_KEYWORD.test(name) ? `cert ${name}` : name;
}

export function timeline(r: Report, maxBars = LIMITS.bars): string[] {
  const leaves = r.certificates
    .filter((c) => c.role === 'leaf')
    .sort((a, b) => a.notAfter.localeCompare(b.notAfter))
    .slice(0, maxBars);
  if (!leaves.length) return [];
  const out = [
    '### Expiry timeline',
    '',
    '```mermaid',
    'gantt',
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %Y-%m-%d',
    `  section Leaf certificates`,
  ];
  leaves.forEach((c, i) => {
    const active = c.findings.filter((f) => !f.ignored);
    const tag = active.some((f) => f.severity === 'error')
      ? 'crit, '
      : active.some((f) => f.severity === 'warning')
        ? 'active, '
        : '';
    const start = c.notBefore.slice(0, 10);
    let end = c.notAfter.slice(0, 10);
    if (end <= start) end = new Date(Date.parse(start) + 86_400_000).toISOString().slice(0, 10);
    out.push(`  ${mermaidName(displayName(c))} :${tag}c${i}, ${start}, ${end}`);
  });
  out.push(
    `  section Run`,
    `  checked ${r.run.now.slice(0, 10)} :milestone, now, ${r.run.now.slice(0, 10)}, 0d`,
    '```',
    '',
  );
  return out;
}

/** "Which of ours, where, and who owns it": per-CA exposure and file/endpoint drift. */
function readiness(r: Report, limits: Limits): string[] {
  const inv = buildInventory(r);
  const out: string[] = [
    '### By issuing CA',
    '',
    '| CA | Certificates | Locations | Failing | Earliest expiry | Owners |',
    '|---|---:|---:|---:|---|---|',
  ];
  for (const g of inv.groups.issuer.slice(0, limits.caRows)) {
    out.push(
      `| ${cell(g.key)} | ${g.certificates} | ${g.locations} | ${g.failing} | ${g.earliestExpiry?.slice(0, 10) ?? '—'} | ${ownersCell(g.owners)} |`,
    );
  }
  if (inv.groups.issuer.length > limits.caRows)
    out.push('', `…and ${inv.groups.issuer.length - limits.caRows} more CAs in \`certwatch inventory\`.`);
  out.push('');
  for (const line of inv.concentration.slice(0, limits.concentration)) out.push(`- ${cell(line)}`);
  if (inv.drift.length) {
    out.push('', '**Drift between the repository and what is served**', '');
    for (const d of inv.drift.slice(0, limits.drift)) out.push(`- \`${d.verdict}\`: ${cell(d.message)}`);
  }
  out.push('');
  return out;
}

// One row per probe: enough for "which address, which TLS, did it staple" at a glance.
function endpointTable(r: Report, maxRows: number): string[] {
  const ps = r.endpoints ?? [];
  if (!ps.length) return [];
  const out = [
    '### Endpoints',
    '',
    '| Endpoint | Address | TLS | Cipher | Chain sent | Verdict | OCSP staple |',
    '|---|---|---|---|---:|---|---|',
  ];
  for (const p of ps.slice(0, maxRows)) {
    const verdict = !p.ok ? `unreachable: ${p.error ?? ''}` : p.trusted ? 'trusted' : (p.problem ?? 'not trusted');
    out.push(
      `| ${cell(p.target)} | ${cell(p.address ?? '—')} | ${cell(p.tlsVersion ?? '—')} | ${cell(p.cipher ?? '—')} | ${p.chainLength} | ${cell(verdict)} | ${p.stapledOcsp ? 'yes' : 'no'} |`,
    );
  }
  if (ps.length > maxRows) out.push('', `…and ${ps.length - maxRows} more probes in the JSON report.`);
  out.push('');
  return out;
}
