// Endpoint specifications as users type them ("example.com", "[::1]:8443",
// "smtp://mail.example.com") → host, port, protocol and STARTTLS dialect.
// The URL scheme names the protocol, so it decides both the default port and
// whether TLS starts at the first byte or after a plaintext STARTTLS dialogue.
import { isIP, isIPv6 } from 'node:net';
import type { StartTlsProtocol } from '../../types.js';

export class EndpointSpecError extends Error {}

interface SchemeInfo {
  port: number;
  starttls?: StartTlsProtocol;
}

// Default ports: IANA service names registry; STARTTLS schemes upgrade a plaintext port,
// the "s" schemes speak TLS from the first byte (implicit TLS).
const SCHEMES: Record<string, SchemeInfo> = {
  tls: { port: 443 },
  https: { port: 443 },
  smtps: { port: 465 },
  imaps: { port: 993 },
  pop3s: { port: 995 },
  ldaps: { port: 636 },
  ftps: { port: 990 },
  smtp: { port: 25, starttls: 'smtp' },
  submission: { port: 587, starttls: 'smtp' },
  imap: { port: 143, starttls: 'imap' },
  pop3: { port: 110, starttls: 'pop3' },
  ftp: { port: 21, starttls: 'ftp' },
  ldap: { port: 389, starttls: 'ldap' },
  postgres: { port: 5432, starttls: 'postgres' },
  postgresql: { port: 5432, starttls: 'postgres' },
  xmpp: { port: 5222, starttls: 'xmpp' },
};

/** The default port of a protocol or STARTTLS dialect name ("smtp"→25, "imaps"→993, "https"→443). */
export function defaultPort(protocol: string): number {
  const info = SCHEMES[protocol.toLowerCase()];
  if (!info) throw new EndpointSpecError(`unknown protocol "${protocol}" (known: ${Object.keys(SCHEMES).join(', ')})`);
  return info.port;
}

// RFC 1123 host names; underscores are tolerated because internal DNS uses them.
const HOSTNAME =
  /^(?=.{1,253}\.?$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;

function parsePort(text: string, spec: string): number {
  if (!/^\d{1,5}$/.test(text)) throw new EndpointSpecError(`endpoint "${spec}": port "${text}" is not a number`);
  const port = Number(text);
  if (port < 1 || port > 65535) throw new EndpointSpecError(`endpoint "${spec}": port ${port} is outside 1–65535`);
  return port;
}

function checkHost(host: string, spec: string): string {
  if (host === '') throw new EndpointSpecError(`endpoint "${spec}" has no host`);
  if (isIP(host)) return host.toLowerCase();
  if (!HOSTNAME.test(host))
    throw new EndpointSpecError(`endpoint "${spec}": "${host}" is not a valid host name or IP address`);
  return host.toLowerCase().replace(/\.$/, '');
}

/** Split "host", "host:port", "[v6]:port" or a bare IPv6 literal. */
function parseAuthority(authority: string, spec: string): { host: string; port?: number } {
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) throw new EndpointSpecError(`endpoint "${spec}": "[" without a closing "]"`);
    const host = authority.slice(1, close);
    if (!isIPv6(host))
      throw new EndpointSpecError(`endpoint "${spec}": "${host}" inside brackets is not an IPv6 address`);
    const rest = authority.slice(close + 1);
    if (rest === '') return { host: host.toLowerCase() };
    if (!rest.startsWith(':')) throw new EndpointSpecError(`endpoint "${spec}": unexpected "${rest}" after "]"`);
    return { host: host.toLowerCase(), port: parsePort(rest.slice(1), spec) };
  }
  const colons = authority.split(':').length - 1;
  if (colons > 1) {
    if (isIPv6(authority)) return { host: authority.toLowerCase() };
    throw new EndpointSpecError(`endpoint "${spec}": an IPv6 address with a port needs brackets, e.g. "[::1]:443"`);
  }
  if (colons === 1) {
    const [host, port] = authority.split(':');
    return { host: checkHost(host, spec), port: parsePort(port, spec) };
  }
  return { host: checkHost(authority, spec) };
}

/**
 * "host", "host:port", "[::1]:8443", "https://h:8443/x", "smtp://h" … → parts.
 * Bare forms are generic TLS on 443 unless a port says otherwise.
 */
export function parseEndpointSpec(spec: string): {
  host: string;
  port: number;
  protocol: string;
  starttls?: StartTlsProtocol;
} {
  const text = spec.trim();
  if (text === '') throw new EndpointSpecError('empty endpoint');
  if (/\s/.test(text)) throw new EndpointSpecError(`endpoint "${spec}" contains whitespace`);
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  let protocol = 'tls';
  let rest = text;
  if (schemeMatch) {
    protocol = schemeMatch[1].toLowerCase();
    if (!SCHEMES[protocol]) {
      throw new EndpointSpecError(
        `endpoint "${spec}": unknown scheme "${protocol}://" (known: ${Object.keys(SCHEMES)
          .map((s) => s + '://')
          .join(' ')})`,
      );
    }
    rest = text.slice(schemeMatch[0].length);
  } else if (/^[a-z][a-z0-9+.-]*:\/[^/]/i.test(text)) {
    throw new EndpointSpecError(`endpoint "${spec}": malformed URL (expected "scheme://host")`);
  }
  // Path, query and fragment do not matter for a TLS probe.
  let authority = rest.split(/[/?#]/, 1)[0];
  // Credentials in a URL are never used (and must not be echoed back).
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  const { host, port } = parseAuthority(authority, spec);
  const info = SCHEMES[protocol];
  return { host, port: port ?? info.port, protocol, ...(info.starttls ? { starttls: info.starttls } : {}) };
}
