import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/github/base-config.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var run = promisify(execFile);
var GIT_TIMEOUT_MS = 1e4;
var MAX_CONFIG_BYTES = 2 * 1024 * 1024;
async function configTextAtBase(env, workspace, configPath) {
  const base = env.eventPayload.pull_request?.base?.sha;
  if (typeof base !== "string" || !/^[0-9a-f]{7,64}$/i.test(base))
    return { kind: "unreadable", why: "the event names no base commit" };
  try {
    const r = await run("git", ["show", `${base}:${configPath}`], {
      cwd: workspace,
      timeout: GIT_TIMEOUT_MS,
      maxBuffer: MAX_CONFIG_BYTES
    });
    return { kind: "found", text: r.stdout };
  } catch (e) {
    const msg = String(e.stderr ?? "");
    if (/does not exist|exists on disk, but not in/.test(msg)) return { kind: "missing" };
    return { kind: "unreadable", why: msg.trim().split("\n")[0] || e.message };
  }
}

export {
  configTextAtBase
};
