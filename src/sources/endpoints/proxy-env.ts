// Which proxy, if any, a probe goes through: HTTPS_PROXY / https_proxy unless
// NO_PROXY / no_proxy exempts the host. Semantics follow curl's, which most
// CI runners document: comma-separated entries, "*" for everything, a leading
// "." or "*." optional (an entry matches the name and its subdomains), an
// optional ":port", and CIDR blocks for IP literals.
import { BlockList, isIP } from 'node:net';
import { redactProxyUrl } from '../../net/proxy-credentials.js';
import type { ProxyConfigProblem } from './probe-cause.js';

/** HTTPS_PROXY cannot be used; `problem` says why (report/text/probe-cause.ts words it). */
export class ProxyConfigError extends Error {
  constructor(readonly problem: ProxyConfigProblem) {
    super(`HTTPS_PROXY cannot be used: ${problem.problem}`);
  }
}

function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name] ?? env[name.toLowerCase()];
  return v && v.trim() !== '' ? v.trim() : undefined;
}

function matchesEntry(entry: string, host: string, port: number): boolean {
  let e = entry.trim().toLowerCase();
  if (e === '') return false;
  if (e === '*') return true;
  // "[v6]:port", "v4:port", "name:port"
  let entryPort: number | undefined;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(e);
  if (bracket) {
    e = bracket[1];
    entryPort = bracket[2] ? Number(bracket[2]) : undefined;
  } else if (!isIP(e) && /:\d+$/.test(e) && !e.includes('/')) {
    entryPort = Number(e.slice(e.lastIndexOf(':') + 1));
    e = e.slice(0, e.lastIndexOf(':'));
  }
  if (entryPort !== undefined && entryPort !== port) return false;
  const hostFamily = isIP(host);
  if (e.includes('/') && hostFamily) {
    const [net, bits] = e.split('/');
    const fam = isIP(net);
    if (!fam || fam !== hostFamily) return false;
    const list = new BlockList();
    try {
      list.addSubnet(net, Number(bits), fam === 4 ? 'ipv4' : 'ipv6');
    } catch {
      return false;
    }
    return list.check(host, fam === 4 ? 'ipv4' : 'ipv6');
  }
  if (isIP(e)) return e === host.toLowerCase();
  const suffix = e.replace(/^\*?\./, '');
  const h = host.toLowerCase();
  return h === suffix || h.endsWith('.' + suffix);
}

/** Whether NO_PROXY / no_proxy exempts host:port from the proxy. */
export function noProxyExempts(host: string, port: number, env: NodeJS.ProcessEnv): boolean {
  const noProxy = envValue(env, 'NO_PROXY');
  return !!noProxy && noProxy.split(/[,\s]+/).some((entry) => matchesEntry(entry, host, port));
}

/** The proxy URL to CONNECT through for host:port, or undefined for a direct connection. */
export function proxyFor(host: string, port: number, env: NodeJS.ProcessEnv): URL | undefined {
  const raw = envValue(env, 'HTTPS_PROXY');
  if (!raw) return undefined;
  if (noProxyExempts(host, port, env)) return undefined;
  let url: URL;
  try {
    // "proxy:3128" without a scheme is common in the wild; curl assumes http://.
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    // Never echo the value: it may hold a password (see proxy-credentials.ts).
    throw new ProxyConfigError({ problem: 'not-a-url', value: redactProxyUrl(raw), credentials: raw.includes('@') });
  }
  if (url.protocol !== 'http:') throw new ProxyConfigError({ problem: 'not-http', protocol: url.protocol });
  if (url.hostname.includes('@') || /[#?]/.test(raw.slice(0, raw.lastIndexOf('@') + 1))) {
    // Parsed, but not as meant: an unencoded '#' or '?' in the password cut it short.
    throw new ProxyConfigError({ problem: 'unencoded-credentials', value: redactProxyUrl(raw) });
  }
  return url;
}
