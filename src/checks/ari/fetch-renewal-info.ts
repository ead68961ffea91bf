// Talking ARI (RFC 9773): read the renewalInfo URL from the CA's ACME directory
// (§3; cached, never hard-coded), then GET <renewalInfo>/<certID> (§4.1) and read
// the suggested window (§4.2). Answers are kept on disk until their Retry-After
// (§4.3) so repeated runs do not hammer the CA.
import { DiskCache } from '../../net/disk-cache.js';
import { FetchError, httpFetch, type FetchFailure } from '../../net/http-fetch.js';
import { ARI_MAX_BYTES } from '../../net/limits.js';
import { oncePerKey } from '../../shared/once-per-key.js';
import { utcDate } from '../../x509/der.js';

/** §4.3: absent a usable Retry-After, check again after this long. */
export const ARI_DEFAULT_RETRY_MS = 6 * 3600_000;
/** §4.3.3 suggests clamping the server's Retry-After to sane bounds: at least a minute … */
export const ARI_MIN_RETRY_MS = 60_000;
/** … and at most a day. */
export const ARI_MAX_RETRY_MS = 24 * 3600_000;
/** The renewalInfo URL of a directory changes rarely; re-read the directory daily. */
export const ACME_DIRECTORY_CACHE_MS = 24 * 3600_000;

export interface RenewalWindow {
  start: Date;
  end: Date;
  explanationURL?: string;
}

/** Why the CA gave no usable window, as data (put into words by report/text/ari-cause.ts). */
export type AriCause =
  | { reason: 'fetch'; failure: FetchFailure }
  | { reason: 'directory-status'; directory: string; status: number }
  | { reason: 'directory-not-json'; directory: string }
  | { reason: 'no-renewal-info'; directory: string }
  /** the CA does not know the certificate (HTTP 404) */
  | { reason: 'unknown-certificate'; url: string }
  | { reason: 'renewal-info-status'; url: string; status: number }
  | { reason: 'malformed-json'; url: string }
  | { reason: 'no-window'; url: string }
  | { reason: 'window-reversed'; url: string; start: string; end: string }
  /** an error nobody foresaw: its own words */
  | { reason: 'error'; text: string };

/** An ARI problem, with how loud it should be: 404 (CA does not know the certificate) is a notice. */
export class AriError extends Error {
  constructor(
    readonly why: AriCause,
    readonly severity: 'notice' | 'warning',
  ) {
    super(`ARI problem: ${why.reason}`);
  }
  /** the network policy kept certwatch from asking (net/address-policy.ts): not the CA's failure */
  get refused(): boolean {
    return this.why.reason === 'fetch' && this.why.failure.reason === 'refused';
  }
}

/** A failed request as a cause: the HTTP status the CA answered with (`status` words it), or the fetch's failure. */
function requestFailed(e: unknown, status: (status: number) => AriCause): AriCause {
  if (!(e instanceof FetchError)) return { reason: 'error', text: (e as Error).message };
  return e.status ? status(e.status) : { reason: 'fetch', failure: e.failure };
}

export interface AriClientOptions {
  cacheDir?: string; // absolute
  timeoutMs: number;
  deadline: number;
}

interface CachedWindow {
  url: string;
  until: number; // wall clock ms: reuse before this
  start: string;
  end: string;
  explanationURL?: string;
}

/** Retry-After: delay-seconds or an HTTP-date (RFC 9110 §10.2.3), clamped. */
export function retryAfterMs(header: string | string[] | undefined, nowMs = Date.now()): number {
  const v = Array.isArray(header) ? header[0] : header;
  let ms = NaN;
  if (v && /^\s*\d+\s*$/.test(v)) ms = Number(v) * 1000;
  else if (v) ms = Date.parse(v) - nowMs;
  if (!Number.isFinite(ms)) return ARI_DEFAULT_RETRY_MS;
  return Math.min(ARI_MAX_RETRY_MS, Math.max(ARI_MIN_RETRY_MS, ms));
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * An RFC 3339 timestamp (RFC 9773 §4.2 requires them), or null. `new Date()` would
 * also take "2026", "12/01/2026" or "Tuesday" and guess; a CA's window is not a guess.
 */
export function parseRfc3339(s: string): Date | null {
  const m = RFC3339.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const mdays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (!mdays || d < 1 || d > mdays || h > 23 || mi > 59 || sec > 60) return null;
  const date = utcDate(y, mo, d, h, mi, Math.min(sec, 59));
  date.setUTCMilliseconds(m[7] ? Math.floor(Number(m[7]) * 1000) : 0);
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    date.setTime(date.getTime() - (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000);
  }
  return date;
}

/** The suggestedWindow of a renewalInfo answer (§4.2), or why it is unusable. */
export function parseRenewalInfo(body: Buffer, url: string): RenewalWindow {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new AriError({ reason: 'malformed-json', url }, 'warning');
  }
  const w = (json as { suggestedWindow?: { start?: unknown; end?: unknown } })?.suggestedWindow;
  const start = typeof w?.start === 'string' ? parseRfc3339(w.start) : null;
  const end = typeof w?.end === 'string' ? parseRfc3339(w.end) : null;
  if (!start || !end) {
    throw new AriError({ reason: 'no-window', url }, 'warning');
  }
  if (end.getTime() < start.getTime()) {
    throw new AriError(
      { reason: 'window-reversed', url, start: start.toISOString(), end: end.toISOString() },
      'warning',
    );
  }
  const expl = (json as { explanationURL?: unknown }).explanationURL;
  const out: RenewalWindow = { start, end };
  if (typeof expl === 'string' && /^https?:\/\//i.test(expl)) out.explanationURL = expl;
  return out;
}

export class AriClient {
  private readonly directories = new Map<string, Promise<string>>();
  private readonly windows = new Map<string, Promise<RenewalWindow>>();

  private readonly cache: DiskCache;

  constructor(private readonly o: AriClientOptions) {
    this.cache = new DiskCache(o.cacheDir, 'ari');
  }

  private fetch(url: string, what: string) {
    return httpFetch(url, {
      what,
      timeoutMs: this.o.timeoutMs,
      deadline: this.o.deadline,
      maxBytes: ARI_MAX_BYTES,
      headers: { accept: 'application/json' },
    });
  }

  private cachePath(kind: string, key: string): string | null {
    return this.cache.file(key, '.json', `${kind}-`);
  }

  /** The directory's renewalInfo URL; one request per directory per run. */
  renewalInfoUrl(directory: string): Promise<string> {
    return oncePerKey(this.directories, directory, () => this.loadDirectory(directory));
  }

  private async loadDirectory(directory: string): Promise<string> {
    const path = this.cachePath('directory', directory);
    const cached = (await this.cache.readJson(path)) as { url: string; renewalInfo: string; at: number } | null;
    if (
      cached &&
      cached.url === directory &&
      Date.now() - cached.at < ACME_DIRECTORY_CACHE_MS &&
      typeof cached.renewalInfo === 'string'
    )
      return cached.renewalInfo;
    let body: Buffer;
    try {
      body = (await this.fetch(directory, 'reading ACME directory')).body;
    } catch (e) {
      throw new AriError(
        requestFailed(e, (status) => ({ reason: 'directory-status', directory, status })),
        'warning',
      );
    }
    let renewalInfo: unknown;
    try {
      renewalInfo = (JSON.parse(body.toString('utf8')) as { renewalInfo?: unknown }).renewalInfo;
    } catch {
      throw new AriError({ reason: 'directory-not-json', directory }, 'warning');
    }
    if (typeof renewalInfo !== 'string' || !/^https?:\/\//i.test(renewalInfo)) {
      throw new AriError({ reason: 'no-renewal-info', directory }, 'notice');
    }
    await this.cache.writeJson(path, { url: directory, renewalInfo, at: Date.now() });
    return renewalInfo;
  }

  /** The suggested window for one certificate ID (§4.1), from the disk cache while its Retry-After lasts. */
  window(directory: string, certId: string): Promise<RenewalWindow> {
    const key = `${directory}\n${certId}`;
    return oncePerKey(this.windows, key, () => this.loadWindow(directory, certId));
  }

  private async loadWindow(directory: string, certId: string): Promise<RenewalWindow> {
    const base = await this.renewalInfoUrl(directory);
    const url = `${base.replace(/\/+$/, '')}/${certId}`;
    const path = this.cachePath('window', url);
    const cached = (await this.cache.readJson(path)) as CachedWindow | null;
    if (cached && cached.url === url && Date.now() < cached.until) {
      return { start: new Date(cached.start), end: new Date(cached.end), explanationURL: cached.explanationURL };
    }
    let res;
    try {
      res = await this.fetch(url, 'reading renewalInfo');
    } catch (e) {
      if (e instanceof FetchError && e.status === 404)
        throw new AriError({ reason: 'unknown-certificate', url }, 'notice');
      if (e instanceof FetchError && e.kind === 'deadline')
        throw new AriError({ reason: 'fetch', failure: e.failure }, 'notice');
      throw new AriError(
        requestFailed(e, (status) => ({ reason: 'renewal-info-status', url, status })),
        'warning',
      );
    }
    const w = parseRenewalInfo(res.body, url);
    const until = Date.now() + retryAfterMs(res.headers['retry-after']);
    await this.cache.writeJson(path, {
      url,
      until,
      start: w.start.toISOString(),
      end: w.end.toISOString(),
      explanationURL: w.explanationURL,
    } satisfies CachedWindow);
    return w;
  }
}
