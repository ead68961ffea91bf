import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  openListFile,
  openListUrl
} from "./chunk-G5ORK3QW.js";
import {
  scanSerialList,
  serialKey
} from "./chunk-WUPXN2N2.js";
import "./chunk-66HBU3QS.js";
import "./chunk-4HURYBLK.js";
import "./chunk-NOSH5WDB.js";
import "./chunk-C6FOCXUK.js";
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
    const problem = (id, severity, reason, line, kind = "serial-list-problem") => problems.push({
      id,
      severity,
      ...location ? { location: line && location.type === "file" && list.path ? { ...location, line } : location } : {},
      detail: { kind, list: label, reason }
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
      if (opened.note) problem("unreachable", "warning", opened.note);
      scanned = await scanSerialList(opened.bytes, new Set(ours.keys()), { deadline });
    } catch (e) {
      problem("unparseable", "error", describe(e), void 0, "serial-list-unreadable");
      continue;
    }
    if (scanned.badCount) problem("unparseable", "error", badLines(scanned), scanned.bad[0].line);
    if (scanned.stopped)
      problem("not-checked", "warning", `reading stopped, ${scanned.stopped}; serials further down were not compared`);
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
function badLines(s) {
  const more = s.badCount > s.bad.length ? `, \u2026 (${s.badCount.toLocaleString("en")} in all)` : "";
  if (s.bad.every((b) => b.problem === "is not a hex serial number")) {
    return `line ${s.bad.map((b) => b.line).join(", ")}${more} ${s.badCount === 1 ? "is" : "are"} not a hex serial number (skipped)`;
  }
  return `${s.badCount.toLocaleString("en")} line${s.badCount === 1 ? "" : "s"} skipped: ${s.bad.map((b) => `line ${b.line} "${b.text}" ${b.problem}`).join("; ")}${more}`;
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
