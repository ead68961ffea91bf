// Credentials in proxy URLs (HTTPS_PROXY=http://user:password@proxy:3128) are
// secrets: they must never be printed, and the action masks them in the log.
// People write them unencoded ("S3cr3t#x"), which no URL parser reads as
// meant — a '#' starts the fragment, so the password lands in the host or
// port and then in the parser's error — so the user-info part is found here
// by hand: everything between "scheme://" and the last '@' of the value.

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

function userInfo(raw: string): { start: number; end: number } | null {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw);
  const start = scheme ? scheme[0].length : 0;
  const end = raw.lastIndexOf('@');
  return end > start ? { start, end } : null;
}

/** The proxy value as it may be shown: user name and password replaced by "***". */
export function redactProxyUrl(raw: string): string {
  const u = userInfo(raw);
  return u ? `${raw.slice(0, u.start)}***${raw.slice(u.end)}` : raw;
}

/** Every form a proxy credential could be printed in: the user-info, the password, raw and decoded. */
export function proxySecrets(env: NodeJS.ProcessEnv): string[] {
  const out = new Set<string>();
  for (const name of PROXY_VARIABLES) {
    const raw = env[name]?.trim();
    const u = raw ? userInfo(raw) : null;
    if (!raw || !u) continue;
    const info = raw.slice(u.start, u.end);
    const colon = info.indexOf(':');
    for (const s of [info, colon >= 0 ? info.slice(colon + 1) : '']) {
      if (!s) continue;
      out.add(s);
      try {
        out.add(decodeURIComponent(s));
      } catch {
        // not percent-encoded: the raw form is enough
      }
    }
  }
  return [...out];
}
