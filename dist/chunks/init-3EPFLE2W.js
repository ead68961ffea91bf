import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  ownersFor,
  parseCodeowners,
  readCodeowners
} from "./chunk-CNY3A7YR.js";
import {
  collectFiles,
  needsPassword
} from "./chunk-KD7342K5.js";
import "./chunk-DPZSEZNA.js";
import "./chunk-BSO42MW5.js";
import {
  BUILTIN,
  DEFAULT_CONFIG_PATH,
  ISSUE_DEFAULTS,
  settingsFrom
} from "./chunk-67ITZLYT.js";
import "./chunk-ZIJ54FUI.js";
import "./chunk-CWOAGZBK.js";
import "./chunk-N2WDPVYA.js";
import "./chunk-SLWETIJE.js";
import "./chunk-753U3B2Y.js";
import {
  DEFAULT_MAX_DOWNLOAD_MB
} from "./chunk-Y3CDYBQM.js";
import "./chunk-DDCI7ZLU.js";

// src/init/init.ts
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path2 from "node:path";
import { promisify } from "node:util";

// src/init/find-certificate-files.ts
import path from "node:path";
var CERTIFICATE_EXTENSIONS = /* @__PURE__ */ new Set(["pem", "crt", "cer", "der", "p7b", "p7c", "p12", "pfx"]);
var PKCS12_EXTENSIONS = /* @__PURE__ */ new Set(["p12", "pfx"]);
async function findCertificateFiles(workspace) {
  const discovery = settingsFrom(null, workspace);
  const cacheDir = discovery.defaults.cacheDir.replace(/\/+$/, "");
  const collected = await collectFiles(discovery.files, { workspace, ignore: [`${cacheDir}/**`] });
  const withCertificates = /* @__PURE__ */ new Set();
  for (const o of collected.observations) if (o.location.type === "file") withCertificates.add(o.location.path);
  const broken = /* @__PURE__ */ new Set();
  const passwordFiles = /* @__PURE__ */ new Set();
  for (const f of collected.findings) {
    if (f.id !== "unparseable" || f.severity === "notice" || f.location?.type !== "file") continue;
    if (!CERTIFICATE_EXTENSIONS.has(extensionOf(f.location.path))) continue;
    broken.add(f.location.path);
    if (f.detail.kind === "file-problem" && needsPassword(f.detail.cause)) passwordFiles.add(f.location.path);
  }
  const codeowners = await readCodeowners(workspace);
  const rules = codeowners ? parseCodeowners(codeowners) : [];
  const byPattern = /* @__PURE__ */ new Map();
  for (const file of [.../* @__PURE__ */ new Set([...withCertificates, ...broken])].sort()) {
    const pattern = groupPattern(file);
    let g = byPattern.get(pattern);
    if (!g) byPattern.set(pattern, g = { pattern, files: [], owners: [], needsPassword: false });
    g.files.push(file);
    for (const owner of ownersFor(rules, file)) if (!g.owners.includes(owner)) g.owners.push(owner);
    if (passwordFiles.has(file)) g.needsPassword = true;
  }
  const distinct = new Set(collected.observations.map((o) => o.cert.fingerprint));
  return {
    groups: mergeExtensions([...byPattern.values()]),
    certificates: distinct.size,
    hasCodeowners: codeowners !== null
  };
}
function extensionOf(file) {
  return path.posix.extname(file).slice(1).toLowerCase();
}
function groupPattern(file) {
  const ext = extensionOf(file);
  if (!CERTIFICATE_EXTENSIONS.has(ext)) return escapeGlob(file);
  const dir = path.posix.dirname(file);
  const base = `*.${path.posix.extname(file).slice(1)}`;
  return dir === "." ? base : `${escapeGlob(dir)}/${base}`;
}
function mergeExtensions(groups) {
  const out = [];
  const byFolder = /* @__PURE__ */ new Map();
  for (const g of groups) {
    const m = /^(.*\/)?\*\.([^/*]+)$/.exec(g.pattern);
    if (!m || PKCS12_EXTENSIONS.has(m[2].toLowerCase())) {
      out.push(g);
      continue;
    }
    const folder = m[1] ?? "";
    if (!byFolder.has(folder)) byFolder.set(folder, []);
    byFolder.get(folder).push(g);
  }
  for (const [folder, gs] of byFolder) {
    if (gs.length === 1) {
      out.push(gs[0]);
      continue;
    }
    const exts = gs.map((g) => g.pattern.slice(g.pattern.lastIndexOf(".") + 1)).sort();
    out.push({
      pattern: `${folder}*.{${exts.join(",")}}`,
      files: gs.flatMap((g) => g.files).sort(),
      owners: [...new Set(gs.flatMap((g) => g.owners))],
      needsPassword: false
    });
  }
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}
function escapeGlob(s) {
  return s.replace(/[*?[\]{}()!\\]/g, "\\$&");
}

// src/init/action-ref.ts
var ACTION_REPOSITORY = "certwatch/certwatch";
var ACTION_MAJOR = "v1";
var ACTION_REF = `${ACTION_REPOSITORY}@${ACTION_MAJOR}`;
var SCHEMA_URL = `https://raw.githubusercontent.com/${ACTION_REPOSITORY}/${ACTION_MAJOR}/schema/certwatch.schema.json`;

// src/init/render-config.ts
function timeText(ms) {
  if (ms % 36e5 === 0) return `${ms / 36e5}h`;
  if (ms % 6e4 === 0) return `${ms / 6e4}m`;
  return `${ms / 1e3}s`;
}
function q(s) {
  return JSON.stringify(s);
}
var COMMENT_COLUMN = 40;
function c(code, comment) {
  return `${code.padEnd(COMMENT_COLUMN - 1)} # ${comment}`;
}
function fileEntries(groups) {
  if (!groups.length) {
    return [
      "# No certificate files were found. While neither files nor endpoints are listed, every",
      "# check discovers certificates by content in the files git tracks (PEM anywhere, base64",
      "# under keys, DER, PKCS#7/#12, Java keystores). To name them instead:",
      "# files:",
      '#   - "certs/**/*.pem"',
      '#   - path: "deploy/**/*.p12"',
      c("#     password-env: P12_PASSWORD", "read from the environment, masked in logs"),
      c('#     owner: "@example/platform"', "else CODEOWNERS")
    ];
  }
  const out = ["# Certificate files found in this repository, one entry per folder.", "files:"];
  for (const g of groups) {
    const covers = g.files.length === 1 && g.files[0] === g.pattern ? "" : `${g.files.length} file${g.files.length === 1 ? "" : "s"} today`;
    const entry = (code) => covers ? c(code, covers) : code;
    if (g.owners.length) out.push(`  # owners (from CODEOWNERS): ${g.owners.join(" ")}`);
    if (g.needsPassword) {
      out.push(entry(`  - path: ${q(g.pattern)}`));
      out.push("    # password-protected: name the variable that holds the password and pass it to the step");
      out.push("    # password-env: P12_PASSWORD");
    } else {
      out.push(entry(`  - ${q(g.pattern)}`));
    }
  }
  out.push(
    "  # more forms:",
    c('  # - path: "k8s/**/*.yaml"', "tls.crt inside Kubernetes Secret manifests"),
    c('  #   owner: "@example/platform"', "overrides CODEOWNERS for these files"),
    c("  #   warn-within: 20%", "thresholds per entry, too"),
    c('  #   exclude: ["k8s/dev/**"]', "this entry's own exclusions"),
    c('  # - "!certs/legacy/**"', "negation: listed in the inventory, never judged")
  );
  return out;
}
function renderConfig(groups, opts) {
  const d = BUILTIN;
  const lines = [
    `# yaml-language-server: $schema=${SCHEMA_URL}`,
    "# certwatch: the TLS certificates this repository depends on. Written by `certwatch init`;",
    "# commented lines show each option with its default. Docs: https://github.com/" + ACTION_REPOSITORY + "#configure",
    "version: 1",
    "",
    "# defaults:",
    c(
      `#   warn-within: ${d.warnWithin.text}`,
      `warn when less is left: 90m, 12h, 30d, or 20% = share of lifetime left`
    ),
    c(`#   fail-within: ${d.failWithin.text}`, `fail when less is left`),
    c(`#   revocation: ${d.revocation}`, `soft: revoked fails, unknown warns | hard: unknown fails too | off`),
    c(`#   timeout: ${timeText(d.timeoutMs)}`, `per network operation`),
    c(`#   concurrency: ${d.concurrency}`, `endpoints probed at once`),
    c("#   ca-file: certs/private-root.pem", "extra trust anchors for private CAs (none by default)"),
    c(`#   cache-dir: ${d.cacheDir}`, `CRLs and ARI answers kept between runs (the workflow caches this folder)`),
    c(`#   deadline: ${timeText(d.deadlineMs)}`, `stop starting new work in time to report everything`),
    "",
    ...fileEntries(groups),
    "",
    "# Folders whose certificates are listed in the inventory but never judged (none by default):",
    c('# exclude: ["test/**", "vendor/**"]', "in discovery, test-fixture folders are never judged anyway"),
    "",
    "# Servers whose certificates to check (none by default):",
    "# endpoints:",
    c("#   - example.com", "port 443, SNI = host"),
    "#   - https://api.example.com:8443",
    "#   - host: mail.example.com",
    "#     port: 25",
    c("#     starttls: smtp", "smtp | imap | pop3 | ftp | ldap | postgres | xmpp"),
    '#     owner: "@example/mail-team"    # becomes the issue assignee',
    "#   - host: lb.example.com",
    c("#     all-addresses: true", "probe every A/AAAA record (default: one)"),
    c("#     optional: true", "unreachable = warning, not failure (default: false)"),
    "",
    "# Accepted findings (none by default); an ignore expires on its `until` date:",
    "# ignore:",
    '#   - fingerprint: "sha256:<64 hex digits>"',
    "#     until: 2027-01-31",
    '#     reason: "decommissioned in Q1"',
    c('#   - path: "test/fixtures/**"', "by path: certificates seen only there"),
    '#     reason: "expired on purpose"',
    "",
    "# ACME Renewal Information (RFC 9773): Let's Encrypt and Google Trust Services are built in.",
    "# ari:",
    "#   enabled: true",
    c("#   directories:", "more ACME CAs (none by default)"),
    `#     - issuer: "Example Private CA"  # matched against the issuer's O= or CN=`,
    "#       directory: https://acme.example.internal/directory",
    "",
    "# A CA's published list of affected serials (none by default):",
    "# revoked-serials:",
    c("#   - path: incidents/affected-serials.txt", "one hex serial per line"),
    '#     name: "CA incident"',
    "",
    "# network:",
    c(
      "#   private-addresses: auto",
      "auto: only public addresses on pull requests from forks | refuse: always | allow: never restricted"
    ),
    c("#   allow: [10.20.0.0/16]", "contacted even where private addresses are refused (none by default)"),
    c(`#   max-download-mb: ${DEFAULT_MAX_DOWNLOAD_MB}`, "total a run may fetch over HTTP"),
    "",
    "# issues:",
    c(`#   mode: ${ISSUE_DEFAULTS.mode}`, `per-certificate | digest`),
    `#   labels: [${ISSUE_DEFAULTS.labels.join(", ")}]`,
    c(`#   max-open: ${ISSUE_DEFAULTS.maxOpen}`, `past this, one digest issue lists the rest`)
  ];
  if (!opts.hasCodeowners) {
    lines.splice(4, 0, "# Owners: issues are assigned from a CODEOWNERS file (none yet) or per-entry `owner:`.");
  }
  return lines.join("\n") + "\n";
}

// src/init/render-workflow.ts
var ISSUES_CONCURRENCY_GROUP = "certwatch-issues";
var JOB_TIMEOUT_MINUTES = 20;
var NIGHTLY_CRON = "17 3 * * *";
function renderWorkflow(opts) {
  const cache = BUILTIN.cacheDir;
  return `# certwatch: fails when a certificate this repository depends on is expired, close to
# expiry, revoked or due for replacement, and keeps issues listing what to replace.
# Written by \`certwatch init\`; settings live in .github/certwatch.yml.
name: certwatch

on:
  push:
    branches: [${JSON.stringify(opts.defaultBranch)}]
  pull_request:
  schedule:
    - cron: "${NIGHTLY_CRON}"          # nightly (UTC)
  workflow_dispatch:

permissions: {}                     # each job asks for what it needs

jobs:
  push:
    # A push to the default branch: the same check as nightly, and issues follow it.
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    timeout-minutes: ${JOB_TIMEOUT_MINUTES}
    permissions:
      contents: read
      issues: write
    concurrency:                    # one issue-writing run at a time, shared with nightly
      group: ${ISSUES_CONCURRENCY_GROUP}
      cancel-in-progress: false
    steps:
      - uses: actions/checkout@v4
      - uses: ${ACTION_REF}
        id: certwatch
        with:
          report: certwatch-report.json

  nightly:
    # Certificates expire and get revoked without a commit: check every night.
    if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'
    runs-on: ubuntu-latest
    timeout-minutes: ${JOB_TIMEOUT_MINUTES}
    permissions:
      contents: read
      issues: write
    concurrency:
      group: ${ISSUES_CONCURRENCY_GROUP}
      cancel-in-progress: false
    steps:
      - uses: actions/checkout@v4
      - uses: actions/cache@v4      # keeps CRLs and ARI answers between runs (defaults.cache-dir)
        with:
          path: ${cache}
          key: certwatch-\${{ github.run_id }}
          restore-keys: certwatch-
      - uses: ${ACTION_REF}
        id: certwatch
        with:
          report: certwatch-report.json
          html: certwatch-inventory.html
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: certificate-inventory
          path: |
            certwatch-report.json
            certwatch-inventory.html

  pull-request:
    # Only the certificate files the PR adds or changes (endpoints when it edits the config).
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    timeout-minutes: ${JOB_TIMEOUT_MINUTES}
    permissions:
      contents: read
      pull-requests: read           # the list of changed files
    concurrency:                    # one per PR: a new push replaces the check in progress
      group: certwatch-pr-\${{ github.event.pull_request.number }}
      cancel-in-progress: true
    steps:
      - uses: actions/checkout@v4
      - uses: ${ACTION_REF}
        id: certwatch
`;
}

// src/init/init.ts
var WORKFLOW_PATH = ".github/workflows/certwatch.yml";
var GIT_TIMEOUT_MS = 5e3;
var FALLBACK_BRANCH = "main";
var InitError = class extends Error {
};
async function defaultBranch(workspace) {
  const git = async (...args) => {
    try {
      const { stdout } = await promisify(execFile)("git", ["-C", workspace, ...args], { timeout: GIT_TIMEOUT_MS });
      return stdout.trim();
    } catch {
      return "";
    }
  };
  const remote = await git("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD");
  if (remote.startsWith("origin/")) return { name: remote.slice("origin/".length), source: "origin's default branch" };
  const current = await git("symbolic-ref", "--quiet", "--short", "HEAD");
  if (current) return { name: current, source: "the branch checked out (no origin/HEAD)" };
  return { name: FALLBACK_BRANCH, source: "not a git repository: assumed" };
}
async function writeNew(workspace, rel, text, force) {
  const abs = path2.join(workspace, rel);
  try {
    await mkdir(path2.dirname(abs), { recursive: true });
    await writeFile(abs, text, { flag: force ? "w" : "wx" });
    return true;
  } catch (e) {
    const code = e.code;
    if (code === "EEXIST") return false;
    throw new InitError(
      `cannot write ${rel}: ${code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ENOTDIR" ? "a part of the path is a file" : e.message}`
    );
  }
}
async function init(workspace, opts = {}) {
  const found = await findCertificateFiles(workspace);
  const branch = await defaultBranch(workspace);
  const result = {
    written: [],
    kept: [],
    defaultBranch: branch.name,
    branchSource: branch.source,
    groups: found.groups.length,
    files: found.groups.reduce((n, g) => n + g.files.length, 0),
    certificates: found.certificates,
    cacheNotIgnored: await ignoresCache(workspace) ? null : BUILTIN.cacheDir
  };
  const outputs = [
    [DEFAULT_CONFIG_PATH, renderConfig(found.groups, { hasCodeowners: found.hasCodeowners })],
    [WORKFLOW_PATH, renderWorkflow({ defaultBranch: branch.name })]
  ];
  for (const [rel, text] of outputs) {
    (await writeNew(workspace, rel, text, opts.force === true) ? result.written : result.kept).push(rel);
  }
  return result;
}
async function ignoresCache(workspace) {
  const text = await readFile(path2.join(workspace, ".gitignore"), "utf8").catch(() => "");
  const name = BUILTIN.cacheDir.replace(/\/+$/, "");
  return text.split(/\r?\n/).some(
    (l) => l.trim().replace(/^\/|\/$/g, "").replace(/\/$/, "") === name
  );
}
function describeInit(r) {
  const lines = [];
  for (const f of r.written) lines.push(`wrote ${f}`);
  for (const f of r.kept) lines.push(`kept ${f}: it already exists (certwatch init --force overwrites it)`);
  lines.push(
    r.files ? `found ${r.certificates} certificate${r.certificates === 1 ? "" : "s"} in ${r.files} file${r.files === 1 ? "" : "s"}, listed as ${r.groups} entr${r.groups === 1 ? "y" : "ies"} under files:` : "found no certificate files: the config keeps discovery on; add endpoints or files to it",
    `pushes are checked on "${r.defaultBranch}" (${r.branchSource}); edit on.push.branches if that is wrong`,
    "",
    "next:",
    "  1. npx certwatch check          see what the workflow will report",
    "  2. list your servers under endpoints: in .github/certwatch.yml",
    "  3. commit .github/certwatch.yml and .github/workflows/certwatch.yml and push"
  );
  if (r.cacheNotIgnored)
    lines.push(`  and add ${r.cacheNotIgnored}/ to .gitignore: local runs keep CRLs and ARI answers there`);
  return lines.join("\n") + "\n";
}
export {
  InitError,
  WORKFLOW_PATH,
  describeInit,
  init
};
