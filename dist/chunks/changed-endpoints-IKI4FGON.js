import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  configTextAtBase
} from "./chunk-WSJKIYPS.js";
import {
  settingsFrom
} from "./chunk-67ITZLYT.js";
import "./chunk-ZIJ54FUI.js";
import {
  parseConfigText
} from "./chunk-KG6EYPGC.js";
import "./chunk-RHUPNITJ.js";
import "./chunk-CWOAGZBK.js";
import "./chunk-Y3CDYBQM.js";
import "./chunk-DDCI7ZLU.js";

// src/github/changed-endpoints.ts
async function endpointsChangedSince(env, current, configPath) {
  const base = await configTextAtBase(env, current.workspace, configPath);
  if (base.kind === "missing") return new Set(current.endpoints.map((t) => t.id));
  if (base.kind === "unreadable") return null;
  const text = base.text;
  try {
    const before = settingsFrom(parseConfigText(text, configPath), current.workspace);
    const key = (t) => JSON.stringify({ ...t, source: void 0 });
    const old = new Set(before.endpoints.map(key));
    return new Set(current.endpoints.filter((t) => !old.has(key(t))).map((t) => t.id));
  } catch {
    return null;
  }
}
export {
  endpointsChangedSince
};
