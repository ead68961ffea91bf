import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  createClient,
  explainApiError
} from "./chunk-62P7TP3C.js";
import {
  isPullRequestEvent,
  pullRequestNumber,
  splitRepository
} from "./chunk-FVR4GWWV.js";
import "./chunk-DDCI7ZLU.js";

// src/github/pr-scope.ts
import { execFile } from "node:child_process";
import { isAbsolute, relative } from "node:path";
var API_FILE_LIMIT = 3e3;
var PER_PAGE = 100;
var MAX_PAGES = Math.ceil(API_FILE_LIMIT / PER_PAGE);
var GIT_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
var GIT_TIMEOUT_MS = 3e4;
var KEPT_STATUSES = /* @__PURE__ */ new Set(["added", "modified", "renamed", "copied", "changed"]);
async function resolveScope(scope, env, configPath, log, opts = {}) {
  if (scope === "all") return { files: null, configChanged: false, reason: "scope: all \u2014 checking everything" };
  const onPr = isPullRequestEvent(env.eventName);
  if (scope === "auto" && !onPr)
    return {
      files: null,
      configChanged: false,
      reason: `scope: auto on ${env.eventName || "a local run"} \u2014 checking everything`
    };
  const configRel = toRelative(configPath, env.workspace);
  const done = (files, how) => {
    const sorted = [...new Set(files)].sort();
    const configChanged = configRel !== "" && sorted.includes(configRel);
    return {
      files: sorted,
      configChanged,
      reason: `scope: ${scope} \u2014 ${sorted.length} changed file(s) ${how}${configChanged ? ", config changed" : ""}`
    };
  };
  if (onPr) {
    const number = pullRequestNumber(env);
    if (number === null) {
      log.warning("scope: the pull_request event payload has no PR number; checking everything");
      return { files: null, configChanged: false, reason: "scope: no PR number in the event \u2014 checking everything" };
    }
    let apiFailure = "";
    try {
      const client = opts.client ?? createClient(env.token, env.apiUrl, { ...opts.clientOptions, log });
      const files = await listPullRequestFiles(client, env, number);
      if (files.complete) return done(files.names, `in PR #${number} (API)`);
      apiFailure = `the PR lists ${API_FILE_LIMIT}+ files, more than the API returns`;
    } catch (err) {
      apiFailure = explainApiError(err, `listing the files of PR #${number}`, "pull-requests: read").message;
    }
    const base = env.eventPayload?.pull_request?.base?.sha;
    const head = env.eventPayload?.pull_request?.head?.sha;
    const fromGit = typeof base === "string" && typeof head === "string" ? await gitChangedFiles(env.workspace, base, head) : null;
    if (fromGit && typeof base === "string" && typeof head === "string") {
      log.info(`scope: ${apiFailure}; using git diff ${short(base)}...${short(head)}`);
      return done(fromGit, `in PR #${number} (git diff)`);
    }
    log.warning(
      `scope: ${apiFailure}; git history unavailable (use actions/checkout with fetch-depth: 0) \u2014 checking everything`
    );
    return {
      files: null,
      configChanged: false,
      reason: `scope: ${scope} \u2014 changed files unknown, checking everything`
    };
  }
  const before = env.eventPayload?.before;
  const after = env.eventPayload?.after ?? env.sha;
  if (typeof before === "string" && !/^0+$/.test(before) && typeof after === "string") {
    const fromGit = await gitChangedFiles(env.workspace, before, after, "..");
    if (fromGit) return done(fromGit, `in ${short(before)}..${short(after)} (git diff)`);
  }
  log.warning(
    `scope: changed \u2014 no pull request or push range to compare on ${env.eventName || "a local run"}; checking everything`
  );
  return {
    files: null,
    configChanged: false,
    reason: "scope: changed \u2014 nothing to compare against, checking everything"
  };
}
async function listPullRequestFiles(client, env, pullNumber) {
  const { owner, repo } = splitRepository(env.repository);
  const names = [];
  let seen = 0;
  let pages = 0;
  for await (const page of client.paginate.iterator(client.rest.pulls.listFiles, {
    owner,
    repo,
    pull_number: pullNumber,
    per_page: PER_PAGE
  })) {
    for (const f of page.data) {
      seen++;
      if (KEPT_STATUSES.has(f.status)) names.push(f.filename);
    }
    if (++pages >= MAX_PAGES) break;
  }
  return { names, complete: seen < API_FILE_LIMIT };
}
function gitChangedFiles(workspace, base, head, range = "...") {
  if (!/^[0-9a-f]{7,64}$/i.test(base) || !/^[0-9a-f]{7,64}$/i.test(head)) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(
      "git",
      [
        "-C",
        workspace,
        "-c",
        "core.quotePath=false",
        "diff",
        "--name-only",
        "--no-renames",
        "--diff-filter=ACMRT",
        `${base}${range}${head}`,
        "--"
      ],
      { timeout: GIT_TIMEOUT_MS, maxBuffer: GIT_MAX_OUTPUT_BYTES },
      (err, stdout) => resolve(err ? null : stdout.split("\n").filter((l) => l.length > 0))
    );
  });
}
function toRelative(configPath, workspace) {
  if (!configPath) return "";
  const rel = isAbsolute(configPath) ? relative(workspace, configPath) : configPath;
  return rel.replace(/\\/g, "/").replace(/^\.\//, "");
}
function short(sha) {
  return String(sha).slice(0, 7);
}
export {
  gitChangedFiles,
  listPullRequestFiles,
  resolveScope
};
