// Distinguished names as the report prints them. The parser (src/x509) joins
// Node's one-RDN-per-line output with commas and does NOT escape commas inside
// values ("O=Example, Inc."), so a value boundary is a comma followed by
// `TYPE=`, not every comma. RFC 4514 backslash escapes are honoured too, for
// reports written by other tools or by hand.

export interface DnAttribute {
  type: string; // as written: "CN", "O", "OU", "2.5.4.97", …
  value: string; // unescaped
}

const ATTRIBUTE_START = /^\s*([A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)=/;

export function parseDn(dn: string): DnAttribute[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < dn.length; i++) {
    const ch = dn[i];
    if (ch === '\\' && i + 1 < dn.length) {
      current += ch + dn[i + 1];
      i++;
      continue;
    }
    if ((ch === ',' || ch === '+') && ATTRIBUTE_START.test(dn.slice(i + 1))) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current !== '') parts.push(current);
  const out: DnAttribute[] = [];
  for (const part of parts) {
    const m = ATTRIBUTE_START.exec(part);
    if (!m) continue;
    out.push({ type: m[1], value: unescapeValue(part.slice(m[0].length).trim()) });
  }
  return out;
}

function unescapeValue(v: string): string {
  return v.replace(/\\([0-9A-Fa-f]{2}|.)/g, (_, e: string) =>
    e.length === 2 ? String.fromCharCode(parseInt(e, 16)) : e,
  );
}

/** The last (most specific) value of an attribute, e.g. the CN. */
export function dnAttribute(dn: string, type: string): string | null {
  let found: string | null = null;
  for (const a of parseDn(dn)) if (a.type.toUpperCase() === type.toUpperCase()) found = a.value;
  return found;
}

/**
 * How people name a CA: its CN, with the organisation when the CN does not
 * already say it ("R11 (Let's Encrypt)"); the whole DN only when it has neither.
 */
export function caLabel(cn: string | null | undefined, o: string | null | undefined, dn: string): string {
  if (cn && o) return cn.toLowerCase().includes(o.toLowerCase()) ? cn : `${cn} (${o})`;
  return cn || o || dn || '(unnamed CA)';
}

export function caLabelFromDn(dn: string): string {
  return caLabel(dnAttribute(dn, 'CN'), dnAttribute(dn, 'O'), dn);
}
