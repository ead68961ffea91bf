// fail-within larger than warn-within is a config mistake, not a crash: nothing would
// ever warn before failing. Say so as a 'config' warning and carry on (issue #2,
// "Bad input"). Mixed kinds (30d vs 20%) depend on each certificate's lifetime and
// are not compared.
import type { Finding, Settings, SourceRef, Thresholds } from '../types.js';

function inverted(t: Thresholds): boolean {
  const { warnWithin: w, failWithin: f } = t;
  if (w.kind === 'absolute' && f.kind === 'absolute') return w.ms < f.ms;
  if (w.kind === 'percent' && f.kind === 'percent') return w.percent < f.percent;
  return false;
}

function warning(t: Thresholds, where: SourceRef, scope?: string): Finding {
  return {
    id: 'config',
    severity: 'warning',
    detail: {
      kind: 'threshold-order',
      ...(scope ? { scope } : {}),
      failWithin: t.failWithin.text,
      warnWithin: t.warnWithin.text,
    },
    location: { type: 'file', path: where.file, line: where.line },
  };
}

/** 'config' warnings for inverted thresholds: the defaults, and each target that overrides them. */
export function checkThresholdOrder(s: Settings): Finding[] {
  const out: Finding[] = [];
  // Settings keeps no line for `defaults:`; the file is still named.
  if (inverted(s.defaults)) out.push(warning(s.defaults, { file: s.configPath ?? '(inputs)', line: 1 }));
  for (const target of [...s.endpoints, ...s.files]) {
    if (!target.thresholds) continue;
    const t: Thresholds = {
      warnWithin: target.thresholds.warnWithin ?? s.defaults.warnWithin,
      failWithin: target.thresholds.failWithin ?? s.defaults.failWithin,
    };
    const name = 'pattern' in target ? `files "${target.pattern}"` : `endpoint ${target.host}:${target.port}`;
    if (inverted(t) && target.source) out.push(warning(t, target.source, name));
  }
  return out;
}
