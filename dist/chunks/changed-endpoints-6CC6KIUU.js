import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  settingsFrom
} from "./chunk-52APK7V7.js";
import {
  parseConfigText
} from "./chunk-VXRHFM6Y.js";
import "./chunk-RHUPNITJ.js";
import "./chunk-N755ILLP.js";
import "./chunk-DDCI7ZLU.js";

// src/github/changed-endpoints.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var run = promisify(execFile);
var GIT_TIMEOUT_MS = 1e4;
async function endpointsChangedSince(env, current, configPath) {
  const base = env.eventPayload?.pull_request?.base?.sha;
  if (!base || !/^[0-9a-f]{7,64}$/i.test(base)) return null;
  let text;
  try {
    const r = await run("git", ["show", `${base}:${configPath}`], { cwd: current.workspace, timeout: GIT_TIMEOUT_MS, maxBuffer: 2 * 1024 * 1024 });
    text = r.stdout;
  } catch (e) {
    const msg = String(e.stderr ?? "");
    if (/does not exist|exists on disk, but not in/.test(msg)) return new Set(current.endpoints.map((t) => t.id));
    return null;
  }
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
