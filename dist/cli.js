#!/usr/bin/env node
import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  renderSarif
} from "./chunks/chunk-4PU37YGS.js";
import {
  clean,
  isRollupFormat,
  renderInventory,
  renderOpenMetrics
} from "./chunks/chunk-QS44CRP7.js";
import {
  scanSerialList,
  serialKey
} from "./chunks/chunk-JTP2O2CI.js";
import "./chunks/chunk-HH333CRM.js";
import {
  MergeError,
  PLACES_SHOWN,
  ReportLoadError,
  TOOL_VERSION,
  collapseNoise,
  groupHeadline,
  loadReports,
  mergeReports,
  renderMarkdown,
  run,
  summarize,
  workflowSafe,
  writeJsonFile,
  writeJsonTo
} from "./chunks/chunk-2PJXWZTH.js";
import {
  GROUPING_KEYS,
  isFailing,
  parseDn,
  severityRank
} from "./chunks/chunk-FOURFBKZ.js";
import "./chunks/chunk-KD7342K5.js";
import "./chunks/chunk-TYM2AABC.js";
import "./chunks/chunk-DPZSEZNA.js";
import "./chunks/chunk-6RM5SU7F.js";
import "./chunks/chunk-KRSK7BH5.js";
import {
  daysLeft,
  issuerName,
  locationText,
  plural
} from "./chunks/chunk-W6PAKI37.js";
import {
  findingSentenceBesidePlace,
  listReadProblem,
  serialLineProblem
} from "./chunks/chunk-HPOGBE72.js";
import "./chunks/chunk-BSO42MW5.js";
import {
  UsageError,
  buildSettings
} from "./chunks/chunk-67ITZLYT.js";
import {
  DurationError
} from "./chunks/chunk-ZIJ54FUI.js";
import {
  nearest
} from "./chunks/chunk-RHUPNITJ.js";
import {
  ConfigError
} from "./chunks/chunk-CWOAGZBK.js";
import "./chunks/chunk-N2WDPVYA.js";
import "./chunks/chunk-SLWETIJE.js";
import "./chunks/chunk-TNHBLPBT.js";
import {
  displayName
} from "./chunks/chunk-753U3B2Y.js";
import "./chunks/chunk-Y3CDYBQM.js";
import "./chunks/chunk-DDCI7ZLU.js";

// src/cli/args.ts
import { stat } from "node:fs/promises";
import path from "node:path";

// src/shared/file-problem.ts
function fileProblem(e) {
  const err = e;
  switch (err.code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a directory, not a file";
    case "ENOTDIR":
      return "a part of the path is a file, not a directory";
    default:
      return err.code ?? err.message;
  }
}

// src/cli/args.ts
var TARGET_OPTIONS = {
  config: { type: "string" },
  endpoint: { type: "string", multiple: true },
  files: { type: "string", multiple: true },
  "warn-within": { type: "string" },
  "fail-within": { type: "string" },
  revocation: { type: "string" },
  shard: { type: "string" },
  workspace: { type: "string" },
  at: { type: "string" },
  format: { type: "string" },
  output: { type: "string", short: "o" },
  report: { type: "string" },
  help: { type: "boolean", short: "h" }
};
var MERGE_OPTIONS = {
  format: TARGET_OPTIONS.format,
  output: TARGET_OPTIONS.output,
  report: TARGET_OPTIONS.report,
  help: TARGET_OPTIONS.help
};
var INIT_OPTIONS = {
  workspace: TARGET_OPTIONS.workspace,
  force: { type: "boolean" },
  help: TARGET_OPTIONS.help
};
var INVENTORY_OPTIONS = {
  ...TARGET_OPTIONS,
  all: { type: "boolean" },
  issuer: { type: "string" },
  owner: { type: "string" },
  "expires-before": { type: "string" },
  "serials-file": { type: "string" },
  by: { type: "string" }
};
var COMMAND_OPTIONS = {
  check: TARGET_OPTIONS,
  merge: MERGE_OPTIONS,
  inventory: INVENTORY_OPTIONS,
  init: INIT_OPTIONS
};
var CHECK_FORMATS = ["text", "json", "markdown", "sarif", "openmetrics"];
var INVENTORY_FORMATS = ["text", "json", "csv", "markdown", "ics", "html", "openmetrics"];
function parseDate(s, flag) {
  const d = /* @__PURE__ */ new Date(`${s}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    throw new UsageError(`${flag}: "${s}" is not a date; use YYYY-MM-DD`);
  }
  return d;
}
function pickFormat(v, allowed, fallback) {
  if (v === void 0) return fallback;
  if (!allowed.includes(v)) throw new UsageError(`--format: "${v}" is not one of ${allowed.join(", ")}`);
  return v;
}
async function settingsFromFlags(v) {
  const workspace = path.resolve(v.workspace ?? process.cwd());
  const st = await stat(workspace).catch((e) => {
    throw new UsageError(
      e.code === "ENOENT" ? `--workspace: ${workspace} does not exist` : `--workspace: cannot use ${workspace}: ${fileProblem(e)}`
    );
  });
  if (!st.isDirectory()) throw new UsageError(`--workspace: ${workspace} is not a directory`);
  const o = {
    configPath: v.config,
    configExplicit: v.config !== void 0,
    endpoints: v.endpoint,
    files: v.files,
    warnWithin: v["warn-within"],
    failWithin: v["fail-within"],
    revocation: v.revocation,
    shard: v.shard,
    now: v.at ? parseDate(v.at, "--at") : void 0,
    origin: "flags"
  };
  return buildSettings(workspace, o);
}
function argsProblem(e, cmd) {
  const known = Object.keys(COMMAND_OPTIONS[cmd] ?? TARGET_OPTIONS);
  const unknown = /Unknown option '(-{1,2}[^']*)'/.exec(e.message);
  if (unknown) {
    const guess = nearest(unknown[1].replace(/^-+/, ""), known);
    return `unknown option ${unknown[1]}${guess ? ` \u2014 did you mean --${guess}?` : ""}`;
  }
  const missing = /Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument missing/.exec(e.message);
  if (missing) return `${missing[1]} needs a value`;
  const positional = /Unexpected argument '([^']*)'/.exec(e.message);
  if (positional) return `unexpected argument "${positional[1]}" (options start with --)`;
  return e.message.split(". ")[0];
}

// src/cli/check.ts
import { parseArgs } from "node:util";

// src/cli/output.ts
import { mkdir, writeFile } from "node:fs/promises";
import path2 from "node:path";

// src/report/text.ts
var C = {
  red: "\x1B[31m",
  yellow: "\x1B[33m",
  blue: "\x1B[36m",
  green: "\x1B[32m",
  dim: "\x1B[2m",
  bold: "\x1B[1m",
  reset: "\x1B[0m"
};
function renderText(r, opts) {
  const paint = (code, s2) => opts.color ? `${code}${s2}${C.reset}` : s2;
  const sevMark = (f) => f.ignored ? paint(C.dim, "ignored") : f.severity === "error" ? paint(C.red, "error  ") : f.severity === "warning" ? paint(C.yellow, "warning") : paint(C.blue, "notice ");
  const lines = [];
  const s = r.summary;
  const status = s.status === "fail" ? paint(C.red + C.bold, "FAIL") : s.status === "warn" ? paint(C.yellow + C.bold, "WARN") : paint(C.green + C.bold, "OK");
  lines.push(
    `certwatch ${status}: ${plural(s.failures, "failure")}, ${plural(s.warnings, "warning")}, ${plural(s.notices, "notice")} \xB7 ${plural(s.certificates, "certificate")}${s.nextExpiry ? ` \xB7 next leaf expiry ${s.nextExpiry.slice(0, 10)}` : ""}`
  );
  const rows = [];
  const ignoredBecause = (f) => f.ignored ? ` (ignored${f.ignored.until ? ` until ${f.ignored.until}` : ""}${f.ignored.reason ? `: ${f.ignored.reason}` : ""})` : "";
  const push = (f, where) => rows.push([sevMark(f), f.id, clean(where), clean(findingSentenceBesidePlace(f, r.run.now) + ignoredBecause(f))]);
  const all = [];
  for (const c of r.certificates)
    for (const f of c.findings)
      all.push({
        f,
        where: f.location ? locationText(f.location) : c.locations[0] ? locationText(c.locations[0]) + (c.locations.length > 1 ? ` +${c.locations.length - 1}` : "") : ""
      });
  for (const f of r.problems) all.push({ f, where: f.location ? locationText(f.location) : "" });
  const rank = (f) => f.ignored ? 3 : severityRank(f.severity);
  all.sort((a, b) => rank(a.f) - rank(b.f));
  const { single, groups } = collapseNoise(all.map((x) => ({ f: x.f, ctx: x.where })));
  for (const { f, ctx } of single) push(f, ctx);
  for (const g of groups) {
    const first = g.rows[0].f;
    const places = [...new Set(g.rows.map((r2) => r2.ctx).filter(Boolean))];
    const shown = places.slice(0, PLACES_SHOWN).join(", ") + (places.length > PLACES_SHOWN ? ` +${places.length - PLACES_SHOWN} more` : "");
    rows.push([
      sevMark(first),
      g.id,
      clean(`${g.rows.length} places`),
      clean(`${groupHeadline(g).replace(/`/g, "")}: ${shown}; the JSON report (--format json) lists each`)
    ]);
  }
  if (rows.length) {
    lines.push("");
    const w1 = Math.max(...rows.map((r2) => r2[1].length));
    const w2 = Math.min(48, Math.max(...rows.map((r2) => r2[2].length)));
    for (const [sev, id, where, msg] of rows) lines.push(`${sev}  ${id.padEnd(w1)}  ${where.padEnd(w2)}  ${msg}`);
  }
  if (r.certificates.length) {
    lines.push("", paint(C.bold, "Inventory"));
    const head = ["EXPIRES", "DAYS", "SUBJECT", "ISSUER", "OWNER", "LOCATIONS"];
    const byExpiry = [...r.certificates].sort((a, b) => a.notAfter.localeCompare(b.notAfter));
    const table = byExpiry.map(
      (c) => [
        c.notAfter.slice(0, 10),
        String(daysLeft(c.notAfter, r.run.now)),
        displayName(c) + (c.role !== "leaf" ? ` [${c.role}]` : ""),
        issuerName(c),
        c.owner ?? "-",
        c.locations.slice(0, PLACES_SHOWN).map(locationText).join(", ") + (c.locations.length > PLACES_SHOWN ? ` +${c.locations.length - PLACES_SHOWN} more` : "")
      ].map(clean)
    );
    const widths = head.map(
      (h, i) => Math.min(i === 5 ? 999 : 40, Math.max(h.length, ...table.map((row) => row[i].length)))
    );
    const fmt = (row) => row.map(
      (v, i) => i === row.length - 1 ? v : v.length > widths[i] ? v.slice(0, widths[i] - 1) + "\u2026" : v.padEnd(widths[i])
    ).join("  ");
    lines.push(paint(C.dim, fmt(head)));
    for (const row of table) lines.push(fmt(row));
  }
  return lines.join("\n") + "\n";
}

// src/cli/output.ts
async function writeTo(file, text, flag) {
  try {
    await mkdir(path2.dirname(path2.resolve(file)), { recursive: true });
    if (typeof text === "string") await writeFile(file, text);
    else await writeJsonFile(file, text.json);
  } catch (e) {
    throw new UsageError(`${flag}: cannot write ${file}: ${fileProblem(e)}`);
  }
}
async function emit(text, output, format) {
  const json = format === "json" || format === "sarif";
  if (output) await writeTo(output, text, "--output");
  else if (typeof text === "string") process.stdout.write(workflowSafe(text, { json }));
  else await writeJsonTo(process.stdout, text.json, (chunk) => workflowSafe(chunk, { json }));
}
function say(text) {
  process.stderr.write(workflowSafe(text));
}
function progress() {
  return process.stderr.isTTY ? (m) => say(`certwatch: ${m}
`) : void 0;
}
async function writeReport(r, file) {
  if (file) await writeTo(file, { json: r }, "--report");
}
function render(r, format, toTty) {
  switch (format) {
    case "openmetrics":
      return renderOpenMetrics(r);
    case "json":
      return { json: r };
    case "markdown":
      return renderMarkdown(r);
    case "sarif":
      return renderSarif(r);
    default:
      return renderText(r, { color: toTty && !process.env.NO_COLOR });
  }
}

// src/cli/help.ts
var TARGET_USAGE = `[--config F] [--endpoint E]... [--files GLOB]... [--workspace DIR]
                  [--warn-within D] [--fail-within D] [--revocation soft|hard|off] [--shard i/n] [--at YYYY-MM-DD]`;
var HELP = {
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
                  [--by folder|issuer|root|owner|key]
                  [--format text|json|csv|markdown|ics|html|openmetrics] [--report F] [--output F]

Lists every certificate: issuer, locations, owner, expiry. Filters combine with AND.
  --issuer S           case-insensitive substring of any issuer DN attribute
  --owner S            case-insensitive substring of the owner
  --expires-before D   notAfter before D (YYYY-MM-DD)
  --serials-file F     on a CA's list of affected serials (one per line, plain or gzip'd)
  --at DATE            what fails on DATE: expiry and ignore.until are judged then, revocation
                       and ARI stay facts about now; --all lists every certificate, judged on DATE
  --by G               roll up: one line per folder (or issuing CA, root, owner, key type) with
                       its certificates, locations, failing certificates and earliest expiry;
                       a certificate in two folders counts in both (text, json, csv, markdown)
exit status: 0 no failures, 1 failures found, 2 usage or config error`,
  init: `usage: certwatch init [--workspace DIR] [--force]

Writes .github/certwatch.yml (the certificate files found here, grouped by folder,
owners from CODEOWNERS, every option with its default) and
.github/workflows/certwatch.yml (a check on pushes to the default branch, a nightly
run that keeps issues, a pull-request check). An existing file is kept unless --force.
exit status: 0 written (or kept), 2 usage error`
};
var USAGE = `usage:
  certwatch check [options]        check certificates and fail on problems
  certwatch inventory [options]    list certificates: who issued them, where, who owns them
  certwatch merge REPORT.json...   merge shard reports
  certwatch init [--force]         write a config and a workflow for this repository
  certwatch --version
  certwatch COMMAND --help         the options of one command

exit status: 0 no failures, 1 failures found, 2 usage or config error`;
function help(cmd) {
  process.stdout.write(HELP[cmd] + "\n");
  return 0;
}
function usage(code) {
  if (code) say(USAGE + "\n");
  else process.stdout.write(USAGE + "\n");
  return code;
}

// src/cli/check.ts
async function check(args) {
  const { values } = parseArgs({ args, options: TARGET_OPTIONS, allowPositionals: false, strict: true });
  if (values.help) return help("check");
  const format = pickFormat(values.format, CHECK_FORMATS, "text");
  const settings = await settingsFromFlags(values);
  const report = await run(settings, { progress: progress() });
  await writeReport(report, values.report);
  await emit(render(report, format, !values.output && !!process.stdout.isTTY), values.output, format);
  return report.summary.failures > 0 ? 1 : 0;
}

// src/cli/init.ts
import { stat as stat2 } from "node:fs/promises";
import path3 from "node:path";
import { parseArgs as parseArgs2 } from "node:util";
async function init(args) {
  const { values } = parseArgs2({ args, options: INIT_OPTIONS, allowPositionals: false, strict: true });
  if (values.help) return help("init");
  const workspace = path3.resolve(values.workspace ?? process.cwd());
  const st = await stat2(workspace).catch(() => null);
  if (!st?.isDirectory()) throw new UsageError(`--workspace: ${workspace} is not a directory`);
  const { init: writeStart, describeInit, InitError } = await import("./chunks/init-3EPFLE2W.js");
  try {
    process.stdout.write(workflowSafe(describeInit(await writeStart(workspace, { force: values.force }))));
  } catch (e) {
    if (e instanceof InitError) throw new UsageError(`init: ${e.message}`);
    throw e;
  }
  return 0;
}

// src/cli/inventory.ts
import { parseArgs as parseArgs3 } from "node:util";

// src/report/inventory/filter.ts
function matchesFilter(c, f) {
  if (f.issuer !== void 0 && !issuerMatches(c, f.issuer)) return false;
  if (f.owner !== void 0 && !(c.owner ?? "").toLowerCase().includes(f.owner.toLowerCase())) return false;
  if (f.owner !== void 0 && c.owner === null) return false;
  if (f.expiresBefore !== void 0 && !(Date.parse(c.notAfter) < f.expiresBefore.getTime())) return false;
  if (f.serials !== void 0 && !f.serials.has(serialKey(c.serialNumber))) return false;
  if (f.failingOnly && !isFailing(c)) return false;
  return true;
}
function issuerMatches(c, needle) {
  const n = needle.toLowerCase();
  if (c.issuer.toLowerCase().includes(n)) return true;
  return parseDn(c.issuer).some((a) => a.value.toLowerCase().includes(n));
}
function filterReport(report, f) {
  const certificates = report.certificates.filter((c) => matchesFilter(c, f));
  return { ...report, certificates, summary: summarize(certificates, report.problems) };
}

// src/cli/inventory.ts
async function inventory(args) {
  const { values } = parseArgs3({ args, options: INVENTORY_OPTIONS, allowPositionals: false, strict: true });
  if (values.help) return help("inventory");
  const format = pickFormat(values.format, INVENTORY_FORMATS, "text");
  const by = values.by === void 0 ? void 0 : pickGrouping(values.by, format);
  const filter = {
    issuer: values.issuer,
    owner: values.owner,
    expiresBefore: values["expires-before"] ? parseDate(values["expires-before"], "--expires-before") : void 0,
    // README, "Command line": `--at DATE` shows what would fail on that date; --all keeps every certificate.
    failingOnly: values.at !== void 0 && !values.all
  };
  const serialsFile = values["serials-file"];
  let list;
  if (serialsFile) {
    try {
      list = await (await import("./chunks/open-serial-list-FHVVA3NP.js")).openListFile(serialsFile);
    } catch (e) {
      throw new UsageError(`--serials-file: cannot read ${serialsFile}: ${e.message}`);
    }
  }
  const settings = await settingsFromFlags(values);
  const all = await run(settings, { progress: progress() });
  if (serialsFile && list) filter.serials = await serialsNamedIn(serialsFile, list, all);
  const report = filterReport(all, filter);
  await writeReport(report, values.report);
  await emit(
    renderInventory(report, format, {
      color: !values.output && !!process.stdout.isTTY && !process.env.NO_COLOR,
      by
    }),
    values.output,
    format
  );
  return report.summary.failures > 0 ? 1 : 0;
}
function pickGrouping(value, format) {
  const by = GROUPING_KEYS.find((k) => k === value);
  if (!by) throw new UsageError(`--by: "${value}" is not one of ${GROUPING_KEYS.join(", ")}`);
  if (!isRollupFormat(format))
    throw new UsageError(`--by ${by} works with --format text, json, csv or markdown, not ${format}`);
  return by;
}
async function serialsNamedIn(file, list, report) {
  try {
    const scanned = await scanSerialList(
      list.bytes,
      new Set(report.certificates.map((c) => serialKey(c.serialNumber)))
    );
    for (const b of scanned.bad) say(`certwatch: ${file}:${b.line}: "${b.text}" ${serialLineProblem(b.problem)}
`);
    if (scanned.badCount > scanned.bad.length)
      say(`certwatch: ${file}: ${scanned.badCount - scanned.bad.length} more lines are not serial numbers (skipped)
`);
    return new Set(scanned.hits.keys());
  } catch (e) {
    if (e instanceof (await import("./chunks/open-serial-list-FHVVA3NP.js")).SerialListError)
      throw new UsageError(`--serials-file: ${file} ${listReadProblem(e.problem)}`);
    throw e;
  }
}

// src/cli/merge.ts
import { parseArgs as parseArgs4 } from "node:util";
async function merge(args) {
  const { values, positionals } = parseArgs4({ args, options: MERGE_OPTIONS, allowPositionals: true, strict: true });
  if (values.help) return help("merge");
  const format = pickFormat(values.format, CHECK_FORMATS, "text");
  if (!positionals.length)
    throw new UsageError(
      "merge: give the shard reports to merge (files or a glob), like certwatch merge reports/*.json"
    );
  const { reports } = await loadReports(positionals).catch((e) => {
    throw e instanceof ReportLoadError ? new UsageError(`merge: ${loadProblem(e.problem)}`) : e;
  });
  const report = mergeReports(reports);
  await writeReport(report, values.report);
  await emit(render(report, format, !values.output && !!process.stdout.isTTY), values.output, format);
  return report.summary.failures > 0 ? 1 : 0;
}
function loadProblem(p) {
  switch (p.kind) {
    case "no-match":
      return `"${p.pattern}" matched no report`;
    case "unreadable":
      return `cannot read ${p.file}: ${fileProblem(p.cause)}`;
    case "not-json":
      return `${p.file} is not valid JSON (${p.cause.message}); was it written by certwatch --report?`;
  }
}

// src/cli.ts
async function main(argv) {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case "check":
        return await check(rest);
      case "merge":
        return await merge(rest);
      case "inventory":
        return await inventory(rest);
      case "init":
        return await init(rest);
      case "--version":
      case "-V":
      case "version":
        process.stdout.write(`certwatch ${TOOL_VERSION}
`);
        return 0;
      case "help":
        if (rest[0] && HELP[rest[0]]) return help(rest[0]);
        return usage(0);
      case void 0:
      case "-h":
      case "--help":
        return usage(cmd ? 0 : 2);
      default:
        say(`certwatch: unknown command "${cmd}"
`);
        return usage(2);
    }
  } catch (e) {
    if (e instanceof ConfigError) {
      say(`certwatch: invalid config:
${e.message.replace(/^/gm, "  ")}
`);
      return 2;
    }
    if (e instanceof UsageError || e instanceof DurationError || e instanceof MergeError) {
      say(`certwatch: ${e.message}
`);
      return 2;
    }
    const code = e.code;
    if (code && code.startsWith("ERR_PARSE_ARGS")) {
      say(`certwatch ${cmd}: ${argsProblem(e, cmd)}
${HELP[cmd] ?? USAGE}
`);
      return 2;
    }
    say(`certwatch: internal error: ${e.message}
(please report this with the command you ran)
`);
    if (process.env.CERTWATCH_DEBUG) say(String(e.stack) + "\n");
    return 2;
  }
}

// src/bin.ts
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`certwatch: internal error: ${e.message}
`);
    process.exitCode = 2;
  }
);
