import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/github/context.ts
import { readFileSync } from "node:fs";
var MAX_EVENT_PAYLOAD_BYTES = 25 * 1024 * 1024;
function readGithubEnv(token, env = process.env) {
  let eventPayload = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath) {
    try {
      const text = readFileSync(eventPath, "utf8");
      const parsed = text.length <= MAX_EVENT_PAYLOAD_BYTES ? JSON.parse(text) : {};
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) eventPayload = parsed;
    } catch {
      eventPayload = {};
    }
  }
  const serverUrl = trimSlash(env.GITHUB_SERVER_URL || "https://github.com");
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    eventPayload,
    repository: env.GITHUB_REPOSITORY || repositoryFromPayload(eventPayload),
    serverUrl,
    apiUrl: trimSlash(env.GITHUB_API_URL || defaultApiUrl(serverUrl)),
    runId: env.GITHUB_RUN_ID || void 0,
    sha: env.GITHUB_SHA || void 0,
    ref: env.GITHUB_REF || void 0,
    token,
    workspace: env.GITHUB_WORKSPACE || process.cwd()
  };
}
function splitRepository(repository) {
  const [owner, repo] = repository.split("/");
  if (!owner || !repo) throw new Error(`GITHUB_REPOSITORY must look like "owner/repo", got "${repository}"`);
  return { owner, repo };
}
function pullRequestNumber(env) {
  if (!isPullRequestEvent(env.eventName)) return null;
  const n = env.eventPayload?.pull_request?.number ?? env.eventPayload?.number;
  return typeof n === "number" && Number.isInteger(n) && n > 0 ? n : null;
}
function isPullRequestEvent(eventName) {
  return eventName === "pull_request" || eventName === "pull_request_target";
}
function runUrl(env) {
  return env.runId ? `${env.serverUrl}/${env.repository}/actions/runs/${env.runId}` : null;
}
function repositoryFromPayload(payload) {
  const full = payload?.repository?.full_name;
  return typeof full === "string" ? full : "";
}
function defaultApiUrl(serverUrl) {
  return serverUrl === "https://github.com" ? "https://api.github.com" : `${serverUrl}/api/v3`;
}
function trimSlash(u) {
  return u.replace(/\/+$/, "");
}

export {
  readGithubEnv,
  splitRepository,
  pullRequestNumber,
  isPullRequestEvent,
  runUrl
};
