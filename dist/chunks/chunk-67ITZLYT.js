import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  DurationError,
  parseDuration,
  parseTimeout
} from "./chunk-ZIJ54FUI.js";
import {
  ConfigError,
  loadConfig
} from "./chunk-CWOAGZBK.js";
import {
  DEFAULT_MAX_DOWNLOAD_MB,
  validAllowEntry
} from "./chunk-Y3CDYBQM.js";

// src/config/settings.ts
import path2 from "node:path";

// src/sources/endpoints/endpoint-spec.ts
import { isIP, isIPv6 } from "node:net";
var EndpointSpecError = class extends Error {
};
var SCHEMES = {
  tls: { port: 443 },
  https: { port: 443 },
  smtps: { port: 465 },
  imaps: { port: 993 },
  pop3s: { port: 995 },
  ldaps: { port: 636 },
  ftps: { port: 990 },
  smtp: { port: 25, starttls: "smtp" },
  submission: { port: 587, starttls: "smtp" },
  imap: { port: 143, starttls: "imap" },
  pop3: { port: 110, starttls: "pop3" },
  ftp: { port: 21, starttls: "ftp" },
  ldap: { port: 389, starttls: "ldap" },
  postgres: { port: 5432, starttls: "postgres" },
  postgresql: { port: 5432, starttls: "postgres" },
  xmpp: { port: 5222, starttls: "xmpp" }
};
function defaultPort(protocol) {
  const info = SCHEMES[protocol.toLowerCase()];
  if (!info) throw new EndpointSpecError(`unknown protocol "${protocol}" (known: ${Object.keys(SCHEMES).join(", ")})`);
  return info.port;
}
var HOSTNAME = /^(?=.{1,253}\.?$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;
function parsePort(text, spec) {
  if (!/^\d{1,5}$/.test(text)) throw new EndpointSpecError(`endpoint "${spec}": port "${text}" is not a number`);
  const port = Number(text);
  if (port < 1 || port > 65535) throw new EndpointSpecError(`endpoint "${spec}": port ${port} is outside 1\u201365535`);
  return port;
}
function checkHost(host, spec) {
  if (host === "") throw new EndpointSpecError(`endpoint "${spec}" has no host`);
  if (isIP(host)) return host.toLowerCase();
  if (!HOSTNAME.test(host))
    throw new EndpointSpecError(`endpoint "${spec}": "${host}" is not a valid host name or IP address`);
  return host.toLowerCase().replace(/\.$/, "");
}
function parseAuthority(authority, spec) {
  if (authority.startsWith("[")) {
    const close = authority.indexOf("]");
    if (close < 0) throw new EndpointSpecError(`endpoint "${spec}": "[" without a closing "]"`);
    const host = authority.slice(1, close);
    if (!isIPv6(host))
      throw new EndpointSpecError(`endpoint "${spec}": "${host}" inside brackets is not an IPv6 address`);
    const rest = authority.slice(close + 1);
    if (rest === "") return { host: host.toLowerCase() };
    if (!rest.startsWith(":")) throw new EndpointSpecError(`endpoint "${spec}": unexpected "${rest}" after "]"`);
    return { host: host.toLowerCase(), port: parsePort(rest.slice(1), spec) };
  }
  const colons = authority.split(":").length - 1;
  if (colons > 1) {
    if (isIPv6(authority)) return { host: authority.toLowerCase() };
    throw new EndpointSpecError(`endpoint "${spec}": an IPv6 address with a port needs brackets, e.g. "[::1]:443"`);
  }
  if (colons === 1) {
    const [host, port] = authority.split(":");
    return { host: checkHost(host, spec), port: parsePort(port, spec) };
  }
  return { host: checkHost(authority, spec) };
}
function parseEndpointSpec(spec) {
  const text = spec.trim();
  if (text === "") throw new EndpointSpecError("empty endpoint");
  if (/\s/.test(text)) throw new EndpointSpecError(`endpoint "${spec}" contains whitespace`);
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  let protocol = "tls";
  let rest = text;
  if (schemeMatch) {
    protocol = schemeMatch[1].toLowerCase();
    if (!SCHEMES[protocol]) {
      throw new EndpointSpecError(
        `endpoint "${spec}": unknown scheme "${protocol}://" (known: ${Object.keys(SCHEMES).map((s) => s + "://").join(" ")})`
      );
    }
    rest = text.slice(schemeMatch[0].length);
  } else if (/^[a-z][a-z0-9+.-]*:\/[^/]/i.test(text)) {
    throw new EndpointSpecError(`endpoint "${spec}": malformed URL (expected "scheme://host")`);
  }
  let authority = rest.split(/[/?#]/, 1)[0];
  const at = authority.lastIndexOf("@");
  if (at >= 0) authority = authority.slice(at + 1);
  const { host, port } = parseAuthority(authority, spec);
  const info = SCHEMES[protocol];
  return { host, port: port ?? info.port, protocol, ...info.starttls ? { starttls: info.starttls } : {} };
}

// src/shared/path-inside.ts
import path from "node:path";
function isInside(root, p) {
  const rel = path.relative(root, p);
  return rel === "" || !rel.startsWith("..") && !path.isAbsolute(rel);
}

// src/config/settings.ts
var DEFAULT_CONFIG_PATH = ".github/certwatch.yml";
var DISCOVERY_PATTERNS = ["**"];
var UsageError = class extends Error {
};
function overrideName(key, origin) {
  const flag = { endpoints: "endpoint" };
  return origin === "flags" ? `--${flag[key] ?? key}` : `input ${key}`;
}
var BUILTIN = {
  warnWithin: { kind: "absolute", ms: 30 * 864e5, text: "30d" },
  failWithin: { kind: "absolute", ms: 7 * 864e5, text: "7d" },
  revocation: "soft",
  timeoutMs: 1e4,
  concurrency: 32,
  cacheDir: ".certwatch-cache",
  deadlineMs: 15 * 6e4
};
var ISSUE_DEFAULTS = { mode: "per-certificate", labels: ["certificates"], maxOpen: 50 };
async function buildSettings(workspace, o = {}) {
  const configRel = o.configPath || DEFAULT_CONFIG_PATH;
  const raw = await loadConfig(path2.resolve(workspace, configRel), configRel);
  if (!raw && o.configExplicit && o.configPath) {
    throw new UsageError(`config file ${configRel} does not exist`);
  }
  return settingsFrom(raw, workspace, o);
}
function settingsFrom(raw, workspace, o = {}) {
  const d = raw?.data ?? {};
  const file = raw?.file ?? "(inputs)";
  const problems = [];
  const at = (p) => raw?.lineOf(p) ?? 1;
  const parsed = (parse) => (v, p, fallback) => {
    if (v === void 0 || v === null || v === "") return fallback;
    try {
      return parse(String(v));
    } catch (e) {
      problems.push({ file, line: at(p), key: p.join("."), message: e.message });
      return fallback;
    }
  };
  const dur = parsed(parseDuration);
  const tmo = parsed(parseTimeout);
  const dd = d.defaults ?? {};
  const defaults = {
    warnWithin: dur(dd["warn-within"], ["defaults", "warn-within"], BUILTIN.warnWithin),
    failWithin: dur(dd["fail-within"], ["defaults", "fail-within"], BUILTIN.failWithin),
    revocation: dd.revocation ?? BUILTIN.revocation,
    timeoutMs: tmo(dd.timeout, ["defaults", "timeout"], BUILTIN.timeoutMs),
    concurrency: dd.concurrency ?? BUILTIN.concurrency,
    caFile: dd["ca-file"],
    cacheDir: dd["cache-dir"] ?? BUILTIN.cacheDir,
    deadlineMs: tmo(dd.deadline, ["defaults", "deadline"], BUILTIN.deadlineMs)
  };
  const cacheProblem = cacheDirProblem(defaults.cacheDir, workspace);
  if (cacheProblem)
    problems.push({ file, line: at(["defaults", "cache-dir"]), key: "defaults.cache-dir", message: cacheProblem });
  if (o.warnWithin) defaults.warnWithin = overrideDuration(o.warnWithin, overrideName("warn-within", o.origin));
  if (o.failWithin) defaults.failWithin = overrideDuration(o.failWithin, overrideName("fail-within", o.origin));
  if (o.revocation) {
    const v = o.revocation.trim();
    if (!["soft", "hard", "off"].includes(v))
      throw new UsageError(`${overrideName("revocation", o.origin)}: "${o.revocation}" is not one of soft, hard, off`);
    defaults.revocation = v;
  }
  const thresholdsOf = (e, p) => {
    const t = {};
    if (e["warn-within"] !== void 0)
      t.warnWithin = dur(e["warn-within"], [...p, "warn-within"], defaults.warnWithin);
    if (e["fail-within"] !== void 0)
      t.failWithin = dur(e["fail-within"], [...p, "fail-within"], defaults.failWithin);
    return Object.keys(t).length ? t : void 0;
  };
  const endpoints = [];
  const endpointIds = /* @__PURE__ */ new Set();
  const addEndpoint = (spec, p, srcFile, line) => {
    const obj = typeof spec === "string" ? { host: spec } : spec;
    try {
      const parsed2 = parseEndpointSpec(String(obj.host));
      const starttls = obj.starttls ?? parsed2.starttls;
      const protocol = obj.starttls ? obj.starttls : parsed2.protocol;
      const port = obj.port ?? (obj.starttls && !/:\d+$|^\w+:\/\/.*:\d+/.test(String(obj.host)) ? defaultPort(obj.starttls) : parsed2.port);
      const isIp = /^[\d.]+$/.test(parsed2.host) || parsed2.host.includes(":");
      const servername = obj.servername ?? (isIp ? void 0 : parsed2.host);
      const id = `${protocol}://${parsed2.host.includes(":") ? `[${parsed2.host}]` : parsed2.host}:${port}${obj.servername ? `#${obj.servername}` : ""}`;
      if (endpointIds.has(id)) return;
      endpointIds.add(id);
      endpoints.push({
        id,
        host: parsed2.host,
        port,
        servername,
        starttls,
        protocol,
        allAddresses: obj["all-addresses"] === true,
        optional: obj.optional === true,
        owner: obj.owner,
        caFile: obj["ca-file"],
        thresholds: typeof spec === "object" ? thresholdsOf(obj, p) : void 0,
        timeoutMs: obj.timeout ? tmo(obj.timeout, [...p, "timeout"], defaults.timeoutMs) : defaults.timeoutMs,
        source: { file: srcFile, line }
      });
    } catch (e) {
      if (!(e instanceof EndpointSpecError)) throw e;
      problems.push({ file: srcFile, line, key: p.join("."), message: e.message });
    }
  };
  const cfgEndpoints = d.endpoints ?? [];
  cfgEndpoints.forEach((e, i) => addEndpoint(e, ["endpoints", i], file, at(["endpoints", i])));
  const fromConfig = problems.length;
  (o.endpoints ?? []).forEach((e, i) => addEndpoint(e, ["endpoints", i], "(inputs)", i + 1));
  if (problems.length > fromConfig && fromConfig === 0) {
    throw new UsageError(problems.map((p) => `${overrideName("endpoints", o.origin)}: ${p.message}`).join("\n"));
  }
  const files = [];
  const pathRules = { exclude: [], ignore: [] };
  const globList = (v) => Array.isArray(v) ? v.map(String) : void 0;
  for (const [i, g] of (globList(d.exclude) ?? []).entries()) {
    pathRules.exclude.push({ pattern: g, origin: `exclude: "${g}"`, source: { file, line: at(["exclude", i]) } });
  }
  const negation = (pattern, source, where) => {
    const g = pattern.replace(/^!+/, "");
    pathRules.exclude.push({ pattern: g, origin: `${where}: "${pattern}"`, source });
  };
  (d.files ?? []).forEach((f, i) => {
    const obj = typeof f === "string" ? { path: f } : f;
    const source = { file, line: at(["files", i]) };
    if (String(obj.path).startsWith("!")) return negation(String(obj.path), source, "files");
    files.push({
      pattern: String(obj.path),
      passwordEnv: obj["password-env"],
      owner: obj.owner,
      thresholds: typeof f === "object" ? thresholdsOf(obj, ["files", i]) : void 0,
      exclude: globList(obj.exclude),
      source
    });
  });
  (o.files ?? []).forEach((g, i) => {
    const source = { file: "(inputs)", line: i + 1 };
    if (g.startsWith("!")) negation(g, source, overrideName("files", o.origin));
    else files.push({ pattern: g, source });
  });
  if (!files.length && !raw?.data.endpoints && !o.endpoints?.length) {
    for (const pattern of DISCOVERY_PATTERNS) files.push({ pattern, discovered: true });
  }
  const ignore = [];
  (d.ignore ?? []).forEach((r, i) => {
    const source = { file, line: at(["ignore", i]) };
    const until = r.until ? endOfDay(String(r.until), problems, file, at(["ignore", i, "until"]), `ignore.${i}.until`) : void 0;
    if (r.fingerprint !== void 0 && r.path !== void 0) {
      problems.push({
        file,
        line: source.line,
        key: `ignore.${i}`,
        message: "an ignore entry has either `fingerprint:` or `path:`, not both; write two entries"
      });
    } else if (r.path !== void 0) {
      const rule = { path: String(r.path), until, reason: r.reason, source };
      pathRules.ignore.push(rule);
    } else if (r.fingerprint !== void 0) {
      ignore.push({ fingerprint: normaliseFingerprint(String(r.fingerprint)), until, reason: r.reason, source });
    } else {
      problems.push({
        file,
        line: source.line,
        key: `ignore.${i}`,
        message: 'an ignore entry needs `fingerprint: sha256:\u2026` or `path: "glob"`'
      });
    }
  });
  const ari = d.ari ?? {};
  const issues = d.issues ?? {};
  const network = d.network ?? {};
  (network.allow ?? []).forEach((entry, i) => {
    if (!validAllowEntry(String(entry)))
      problems.push({
        file,
        line: at(["network", "allow", i]),
        key: `network.allow.${i}`,
        message: `"${entry}" is not an IP address or CIDR block (like 10.20.0.0/16)`
      });
  });
  (d["revoked-serials"] ?? []).forEach((r, i) => {
    const p = ["revoked-serials", i];
    if (r.path === void 0 === (r.url === void 0)) {
      problems.push({
        file,
        line: at(p),
        key: p.join("."),
        message: "give either `path` (a file in the repository) or `url` (where the CA publishes the list), not both or neither"
      });
    } else if (r.url !== void 0 && !/^https?:\/\/[^/]/i.test(String(r.url))) {
      problems.push({
        file,
        line: at([...p, "url"]),
        key: [...p, "url"].join("."),
        message: `"${r.url}" is not an http:// or https:// URL`
      });
    }
  });
  if (problems.length)
    throw new ConfigError(
      problems.sort((a, b) => Number(a.file !== file) - Number(b.file !== file) || a.line - b.line)
    );
  return {
    workspace: path2.resolve(workspace),
    configPath: raw?.file,
    defaults,
    endpoints,
    files,
    ignore,
    pathRules,
    ari: {
      enabled: ari.enabled !== false,
      directories: ari.directories ?? []
    },
    revokedSerials: (d["revoked-serials"] ?? []).map((r, i) => ({
      path: r.path,
      url: r.url,
      issuer: r.issuer,
      name: r.name,
      source: { file, line: at(["revoked-serials", i]) }
    })),
    network: {
      privateAddresses: network["private-addresses"] ?? "auto",
      allow: (network.allow ?? []).map(String),
      maxDownloadMb: network["max-download-mb"] ?? DEFAULT_MAX_DOWNLOAD_MB
    },
    issues: {
      mode: issues.mode ?? ISSUE_DEFAULTS.mode,
      labels: issues.labels ?? ISSUE_DEFAULTS.labels,
      maxOpen: issues["max-open"] ?? ISSUE_DEFAULTS.maxOpen
    },
    shard: parseShard(o.shard, overrideName("shard", o.origin)),
    now: o.now ?? /* @__PURE__ */ new Date()
  };
}
function overrideDuration(v, name) {
  try {
    return parseDuration(v);
  } catch (e) {
    if (e instanceof DurationError) throw new UsageError(`${name}: ${e.message}`);
    throw e;
  }
}
function cacheDirProblem(cacheDir, workspace) {
  const abs = path2.resolve(workspace, cacheDir);
  const inside = (root) => isInside(path2.resolve(root), abs);
  const temp = process.env.RUNNER_TEMP;
  if (inside(workspace) || temp && inside(temp)) return null;
  return `"${cacheDir}" resolves to ${abs}, outside the workspace${temp ? ` and $RUNNER_TEMP (${temp})` : ""}; the cache must stay inside one of them`;
}
function normaliseFingerprint(f) {
  return "sha256:" + f.replace(/^sha256:/i, "").replace(/:/g, "").toLowerCase();
}
function endOfDay(s, problems, file, line, key) {
  const t = Date.parse(`${s}T23:59:59.999Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s) {
    problems.push({ file, line, key, message: `"${s}" is not a date; use YYYY-MM-DD` });
    return void 0;
  }
  return new Date(t);
}
function parseShard(s, name = "shard") {
  if (!s) return { index: 1, count: 1 };
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(s);
  if (!m || Number(m[2]) < 1 || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) {
    throw new UsageError(`${name}: "${s}" must be i/n with 1 \u2264 i \u2264 n, like 2/4`);
  }
  return { index: Number(m[1]), count: Number(m[2]) };
}

export {
  isInside,
  DEFAULT_CONFIG_PATH,
  UsageError,
  BUILTIN,
  ISSUE_DEFAULTS,
  buildSettings,
  settingsFrom
};
