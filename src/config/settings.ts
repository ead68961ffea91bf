// Config file + inputs/flags → one typed Settings object, built once at the edge
// (as actions/checkout's input-helper does); nothing downstream reads raw input.
import path from 'node:path';
import type {
  Defaults,
  EndpointTarget,
  FileTarget,
  IgnoreRule,
  IssueSettings,
  PathIgnoreRule,
  PathRules,
  RevocationMode,
  Settings,
  Shard,
  StartTlsProtocol,
  Thresholds,
} from '../types.js';
import type { CertwatchConfig, EndpointObject, FileObject } from './config-file.js';
import { ConfigError, loadConfig, type RawConfig } from './load-config.js';
import { DurationError, parseDuration, parseTimeout } from './duration.js';
import { EndpointSpecError, defaultPort, parseEndpointSpec } from '../sources/endpoints/endpoint-spec.js';
import { DEFAULT_MAX_DOWNLOAD_MB, validAllowEntry } from '../net/address-policy.js';
import { isInside } from '../shared/path-inside.js';

export const DEFAULT_CONFIG_PATH = '.github/certwatch.yml';

/**
 * What certwatch looks at when nothing is configured: every file (git's tracked files in a
 * checkout), judged by content — PEM anywhere, base64 PEM/DER under keys, keystores by magic
 * (sources/files/discover.ts).
 */
export const DISCOVERY_PATTERNS = ['**'];

/** Overrides from action inputs or CLI flags; empty values mean "not given". */
export interface Overrides {
  configPath?: string; // relative to workspace
  configExplicit?: boolean; // the user named the config: a missing file is then an error
  endpoints?: string[];
  files?: string[];
  warnWithin?: string;
  failWithin?: string;
  revocation?: string;
  shard?: string;
  now?: Date;
  /** who gave the overrides, so an error names what the user typed: `--warn-within` or input `warn-within` */
  origin?: 'flags' | 'inputs';
}

export class UsageError extends Error {}

/** The name of an override as the user typed it: `--endpoint` on the command line, `input endpoints` in a workflow. */
export function overrideName(key: string, origin: Overrides['origin']): string {
  const flag: Record<string, string> = { endpoints: 'endpoint' };
  return origin === 'flags' ? `--${flag[key] ?? key}` : `input ${key}`;
}

/** The defaults when neither the config nor an input sets a value (also what `certwatch init` writes as comments). */
export const BUILTIN: Defaults = {
  warnWithin: { kind: 'absolute', ms: 30 * 86_400_000, text: '30d' },
  failWithin: { kind: 'absolute', ms: 7 * 86_400_000, text: '7d' },
  revocation: 'soft',
  timeoutMs: 10_000,
  concurrency: 32,
  cacheDir: '.certwatch-cache',
  deadlineMs: 15 * 60_000,
};

export const ISSUE_DEFAULTS: IssueSettings = { mode: 'per-certificate', labels: ['certificates'], maxOpen: 50 };

export async function buildSettings(workspace: string, o: Overrides = {}): Promise<Settings> {
  const configRel = o.configPath || DEFAULT_CONFIG_PATH;
  const raw = await loadConfig(path.resolve(workspace, configRel), configRel);
  if (!raw && o.configExplicit && o.configPath) {
    throw new UsageError(`config file ${configRel} does not exist`);
  }
  return settingsFrom(raw, workspace, o);
}

export function settingsFrom(raw: RawConfig | null, workspace: string, o: Overrides = {}): Settings {
  // Schema-valid by now (parse-config.ts validates before this runs): typed by the schema itself.
  const d = (raw?.data ?? {}) as Partial<CertwatchConfig>;
  const file = raw?.file ?? '(inputs)';
  const problems: ConfigError['problems'] = [];
  const at = (p: (string | number)[]) => raw?.lineOf(p) ?? 1;

  // Parse one value; a bad one becomes a problem at its line (all are reported together) and the fallback.
  const parsed =
    <T>(parse: (text: string) => T) =>
    (v: unknown, p: (string | number)[], fallback: T): T => {
      if (v === undefined || v === null || v === '') return fallback;
      try {
        return parse(String(v));
      } catch (e) {
        problems.push({ file, line: at(p), key: p.join('.'), message: (e as Error).message });
        return fallback;
      }
    };
  const dur = parsed(parseDuration);
  const tmo = parsed(parseTimeout);

  const dd = d.defaults ?? {};
  const defaults: Defaults = {
    warnWithin: dur(dd['warn-within'], ['defaults', 'warn-within'], BUILTIN.warnWithin),
    failWithin: dur(dd['fail-within'], ['defaults', 'fail-within'], BUILTIN.failWithin),
    revocation: (dd.revocation as RevocationMode) ?? BUILTIN.revocation,
    timeoutMs: tmo(dd.timeout, ['defaults', 'timeout'], BUILTIN.timeoutMs),
    concurrency: (dd.concurrency as number) ?? BUILTIN.concurrency,
    caFile: dd['ca-file'] as string | undefined,
    cacheDir: (dd['cache-dir'] as string) ?? BUILTIN.cacheDir,
    deadlineMs: tmo(dd.deadline, ['defaults', 'deadline'], BUILTIN.deadlineMs),
  };
  const cacheProblem = cacheDirProblem(defaults.cacheDir, workspace);
  if (cacheProblem)
    problems.push({ file, line: at(['defaults', 'cache-dir']), key: 'defaults.cache-dir', message: cacheProblem });
  // Inputs override the config (an empty input counts as not given). Their errors
  // name the flag or input, not a config file the user did not touch.
  if (o.warnWithin) defaults.warnWithin = overrideDuration(o.warnWithin, overrideName('warn-within', o.origin));
  if (o.failWithin) defaults.failWithin = overrideDuration(o.failWithin, overrideName('fail-within', o.origin));
  if (o.revocation) {
    const v = o.revocation.trim();
    if (!['soft', 'hard', 'off'].includes(v))
      throw new UsageError(`${overrideName('revocation', o.origin)}: "${o.revocation}" is not one of soft, hard, off`);
    defaults.revocation = v as RevocationMode;
  }

  const thresholdsOf = (
    e: { 'warn-within'?: string; 'fail-within'?: string },
    p: (string | number)[],
  ): Partial<Thresholds> | undefined => {
    const t: Partial<Thresholds> = {};
    if (e['warn-within'] !== undefined)
      t.warnWithin = dur(e['warn-within'], [...p, 'warn-within'], defaults.warnWithin);
    if (e['fail-within'] !== undefined)
      t.failWithin = dur(e['fail-within'], [...p, 'fail-within'], defaults.failWithin);
    return Object.keys(t).length ? t : undefined;
  };

  // ---- endpoints
  const endpoints: EndpointTarget[] = [];
  const endpointIds = new Set<string>();
  const addEndpoint = (spec: unknown, p: (string | number)[], srcFile: string, line: number) => {
    const obj: EndpointObject = typeof spec === 'string' ? { host: spec } : (spec as EndpointObject);
    try {
      const parsed = parseEndpointSpec(String(obj.host));
      const starttls = (obj.starttls as StartTlsProtocol | undefined) ?? parsed.starttls;
      const protocol = obj.starttls ? obj.starttls : parsed.protocol;
      const port =
        (obj.port as number | undefined) ??
        (obj.starttls && !/:\d+$|^\w+:\/\/.*:\d+/.test(String(obj.host)) ? defaultPort(obj.starttls) : parsed.port);
      const isIp = /^[\d.]+$/.test(parsed.host) || parsed.host.includes(':');
      const servername = (obj.servername as string | undefined) ?? (isIp ? undefined : parsed.host);
      const id = `${protocol}://${parsed.host.includes(':') ? `[${parsed.host}]` : parsed.host}:${port}${obj.servername ? `#${obj.servername}` : ''}`;
      // The same endpoint declared twice ("host:443" and "tls://host", or in the config
      // and again in the `endpoints` input) was probed twice and every chain/hostname
      // finding counted twice. Probe it once; the first declaration (the config's, which
      // annotations point at) wins.
      if (endpointIds.has(id)) return;
      endpointIds.add(id);
      endpoints.push({
        id,
        host: parsed.host,
        port,
        servername,
        starttls,
        protocol,
        allAddresses: obj['all-addresses'] === true,
        optional: obj.optional === true,
        owner: obj.owner,
        caFile: obj['ca-file'],
        thresholds: typeof spec === 'object' ? thresholdsOf(obj, p) : undefined,
        timeoutMs: obj.timeout ? tmo(obj.timeout, [...p, 'timeout'], defaults.timeoutMs) : defaults.timeoutMs,
        source: { file: srcFile, line },
      });
    } catch (e) {
      if (!(e instanceof EndpointSpecError)) throw e;
      problems.push({ file: srcFile, line, key: p.join('.'), message: e.message });
    }
  };
  const cfgEndpoints = (d.endpoints ?? []) as unknown[];
  cfgEndpoints.forEach((e, i) => addEndpoint(e, ['endpoints', i], file, at(['endpoints', i])));
  const fromConfig = problems.length;
  (o.endpoints ?? []).forEach((e, i) => addEndpoint(e, ['endpoints', i], '(inputs)', i + 1));
  if (problems.length > fromConfig && fromConfig === 0) {
    // Only the endpoints the user typed are wrong: say so by the flag or input's name.
    throw new UsageError(problems.map((p) => `${overrideName('endpoints', o.origin)}: ${p.message}`).join('\n'));
  }

  // ---- files
  const files: FileTarget[] = [];
  const pathRules: PathRules = { exclude: [], ignore: [] };
  const globList = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(String) : undefined);
  for (const [i, g] of (globList(d.exclude) ?? []).entries()) {
    pathRules.exclude.push({ pattern: g, origin: `exclude: "${g}"`, source: { file, line: at(['exclude', i]) } });
  }
  // "!glob" in files is a negation (as in .gitignore), never a file named "!…".
  const negation = (pattern: string, source: { file: string; line: number }, where: string) => {
    const g = pattern.replace(/^!+/, '');
    pathRules.exclude.push({ pattern: g, origin: `${where}: "${pattern}"`, source });
  };
  (d.files ?? []).forEach((f, i) => {
    const obj: FileObject = typeof f === 'string' ? { path: f } : f;
    const source = { file, line: at(['files', i]) };
    if (String(obj.path).startsWith('!')) return negation(String(obj.path), source, 'files');
    files.push({
      pattern: String(obj.path),
      passwordEnv: obj['password-env'],
      owner: obj.owner,
      thresholds: typeof f === 'object' ? thresholdsOf(obj, ['files', i]) : undefined,
      exclude: globList(obj.exclude),
      source,
    });
  });
  (o.files ?? []).forEach((g, i) => {
    const source = { file: '(inputs)', line: i + 1 };
    if (g.startsWith('!')) negation(g, source, overrideName('files', o.origin));
    else files.push({ pattern: g, source });
  });
  // Only negations ("!test/**") narrow discovery rather than replace it.
  if (!files.length && !raw?.data.endpoints && !o.endpoints?.length) {
    for (const pattern of DISCOVERY_PATTERNS) files.push({ pattern, discovered: true });
  }

  // ---- ignore: by fingerprint, or by path
  const ignore: IgnoreRule[] = [];
  (d.ignore ?? []).forEach((r, i) => {
    const source = { file, line: at(['ignore', i]) };
    const until = r.until
      ? endOfDay(String(r.until), problems, file, at(['ignore', i, 'until']), `ignore.${i}.until`)
      : undefined;
    if (r.fingerprint !== undefined && r.path !== undefined) {
      problems.push({
        file,
        line: source.line,
        key: `ignore.${i}`,
        message: 'an ignore entry has either `fingerprint:` or `path:`, not both; write two entries',
      });
    } else if (r.path !== undefined) {
      const rule: PathIgnoreRule = { path: String(r.path), until, reason: r.reason, source };
      pathRules.ignore.push(rule);
    } else if (r.fingerprint !== undefined) {
      ignore.push({ fingerprint: normaliseFingerprint(String(r.fingerprint)), until, reason: r.reason, source });
    } else {
      problems.push({
        file,
        line: source.line,
        key: `ignore.${i}`,
        message: 'an ignore entry needs `fingerprint: sha256:…` or `path: "glob"`',
      });
    }
  });

  const ari = d.ari ?? {};
  const issues = d.issues ?? {};
  const network = d.network ?? {};
  ((network.allow ?? []) as unknown[]).forEach((entry, i) => {
    if (!validAllowEntry(String(entry)))
      problems.push({
        file,
        line: at(['network', 'allow', i]),
        key: `network.allow.${i}`,
        message: `"${entry}" is not an IP address or CIDR block (like 10.20.0.0/16)`,
      });
  });
  (d['revoked-serials'] ?? []).forEach((r, i) => {
    const p = ['revoked-serials', i];
    if ((r.path === undefined) === (r.url === undefined)) {
      problems.push({
        file,
        line: at(p),
        key: p.join('.'),
        message:
          'give either `path` (a file in the repository) or `url` (where the CA publishes the list), not both or neither',
      });
    } else if (r.url !== undefined && !/^https?:\/\/[^/]/i.test(String(r.url))) {
      problems.push({
        file,
        line: at([...p, 'url']),
        key: [...p, 'url'].join('.'),
        message: `"${r.url}" is not an http:// or https:// URL`,
      });
    }
  });

  // In file order, as someone fixing them reads the file (Array.prototype.sort is stable).
  if (problems.length)
    throw new ConfigError(
      problems.sort((a, b) => Number(a.file !== file) - Number(b.file !== file) || a.line - b.line),
    );

  return {
    workspace: path.resolve(workspace),
    configPath: raw?.file,
    defaults,
    endpoints,
    files,
    ignore,
    pathRules,
    ari: {
      enabled: ari.enabled !== false,
      directories: (ari.directories ?? []) as { issuer: string; directory: string }[],
    },
    revokedSerials: (d['revoked-serials'] ?? []).map((r, i) => ({
      path: r.path,
      url: r.url,
      issuer: r.issuer,
      name: r.name,
      source: { file, line: at(['revoked-serials', i]) },
    })),
    network: {
      privateAddresses: network['private-addresses'] ?? 'auto',
      allow: ((network.allow ?? []) as unknown[]).map(String),
      maxDownloadMb: network['max-download-mb'] ?? DEFAULT_MAX_DOWNLOAD_MB,
    },
    issues: {
      mode: issues.mode ?? ISSUE_DEFAULTS.mode,
      labels: issues.labels ?? ISSUE_DEFAULTS.labels,
      maxOpen: issues['max-open'] ?? ISSUE_DEFAULTS.maxOpen,
    },
    shard: parseShard(o.shard, overrideName('shard', o.origin)),
    now: o.now ?? new Date(),
  };
}

function overrideDuration(v: string, name: string) {
  try {
    return parseDuration(v);
  } catch (e) {
    if (e instanceof DurationError) throw new UsageError(`${name}: ${e.message}`);
    throw e;
  }
}

/**
 * certwatch writes downloaded CRLs into the cache directory: it must stay inside
 * the workspace or the runner's temporary directory ($RUNNER_TEMP), never reach
 * into the home directory or the system (`../../.ssh`, `/etc`).
 */
function cacheDirProblem(cacheDir: string, workspace: string): string | null {
  const abs = path.resolve(workspace, cacheDir);
  const inside = (root: string) => isInside(path.resolve(root), abs);
  const temp = process.env.RUNNER_TEMP;
  if (inside(workspace) || (temp && inside(temp))) return null;
  return `"${cacheDir}" resolves to ${abs}, outside the workspace${temp ? ` and $RUNNER_TEMP (${temp})` : ''}; the cache must stay inside one of them`;
}

export function normaliseFingerprint(f: string): string {
  return (
    'sha256:' +
    f
      .replace(/^sha256:/i, '')
      .replace(/:/g, '')
      .toLowerCase()
  );
}

function endOfDay(
  s: string,
  problems: ConfigError['problems'],
  file: string,
  line: number,
  key: string,
): Date | undefined {
  const t = Date.parse(`${s}T23:59:59.999Z`);
  // Date.parse rolls 2027-02-30 over to 2 March; a day that does not exist is a typo.
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s) {
    problems.push({ file, line, key, message: `"${s}" is not a date; use YYYY-MM-DD` });
    return undefined;
  }
  return new Date(t);
}

export function parseShard(s: string | undefined, name = 'shard'): Shard {
  if (!s) return { index: 1, count: 1 };
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(s);
  if (!m || Number(m[2]) < 1 || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) {
    throw new UsageError(`${name}: "${s}" must be i/n with 1 ≤ i ≤ n, like 2/4`);
  }
  return { index: Number(m[1]), count: Number(m[2]) };
}
