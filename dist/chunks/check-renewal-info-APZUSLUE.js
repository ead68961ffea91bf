import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  DiskCache
} from "./chunk-PVFSHR7C.js";
import {
  ariCertId,
  renewalInfoQuestions
} from "./chunk-6RM5SU7F.js";
import {
  certificateNaming
} from "./chunk-KRSK7BH5.js";
import {
  oncePerKey
} from "./chunk-JHOQIWRP.js";
import {
  utcDate
} from "./chunk-753U3B2Y.js";
import {
  ARI_MAX_BYTES,
  FetchError,
  httpFetch
} from "./chunk-PHMNRMIA.js";
import "./chunk-S52FOATI.js";
import "./chunk-NOSH5WDB.js";
import "./chunk-Y3CDYBQM.js";
import "./chunk-DDCI7ZLU.js";

// src/checks/ari/check-renewal-info.ts
import { resolve } from "node:path";

// src/checks/ari/fetch-renewal-info.ts
var ARI_DEFAULT_RETRY_MS = 6 * 36e5;
var ARI_MIN_RETRY_MS = 6e4;
var ARI_MAX_RETRY_MS = 24 * 36e5;
var ACME_DIRECTORY_CACHE_MS = 24 * 36e5;
var AriError = class extends Error {
  constructor(why, severity) {
    super(`ARI problem: ${why.reason}`);
    this.why = why;
    this.severity = severity;
  }
  why;
  severity;
  /** the network policy kept certwatch from asking (net/address-policy.ts): not the CA's failure */
  get refused() {
    return this.why.reason === "fetch" && this.why.failure.reason === "refused";
  }
};
function requestFailed(e, status) {
  if (!(e instanceof FetchError)) return { reason: "error", text: e.message };
  return e.status ? status(e.status) : { reason: "fetch", failure: e.failure };
}
function retryAfterMs(header, nowMs = Date.now()) {
  const v = Array.isArray(header) ? header[0] : header;
  let ms = NaN;
  if (v && /^\s*\d+\s*$/.test(v)) ms = Number(v) * 1e3;
  else if (v) ms = Date.parse(v) - nowMs;
  if (!Number.isFinite(ms)) return ARI_DEFAULT_RETRY_MS;
  return Math.min(ARI_MAX_RETRY_MS, Math.max(ARI_MIN_RETRY_MS, ms));
}
var RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
function parseRfc3339(s) {
  const m = RFC3339.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number);
  const leap = y % 4 === 0 && y % 100 !== 0 || y % 400 === 0;
  const mdays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (!mdays || d < 1 || d > mdays || h > 23 || mi > 59 || sec > 60) return null;
  const date = utcDate(y, mo, d, h, mi, Math.min(sec, 59));
  date.setUTCMilliseconds(m[7] ? Math.floor(Number(m[7]) * 1e3) : 0);
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    date.setTime(date.getTime() - (m[9] === "-" ? -1 : 1) * (oh * 60 + om) * 6e4);
  }
  return date;
}
function parseRenewalInfo(body, url) {
  let json;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    throw new AriError({ reason: "malformed-json", url }, "warning");
  }
  const w = json?.suggestedWindow;
  const start = typeof w?.start === "string" ? parseRfc3339(w.start) : null;
  const end = typeof w?.end === "string" ? parseRfc3339(w.end) : null;
  if (!start || !end) {
    throw new AriError({ reason: "no-window", url }, "warning");
  }
  if (end.getTime() < start.getTime()) {
    throw new AriError(
      { reason: "window-reversed", url, start: start.toISOString(), end: end.toISOString() },
      "warning"
    );
  }
  const expl = json.explanationURL;
  const out = { start, end };
  if (typeof expl === "string" && /^https?:\/\//i.test(expl)) out.explanationURL = expl;
  return out;
}
var AriClient = class {
  constructor(o) {
    this.o = o;
    this.cache = new DiskCache(o.cacheDir, "ari");
  }
  o;
  directories = /* @__PURE__ */ new Map();
  windows = /* @__PURE__ */ new Map();
  cache;
  fetch(url, what) {
    return httpFetch(url, {
      what,
      timeoutMs: this.o.timeoutMs,
      deadline: this.o.deadline,
      maxBytes: ARI_MAX_BYTES,
      headers: { accept: "application/json" }
    });
  }
  cachePath(kind, key) {
    return this.cache.file(key, ".json", `${kind}-`);
  }
  /** The directory's renewalInfo URL; one request per directory per run. */
  renewalInfoUrl(directory) {
    return oncePerKey(this.directories, directory, () => this.loadDirectory(directory));
  }
  async loadDirectory(directory) {
    const path = this.cachePath("directory", directory);
    const cached = await this.cache.readJson(path);
    if (cached && cached.url === directory && Date.now() - cached.at < ACME_DIRECTORY_CACHE_MS && typeof cached.renewalInfo === "string")
      return cached.renewalInfo;
    let body;
    try {
      body = (await this.fetch(directory, "reading ACME directory")).body;
    } catch (e) {
      throw new AriError(
        requestFailed(e, (status) => ({ reason: "directory-status", directory, status })),
        "warning"
      );
    }
    let renewalInfo;
    try {
      renewalInfo = JSON.parse(body.toString("utf8")).renewalInfo;
    } catch {
      throw new AriError({ reason: "directory-not-json", directory }, "warning");
    }
    if (typeof renewalInfo !== "string" || !/^https?:\/\//i.test(renewalInfo)) {
      throw new AriError({ reason: "no-renewal-info", directory }, "notice");
    }
    await this.cache.writeJson(path, { url: directory, renewalInfo, at: Date.now() });
    return renewalInfo;
  }
  /** The suggested window for one certificate ID (§4.1), from the disk cache while its Retry-After lasts. */
  window(directory, certId) {
    const key = `${directory}
${certId}`;
    return oncePerKey(this.windows, key, () => this.loadWindow(directory, certId));
  }
  async loadWindow(directory, certId) {
    const base = await this.renewalInfoUrl(directory);
    const url = `${base.replace(/\/+$/, "")}/${certId}`;
    const path = this.cachePath("window", url);
    const cached = await this.cache.readJson(path);
    if (cached && cached.url === url && Date.now() < cached.until) {
      return { start: new Date(cached.start), end: new Date(cached.end), explanationURL: cached.explanationURL };
    }
    let res;
    try {
      res = await this.fetch(url, "reading renewalInfo");
    } catch (e) {
      if (e instanceof FetchError && e.status === 404)
        throw new AriError({ reason: "unknown-certificate", url }, "notice");
      if (e instanceof FetchError && e.kind === "deadline")
        throw new AriError({ reason: "fetch", failure: e.failure }, "notice");
      throw new AriError(
        requestFailed(e, (status) => ({ reason: "renewal-info-status", url, status })),
        "warning"
      );
    }
    const w = parseRenewalInfo(res.body, url);
    const until = Date.now() + retryAfterMs(res.headers["retry-after"]);
    await this.cache.writeJson(path, {
      url,
      until,
      start: w.start.toISOString(),
      end: w.end.toISOString(),
      explanationURL: w.explanationURL
    });
    return w;
  }
};

// src/checks/ari/check-renewal-info.ts
var ARI_CONCURRENCY = 4;
async function checkRenewalInfo(certs, ctx) {
  const settings = ctx.settings;
  if (!settings.ari.enabled) return [];
  const d = settings.defaults;
  const client = new AriClient({
    cacheDir: d.cacheDir ? resolve(settings.workspace, d.cacheDir) : void 0,
    timeoutMs: d.timeoutMs,
    deadline: ctx.deadline
  });
  const problems = /* @__PURE__ */ new Map();
  const now = ctx.now.getTime();
  const work = renewalInfoQuestions(certs, settings, ctx.now);
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const { obs, ca, id } = work[next++];
      try {
        const w = await client.window(ca.directory, id);
        obs.renewal = { windowStart: w.start, windowEnd: w.end, explanationURL: w.explanationURL };
        const state = now > w.end.getTime() ? "closed" : now >= w.start.getTime() ? "open" : null;
        if (state)
          obs.findings.push({
            id: "renewal-window",
            severity: state === "closed" ? "error" : "warning",
            fingerprint: obs.cert.fingerprint,
            detail: {
              kind: "renewal-window",
              certificate: certificateNaming(obs),
              state,
              ca: ca.label,
              windowStart: w.start.toISOString(),
              windowEnd: w.end.toISOString(),
              ...w.explanationURL ? { explanationURL: w.explanationURL } : {}
            }
          });
      } catch (e) {
        const severity = e instanceof AriError ? e.severity : "warning";
        const cause = e instanceof AriError ? e.why : { reason: "error", text: e.message };
        const refused = e instanceof AriError && e.refused;
        const detail = { kind: "ari-problem", ca: ca.label, refused, cause };
        const finding = refused ? { id: "not-checked", severity: "notice", detail } : { id: "renewal-window", severity, detail };
        const key = `${ca.label}
${JSON.stringify(cause)}`;
        if (!problems.has(key)) problems.set(key, finding);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(ARI_CONCURRENCY, work.length) }, worker));
  return [...problems.values()];
}
export {
  ariCertId,
  checkRenewalInfo
};
