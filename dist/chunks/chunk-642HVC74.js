import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/report/format-helpers.ts
function locationText(l) {
  if (l.type === "file") return `${l.path}:${l.line}${l.detail ? ` (${l.detail})` : ""}`;
  const name = l.servername ?? l.host;
  const host = name.includes(":") ? `[${name}]` : name;
  const addr = l.address && l.address !== name ? ` @${l.address}` : "";
  const proto = l.protocol && !["tls", "https"].includes(l.protocol) ? `${l.protocol}://` : "";
  const chain = l.chainIndex ? ` (chain #${l.chainIndex})` : "";
  return `${proto}${host}:${l.port}${addr}${chain}`;
}
function certName(c) {
  return c.subjectCN ?? c.sans[0] ?? (c.subject || c.fingerprint.slice(0, 19));
}
function issuerName(c) {
  if (c.issuerO && c.issuerCN) return `${c.issuerCN} (${c.issuerO})`;
  return c.issuerCN ?? c.issuerO ?? c.issuer;
}
function daysLeft(notAfter, now) {
  return Math.trunc((Date.parse(notAfter) - Date.parse(now)) / 864e5);
}
function roleLabel(c) {
  return c.role === "leaf" ? "leaf" : c.role === "root" ? "root CA" : "intermediate CA";
}
function messageBesidePlace(message, l) {
  if (!l || l.type !== "file") return message;
  for (const prefix of [`${l.path}:${l.line}: `, `${l.path}: `]) {
    if (message.startsWith(prefix)) return message.slice(prefix.length);
  }
  return message;
}
function readableInstant(iso) {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export {
  locationText,
  certName,
  issuerName,
  daysLeft,
  roleLabel,
  messageBesidePlace,
  readableInstant,
  plural
};
