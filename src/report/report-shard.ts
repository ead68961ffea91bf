// The shard a report covers. The JSON report writes it as "i/n" (the contract's
// `run.shard`); everything that reads it back takes it as a typed value from
// here, parsed once, instead of splitting or matching the text again.
import type { Shard } from '../types.js';
import type { Report } from './report-types.js';

/** A run that is not sharded: the one shard of one. */
export const WHOLE_RUN: Shard = { index: 1, count: 1 };

/** "2/4" as the report writes it. */
export function shardText(s: Shard): string {
  return `${s.index}/${s.count}`;
}

/** The report's shard, or null when `run.shard` is not "i/n" (a hand-edited or foreign file). */
export function reportShard(r: Pick<Report, 'run'>): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(typeof r.run?.shard === 'string' ? r.run.shard : '');
  return m ? { index: Number(m[1]), count: Number(m[2]) } : null;
}

/** The shard of a report that covers one of several, or null for a whole run (or a `run.shard` that is not "i/n"). */
export function partialShard(r: Pick<Report, 'run'>): Shard | null {
  const s = reportShard(r);
  return s && s.count > 1 ? s : null;
}
