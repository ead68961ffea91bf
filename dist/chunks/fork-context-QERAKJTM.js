import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  configTextAtBase
} from "./chunk-WSJKIYPS.js";
import {
  isPullRequestEvent
} from "./chunk-FVR4GWWV.js";
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

// src/github/fork-context.ts
function untrustedEvent(env) {
  if (!isPullRequestEvent(env.eventName)) return null;
  const pr = env.eventPayload?.pull_request;
  const head = pr?.head?.repo?.full_name;
  const base = pr?.base?.repo?.full_name ?? env.eventPayload?.repository?.full_name ?? env.repository;
  if (typeof head !== "string") return pr ? { kind: "unknown-head-pull-request" } : null;
  return head.toLowerCase() === String(base).toLowerCase() ? null : { kind: "fork-pull-request", fork: head };
}
async function withBaseTrustedSections(settings, env, configPath, log) {
  const base = await configTextAtBase(env, settings.workspace, configPath);
  let trusted;
  try {
    trusted = settingsFrom(base.kind === "found" ? parseConfigText(base.text, configPath) : null, settings.workspace);
  } catch (e) {
    log.warning(
      `the base branch's ${configPath} does not load (${e.message.split("\n")[0]}); using the built-in defaults for network, ignore, ari, revoked-serials and ca-file`
    );
    trusted = settingsFrom(null, settings.workspace);
  }
  const from = base.kind === "found" ? `the base branch's ${configPath}` : base.kind === "missing" ? `the built-in defaults (no ${configPath} on the base branch)` : `the built-in defaults (the base commit could not be read: ${base.why})`;
  log.info(`certwatch: pull request from a fork \u2014 network, ignore, ari, revoked-serials and ca-file come from ${from}`);
  return {
    ...settings,
    network: trusted.network,
    ignore: trusted.ignore,
    ari: trusted.ari,
    revokedSerials: trusted.revokedSerials,
    defaults: { ...settings.defaults, caFile: trusted.defaults.caFile },
    // An endpoint's own ca-file is the pull request's word too: the base default applies.
    endpoints: settings.endpoints.map((t) => ({ ...t, caFile: void 0 }))
  };
}
export {
  untrustedEvent,
  withBaseTrustedSections
};
