import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  readableTime
} from "./chunk-HPOGBE72.js";

// src/report/format-helpers.ts
function locationText(l) {
  if (l.type === "file") {
    const inside = [l.detail, l.key && !l.detail?.includes(l.key) ? l.key : void 0].filter(Boolean).join(", ");
    return `${l.path}:${l.line}${inside ? ` (${inside})` : ""}${l.excluded ? " [not judged]" : ""}`;
  }
  const name = l.servername ?? l.host;
  const host = name.includes(":") ? `[${name}]` : name;
  const addr = l.address && l.address !== name ? ` @${l.address}` : "";
  const proto = l.protocol && !["tls", "https"].includes(l.protocol) ? `${l.protocol}://` : "";
  const chain = l.chainIndex ? ` (chain #${l.chainIndex})` : "";
  return `${proto}${host}:${l.port}${addr}${chain}`;
}
function issuerName(c) {
  if (c.issuerO && c.issuerCN) return `${c.issuerCN} (${c.issuerO})`;
  return c.issuerCN ?? c.issuerO ?? c.issuer;
}
function daysLeft(notAfter, now) {
  const from = typeof now === "string" ? Date.parse(now) : now.getTime();
  return Math.trunc((Date.parse(notAfter) - from) / 864e5);
}
function readableInstant(iso) {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : readableTime(new Date(t));
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export {
  locationText,
  issuerName,
  daysLeft,
  readableInstant,
  plural
};
