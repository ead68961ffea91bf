// The job summary (and `--format markdown`): findings worst first, the inventory,
// and an expiry timeline as a Mermaid gantt block (GitHub renders it).
import type { Report, ReportCertificate, ReportFinding } from './report-types.js';
import { certName, daysLeft, issuerName, locationText, roleLabel } from './format-helpers.js';
import { buildInventory } from './inventory/inventory.js';

// $GITHUB_STEP_SUMMARY accepts at most 1 MiB per step; tables this long are
// unreadable anyway. The JSON report carries everything.
const MAX_FINDING_ROWS = 200;
const MAX_INVENTORY_ROWS = 300;
const MAX_TIMELINE_BARS = 40;

export function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;');
}

const ICON: Record<string, string> = { error: '🔴 error', warning: '🟡 warning', notice: '🔵 notice' };

export function renderMarkdown(r: Report, opts: { runUrl?: string } = {}): string {
  const s = r.summary;
  const out: string[] = [];
  const head = s.status === 'fail' ? '❌ certwatch: failing' : s.status === 'warn' ? '⚠️ certwatch: warnings' : '✅ certwatch: all certificates healthy';
  out.push(`## ${head}`, '');
  out.push(
    `**${s.failures}** failure${s.failures === 1 ? '' : 's'} · **${s.warnings}** warning${s.warnings === 1 ? '' : 's'} · ${s.notices} notice${s.notices === 1 ? '' : 's'} · ${s.certificates} certificate${s.certificates === 1 ? '' : 's'}${s.nextExpiry ? ` · next leaf expiry **${s.nextExpiry.slice(0, 10)}**` : ''}${r.run.shard !== '1/1' ? ` · shard ${r.run.shard}` : ''}`,
    '',
  );
  if (r.run.deadlineReached) out.push('> [!WARNING]', '> The run reached its deadline; some targets were not checked (see the `not-checked` notices).', '');

  const rows: { f: ReportFinding; c?: ReportCertificate }[] = [];
  for (const c of r.certificates) for (const f of c.findings) if (!f.ignored) rows.push({ f, c });
  for (const f of r.problems) if (!f.ignored) rows.push({ f });
  const rank = (f: ReportFinding) => (f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2);
  rows.sort((a, b) => rank(a.f) - rank(b.f));
  if (rows.length) {
    out.push('### Findings', '', '| Severity | Finding | Certificate | Where | What to do |', '|---|---|---|---|---|');
    for (const { f, c } of rows.slice(0, MAX_FINDING_ROWS)) {
      const where = f.location ? locationText(f.location) : c ? c.locations.map(locationText).slice(0, 3).join('<br>') + (c.locations.length > 3 ? `<br>+${c.locations.length - 3} more` : '') : '';
      out.push(`| ${ICON[f.severity]} | \`${f.id}\` | ${c ? cell(certName(c)) : ''} | ${cell(where).replace(/&lt;br>/g, '<br>')} | ${cell(f.message)} |`);
    }
    if (rows.length > MAX_FINDING_ROWS) out.push('', `…and ${rows.length - MAX_FINDING_ROWS} more findings in the JSON report.`);
    out.push('');
  }
  const ignored = r.certificates.reduce((n, c) => n + c.findings.filter((f) => f.ignored).length, 0);
  if (ignored) out.push(`_${ignored} finding${ignored === 1 ? '' : 's'} ignored by the config's \`ignore:\` rules._`, '');

  if (r.certificates.length) {
    out.push('### Inventory', '', '| Certificate | Issuer | Expires | Days left | Where | Owner | Revocation |', '|---|---|---|---:|---|---|---|');
    const byExpiry = [...r.certificates].sort((a, b) => a.notAfter.localeCompare(b.notAfter));
    for (const c of byExpiry.slice(0, MAX_INVENTORY_ROWS)) {
      const where = c.locations.slice(0, 3).map(locationText).map(cell).join('<br>') + (c.locations.length > 3 ? `<br>+${c.locations.length - 3} more` : '');
      const rev = c.revocation.status === 'not-checked' ? '—' : `${c.revocation.status}${c.revocation.method ? ` (${c.revocation.method})` : ''}`;
      out.push(
        `| ${cell(certName(c))}${c.role !== 'leaf' ? ` _(${roleLabel(c)})_` : ''} | ${cell(issuerName(c))} | ${c.notAfter.slice(0, 10)} | ${daysLeft(c.notAfter, r.run.now)} | ${where} | ${cell(c.owner ?? '—')} | ${rev} |`,
      );
    }
    if (r.certificates.length > MAX_INVENTORY_ROWS) out.push('', `…and ${r.certificates.length - MAX_INVENTORY_ROWS} more certificates in the JSON report.`);
    out.push('');
    out.push(...readiness(r));
    out.push(...timeline(r));
  }
  if (opts.runUrl) out.push('', `[Run details](${opts.runUrl})`);
  return out.join('\n') + '\n';
}

function mermaidName(s: string): string {
  // ':' and '#' end a task name in Mermaid's gantt grammar; keep names short.
  return s.replace(/[:#;]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 50) || 'certificate';
}

export function timeline(r: Report): string[] {
  const leaves = r.certificates
    .filter((c) => c.role === 'leaf')
    .sort((a, b) => a.notAfter.localeCompare(b.notAfter))
    .slice(0, MAX_TIMELINE_BARS);
  if (!leaves.length) return [];
  const out = ['### Expiry timeline', '', '```mermaid', 'gantt', '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m-%d', `  section Leaf certificates`];
  leaves.forEach((c, i) => {
    const active = c.findings.filter((f) => !f.ignored);
    const tag = active.some((f) => f.severity === 'error') ? 'crit, ' : active.some((f) => f.severity === 'warning') ? 'active, ' : '';
    const start = c.notBefore.slice(0, 10);
    let end = c.notAfter.slice(0, 10);
    if (end <= start) end = new Date(Date.parse(start) + 86_400_000).toISOString().slice(0, 10);
    out.push(`  ${mermaidName(certName(c))} :${tag}c${i}, ${start}, ${end}`);
  });
  out.push(`  section Run`, `  checked ${r.run.now.slice(0, 10)} :milestone, now, ${r.run.now.slice(0, 10)}, 0d`, '```', '');
  return out;
}

/** "Which of ours, where, and who owns it": per-CA exposure and file/endpoint drift. */
function readiness(r: Report): string[] {
  const inv = buildInventory(r);
  const out: string[] = ['### By issuing CA', '', '| CA | Certificates | Locations | Failing | Earliest expiry | Owners |', '|---|---:|---:|---:|---|---|'];
  for (const g of inv.groups.issuer.slice(0, 30)) {
    out.push(`| ${cell(g.key)} | ${g.certificates} | ${g.locations} | ${g.failing} | ${g.earliestExpiry?.slice(0, 10) ?? '—'} | ${cell(g.owners.join(', ') || '—')} |`);
  }
  out.push('');
  for (const line of inv.concentration.slice(0, 10)) out.push(`- ${cell(line)}`);
  if (inv.drift.length) {
    out.push('', '**Drift between the repository and what is served**', '');
    for (const d of inv.drift.slice(0, 30)) out.push(`- \`${d.verdict}\`: ${cell(d.message)}`);
  }
  out.push('');
  return out;
}
