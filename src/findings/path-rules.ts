// Path rules: `exclude:` globs (top level and per `files` entry), `!` negations in
// `files:`, `ignore: - path:` entries, and — in discovery mode only — common test-fixture
// folders. None of them hides a certificate: it is still read and listed in the
// inventory, its place marked; only its findings stop counting. A certificate also seen
// at a judged place (another file, an endpoint) is judged: a fixture copy must not hide
// the production one.
import picomatch from 'picomatch';
import type { FileTarget, Finding, Location, ObservedCertificate, PathIgnoreRule, PathRules } from '../types.js';

// Folders and names that hold test fixtures in most ecosystems (Go's testdata/ and
// *_test.go, Jest's __tests__/, RSpec's spec/, …). Expired and self-signed
// certificates there are usually deliberate.
const TEST_PATH = /(^|\/)(test|tests|testdata|fixtures|__tests__|spec)\/|(^|\/)[^/]*_test\.[^/]+$/;
export const TEST_PATH_WORDS = 'test/, tests/, testdata/, fixtures/, __tests__/, spec/, *_test.*';
export const TEST_PATH_MARK = 'under a test path (discovery)';

export function isTestPath(rel: string): boolean {
  return TEST_PATH.test(rel);
}

const matcher = (glob: string) => picomatch(glob, { dot: true });

/** Decides, per file, which rule (if any) keeps it from being judged; the text names the rule as written. */
export function fileExcluder(
  rules: PathRules | undefined,
  discovery: boolean,
): (rel: string, target: FileTarget) => string | undefined {
  const global = (rules?.exclude ?? []).map((r) => ({ test: matcher(r.pattern), origin: r.origin }));
  const perTarget = new Map<FileTarget, { test: (p: string) => boolean; origin: string }[]>();
  return (rel, target) => {
    if (target.exclude?.length) {
      let own = perTarget.get(target);
      if (!own)
        perTarget.set(
          target,
          (own = target.exclude.map((g) => ({
            test: matcher(g),
            origin: `exclude: "${g}" of files "${target.pattern}"`,
          }))),
        );
      const hit = own.find((r) => r.test(rel));
      if (hit) return hit.origin;
    }
    const hit = global.find((r) => r.test(rel));
    if (hit) return hit.origin;
    // An explicit config decides for itself; only discovery guesses what is a fixture.
    if (discovery && target.discovered && isTestPath(rel)) return TEST_PATH_MARK;
    return undefined;
  };
}

/**
 * Marks findings of excluded and path-ignored certificates (and file problems at those
 * places) as ignored, and returns run-level notices: one line for all test-path
 * certificates, and one per expired path ignore that would otherwise hide something.
 */
export function applyPathRules(
  certs: ObservedCertificate[],
  problems: Finding[],
  rules: PathRules | undefined,
  now: Date,
): Finding[] {
  const ignores = (rules?.ignore ?? []).map((r) => ({
    rule: r,
    test: matcher(r.path),
    expired: !!r.until && now > r.until,
  }));
  const ruleFor = (l: Location) => (l.type === 'file' ? ignores.find((i) => i.test(l.path)) : undefined);
  const out: Finding[] = [];
  const expiredUsed = new Set<PathIgnoreRule>();
  let testCerts = 0;

  for (const oc of certs) {
    const active = oc.findings.filter((f) => !f.ignored);
    let reason: string | undefined;
    let until: string | undefined;
    let allTest = true;
    let judged = false;
    for (const l of oc.locations) {
      if (l.type === 'file' && l.excluded) {
        if (l.excluded !== TEST_PATH_MARK) allTest = false;
        reason ??=
          l.excluded === TEST_PATH_MARK
            ? `${TEST_PATH_MARK}; list it under \`files:\` to judge it`
            : `excluded by ${l.excluded}`;
        continue;
      }
      allTest = false;
      const hit = ruleFor(l);
      if (hit && !hit.expired) {
        if (l.type === 'file') l.excluded = `ignore: path "${hit.rule.path}"`;
        reason ??= hit.rule.reason ?? `ignored by path "${hit.rule.path}"`;
        until ??= hit.rule.until?.toISOString().slice(0, 10);
        continue;
      }
      if (hit?.expired) expiredUsed.add(hit.rule);
      judged = true;
    }
    if (judged || !oc.locations.length) continue;
    if (allTest) testCerts++;
    for (const f of active) f.ignored = { reason, ...(until ? { until } : {}) };
  }

  for (const f of problems) {
    const l = f.location;
    if (f.ignored || !l || l.type !== 'file') continue;
    if (l.excluded) {
      f.ignored = { reason: l.excluded === TEST_PATH_MARK ? TEST_PATH_MARK : `excluded by ${l.excluded}` };
      continue;
    }
    const hit = ruleFor(l);
    if (hit && !hit.expired)
      f.ignored = {
        reason: hit.rule.reason ?? `ignored by path "${hit.rule.path}"`,
        ...(hit.rule.until ? { until: hit.rule.until.toISOString().slice(0, 10) } : {}),
      };
    else if (hit?.expired && f.severity !== 'notice') expiredUsed.add(hit.rule);
  }

  if (testCerts) {
    out.push({
      id: 'test-paths',
      severity: 'notice',
      detail: { kind: 'test-paths', certificates: testCerts },
    });
  }
  for (const r of expiredUsed) {
    out.push({
      id: 'ignore-expired',
      severity: 'notice',
      detail: {
        kind: 'path-ignore-expired',
        path: r.path,
        rule: { ...(r.source ?? {}), ...(r.reason ? { reason: r.reason } : {}) },
        until: r.until!.toISOString().slice(0, 10),
      },
      ...(r.source ? { location: { type: 'file', path: r.source.file, line: r.source.line } } : {}),
    });
  }
  return out;
}
