// Where a certificate is kept, as one typed value: a file (by path) or an
// endpoint (by host and port). Issue state markers and SARIF fingerprints
// store it as "file:<path>" / "endpoint:<host>:<port>" — that text is a wire
// format (old issues and code-scanning alerts carry it), written and read
// back only here.
import type { Location } from '../types.js';

export type PlaceKey = { type: 'file'; path: string } | { type: 'endpoint'; host: string; port: number };

export function placeKeyOf(l: Location): PlaceKey {
  return l.type === 'file' ? { type: 'file', path: l.path } : { type: 'endpoint', host: l.host, port: l.port };
}

/** "file:certs/a.pem", "endpoint:example.com:443" (IPv6 hosts unbracketed: the port is after the last colon). */
export function encodePlaceKey(k: PlaceKey): string {
  return k.type === 'file' ? `file:${k.path}` : `endpoint:${k.host}:${k.port}`;
}

/** The place a stored key names, or null for text this module did not write. */
export function decodePlaceKey(s: string): PlaceKey | null {
  if (s.startsWith('file:')) return { type: 'file', path: s.slice('file:'.length) };
  const m = /^endpoint:(.+):(\d+)$/.exec(s);
  return m ? { type: 'endpoint', host: m[1], port: Number(m[2]) } : null;
}

export function samePlace(l: Location, k: PlaceKey): boolean {
  return l.type === 'file'
    ? k.type === 'file' && l.path === k.path
    : k.type === 'endpoint' && l.host === k.host && l.port === k.port;
}
