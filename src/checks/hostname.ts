// Does a leaf certificate cover the name we connected to? RFC 6125 §6 over the
// typed subjectAltNames (RFC 5280 §4.2.1.6): an address is matched only against
// iPAddress entries, a host name only against dNSName entries.
// Written here instead of calling Node's tls.checkServerIdentity: that takes the
// names as one comma-separated string, so a single dNSName holding
// "a.invalid, DNS:www.example.test" turns into two names (the class of Node's
// CVE-2021-44533), and it re-types names with isIP(), so a dNSName "127.0.0.1"
// would cover the address 127.0.0.1. Here each name keeps the type it was issued with.
import { isIP } from 'node:net';
import type { CertificateRecord } from '../types.js';

/** Whether the leaf covers `name`, and if not why (in words in report/text/chain-cause.ts). */
export type HostnameVerdict = { name: string } & ({ ok: true } | { ok: false; cause: HostnameCause });

/**
 * Why a leaf does not cover the name probed, with the facts a sentence needs:
 * `name` as probed, `covers` the subjectAltName values as issued (each one name,
 * whatever it holds).
 */
export type HostnameCause =
  /** no DNS or IP subjectAltName (`sanMalformed`: the extension is there but does not parse) */
  | { reason: 'no-subject-alt-name'; name: string; subjectCN?: string; sanMalformed: boolean }
  /** an address probed, named by the certificate only as a dNSName */
  | { reason: 'address-as-dns-name'; name: string; covers: string[] }
  | { reason: 'address-not-covered'; name: string; covers: string[] }
  /** `partialWildcard`: a name like f*.example.com, which browsers do not honour */
  | { reason: 'name-not-covered'; name: string; covers: string[]; partialWildcard?: string }
  | { reason: 'leaf-unparseable'; name: string };

/** An IP address as 16 (v6) or 4 (v4) bytes in hex, so "2001:DB8::1" and "2001:db8:0:0:0:0:0:1" compare equal. */
function ipKey(text: string): string | null {
  const v = isIP(text);
  if (v === 4)
    return text
      .split('.')
      .map((o) => Number(o).toString(16).padStart(2, '0'))
      .join('');
  if (v !== 6) return null;
  let s = text.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s); // "::ffff:192.0.2.1"
  if (v4) {
    const b = v4[1].split('.').map(Number);
    s = s.slice(0, -v4[1].length) + `${((b[0] << 8) | b[1]).toString(16)}:${((b[2] << 8) | b[3]).toString(16)}`;
  }
  const [head, tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.map((g) => g.padStart(4, '0')).join('');
}

function labels(name: string): string[] {
  return name.toLowerCase().replace(/\.$/, '').split('.');
}

/**
 * RFC 6125 §6.4: labels compared case-insensitively, a trailing dot ignored; a
 * wildcard only as the whole leftmost label ("*.example.com"), matching exactly one
 * label, never a public suffix on its own ("*.com"). Partial wildcards ("f*.example.com")
 * are not honoured, as browsers do not honour them. Names with blanks, controls or
 * non-ASCII bytes never match: nothing good comes of accepting them.
 */
export function dnsNameMatches(pattern: string, host: string): boolean {
  const p = labels(pattern);
  const h = labels(host);
  if (p.length !== h.length || p.includes('') || h.includes('')) return false;
  if (p.some((l) => /[^\x21-\x7e]/.test(l))) return false;
  for (let i = 1; i < p.length; i++) if (p[i] !== h[i]) return false;
  if (p[0] === '*') return p.length > 2 && !h[0].startsWith('xn--');
  return p[0] === h[0];
}

export function checkHostname(leaf: CertificateRecord, name: string): HostnameVerdict {
  const sans = leaf.subjectAltNames;
  if (!sans.length) {
    // Node's check falls back to the subject CN when there is no DNS/IP SAN; Chrome
    // (since 58), Go (since 1.15) and the CA/B Forum rules do not, so a CN-only
    // certificate that "passed" here is an outage for those clients.
    return {
      name,
      ok: false,
      cause: {
        reason: 'no-subject-alt-name',
        name,
        ...(leaf.subjectCN !== undefined ? { subjectCN: leaf.subjectCN } : {}),
        sanMalformed: leaf.unreadableExtensions.includes('subjectAltName'),
      },
    };
  }
  const covers = sans.map((n) => n.value);
  const want = ipKey(name);
  if (want !== null) {
    if (sans.some((n) => n.type === 'iPAddress' && ipKey(n.value) === want)) return { name, ok: true };
    const asDns = sans.some((n) => n.type === 'dNSName' && ipKey(n.value) === want);
    return { name, ok: false, cause: { reason: asDns ? 'address-as-dns-name' : 'address-not-covered', name, covers } };
  }
  if (sans.some((n) => n.type === 'dNSName' && dnsNameMatches(n.value, name))) return { name, ok: true };
  const partial = sans.find((n) => n.type === 'dNSName' && n.value.includes('*') && !/^\*\.[^*]+$/.test(n.value));
  return {
    name,
    ok: false,
    cause: { reason: 'name-not-covered', name, covers, ...(partial ? { partialWildcard: partial.value } : {}) },
  };
}
