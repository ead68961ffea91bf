import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/github/codeowners.ts
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
var MAX_CODEOWNERS_BYTES = 3 * 1024 * 1024;
var CODEOWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];
function parseCodeowners(text) {
  const rules = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = stripComment(raw).trim();
    if (!line) return;
    const tokens = line.match(/(?:\\ |\S)+/g) ?? [];
    const [pattern, ...owners] = tokens.map((t) => t.replace(/\\ /g, " "));
    if (!pattern || pattern.startsWith("!") || /[[\]]/.test(pattern)) return;
    rules.push({ pattern, owners: owners.filter(isOwner), line: i + 1, regex: patternToRegex(pattern) });
  });
  return rules;
}
function ownersFor(rules, path) {
  const p = path.replace(/\\/g, "/").replace(/^\.\//, "").replace(/^\/+/, "");
  for (let i = rules.length - 1; i >= 0; i--) {
    if (rules[i].regex.test(p)) return rules[i].owners;
  }
  return [];
}
async function readCodeowners(workspace) {
  for (const rel of CODEOWNERS_PATHS) {
    const full = join(workspace, rel);
    try {
      const s = await stat(full);
      if (!s.isFile() || s.size > MAX_CODEOWNERS_BYTES) continue;
      return await readFile(full, "utf8");
    } catch {
    }
  }
  return null;
}
function stripComment(line) {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "#" && (i === 0 || line[i - 1] !== "\\")) return line.slice(0, i);
  }
  return line;
}
function isOwner(t) {
  return t.startsWith("@") || /^[^@\s]+@[^@\s]+$/.test(t);
}
function patternToRegex(pattern) {
  let p = pattern.replace(/\\#/g, "#");
  const dirOnly = p.endsWith("/");
  if (dirOnly) p = p.replace(/\/+$/, "");
  const anchored = p.startsWith("/") || p.includes("/");
  p = p.replace(/^\/+/, "");
  const lastSegment = p.slice(p.lastIndexOf("/") + 1);
  let body = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "*" && p[i + 1] === "*") {
      const slashAfter = p[i + 2] === "/";
      body += slashAfter ? "(?:.*/)?" : ".*";
      i += slashAfter ? 2 : 1;
    } else if (c === "*") body += "[^/]*";
    else if (c === "?") body += "[^/]";
    else body += c.replace(/[.+^${}()|[\]\\/]/g, "\\$&");
  }
  const prefix = anchored ? "^" : "^(?:.*/)?";
  const suffix = lastSegment === "*" && !dirOnly ? "$" : dirOnly ? "/.*$" : "(?:/.*)?$";
  return new RegExp(prefix + body + suffix);
}

export {
  parseCodeowners,
  ownersFor,
  readCodeowners
};
