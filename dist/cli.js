#!/usr/bin/env node
import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  renderSarif
} from "./chunks/chunk-EMWRCVKP.js";
import {
  renderInventory
} from "./chunks/chunk-5Q54ONLI.js";
import {
  MergeError,
  certName,
  daysLeft,
  issuerName,
  locationText,
  mergeReports,
  renderMarkdown,
  require_out,
  run,
  validateReport
} from "./chunks/chunk-UKPZEIQX.js";
import {
  ConfigError,
  DurationError,
  UsageError,
  buildSettings
} from "./chunks/chunk-X7ROAT2J.js";
import {
  isActive,
  parseDn
} from "./chunks/chunk-QICGOMXL.js";
import "./chunks/chunk-DO36KUV2.js";
import "./chunks/chunk-OMPGTOGU.js";
import "./chunks/chunk-JIW73O2U.js";
import "./chunks/chunk-WUX6Q3GO.js";
import {
  __toESM
} from "./chunks/chunk-DDCI7ZLU.js";

// src/cli.ts
var import_fast_glob = __toESM(require_out(), 1);
import { parseArgs } from "node:util";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";

// src/report/text.ts
var C = { red: "\x1B[31m", yellow: "\x1B[33m", blue: "\x1B[36m", green: "\x1B[32m", dim: "\x1B[2m", bold: "\x1B[1m", reset: "\x1B[0m" };
function renderText(r, opts) {
  const paint = (code, s2) => opts.color ? `${code}${s2}${C.reset}` : s2;
  const sevMark = (f) => f.ignored ? paint(C.dim, "ignored") : f.severity === "error" ? paint(C.red, "error  ") : f.severity === "warning" ? paint(C.yellow, "warning") : paint(C.blue, "notice ");
  const lines = [];
  const s = r.summary;
  const status = s.status === "fail" ? paint(C.red + C.bold, "FAIL") : s.status === "warn" ? paint(C.yellow + C.bold, "WARN") : paint(C.green + C.bold, "OK");
  lines.push(
    `certwatch ${status}: ${s.failures} failure${s.failures === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"}, ${s.notices} notice${s.notices === 1 ? "" : "s"} \xB7 ${s.certificates} certificate${s.certificates === 1 ? "" : "s"}${s.nextExpiry ? ` \xB7 next leaf expiry ${s.nextExpiry.slice(0, 10)}` : ""}`
  );
  const rows = [];
  const push = (f, where) => rows.push([sevMark(f), f.id, where, f.message]);
  const all = [];
  for (const c of r.certificates) for (const f of c.findings) all.push({ f, where: f.location ? locationText(f.location) : c.locations[0] ? locationText(c.locations[0]) + (c.locations.length > 1 ? ` +${c.locations.length - 1}` : "") : "" });
  for (const f of r.problems) all.push({ f, where: f.location ? locationText(f.location) : "" });
  const rank = (f) => f.ignored ? 3 : f.severity === "error" ? 0 : f.severity === "warning" ? 1 : 2;
  all.sort((a, b) => rank(a.f) - rank(b.f));
  for (const { f, where } of all) push(f, where);
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
    const table = byExpiry.map((c) => [
      c.notAfter.slice(0, 10),
      String(daysLeft(c.notAfter, r.run.now)),
      certName(c) + (c.role !== "leaf" ? ` [${c.role}]` : ""),
      issuerName(c),
      c.owner ?? "-",
      c.locations.map(locationText).join(", ")
    ]);
    const widths = head.map((h, i) => Math.min(i === 5 ? 999 : 40, Math.max(h.length, ...table.map((row) => row[i].length))));
    const fmt = (row) => row.map((v, i) => i === row.length - 1 ? v : v.length > widths[i] ? v.slice(0, widths[i] - 1) + "\u2026" : v.padEnd(widths[i])).join("  ");
    lines.push(paint(C.dim, fmt(head)));
    for (const row of table) lines.push(fmt(row));
  }
  return lines.join("\n") + "\n";
}

// src/report/inventory/summarise.ts
function summarise(certificates, problems) {
  let failures = 0;
  let warnings = 0;
  let notices = 0;
  const count = (f) => {
    if (!isActive(f)) return;
    if (f.severity === "error") failures++;
    else if (f.severity === "warning") warnings++;
    else notices++;
  };
  for (const c of certificates) c.findings.forEach(count);
  problems.forEach(count);
  let nextExpiry = null;
  for (const c of certificates) {
    if (c.role !== "leaf") continue;
    if (nextExpiry === null || Date.parse(c.notAfter) < Date.parse(nextExpiry)) nextExpiry = c.notAfter;
  }
  return {
    status: failures > 0 ? "fail" : warnings > 0 ? "warn" : "ok",
    failures,
    warnings,
    notices,
    certificates: certificates.length,
    nextExpiry
  };
}

// src/report/inventory/filter.ts
function normaliseSerial(serial) {
  let s = serial.trim().replace(/[:\s]/g, "");
  let sign = "";
  if (s.startsWith("-")) {
    sign = "-";
    s = s.slice(1);
  }
  if (/^0x/i.test(s)) s = s.slice(2);
  s = s.toUpperCase().replace(/^0+/, "");
  return sign + (s === "" ? "0" : s);
}
var HEX_SERIAL = /^(?:0x)?[0-9a-f]+$/i;
var MAX_SERIAL_HEX_DIGITS = 64;
function parseSerialList(text, source) {
  const serials = /* @__PURE__ */ new Set();
  const problems = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n|\r/);
  lines.forEach((raw, i) => {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") return;
    const compact = line.replace(/:/g, "");
    if (!HEX_SERIAL.test(compact)) {
      problems.push(`${source}:${i + 1}: "${clip(raw.trim())}" is not a hex serial number`);
      return;
    }
    if (compact.replace(/^0x/i, "").length > MAX_SERIAL_HEX_DIGITS) {
      problems.push(`${source}:${i + 1}: a serial number has at most 20 octets; this one has ${compact.replace(/^0x/i, "").length} hex digits`);
      return;
    }
    serials.add(normaliseSerial(compact));
  });
  return { serials, problems };
}
function clip(s) {
  return s.length > 60 ? s.slice(0, 57) + "\u2026" : s;
}
function matchesFilter(c, f) {
  if (f.issuer !== void 0 && !issuerMatches(c, f.issuer)) return false;
  if (f.owner !== void 0 && !(c.owner ?? "").toLowerCase().includes(f.owner.toLowerCase())) return false;
  if (f.owner !== void 0 && c.owner === null) return false;
  if (f.expiresBefore !== void 0 && !(Date.parse(c.notAfter) < f.expiresBefore.getTime())) return false;
  if (f.serials !== void 0 && !f.serials.has(normaliseSerial(c.serialNumber))) return false;
  return true;
}
function issuerMatches(c, needle) {
  const n = needle.toLowerCase();
  if (c.issuer.toLowerCase().includes(n)) return true;
  return parseDn(c.issuer).some((a) => a.value.toLowerCase().includes(n));
}
function filterReport(report, f) {
  const certificates = report.certificates.filter((c) => matchesFilter(c, f));
  return { ...report, certificates, summary: summarise(certificates, report.problems) };
}

// src/cli.ts
var USAGE = `usage:
  certwatch check [--config F] [--endpoint E]... [--files GLOB]...
                  [--warn-within D] [--fail-within D] [--revocation soft|hard|off]
                  [--format text|json|markdown|sarif] [--shard i/n] [--report F] [--output F]
                  [--workspace DIR] [--at YYYY-MM-DD]
  certwatch merge REPORT.json... [--format text|json|markdown|sarif] [--report F] [--output F]
  certwatch inventory [same target options] [--issuer S] [--owner S] [--expires-before DATE]
                  [--serials-file F] [--at DATE] [--format text|json|csv|markdown|ics|html] [--output F]

exit status: 0 no failures, 1 failures found, 2 usage or config error`;
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
var INVENTORY_OPTIONS = {
  ...TARGET_OPTIONS,
  issuer: { type: "string" },
  owner: { type: "string" },
  "expires-before": { type: "string" },
  "serials-file": { type: "string" }
};
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
async function emit(text, output) {
  if (output) {
    await mkdir(path.dirname(path.resolve(output)), { recursive: true });
    await writeFile(output, text);
  } else process.stdout.write(text);
}
async function settingsFromFlags(v) {
  const workspace = path.resolve(v.workspace ?? process.cwd());
  const o = {
    configPath: v.config,
    configExplicit: v.config !== void 0,
    endpoints: v.endpoint,
    files: v.files,
    warnWithin: v["warn-within"],
    failWithin: v["fail-within"],
    revocation: v.revocation,
    shard: v.shard,
    now: v.at ? parseDate(v.at, "--at") : void 0
  };
  return buildSettings(workspace, o);
}
function progress() {
  return process.stderr.isTTY ? (m) => process.stderr.write(`certwatch: ${m}
`) : void 0;
}
async function writeReport(r, file) {
  if (!file) return;
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, JSON.stringify(r, null, 2) + "\n");
}
function render(r, format, toTty) {
  switch (format) {
    case "json":
      return JSON.stringify(r, null, 2) + "\n";
    case "markdown":
      return renderMarkdown(r);
    case "sarif":
      return renderSarif(r);
    default:
      return renderText(r, { color: toTty && !process.env.NO_COLOR });
  }
}
var CHECK_FORMATS = ["text", "json", "markdown", "sarif"];
async function cmdCheck(args) {
  const { values } = parseArgs({ args, options: TARGET_OPTIONS, allowPositionals: false, strict: true });
  if (values.help) return usage(0);
  const format = pickFormat(values.format, CHECK_FORMATS, "text");
  const settings = await settingsFromFlags(values);
  const report = await run(settings, { progress: progress() });
  await writeReport(report, values.report);
  await emit(render(report, format, !values.output && !!process.stdout.isTTY), values.output);
  return report.summary.failures > 0 ? 1 : 0;
}
async function cmdMerge(args) {
  const { values, positionals } = parseArgs({ args, options: TARGET_OPTIONS, allowPositionals: true, strict: true });
  if (values.help) return usage(0);
  const format = pickFormat(values.format, CHECK_FORMATS, "text");
  const files = (await Promise.all(positionals.map((p) => import_fast_glob.default.isDynamicPattern(p) ? (0, import_fast_glob.default)(p, { dot: true }) : [p]))).flat().sort();
  if (!files.length) throw new UsageError("merge: give the shard reports to merge (files or a glob)");
  const reports = [];
  for (const f of files) {
    let parsed;
    try {
      parsed = JSON.parse(await readFile(f, "utf8"));
    } catch (e) {
      throw new UsageError(`merge: cannot read ${f}: ${e.message}`);
    }
    reports.push(validateReport(parsed, f));
  }
  const report = mergeReports(reports);
  await writeReport(report, values.report);
  await emit(render(report, format, !values.output && !!process.stdout.isTTY), values.output);
  return report.summary.failures > 0 ? 1 : 0;
}
var INVENTORY_FORMATS = ["text", "json", "csv", "markdown", "ics", "html"];
async function cmdInventory(args) {
  const { values } = parseArgs({ args, options: INVENTORY_OPTIONS, allowPositionals: false, strict: true });
  if (values.help) return usage(0);
  const format = pickFormat(values.format, INVENTORY_FORMATS, "text");
  const filter = {
    issuer: values.issuer,
    owner: values.owner,
    expiresBefore: values["expires-before"] ? parseDate(values["expires-before"], "--expires-before") : void 0
  };
  if (values["serials-file"]) {
    let text;
    try {
      text = await readFile(values["serials-file"], "utf8");
    } catch (e) {
      throw new UsageError(`--serials-file: cannot read ${values["serials-file"]} (${e.code ?? e.message})`);
    }
    const { serials, problems } = parseSerialList(text, values["serials-file"]);
    for (const p of problems) process.stderr.write(`certwatch: ${p}
`);
    filter.serials = serials;
  }
  const settings = await settingsFromFlags(values);
  const report = filterReport(await run(settings, { progress: progress() }), filter);
  await writeReport(report, values.report);
  await emit(renderInventory(report, format, { color: !values.output && !!process.stdout.isTTY && !process.env.NO_COLOR }), values.output);
  return report.summary.failures > 0 ? 1 : 0;
}
function usage(code) {
  (code ? process.stderr : process.stdout).write(USAGE + "\n");
  return code;
}
async function main(argv) {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case "check":
        return await cmdCheck(rest);
      case "merge":
        return await cmdMerge(rest);
      case "inventory":
        return await cmdInventory(rest);
      case void 0:
      case "-h":
      case "--help":
      case "help":
        return usage(cmd ? 0 : 2);
      default:
        process.stderr.write(`certwatch: unknown command "${cmd}"
`);
        return usage(2);
    }
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`certwatch: invalid config:
${e.message.replace(/^/gm, "  ")}
`);
      return 2;
    }
    if (e instanceof UsageError || e instanceof DurationError || e instanceof MergeError) {
      process.stderr.write(`certwatch: ${e.message}
`);
      return 2;
    }
    const code = e.code;
    if (code && code.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`certwatch: ${e.message}
${USAGE}
`);
      return 2;
    }
    process.stderr.write(`certwatch: internal error: ${e.message}
(please report this with the command you ran)
`);
    if (process.env.CERTWATCH_DEBUG) process.stderr.write(String(e.stack) + "\n");
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
