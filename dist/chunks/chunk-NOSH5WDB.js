import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/net/proxy-credentials.ts
var PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"];
function userInfo(raw) {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw);
  const start = scheme ? scheme[0].length : 0;
  const end = raw.lastIndexOf("@");
  return end > start ? { start, end } : null;
}
function redactProxyUrl(raw) {
  const u = userInfo(raw);
  return u ? `${raw.slice(0, u.start)}***${raw.slice(u.end)}` : raw;
}
function proxySecrets(env) {
  const out = /* @__PURE__ */ new Set();
  for (const name of PROXY_VARIABLES) {
    const raw = env[name]?.trim();
    const u = raw ? userInfo(raw) : null;
    if (!raw || !u) continue;
    const info = raw.slice(u.start, u.end);
    const colon = info.indexOf(":");
    for (const s of [info, colon >= 0 ? info.slice(colon + 1) : ""]) {
      if (!s) continue;
      out.add(s);
      try {
        out.add(decodeURIComponent(s));
      } catch {
      }
    }
  }
  return [...out];
}

export {
  redactProxyUrl,
  proxySecrets
};
