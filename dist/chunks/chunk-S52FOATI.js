import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  redactProxyUrl
} from "./chunk-NOSH5WDB.js";

// src/sources/endpoints/proxy-env.ts
import { BlockList, isIP } from "node:net";
var ProxyConfigError = class extends Error {
  constructor(problem) {
    super(`HTTPS_PROXY cannot be used: ${problem.problem}`);
    this.problem = problem;
  }
  problem;
};
function envValue(env, name) {
  const v = env[name] ?? env[name.toLowerCase()];
  return v && v.trim() !== "" ? v.trim() : void 0;
}
function matchesEntry(entry, host, port) {
  let e = entry.trim().toLowerCase();
  if (e === "") return false;
  if (e === "*") return true;
  let entryPort;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(e);
  if (bracket) {
    e = bracket[1];
    entryPort = bracket[2] ? Number(bracket[2]) : void 0;
  } else if (!isIP(e) && /:\d+$/.test(e) && !e.includes("/")) {
    entryPort = Number(e.slice(e.lastIndexOf(":") + 1));
    e = e.slice(0, e.lastIndexOf(":"));
  }
  if (entryPort !== void 0 && entryPort !== port) return false;
  const hostFamily = isIP(host);
  if (e.includes("/") && hostFamily) {
    const [net, bits] = e.split("/");
    const fam = isIP(net);
    if (!fam || fam !== hostFamily) return false;
    const list = new BlockList();
    try {
      list.addSubnet(net, Number(bits), fam === 4 ? "ipv4" : "ipv6");
    } catch {
      return false;
    }
    return list.check(host, fam === 4 ? "ipv4" : "ipv6");
  }
  if (isIP(e)) return e === host.toLowerCase();
  const suffix = e.replace(/^\*?\./, "");
  const h = host.toLowerCase();
  return h === suffix || h.endsWith("." + suffix);
}
function noProxyExempts(host, port, env) {
  const noProxy = envValue(env, "NO_PROXY");
  return !!noProxy && noProxy.split(/[,\s]+/).some((entry) => matchesEntry(entry, host, port));
}
function proxyFor(host, port, env) {
  const raw = envValue(env, "HTTPS_PROXY");
  if (!raw) return void 0;
  if (noProxyExempts(host, port, env)) return void 0;
  let url;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    throw new ProxyConfigError({ problem: "not-a-url", value: redactProxyUrl(raw), credentials: raw.includes("@") });
  }
  if (url.protocol !== "http:") throw new ProxyConfigError({ problem: "not-http", protocol: url.protocol });
  if (url.hostname.includes("@") || /[#?]/.test(raw.slice(0, raw.lastIndexOf("@") + 1))) {
    throw new ProxyConfigError({ problem: "unencoded-credentials", value: redactProxyUrl(raw) });
  }
  return url;
}

export {
  ProxyConfigError,
  noProxyExempts,
  proxyFor
};
