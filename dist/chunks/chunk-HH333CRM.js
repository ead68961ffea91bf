import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/report/place-key.ts
function placeKeyOf(l) {
  return l.type === "file" ? { type: "file", path: l.path } : { type: "endpoint", host: l.host, port: l.port };
}
function encodePlaceKey(k) {
  return k.type === "file" ? `file:${k.path}` : `endpoint:${k.host}:${k.port}`;
}
function decodePlaceKey(s) {
  if (s.startsWith("file:")) return { type: "file", path: s.slice("file:".length) };
  const m = /^endpoint:(.+):(\d+)$/.exec(s);
  return m ? { type: "endpoint", host: m[1], port: Number(m[2]) } : null;
}
function samePlace(l, k) {
  return l.type === "file" ? k.type === "file" && l.path === k.path : k.type === "endpoint" && l.host === k.host && l.port === k.port;
}

export {
  placeKeyOf,
  encodePlaceKey,
  decodePlaceKey,
  samePlace
};
