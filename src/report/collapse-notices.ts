// Noise control for big repositories: notices of one kind (every placeholder Secret,
// every committed test key) and findings ignored for one reason (every fixture under
// test/) collapse into one line with a count. The JSON report keeps every item; the
// summary lists them in a collapsed <details>; text shows the first few places.
import type { ReportFinding } from './report-types.js';

// Up to this many of one kind are shown one by one; more become one line.
export const COLLAPSE_AT = 4;
// A collapsed line names this many places, then "+N more".
export const PLACES_SHOWN = 3;

export interface Row<T> {
  f: ReportFinding;
  ctx: T;
}

export interface Collapsed<T> {
  id: ReportFinding['id'];
  /** "notice" for notices of one id; "ignored" for ignored findings of one id and reason */
  kind: 'notice' | 'ignored';
  reason?: string;
  rows: Row<T>[];
}

/** Splits rows into those shown one by one and groups that collapse (order kept: first appearance). */
export function collapseNoise<T>(rows: Row<T>[]): { single: Row<T>[]; groups: Collapsed<T>[] } {
  const groups = new Map<string, Collapsed<T>>();
  for (const r of rows) {
    const key = r.f.ignored
      ? `ignored|${r.f.id}|${r.f.ignored.reason ?? ''}`
      : r.f.severity === 'notice'
        ? `notice|${r.f.id}`
        : undefined;
    if (!key) continue;
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = { id: r.f.id, kind: r.f.ignored ? 'ignored' : 'notice', reason: r.f.ignored?.reason, rows: [] }),
      );
    g.rows.push(r);
  }
  const big = [...groups.values()].filter((g) => g.rows.length >= COLLAPSE_AT);
  const collapsed = new Set(big.flatMap((g) => g.rows));
  return { single: rows.filter((r) => !collapsed.has(r)), groups: big };
}

/** One line for a group: "37 notices (unparseable)" / "412 findings ignored (under a test path …)". */
export function groupHeadline(g: Collapsed<unknown>): string {
  return g.kind === 'ignored'
    ? `${g.rows.length} \`${g.id}\` findings ignored${g.reason ? ` (${g.reason})` : ''}`
    : `${g.rows.length} \`${g.id}\` notices`;
}
