// The one HTTP client used for revocation and renewal data (CRLs, OCSP, AIA
// issuers, ACME directories and renewalInfo). Every call is bounded three ways:
// a deadline after which nothing new starts, timeouts (headers, idle body, whole
// transfer), and a byte cap that aborts the stream as soon as it is exceeded.
// Proxies come from HTTP_PROXY / HTTPS_PROXY / NO_PROXY via undici's
// EnvHttpProxyAgent, so runners behind a corporate proxy work unchanged.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent, EnvHttpProxyAgent, interceptors, request, type Dispatcher } from 'undici';
import { createWriteStream } from 'node:fs';
import { MAX_REDIRECTS } from './limits.js';
import { refusal, refusalOf, type AddressRefusal, type NetworkGuard } from './address-policy.js';
import { proxyForUrl } from './proxy-for-url.js';

export interface FetchOptions {
  /** Per-operation timeout: waiting for headers, and the longest silence while reading the body. */
  timeoutMs: number;
  /** Abort (and fail) once the body grows past this many bytes. */
  maxBytes: number;
  /** Epoch ms (wall clock): a fetch is not started after it. */
  deadline?: number;
  /** The whole transfer, headers to last byte; defaults to timeoutMs. */
  totalTimeoutMs?: number;
  method?: 'GET' | 'POST';
  body?: Buffer;
  headers?: Record<string, string>;
  /** What is being attempted, for messages: "fetching CRL". Defaults to "fetching". */
  what?: string;
  /** The URL as messages name it, when the real one is noise (an OCSP GET carries the whole request in its path). */
  shownUrl?: string;
  /** Statuses besides 2xx that are returned instead of thrown (e.g. 304). */
  acceptStatus?: number[];
}

export interface FetchResult {
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export type FetchErrorKind = 'deadline' | 'scheme' | 'http' | 'timeout' | 'too-large' | 'network' | 'refused';

/** Why a URL is not fetched at all (only http and https are). */
export type UrlRefusal = { reason: 'invalid-url'; url: string } | { reason: 'scheme'; scheme: string };

/**
 * What went wrong, as data (Go's `url.Error` style): put into words once, by
 * report/text/fetch-failure.ts, where findings about fetches are written.
 */
export type FetchProblem =
  | { reason: 'not-fetchable'; refusal: UrlRefusal }
  | { reason: 'redirect-scheme'; scheme: string }
  | { reason: 'not-started' }
  | { reason: 'deadline-passed'; bytes: number }
  | { reason: 'http-status'; status: number }
  | { reason: 'declared-too-large'; status: number; bytes: number; maxBytes: number }
  | { reason: 'too-large'; status: number; bytes: number; maxBytes: number }
  | { reason: 'budget-used-up'; status: number; maxTotalBytes: number }
  /** the whole exchange took longer than `limitMs` (our own timer) */
  | { reason: 'timeout'; limitMs: number }
  | { reason: 'headers-timeout' }
  | { reason: 'body-timeout' }
  | { reason: 'connect-timeout' }
  /** a transport error: its code (ECONNREFUSED, ENOTFOUND…) and its own words, code and message as given */
  | { reason: 'network'; code?: string; detail: string }
  | { reason: 'write-failed'; file: string; detail: string }
  /** the network policy (address-policy.ts) kept certwatch from asking; `redirectedTo`: the hop refused */
  | { reason: 'refused'; refusal: AddressRefusal; redirectedTo?: string };

/** A failed fetch: what was attempted ("fetching CRL"), the URL as messages name it, and what went wrong. */
export type FetchFailure = FetchProblem & {
  action: string;
  url: string;
  /** an OCSP POST that failed after the GET tried first (net/fetch-ocsp.ts) */
  afterGet?: OcspGetProblem;
};

/** Why the OCSP GET tried first was given up for a POST. */
export type OcspGetProblem = { reason: 'not-successful' } | { reason: 'fetch'; failure: FetchFailure };

const KIND: Record<FetchProblem['reason'], FetchErrorKind> = {
  'not-fetchable': 'scheme',
  'redirect-scheme': 'scheme',
  'not-started': 'deadline',
  'deadline-passed': 'deadline',
  'http-status': 'http',
  'declared-too-large': 'too-large',
  'too-large': 'too-large',
  'budget-used-up': 'too-large',
  timeout: 'timeout',
  'headers-timeout': 'timeout',
  'body-timeout': 'timeout',
  'connect-timeout': 'timeout',
  network: 'network',
  'write-failed': 'network',
  refused: 'refused',
};

export class FetchError extends Error {
  readonly kind: FetchErrorKind;
  /** the response's status, when one arrived */
  readonly status?: number;
  constructor(
    readonly failure: FetchFailure,
    /** the URL requested (the hop that failed, after redirects) */
    readonly url: string,
    readonly headers?: Record<string, string | string[] | undefined>,
  ) {
    // For logs and stack traces only: findings say it in words from `failure`.
    super(`${failure.action} ${failure.url}: ${failure.reason}`);
    this.kind = KIND[failure.reason];
    if ('status' in failure) this.status = failure.status;
  }
}

let dispatcher: Dispatcher | undefined;
// The run's network policy (address-policy.ts) and its download budget: set once per run by configureHttp.
let guard: NetworkGuard | undefined;
let guardedDirect: Dispatcher | undefined;
let guardedProxied: Dispatcher | undefined;
let bytesRead = 0;

/** The run's policy: which addresses may be contacted, and how many bytes all fetches may read together. */
export function configureHttp(g: NetworkGuard | undefined): void {
  guard = g;
  bytesRead = 0;
}

/** What a fetch is, as a failure names it: "fetching CRL" and the URL shown. */
interface Attempt {
  action: string;
  url: string;
}

/** A FetchError for `url` (the hop requested) saying what went wrong with the attempt. */
function fetchFailed(at: Attempt, problem: FetchProblem, url: string, headers?: FetchError['headers']): FetchError {
  return new FetchError({ ...problem, action: at.action, url: at.url }, url, headers);
}

/** Count bytes against the run's budget; throws once it is used up. */
function spend(n: number, at: Attempt, url: string, status: number): void {
  bytesRead += n;
  if (guard && bytesRead > guard.maxTotalBytes)
    throw fetchFailed(at, { reason: 'budget-used-up', status, maxTotalBytes: guard.maxTotalBytes }, url);
}

/**
 * Under a public-only policy: the name is resolved again when connecting and
 * every answer must still be public, so a name that changes its answer between
 * our check and the connection (DNS rebinding) gains nothing.
 */
function guardedLookup(g: NetworkGuard) {
  return (
    hostname: string,
    options: LookupOptions,
    callback: (err: NodeJS.ErrnoException | null, address?: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err);
      for (const a of addresses) {
        const why = refusalOf(hostname, a.address, g);
        if (why)
          return callback(Object.assign(new Error('not contacted'), { code: 'ECERTWATCH_REFUSED', refusal: why }));
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]?.address, addresses[0]?.family);
    });
  };
}

/**
 * The dispatcher for one hop under a public-only policy: redirects are followed
 * by hand (each hop checked), direct connections re-check the address. Behind a
 * proxy the proxy resolves names, so only the check before the request applies.
 */
function guardedAgent(url: string, g: NetworkGuard): Dispatcher {
  if (proxyForUrl(url, process.env)) {
    guardedProxied ??= new EnvHttpProxyAgent({ connections: 16, proxyTunnel: false });
    return guardedProxied;
  }
  guardedDirect ??= new Agent({ connections: 16, connect: { lookup: guardedLookup(g) } as never });
  return guardedDirect;
}

/** Created on first use so that proxy variables set by the caller before the run are honoured. */
function agent(): Dispatcher {
  // proxyTunnel: false — plain-http URLs (most CRL and OCSP URLs) go to the proxy
  // as absolute-form requests, as curl does; many proxies (Squid by default)
  // refuse CONNECT to port 80. https URLs are still tunnelled with CONNECT.
  dispatcher ??= new EnvHttpProxyAgent({ connections: 16, proxyTunnel: false }).compose(
    interceptors.redirect({ maxRedirections: MAX_REDIRECTS }),
  );
  return dispatcher;
}

/** Close pooled connections (end of run, tests). The next fetch creates a fresh agent. */
export async function closeHttp(): Promise<void> {
  const all = [dispatcher, guardedDirect, guardedProxied];
  dispatcher = guardedDirect = guardedProxied = undefined;
  for (const d of all) if (d) await d.close().catch(() => undefined);
}

/** Only http(s): LDAP and file URLs in CRL distribution points are skipped, not followed. */
export function fetchableUrl(url: string): UrlRefusal | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { reason: 'invalid-url', url };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return { reason: 'scheme', scheme: u.protocol.replace(/:$/, '') };
  return null;
}

/**
 * The one byte count for both ways of reading a body: `n` more bytes arrived,
 * `received` in all for this response. Its own cap first, then the run's
 * download budget; past either, a FetchError (the caller drops the body).
 */
function admit(n: number, received: number, maxBytes: number, at: Attempt, url: string, status: number): void {
  if (received > maxBytes) throw fetchFailed(at, { reason: 'too-large', status, bytes: received, maxBytes }, url);
  spend(n, at, url, status);
}

export async function httpFetch(url: string, o: FetchOptions): Promise<FetchResult> {
  const open = await openResponse(url, o, o.totalTimeoutMs ?? o.timeoutMs);
  const { res, at, ac, declared } = open;
  try {
    // Preallocate when the size is announced: a 100 MB CRL is then held once, not twice.
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body) {
        const b = chunk as Buffer;
        size += b.length;
        try {
          admit(b.length, size, o.maxBytes, at, url, res.statusCode);
        } catch (e) {
          discard(res.body);
          throw e;
        }
        chunks.push(b);
      }
    } catch (e) {
      if (e instanceof FetchError) throw e;
      throw describe(e, at, url, ac);
    }
    let body: Buffer;
    if (Number.isFinite(declared) && declared === size && chunks.length > 1) {
      body = Buffer.allocUnsafe(size);
      let p = 0;
      for (const c of chunks) {
        c.copy(body, p);
        p += c.length;
      }
    } else body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
    return { url, status: res.statusCode, headers: res.headers, body };
  } finally {
    open.close();
  }
}

export interface StreamResult {
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /**
   * Write the body to `file` as it arrives; resolves with the byte count. Throws a
   * FetchError past maxBytes, on a stall (the idle timeout) or at `deadline`.
   */
  saveTo(file: string, o?: { deadline?: number }): Promise<number>;
  /** Drop the body unread (a 304, or the caller changed its mind). */
  cancel(): void;
}

/**
 * A response body too big to hold (a CA's incident list can be gigabytes), saved
 * to a file: no whole-transfer timeout — a long download is fine while bytes keep
 * coming (the idle timeout catches a stall) — and maxBytes counts bytes received.
 *
 * The body is consumed in flowing mode, never paused by us: undici 7 throws an
 * uncatchable AssertionError when the server closes the connection while it
 * holds a paused body (nodejs/undici#5360, fixed only in undici 8, which needs
 * Node 22). Disk is faster than the network, so the write queue stays short;
 * parsing happens afterwards, from the file.
 */
export async function httpStream(url: string, o: FetchOptions): Promise<StreamResult> {
  const open = await openResponse(url, o, o.totalTimeoutMs);
  const { res, at, ac } = open;
  const cancel = () => {
    discard(res.body);
    open.close();
  };
  const saveTo = (file: string, so: { deadline?: number } = {}) =>
    new Promise<number>((resolve, reject) => {
      const out = createWriteStream(file);
      let size = 0;
      let failed = false;
      const fail = (e: Error) => {
        if (failed) return;
        failed = true;
        clearInterval(watch);
        cancel();
        out.destroy();
        reject(e);
      };
      // The run's deadline, checked while bytes flow (a stalled body is the idle timeout's job).
      const watch = setInterval(() => {
        if (so.deadline !== undefined && Date.now() > so.deadline)
          fail(fetchFailed(at, { reason: 'deadline-passed', bytes: size }, url));
      }, 250);
      watch.unref();
      res.body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        try {
          admit(chunk.length, size, o.maxBytes, at, url, res.statusCode);
        } catch (e) {
          return fail(e as Error);
        }
        out.write(chunk);
      });
      res.body.on('error', (e) => fail(e instanceof FetchError ? e : describe(e, at, url, ac)));
      out.on('error', (e) =>
        fail(
          fetchFailed(
            at,
            { reason: 'write-failed', file, detail: (e as NodeJS.ErrnoException).code ?? e.message },
            url,
          ),
        ),
      );
      res.body.on('end', () => {
        clearInterval(watch);
        open.close();
        out.end(() => (failed ? undefined : resolve(size)));
      });
    });
  return { url, status: res.statusCode, headers: res.headers, saveTo, cancel };
}

/** Why our own timer aborted a request: the limit it enforced. */
class TimeLimit extends Error {
  constructor(readonly limitMs: number) {
    super(`no complete answer within ${limitMs} ms`);
  }
}

interface OpenResponse {
  res: Dispatcher.ResponseData;
  at: Attempt;
  ac: AbortController;
  declared: number;
  close(): void;
}

/** Request, wait for headers, refuse bad statuses and announced oversize bodies. */
async function openResponse(url: string, o: FetchOptions, totalMs: number | undefined): Promise<OpenResponse> {
  const at: Attempt = { action: o.what ?? 'fetching', url: o.shownUrl ?? url };
  const notFetchable = fetchableUrl(url);
  if (notFetchable) throw fetchFailed(at, { reason: 'not-fetchable', refusal: notFetchable }, url);
  if (o.deadline !== undefined && Date.now() >= o.deadline) throw fetchFailed(at, { reason: 'not-started' }, url);
  const ac = new AbortController();
  // Until the headers arrive the per-operation timeout bounds the wait; after that the whole-transfer one (if any).
  const limit = totalMs ?? o.timeoutMs;
  const timer = setTimeout(() => ac.abort(new TimeLimit(limit)), limit);
  timer.unref?.();
  const close = () => clearTimeout(timer);
  let res: Dispatcher.ResponseData;
  try {
    // undici does not always honour the signal while it is still connecting
    // (seen with a proxy that never answers CONNECT), so the timer also settles
    // the wait itself: the deadline holds whatever the transport does.
    const expired = new Promise<never>((_, reject) => {
      if (ac.signal.aborted) reject(ac.signal.reason);
      else ac.signal.addEventListener('abort', () => reject(ac.signal.reason), { once: true });
    });
    expired.catch(() => undefined);
    const send = (target: string, via: Dispatcher) => {
      const pending = request(target, {
        dispatcher: via,
        method: o.method ?? 'GET',
        headers: { 'user-agent': 'certwatch', ...o.headers },
        body: o.body,
        headersTimeout: o.timeoutMs,
        bodyTimeout: o.timeoutMs,
        signal: ac.signal,
      });
      pending.catch(() => undefined); // if the timer wins, a late failure has nobody to tell
      return Promise.race([pending, expired]);
    };
    if (!guard?.publicOnly) res = await send(url, agent());
    else res = await sendGuarded(url, guard, send, at);
  } catch (e) {
    close();
    throw describe(e, at, url, ac);
  }
  if (totalMs === undefined) close(); // streaming: the body's idle timeout and the caller's deadline take over
  const status = res.statusCode;
  if ((status < 200 || status > 299) && !o.acceptStatus?.includes(status)) {
    discard(res.body);
    close();
    throw fetchFailed(at, { reason: 'http-status', status }, url, res.headers);
  }
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > o.maxBytes) {
    discard(res.body);
    close();
    throw fetchFailed(at, { reason: 'declared-too-large', status, bytes: declared, maxBytes: o.maxBytes }, url);
  }
  return { res, at, ac, declared, close };
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Each hop checked before it is requested; redirects followed here, at most MAX_REDIRECTS. */
async function sendGuarded(
  url: string,
  g: NetworkGuard,
  send: (target: string, via: Dispatcher) => Promise<Dispatcher.ResponseData>,
  at: Attempt,
): Promise<Dispatcher.ResponseData> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const u = new URL(current);
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      throw fetchFailed(at, { reason: 'redirect-scheme', scheme: u.protocol.replace(/:$/, '') }, current);
    const why = await refusal(u.hostname, g);
    if (why)
      throw fetchFailed(at, { reason: 'refused', refusal: why, ...(hop ? { redirectedTo: u.host } : {}) }, current);
    const res = await send(current, guardedAgent(current, g));
    const location = res.headers.location;
    if (!REDIRECT_STATUSES.has(res.statusCode) || typeof location !== 'string' || hop >= MAX_REDIRECTS) return res;
    discard(res.body);
    current = new URL(location, current).href;
  }
}

/** Drop a body we will not read; its abort error has nobody to report to. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

function describe(e: unknown, at: Attempt, url: string, ac: AbortController): FetchError {
  if (e instanceof FetchError) return e;
  const err = e as { code?: string; message?: string };
  const refusedAt = [e, (e as { cause?: unknown }).cause].find(
    (x) => (x as { code?: string })?.code === 'ECERTWATCH_REFUSED',
  ) as { refusal: AddressRefusal } | undefined;
  if (refusedAt) return fetchFailed(at, { reason: 'refused', refusal: refusedAt.refusal }, url);
  if (ac.signal.aborted)
    return fetchFailed(at, { reason: 'timeout', limitMs: (ac.signal.reason as TimeLimit).limitMs }, url);
  if (err.code === 'UND_ERR_HEADERS_TIMEOUT') return fetchFailed(at, { reason: 'headers-timeout' }, url);
  if (err.code === 'UND_ERR_BODY_TIMEOUT') return fetchFailed(at, { reason: 'body-timeout' }, url);
  if (err.code === 'UND_ERR_CONNECT_TIMEOUT') return fetchFailed(at, { reason: 'connect-timeout' }, url);
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  // Common socket errors are said in words at the edge (the code kept for searching).
  const code = err.code ?? cause?.code;
  const detail = [err.code, err.message, cause?.code].filter(Boolean).join(': ') || String(e);
  return fetchFailed(at, { reason: 'network', ...(code ? { code } : {}), detail }, url);
}
