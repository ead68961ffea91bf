// The CLI's argument tables (node:util parseArgs), one per command, and how
// flags become values: dates, formats, the target flags as config overrides,
// and parse errors worded the way this tool says things.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { buildSettings, UsageError, type Overrides } from '../config/settings.js';
import { nearest } from '../config/suggest.js';
import { fileProblem } from '../shared/file-problem.js';

export const TARGET_OPTIONS = {
  config: { type: 'string' },
  endpoint: { type: 'string', multiple: true },
  files: { type: 'string', multiple: true },
  'warn-within': { type: 'string' },
  'fail-within': { type: 'string' },
  revocation: { type: 'string' },
  shard: { type: 'string' },
  workspace: { type: 'string' },
  at: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

// merge reads reports, not targets: a target flag here would be silently ignored, so it is refused.
export const MERGE_OPTIONS = {
  format: TARGET_OPTIONS.format,
  output: TARGET_OPTIONS.output,
  report: TARGET_OPTIONS.report,
  help: TARGET_OPTIONS.help,
} as const;

export const INIT_OPTIONS = {
  workspace: TARGET_OPTIONS.workspace,
  force: { type: 'boolean' },
  help: TARGET_OPTIONS.help,
} as const;

export const INVENTORY_OPTIONS = {
  ...TARGET_OPTIONS,
  all: { type: 'boolean' },
  issuer: { type: 'string' },
  owner: { type: 'string' },
  'expires-before': { type: 'string' },
  'serials-file': { type: 'string' },
  by: { type: 'string' },
} as const;

/** Every command's options, for its help text and for the test that keeps the two in step. */
export const COMMAND_OPTIONS: Record<string, Record<string, unknown>> = {
  check: TARGET_OPTIONS,
  merge: MERGE_OPTIONS,
  inventory: INVENTORY_OPTIONS,
  init: INIT_OPTIONS,
};

export const CHECK_FORMATS = ['text', 'json', 'markdown', 'sarif', 'openmetrics'] as const;
export const INVENTORY_FORMATS = ['text', 'json', 'csv', 'markdown', 'ics', 'html', 'openmetrics'] as const;

export function parseDate(s: string, flag: string): Date {
  const d = new Date(`${s}T00:00:00Z`);
  // Round-trip check: 2026-02-31 must be refused, not read as 3 March.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    throw new UsageError(`${flag}: "${s}" is not a date; use YYYY-MM-DD`);
  }
  return d;
}

export function pickFormat<T extends string>(v: string | undefined, allowed: readonly T[], fallback: T): T {
  if (v === undefined) return fallback;
  if (!allowed.includes(v as T)) throw new UsageError(`--format: "${v}" is not one of ${allowed.join(', ')}`);
  return v as T;
}

/** The target flags `check` and `inventory` share. */
export interface TargetFlags {
  config?: string;
  endpoint?: string[];
  files?: string[];
  'warn-within'?: string;
  'fail-within'?: string;
  revocation?: string;
  shard?: string;
  workspace?: string;
  at?: string;
}

/** The target flags as config overrides, on a workspace that must exist. */
export async function settingsFromFlags(v: TargetFlags) {
  const workspace = path.resolve(v.workspace ?? process.cwd());
  // A mistyped --workspace would otherwise "find no certificates" and pass.
  const st = await stat(workspace).catch((e: unknown) => {
    throw new UsageError(
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? `--workspace: ${workspace} does not exist`
        : `--workspace: cannot use ${workspace}: ${fileProblem(e)}`,
    );
  });
  if (!st.isDirectory()) throw new UsageError(`--workspace: ${workspace} is not a directory`);
  const o: Overrides = {
    configPath: v.config,
    configExplicit: v.config !== undefined,
    endpoints: v.endpoint,
    files: v.files,
    warnWithin: v['warn-within'],
    failWithin: v['fail-within'],
    revocation: v.revocation,
    shard: v.shard,
    now: v.at ? parseDate(v.at, '--at') : undefined,
    origin: 'flags',
  };
  return buildSettings(workspace, o);
}

/** node:util parseArgs errors, said the way this tool says things (and with a guess for a typo). */
export function argsProblem(e: Error, cmd: string): string {
  const known = Object.keys(COMMAND_OPTIONS[cmd] ?? TARGET_OPTIONS);
  const unknown = /Unknown option '(-{1,2}[^']*)'/.exec(e.message);
  if (unknown) {
    const guess = nearest(unknown[1].replace(/^-+/, ''), known);
    return `unknown option ${unknown[1]}${guess ? ` — did you mean --${guess}?` : ''}`;
  }
  const missing = /Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument missing/.exec(e.message);
  if (missing) return `${missing[1]} needs a value`;
  const positional = /Unexpected argument '([^']*)'/.exec(e.message);
  if (positional) return `unexpected argument "${positional[1]}" (options start with --)`;
  return e.message.split('. ')[0];
}
