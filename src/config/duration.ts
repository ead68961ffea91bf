// Durations as users type them in the config and inputs: `90m`, `12h`, `30d`,
// `2w`, and `20%` (a share of the certificate's lifetime left, because a fixed
// "30 days" is wrong for a 6-day certificate — CA/B Forum ballot SC-081 shortens lifetimes to 47 days).
import type { Duration } from '../types.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export class DurationError extends Error {}

export function parseDuration(text: string): Duration {
  const t = String(text).trim();
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (pct) {
    const percent = Number(pct[1]);
    if (percent <= 0 || percent >= 100) throw new DurationError(`"${t}" must be a percentage between 0% and 100%`);
    return { kind: 'percent', percent, text: t };
  }
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d|w)$/.exec(t);
  if (!m) {
    if (/^-/.test(t)) throw new DurationError(`"${t}" is negative; durations count time left, like 30d`);
    throw new DurationError(`"${t}" is not a duration; use 90m, 12h, 30d, 2w or a share of lifetime like 20%`);
  }
  return { kind: 'absolute', ms: Number(m[1]) * UNIT_MS[m[2]], text: t };
}

/** Timeouts and deadlines: `10s`, `500ms`, `2m`, `15m`. */
export function parseTimeout(text: string): number {
  const t = String(text).trim();
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/.exec(t);
  if (!m) throw new DurationError(`"${t}" is not a timeout; use 500ms, 10s or 2m`);
  const ms = Number(m[1]) * UNIT_MS[m[2]];
  if (ms <= 0) throw new DurationError(`"${t}" must be more than zero`);
  return ms;
}

/** The threshold in ms for a certificate of the given lifetime. */
export function thresholdMs(d: Duration, lifetimeMs: number): number {
  return d.kind === 'absolute' ? d.ms : (lifetimeMs * d.percent) / 100;
}

export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= 2 * 86_400_000) return `${Math.floor(abs / 86_400_000)} days`;
  if (abs >= 86_400_000) return `1 day ${Math.floor((abs % 86_400_000) / 3_600_000)} h`;
  if (abs >= 3_600_000) return `${Math.floor(abs / 3_600_000)} h ${Math.floor((abs % 3_600_000) / 60_000)} min`;
  return `${Math.max(1, Math.floor(abs / 60_000))} min`;
}
