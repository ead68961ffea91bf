import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/config/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
var DurationError = class extends Error {
};
function parseDuration(text) {
  const t = String(text).trim();
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (pct) {
    const percent = Number(pct[1]);
    if (percent <= 0 || percent >= 100) throw new DurationError(`"${t}" must be a percentage between 0% and 100%`);
    return { kind: "percent", percent, text: t };
  }
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d|w)$/.exec(t);
  if (!m) {
    if (/^-/.test(t)) throw new DurationError(`"${t}" is negative; durations count time left, like 30d`);
    throw new DurationError(`"${t}" is not a duration; use 90m, 12h, 30d, 2w or a share of lifetime like 20%`);
  }
  return { kind: "absolute", ms: Number(m[1]) * UNIT_MS[m[2]], text: t };
}
function parseTimeout(text) {
  const t = String(text).trim();
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/.exec(t);
  if (!m) throw new DurationError(`"${t}" is not a timeout; use 500ms, 10s or 2m`);
  const ms = Number(m[1]) * UNIT_MS[m[2]];
  if (ms <= 0) throw new DurationError(`"${t}" must be more than zero`);
  return ms;
}
function thresholdMs(d, lifetimeMs) {
  return d.kind === "absolute" ? d.ms : lifetimeMs * d.percent / 100;
}
function formatDuration(ms) {
  const abs = Math.abs(ms);
  if (abs >= 2 * 864e5) return `${Math.floor(abs / 864e5)} days`;
  if (abs >= 864e5) return `1 day ${Math.floor(abs % 864e5 / 36e5)} h`;
  if (abs >= 36e5) return `${Math.floor(abs / 36e5)} h ${Math.floor(abs % 36e5 / 6e4)} min`;
  return `${Math.max(1, Math.floor(abs / 6e4))} min`;
}

export {
  DurationError,
  parseDuration,
  parseTimeout,
  thresholdMs,
  formatDuration
};
