import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  openListFile,
  openListUrl,
  scanSerialList,
  serialKey
} from "./chunk-Z4RVLDAR.js";
import "./chunk-R33XYM2P.js";
import "./chunk-4HURYBLK.js";
import "./chunk-NOSH5WDB.js";
import "./chunk-HWS43L24.js";
import "./chunk-DDCI7ZLU.js";

// src/checks/revocation/revoked-serials.ts
import { resolve } from "node:path";
function listLabel(list) {
  return list.path ?? list.url ?? "(list)";
}
function listLocation(list) {
  if (list.path) return { type: "file", path: list.path, line: 1 };
  if (list.source && !list.source.file.startsWith("("))
    return { type: "file", path: list.source.file, line: list.source.line };
  return void 0;
}
async function open(list, settings, deadline) {
  if (list.path) return openListFile(resolve(settings.workspace, list.path));
  const d = settings.defaults;
  return openListUrl(list.url, {
    cacheDir: d.cacheDir ? resolve(settings.workspace, d.cacheDir) : void 0,
    timeoutMs: d.timeoutMs,
    deadline
  });
}
async function applyRevokedSerialLists(certs, settings, deadline) {
  const problems = [];
  const hits = /* @__PURE__ */ new Map();
  for (const list of settings.revokedSerials) {
    const label = listLabel(list);
    const location = listLocation(list);
    const problem = (id, severity, message, line) => problems.push({
      id,
      severity,
      ...location ? { location: line && location.type === "file" && list.path ? { ...location, line } : location } : {},
      message
    });
    const issuerFilter = list.issuer?.toLowerCase();
    const ours = /* @__PURE__ */ new Map();
    for (const obs of certs) {
      if (issuerFilter && !obs.cert.issuer.toLowerCase().includes(issuerFilter)) continue;
      const key = serialKey(obs.cert.serialNumber);
      ours.set(key, [...ours.get(key) ?? [], obs]);
    }
    let scanned;
    try {
      const opened = await open(list, settings, deadline);
      if (opened.note) problem("unreachable", "warning", `revoked-serials list ${label}: ${opened.note}`);
      scanned = await scanSerialList(opened.bytes, new Set(ours.keys()), { deadline });
    } catch (e) {
      problem("unparseable", "error", `revoked-serials list ${label} ${describe(e)}`);
      continue;
    }
    if (scanned.badCount) problem("unparseable", "error", badLinesMessage(label, scanned), scanned.bad[0].line);
    if (scanned.stopped)
      problem(
        "not-checked",
        "warning",
        `revoked-serials list ${label}: reading stopped, ${scanned.stopped}; serials further down were not compared`
      );
    for (const [key, line] of scanned.hits) {
      for (const obs of ours.get(key) ?? []) hits.set(obs, [...hits.get(obs) ?? [], { list, line }]);
    }
  }
  for (const [obs, on] of hits) markRevoked(obs, on);
  return problems;
}
function describe(e) {
  const msg = e.message ?? String(e);
  return /^fetching /.test(msg) ? `could not be read: ${msg}` : msg;
}
function badLinesMessage(label, s) {
  const more = s.badCount > s.bad.length ? `, \u2026 (${s.badCount.toLocaleString("en")} in all)` : "";
  if (s.bad.every((b) => b.problem === "is not a hex serial number")) {
    return `revoked-serials list ${label}: line ${s.bad.map((b) => b.line).join(", ")}${more} ${s.badCount === 1 ? "is" : "are"} not a hex serial number (skipped)`;
  }
  return `revoked-serials list ${label}: ${s.badCount.toLocaleString("en")} line${s.badCount === 1 ? "" : "s"} skipped: ${s.bad.map((b) => `line ${b.line} "${b.text}" ${b.problem}`).join("; ")}${more}`;
}
function markRevoked(obs, on) {
  const name = (h) => h.list.name ?? listLabel(h.list);
  const where = (h) => `${listLabel(h.list)} line ${h.line}`;
  obs.revocation = {
    status: "revoked",
    method: "list",
    reason: on.map(name).join("; "),
    revokedAt: null,
    source: on.map((h) => listLabel(h.list)).join(", "),
    detail: on.map(where).join(", ")
  };
  const lists = on.map((h) => `${name(h)} (${listLabel(h.list)}) at line ${h.line}`);
  obs.findings.push({
    id: "revoked",
    severity: "error",
    fingerprint: obs.cert.fingerprint,
    message: `serial ${obs.cert.serialNumber} is on the published list ${lists.length === 1 ? lists[0] : `${lists.slice(0, -1).join(", ")} and on ${lists[lists.length - 1]}`}`
  });
}
export {
  applyRevokedSerialLists
};
