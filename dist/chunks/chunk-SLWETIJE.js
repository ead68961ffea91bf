import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/x509/pem.ts
var BEGIN = /^-----BEGIN ([A-Z0-9 #._-]+)-----\s*$/;
var END = /^-----END ([A-Z0-9 #._-]+)-----\s*$/;
var B64_LINE = /^[A-Za-z0-9+/=]*$/;
var HEADER_LINE = /^[A-Za-z-]+:\s/;
function looksLikePem(text) {
  return text.includes("-----BEGIN ");
}
function splitPem(text) {
  const lines = text.split(/\r?\n|\r/);
  const blocks = [];
  const problems = [];
  let cur = null;
  let index = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (!cur) {
      const m = BEGIN.exec(raw);
      if (m) cur = { label: m[1], line: i + 1, b64: [] };
      continue;
    }
    const end = END.exec(raw);
    if (end) {
      index++;
      if (end[1] !== cur.label) {
        problems.push({
          label: cur.label,
          line: cur.line,
          fault: { reason: "pem-end-mismatch", begin: cur.label, end: end[1], endLine: i + 1 }
        });
      } else if (cur.bad) {
        problems.push({ label: cur.label, line: cur.line, fault: cur.bad });
      } else {
        const joined = cur.b64.join("");
        const der = Buffer.from(joined, "base64");
        if (joined.length === 0) problems.push({ label: cur.label, line: cur.line, fault: { reason: "pem-empty" } });
        else if (joined.length % 4 !== 0 || /=[^=]|={3}/.test(joined) || joined.replace(/=+$/, "") !== der.toString("base64").replace(/=+$/, ""))
          problems.push({
            label: cur.label,
            line: cur.line,
            fault: { reason: "pem-damaged-base64" }
          });
        else blocks.push({ label: cur.label, der, line: cur.line, index });
      }
      cur = null;
      continue;
    }
    if (BEGIN.test(raw)) {
      index++;
      problems.push({
        label: cur.label,
        line: cur.line,
        fault: { reason: "pem-no-end-before-begin", nextBegin: i + 1 }
      });
      cur = { label: BEGIN.exec(raw)[1], line: i + 1, b64: [] };
      continue;
    }
    if (raw === "" || HEADER_LINE.test(raw)) continue;
    if (!B64_LINE.test(raw)) {
      cur.bad ??= { reason: "pem-invalid-base64-line", line: i + 1 };
      continue;
    }
    cur.b64.push(raw);
  }
  if (cur) problems.push({ label: cur.label, line: cur.line, fault: { reason: "pem-truncated" } });
  return { blocks, problems };
}
function toPem(label, der) {
  const b64 = Buffer.from(der).toString("base64");
  return `-----BEGIN ${label}-----
${b64.replace(/.{1,64}/g, "$&\n")}-----END ${label}-----
`;
}

export {
  looksLikePem,
  splitPem,
  toPem
};
