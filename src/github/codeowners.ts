// CODEOWNERS: who owns a certificate file when the config names no owner.
// Semantics follow GitHub's docs ("About code owners"): gitignore-style
// patterns, the last matching line wins, a pattern with no owners clears
// ownership, and there is no `!` negation nor `[]` ranges.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface CodeownersRule {
  pattern: string;
  owners: string[]; // "@user", "@org/team" or an e-mail address, as written
  line: number; // 1-based, for messages
  regex: RegExp;
}

// GitHub ignores a CODEOWNERS file larger than 3 MB; so do we.
const MAX_CODEOWNERS_BYTES = 3 * 1024 * 1024;
// The locations GitHub reads, in its order of precedence.
const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = stripComment(raw).trim();
    if (!line) return;
    const tokens = line.match(/(?:\\ |\S)+/g) ?? [];
    const [pattern, ...owners] = tokens.map((t) => t.replace(/\\ /g, ' '));
    if (!pattern || pattern.startsWith('!') || /[[\]]/.test(pattern)) return; // unsupported by GitHub: the line is skipped
    rules.push({ pattern, owners: owners.filter(isOwner), line: i + 1, regex: patternToRegex(pattern) });
  });
  return rules;
}

/** Owners of a repository-relative path: the last matching rule wins. */
export function ownersFor(rules: CodeownersRule[], path: string): string[] {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
  for (let i = rules.length - 1; i >= 0; i--) {
    if (rules[i].regex.test(p)) return rules[i].owners;
  }
  return [];
}

export async function readCodeowners(workspace: string): Promise<string | null> {
  for (const rel of CODEOWNERS_PATHS) {
    const full = join(workspace, rel);
    try {
      const s = await stat(full);
      if (!s.isFile() || s.size > MAX_CODEOWNERS_BYTES) continue;
      return await readFile(full, 'utf8');
    } catch {
      // not there: try the next location
    }
  }
  return null;
}

// `#` starts a comment unless escaped (`\#` is a literal hash in a path).
function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '#' && (i === 0 || line[i - 1] !== '\\')) return line.slice(0, i);
  }
  return line;
}

function isOwner(t: string): boolean {
  return t.startsWith('@') || /^[^@\s]+@[^@\s]+$/.test(t);
}

/**
 * gitignore rules as GitHub applies them:
 * - a leading `/`, or a `/` in the middle, anchors the pattern at the root;
 *   otherwise it matches at any depth (`*.pem`, `certs/` → any `certs` dir);
 * - a pattern matching a directory owns everything beneath it, except that a
 *   trailing `/*` owns only that directory's direct files (GitHub's docs: `docs/*`
 *   does not match `docs/build-app/troubleshooting.md`);
 * - `**` crosses directories, `*` and `?` do not.
 */
function patternToRegex(pattern: string): RegExp {
  let p = pattern.replace(/\\#/g, '#');
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.replace(/\/+$/, '');
  const anchored = p.startsWith('/') || p.includes('/');
  p = p.replace(/^\/+/, '');
  const lastSegment = p.slice(p.lastIndexOf('/') + 1);
  let body = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*' && p[i + 1] === '*') {
      const slashAfter = p[i + 2] === '/';
      body += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') body += '[^/]*';
    else if (c === '?') body += '[^/]';
    else body += c.replace(/[.+^${}()|[\]\\/]/g, '\\$&');
  }
  const prefix = anchored ? '^' : '^(?:.*/)?';
  // `dir/*` stops at direct children; everything else also owns what is below.
  const suffix = lastSegment === '*' && !dirOnly ? '$' : dirOnly ? '/.*$' : '(?:/.*)?$';
  return new RegExp(prefix + body + suffix);
}
