// How severe a finding is, as one order every view sorts by: errors first,
// then warnings, then notices. One copy (issue 10, part 4): the report's order,
// the terminal, the summary, annotations and the inventory's "worst finding"
// all read it from here.
import type { Severity } from '../types.js';

const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** 0 for an error (the worst), 1 for a warning, 2 for a notice. */
export function severityRank(s: Severity): number {
  return RANK[s];
}
