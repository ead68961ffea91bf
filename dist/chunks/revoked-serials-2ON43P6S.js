import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  SerialListError,
  openListFile,
  openListUrl
} from "./chunk-HNER2LQK.js";
import {
  scanSerialList,
  serialKey
} from "./chunk-JTP2O2CI.js";
import {
  FetchError
} from "./chunk-PHMNRMIA.js";
import "./chunk-S52FOATI.js";
import "./chunk-NOSH5WDB.js";
import "./chunk-Y3CDYBQM.js";
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
    const problem = (id, severity, cause, line, kind = "serial-list-problem") => problems.push({
      id,
      severity,
      ...location ? { location: line && location.type === "file" && list.path ? { ...location, line } : location } : {},
      detail: { kind, list: label, cause }
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
      if (opened.staleCopy) problem("unreachable", "warning", { reason: "stale-copy", ...opened.staleCopy });
      scanned = await scanSerialList(opened.bytes, new Set(ours.keys()), { deadline });
    } catch (e) {
      problem("unparseable", "error", unreadable(e), void 0, "serial-list-unreadable");
      continue;
    }
    if (scanned.badCount)
      problem(
        "unparseable",
        "error",
        { reason: "bad-lines", lines: scanned.bad, count: scanned.badCount },
        scanned.bad[0].line
      );
    if (scanned.stoppedAfterLines !== void 0)
      problem("not-checked", "warning", { reason: "stopped", lines: scanned.stoppedAfterLines });
    for (const [key, line] of scanned.hits) {
      for (const obs of ours.get(key) ?? []) hits.set(obs, [...hits.get(obs) ?? [], { list, line }]);
    }
  }
  for (const [obs, on] of hits) markRevoked(obs, on);
  return problems;
}
function unreadable(e) {
  if (e instanceof SerialListError) return { reason: "read", problem: e.problem };
  if (e instanceof FetchError) return { reason: "fetch", failure: e.failure };
  return { reason: "error", text: e.message ?? String(e) };
}
function markRevoked(obs, on) {
  const hits = on.map((h) => ({ name: h.list.name ?? listLabel(h.list), label: listLabel(h.list), line: h.line }));
  obs.revocation = {
    status: "revoked",
    method: "list",
    reason: hits.map((h) => h.name).join("; "),
    revokedAt: null,
    source: hits.map((h) => h.label).join(", "),
    detail: hits.map((h) => `${h.label} line ${h.line}`).join(", "),
    listed: hits
  };
  obs.findings.push({
    id: "revoked",
    severity: "error",
    fingerprint: obs.cert.fingerprint,
    detail: { kind: "revoked-listed", serial: obs.cert.serialNumber, lists: hits }
  });
}
export {
  applyRevokedSerialLists
};
