// Whether an http(s) URL goes through a proxy, the way undici's
// EnvHttpProxyAgent decides it (http: HTTP_PROXY; https: HTTPS_PROXY, else
// HTTP_PROXY; NO_PROXY exempts), so the public-only policy knows whether a
// connection is made by us (the address can be re-checked when connecting) or by
// the proxy (which resolves names itself).
import { noProxyExempts } from '../sources/endpoints/proxy-env.js';

function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name] ?? env[name.toLowerCase()];
  return v && v.trim() !== '' ? v.trim() : undefined;
}

export function proxyForUrl(url: string, env: NodeJS.ProcessEnv): string | undefined {
  const u = new URL(url);
  const proxy =
    u.protocol === 'https:'
      ? (envValue(env, 'HTTPS_PROXY') ?? envValue(env, 'HTTP_PROXY'))
      : envValue(env, 'HTTP_PROXY');
  if (!proxy) return undefined;
  const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
  return noProxyExempts(u.hostname.replace(/^\[|\]$/g, ''), port, env) ? undefined : proxy;
}
