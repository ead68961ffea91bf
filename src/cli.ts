// argv → run → stdout + exit code (0 no failures, 1 failures, 2 usage/config error).
import { parseArgs } from 'node:util';
import { readFile, writeFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { buildSettings, UsageError, type Overrides } from './config/settings.js';
import { ConfigError } from './config/load-config.js';
import { DurationError } from './config/duration.js';
import { nearest } from './config/suggest.js';
import { run } from './run.js';
import type { Report } from './report/report-types.js';
import { renderText } from './report/text.js';
import { renderMarkdown } from './report/markdown.js';
import { renderSarif } from './report/sarif.js';
import { renderOpenMetrics } from './report/openmetrics.js';
import { mergeReports, validateReport, MergeError } from './report/merge-reports.js';
import { filterReport, type InventoryFilter } from './report/inventory/filter.js';
import { openListFile, SerialListError, type OpenedList } from './serial-lists/open-serial-list.js';
import { scanSerialList } from './serial-lists/scan-serial-list.js';
import { serialKey } from './serial-lists/serial-line.js';
import { renderInventory, type InventoryFormat } from './report/inventory/render.js';
import { TOOL_VERSION } from './version.js';

const TARGET_USAGE = `[--config F] [--endpoint E]... [--files GLOB]... [--workspace DIR]
                  [--warn-within D] [--fail-within D] [--revocation soft|hard|off] [--shard i/n] [--at YYYY-MM-DD]`;

// One help text per command (`certwatch CMD --help`), and the overview (`certwatch --help`).
const HELP: Record<string, string> = {
  check: `usage: certwatch check ${TARGET_USAGE}
                  [--format text|json|markdown|sarif|openmetrics] [--report F] [--output F]

Checks the certificates a repository depends on (files and endpoints, from
.github/certwatch.yml or discovery) and prints the findings.
  --at DATE      judge expiry and ignore.until as of DATE (revocation and ARI stay facts about now)
  --report F     also write the JSON report to F, whatever --format shows
  --output F     write the output to F instead of stdout
exit status: 0 no failures, 1 failures found, 2 usage or config error`,
  merge: `usage: certwatch merge REPORT.json... [--format text|json|markdown|sarif|openmetrics] [--report F] [--output F]

Merges shard reports (files or a quoted glob, like 'reports/*.json') into one.
exit status: 0 no failures, 1 failures found, 2 usage or config error`,
  inventory: `usage: certwatch inventory ${TARGET_USAGE}
                  [--issuer S] [--owner S] [--expires-before DATE] [--serials-file F] [--all]
                  [--format text|json|csv|markdown|ics|html|openmetrics] [--report F] [--output F]

Lists every certificate: issuer, locations, owner, expiry. Filters combine with AND.
  --issuer S           case-insensitive substring of any issuer DN attribute
  --owner S            case-insensitive substring of the owner
  --expires-before D   notAfter before D (YYYY-MM-DD)
  --serials-file F     on a CA's list of affected serials (one per line, plain or gzip'd)
  --at DATE            what fails on DATE: expiry and ignore.until are judged then, revocation
                       and ARI stay facts about now; --all lists every certificate, judged on DATE
exit status: 0 no failures, 1 failures found, 2 usage or config error`,
  init: `usage: certwatch init [--workspace DIR] [--force]

Writes .github/certwatch.yml (the certificate files found here, grouped by folder,
owners from CODEOWNERS, every option with its default) and
.github/workflows/certwatch.yml (a check on pushes to the default branch, a nightly
run that keeps issues, a pull-request check). An existing file is kept unless --force.
exit status: 0 written (or kept), 2 usage error`,
};
import { workflowSafe } from './report/workflow-safe.js';

const USAGE = `usage:
  certwatch check [options]        check certificates and fail on problems
  certwatch inventory [options]    list certificates: who issued them, where, who owns them
  certwatch merge REPORT.json...   merge shard reports
  certwatch init [--force]         write a config and a workflow for this repository
  certwatch --version
  certwatch COMMAND --help         the options of one command

exit status: 0 no failures, 1 failures found, 2 usage or config error`;

const TARGET_OPTIONS = {
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
const MERGE_OPTIONS = {
  format: TARGET_OPTIONS.format,
  output: TARGET_OPTIONS.output,
  report: TARGET_OPTIONS.report,
  help: TARGET_OPTIONS.help,
} as const;

/** "no such file" rather than "ENOENT": what a person reads when a path is wrong. */
export function fileProblem(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a directory';
    default:
      return err.code ?? err.message;
  }
}

const INIT_OPTIONS = {
  workspace: TARGET_OPTIONS.workspace,
  force: { type: 'boolean' },
  help: TARGET_OPTIONS.help,
} as const;

const INVENTORY_OPTIONS = {
  ...TARGET_OPTIONS,
  all: { type: 'boolean' },
  issuer: { type: 'string' },
  owner: { type: 'string' },
  'expires-before': { type: 'string' },
  'serials-file': { type: 'string' },
} as const;

function parseDate(s: string, flag: string): Date {
  const d = new Date(`${s}T00:00:00Z`);
  // Round-trip check: 2026-02-31 must be refused, not read as 3 March.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    throw new UsageError(`${flag}: "${s}" is not a date; use YYYY-MM-DD`);
  }
  return d;
}

function pickFormat<T extends string>(v: string | undefined, allowed: readonly T[], fallback: T): T {
  if (v === undefined) return fallback;
  if (!allowed.includes(v as T)) throw new UsageError(`--format: "${v}" is not one of ${allowed.join(', ')}`);
  return v as T;
}

async function writeTo(file: string, text: string, flag: string) {
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, text);
  } catch (e) {
    throw new UsageError(`${flag}: cannot write ${file}: ${fileProblem(e)}`);
  }
}

// In a workflow step both streams are read for workflow commands: what we print
// carries certificate and server text, so it goes through workflowSafe.
async function emit(text: string, output: string | undefined, format?: string) {
  if (output) await writeTo(output, text, '--output');
  else process.stdout.write(workflowSafe(text, { json: format === 'json' || format === 'sarif' }));
}

function say(text: string): void {
  process.stderr.write(workflowSafe(text));
}

async function settingsFromFlags(v: Record<string, unknown>) {
  const workspace = path.resolve((v.workspace as string) ?? process.cwd());
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
    configPath: v.config as string | undefined,
    configExplicit: v.config !== undefined,
    endpoints: v.endpoint as string[] | undefined,
    files: v.files as string[] | undefined,
    warnWithin: v['warn-within'] as string | undefined,
    failWithin: v['fail-within'] as string | undefined,
    revocation: v.revocation as string | undefined,
    shard: v.shard as string | undefined,
    now: v.at ? parseDate(v.at as string, '--at') : undefined,
    origin: 'flags',
  };
  return buildSettings(workspace, o);
}

function progress(): ((m: string) => void) | undefined {
  return process.stderr.isTTY ? (m) => say(`certwatch: ${m}\n`) : undefined;
}

async function writeReport(r: Report, file: string | undefined) {
  if (file) await writeTo(file, JSON.stringify(r, null, 2) + '\n', '--report');
}

function render(r: Report, format: (typeof CHECK_FORMATS)[number], toTty: boolean): string {
  switch (format) {
    case 'openmetrics':
      return renderOpenMetrics(r);
    case 'json':
      return JSON.stringify(r, null, 2) + '\n';
    case 'markdown':
      return renderMarkdown(r);
    case 'sarif':
      return renderSarif(r);
    default:
      return renderText(r, { color: toTty && !process.env.NO_COLOR });
  }
}

const CHECK_FORMATS = ['text', 'json', 'markdown', 'sarif', 'openmetrics'] as const;

async function cmdCheck(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: TARGET_OPTIONS, allowPositionals: false, strict: true });
  if (values.help) return help('check');
  const format = pickFormat(values.format, CHECK_FORMATS, 'text');
  const settings = await settingsFromFlags(values);
  const report = await run(settings, { progress: progress() });
  await writeReport(report, values.report);
  await emit(render(report, format, !values.output && !!process.stdout.isTTY), values.output, format);
  return report.summary.failures > 0 ? 1 : 0;
}

async function cmdMerge(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: MERGE_OPTIONS, allowPositionals: true, strict: true });
  if (values.help) return help('merge');
  const format = pickFormat(values.format, CHECK_FORMATS, 'text');
  if (!positionals.length)
    throw new UsageError(
      'merge: give the shard reports to merge (files or a glob), like certwatch merge reports/*.json',
    );
  const files: string[] = [];
  for (const p of positionals) {
    const matched = fg.isDynamicPattern(p) ? await fg(p, { dot: true }) : [p];
    if (!matched.length) throw new UsageError(`merge: "${p}" matched no report`);
    files.push(...matched);
  }
  files.sort();
  const reports: Report[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = await readFile(f, 'utf8');
    } catch (e) {
      throw new UsageError(`merge: cannot read ${f}: ${fileProblem(e)}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new UsageError(
        `merge: ${f} is not valid JSON (${(e as Error).message}); was it written by certwatch --report?`,
      );
    }
    reports.push(validateReport(parsed, f));
  }
  const report = mergeReports(reports);
  await writeReport(report, values.report);
  await emit(render(report, format, !values.output && !!process.stdout.isTTY), values.output, format);
  return report.summary.failures > 0 ? 1 : 0;
}

const INVENTORY_FORMATS = ['text', 'json', 'csv', 'markdown', 'ics', 'html', 'openmetrics'] as const;

async function cmdInventory(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: INVENTORY_OPTIONS, allowPositionals: false, strict: true });
  if (values.help) return help('inventory');
  const format = pickFormat<InventoryFormat>(values.format, INVENTORY_FORMATS, 'text');
  const filter: InventoryFilter = {
    issuer: values.issuer,
    owner: values.owner,
    expiresBefore: values['expires-before'] ? parseDate(values['expires-before'], '--expires-before') : undefined,
    // PRODUCT.md: `--at DATE` shows what would fail on that date; --all keeps every certificate.
    failingOnly: values.at !== undefined && !values.all,
  };
  // Opened before the run (a wrong path is a usage error at once), read after it:
  // the list is streamed past our serials, never loaded (it can be millions of lines).
  const serialsFile = values['serials-file'];
  let list: OpenedList | undefined;
  if (serialsFile) {
    try {
      list = await openListFile(serialsFile);
    } catch (e) {
      throw new UsageError(`--serials-file: cannot read ${serialsFile}: ${(e as Error).message}`);
    }
  }
  const settings = await settingsFromFlags(values);
  const all = await run(settings, { progress: progress() });
  if (serialsFile && list) filter.serials = await serialsNamedIn(serialsFile, list, all);
  const report = filterReport(all, filter);
  await writeReport(report, values.report);
  await emit(
    renderInventory(report, format, { color: !values.output && !!process.stdout.isTTY && !process.env.NO_COLOR }),
    values.output,
    format,
  );
  return report.summary.failures > 0 ? 1 : 0;
}

/** Which of the report's serials the list names; bad lines are said on stderr and skipped. */
async function serialsNamedIn(file: string, list: OpenedList, report: Report): Promise<Set<string>> {
  try {
    const scanned = await scanSerialList(
      list.bytes,
      new Set(report.certificates.map((c) => serialKey(c.serialNumber))),
    );
    for (const b of scanned.bad) say(`certwatch: ${file}:${b.line}: "${b.text}" ${b.problem}\n`);
    if (scanned.badCount > scanned.bad.length)
      say(`certwatch: ${file}: ${scanned.badCount - scanned.bad.length} more lines are not serial numbers (skipped)\n`);
    return new Set(scanned.hits.keys());
  } catch (e) {
    if (e instanceof SerialListError) throw new UsageError(`--serials-file: ${file} ${e.message}`);
    throw e;
  }
}

/** Every command's options, for its help text and for the test that keeps the two in step. */
export const COMMAND_OPTIONS: Record<string, Record<string, unknown>> = {
  check: TARGET_OPTIONS,
  merge: MERGE_OPTIONS,
  inventory: INVENTORY_OPTIONS,
  init: INIT_OPTIONS,
};

/** node:util parseArgs errors, said the way this tool says things (and with a guess for a typo). */
function argsProblem(e: Error, cmd: string): string {
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

async function cmdInit(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: INIT_OPTIONS, allowPositionals: false, strict: true });
  if (values.help) return help('init');
  const workspace = path.resolve(values.workspace ?? process.cwd());
  const st = await stat(workspace).catch(() => null);
  if (!st?.isDirectory()) throw new UsageError(`--workspace: ${workspace} is not a directory`);
  // Loaded on demand: init is a one-off, checks should not pay for its code.
  const { init, describeInit, InitError } = await import('./init/init.js');
  try {
    process.stdout.write(workflowSafe(describeInit(await init(workspace, { force: values.force }))));
  } catch (e) {
    if (e instanceof InitError) throw new UsageError(`init: ${e.message}`);
    throw e;
  }
  return 0;
}

function help(cmd: string): number {
  process.stdout.write(HELP[cmd] + '\n');
  return 0;
}

function usage(code: number): number {
  if (code) say(USAGE + '\n');
  else process.stdout.write(USAGE + '\n');
  return code;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'check':
        return await cmdCheck(rest);
      case 'merge':
        return await cmdMerge(rest);
      case 'inventory':
        return await cmdInventory(rest);
      case 'init':
        return await cmdInit(rest);
      case '--version':
      case '-V':
      case 'version':
        process.stdout.write(`certwatch ${TOOL_VERSION}\n`);
        return 0;
      case 'help':
        if (rest[0] && HELP[rest[0]]) return help(rest[0]);
        return usage(0);
      case undefined:
      case '-h':
      case '--help':
        return usage(cmd ? 0 : 2);
      default:
        say(`certwatch: unknown command "${cmd}"\n`);
        return usage(2);
    }
  } catch (e) {
    if (e instanceof ConfigError) {
      say(`certwatch: invalid config:\n${e.message.replace(/^/gm, '  ')}\n`);
      return 2;
    }
    if (e instanceof UsageError || e instanceof DurationError || e instanceof MergeError) {
      say(`certwatch: ${e.message}\n`);
      return 2;
    }
    const code = (e as { code?: string }).code;
    if (code && code.startsWith('ERR_PARSE_ARGS')) {
      say(`certwatch ${cmd}: ${argsProblem(e as Error, cmd)}\n${HELP[cmd] ?? USAGE}\n`);
      say(`certwatch ${cmd}: ${argsProblem(e as Error, cmd)}\n${USAGE}\n`);
      return 2;
    }
    say(`certwatch: internal error: ${(e as Error).message}\n(please report this with the command you ran)\n`);
    if (process.env.CERTWATCH_DEBUG) say(String((e as Error).stack) + '\n');
    return 2;
  }
}
