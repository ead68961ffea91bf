// The one test clock. Tests that judge in-process take a fixed instant, NOW, so the
// dates in findings, messages and reports are the same on every run. Tests that run
// the built CLI or action, or a TLS handshake (OpenSSL checks a certificate against
// the real time), live on the real clock: realClock() reads it once, and every
// certificate of the file is placed relative to that one reading.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The fixed instant of in-process tests. */
export const NOW = new Date('2026-11-22T03:00:00Z');
/** NOW as a report carries it (`generatedAt`, `run.now`). */
export const NOW_ISO = NOW.toISOString();

export interface Clock {
  /** the instant, in ms since the epoch */
  now: number;
  /** `days` from the instant (negative: before it; fractions allowed) */
  at(days: number): Date;
  /** the UTC date (YYYY-MM-DD) `days` from the instant, as a CLI flag or config takes it */
  day(days: number): string;
}

export function clockAt(instant: Date | number): Clock {
  const now = typeof instant === 'number' ? instant : instant.getTime();
  const at = (days: number) => new Date(now + days * DAY);
  return { now, at, day: (days) => at(days).toISOString().slice(0, 10) };
}

/** The fixed clock: at(d) is d days from NOW. */
export const fixedClock = clockAt(NOW);

/** The real clock, read once. */
export function realClock(): Clock {
  return clockAt(Date.now());
}

/** `days` from the real time at the call (for a file whose tests run long enough for "now" to move). */
export function fromNow(days: number): Date {
  return new Date(Date.now() + days * DAY);
}
