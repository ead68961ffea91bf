import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  parseSerialText,
  serialMagnitude
} from "./chunk-UMUUQI3O.js";
import "./chunk-DDCI7ZLU.js";

// src/checks/revocation/revoked-serials.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
var SERIAL_LIST_MAX_BYTES = 64 * 1024 * 1024;
function parseSerialList(text) {
  const serials = /* @__PURE__ */ new Map();
  const badLines = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/#.*/, "").trim();
    if (!line) continue;
    const bytes = parseSerialText(line);
    if (!bytes) badLines.push(i + 1);
    else if (!serials.has(bytes.toString("hex"))) serials.set(bytes.toString("hex"), i + 1);
  }
  return { serials, badLines };
}
async function load(list, settings) {
  const file = resolve(settings.workspace, list.path);
  try {
    const buf = await readFile(file);
    if (buf.length > SERIAL_LIST_MAX_BYTES) return `is ${buf.length} bytes, over the ${SERIAL_LIST_MAX_BYTES}-byte limit for a serial list`;
    return parseSerialList(buf.toString("utf8"));
  } catch (e) {
    const err = e;
    return err.code === "ENOENT" ? "does not exist" : `cannot be read (${err.code ?? err.message})`;
  }
}
async function applyRevokedSerialLists(certs, settings) {
  const problems = [];
  for (const list of settings.revokedSerials) {
    const name = list.name ?? list.path;
    const location = { type: "file", path: list.path, line: 1 };
    const parsed = await load(list, settings);
    if (typeof parsed === "string") {
      problems.push({ id: "unparseable", severity: "error", location, message: `revoked-serials list ${list.path} ${parsed}` });
      continue;
    }
    if (parsed.badLines.length) {
      const shown = parsed.badLines.slice(0, 10).join(", ") + (parsed.badLines.length > 10 ? `, \u2026 (${parsed.badLines.length} in all)` : "");
      problems.push({
        id: "unparseable",
        severity: "error",
        location: { ...location, line: parsed.badLines[0] },
        message: `revoked-serials list ${list.path}: line ${shown} ${parsed.badLines.length === 1 ? "is" : "are"} not a hex serial number (skipped)`
      });
    }
    const issuerFilter = list.issuer?.toLowerCase();
    for (const obs of certs) {
      if (issuerFilter && !obs.cert.issuer.toLowerCase().includes(issuerFilter)) continue;
      const line = parsed.serials.get(Buffer.from(serialMagnitude(obs.cert.serialBytes)).toString("hex"));
      if (line === void 0) continue;
      obs.revocation = { status: "revoked", method: "list", reason: name, revokedAt: null, source: list.path, detail: `${list.path} line ${line}` };
      obs.findings.push({
        id: "revoked",
        severity: "error",
        fingerprint: obs.cert.fingerprint,
        message: `serial ${obs.cert.serialNumber} is on the published list ${name} (${list.path}) at line ${line}`
      });
    }
  }
  return problems;
}
export {
  SERIAL_LIST_MAX_BYTES,
  applyRevokedSerialLists,
  parseSerialList
};
