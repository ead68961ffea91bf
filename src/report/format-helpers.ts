// Small pieces shared by the text, markdown and annotation reporters.
import type { Location } from '../types.js';
import type { ReportCertificate } from './report-types.js';
import { readableTime } from '../checks/readable-time.js';

export function locationText(l: Location): string {
  if (l.type === 'file') {
    // The key path says where in a config file; a keystore entry is already in the detail.
    const inside = [l.detail, l.key && !l.detail?.includes(l.key) ? l.key : undefined].filter(Boolean).join(', ');
    return `${l.path}:${l.line}${inside ? ` (${inside})` : ''}${l.excluded ? ' [not judged]' : ''}`;
  }
  // Name what was asked for (SNI) first; the address only when it adds something.
  const name = l.servername ?? l.host;
  const host = name.includes(':') ? `[${name}]` : name;
  const addr = l.address && l.address !== name ? ` @${l.address}` : '';
  const proto = l.protocol && !['tls', 'https'].includes(l.protocol) ? `${l.protocol}://` : '';
  const chain = l.chainIndex ? ` (chain #${l.chainIndex})` : '';
  return `${proto}${host}:${l.port}${addr}${chain}`;
}

export function issuerName(c: ReportCertificate): string {
  if (c.issuerO && c.issuerCN) return `${c.issuerCN} (${c.issuerO})`;
  return c.issuerCN ?? c.issuerO ?? c.issuer;
}

/** Whole days from `now` to notAfter: 0 = expires within a day, negative = expired. */
export function daysLeft(notAfter: string, now: string | Date): number {
  // trunc, not floor: "expired 2 days ago" in a message must read -2 here, not -3.
  const from = typeof now === 'string' ? Date.parse(now) : now.getTime();
  return Math.trunc((Date.parse(notAfter) - from) / 86_400_000);
}

/** A report instant as a person reads it: "2026-11-22 03:00 UTC" (the JSON keeps the exact one). */
export function readableInstant(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : readableTime(new Date(t));
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
