// Getting a verified CRL for (URL, issuer): each URL is fetched at most once per
// run however many certificates point at it (in-flight promise maps), and kept on
// disk across runs in the cache directory. A cached copy is verified again when
// loaded — the cache is a download saver, never a source of trust.
import type { CertificateRecord } from '../../types.js';
import { DiskCache } from '../../net/disk-cache.js';
import { FetchError, fetchableUrl, httpFetch } from '../../net/http-fetch.js';
import { CRL_MAX_BYTES, CRL_NO_NEXT_UPDATE_FALLBACK_MS, CRL_TRANSFER_TIMEOUT_MS } from '../../net/limits.js';
import { splitPem } from '../../x509/pem.js';
import { CrlParseError, scanCrl, type ScannedCrl } from '../../x509/crl-lookup.js';
import { staleDefect, verifyCrl } from './verify-crl.js';
import type { RevocationCause } from './revocation-cause.js';
import { oncePerKey } from '../../shared/once-per-key.js';

/**
 * A cached CRL younger than this is used without asking the server. CAs reissue
 * CRLs well before nextUpdate (Let's Encrypt within 24 h of a revocation), so
 * nextUpdate alone would hide a fresh revocation for days; past this age a
 * conditional GET (ETag / If-Modified-Since) asks whether it changed — one round
 * trip, not a download.
 */
export const CRL_CACHE_FRESH_MS = 60 * 60_000;

export interface CrlSourceOptions {
  cacheDir?: string; // absolute; no disk cache when absent
  timeoutMs: number;
  deadline: number; // epoch ms, wall clock
  now: Date; // judging clock for thisUpdate/nextUpdate
  maxBytes?: number; // defaults to CRL_MAX_BYTES (tests inject a small cap)
}

export interface CrlAnswer {
  url: string;
  crl: ScannedCrl;
  delta?: ScannedCrl; // a verified delta CRL to apply on top (RFC 5280 §5.2.4)
  deltaProblem?: RevocationCause; // why a FreshestCRL delta could not be used (the base still answers)
  /** The complete CRL is verified but past its nextUpdate: its entries still prove revocation, its silence proves nothing. */
  stale?: RevocationCause;
  fromCache: boolean;
}

interface Loaded {
  crl: ScannedCrl;
  raw: Buffer;
  fromCache: boolean;
  etag?: string;
  lastModified?: string;
  fetchedAt: number;
}

interface CacheMeta {
  url: string;
  fetchedAt: number;
  etag?: string;
  lastModified?: string;
}

/** A CRL that cannot be used, and why (as data: report/text/revocation-cause.ts says it). */
export class CrlError extends Error {
  constructor(readonly why: RevocationCause) {
    super(`CRL problem: ${why.reason}`);
  }
}

/** Why a fetch or a CRL failed, as a cause; anything else keeps its own words. */
export function causeOf(e: unknown): RevocationCause {
  if (e instanceof CrlError) return e.why;
  if (e instanceof FetchError) return { reason: 'fetch', failure: e.failure };
  return { reason: 'error', text: (e as Error)?.message ?? String(e) };
}

/** DER, or PEM ("X509 CRL" block as some CAs publish, or "CRL" as Chromium's test data writes it). */
export function decodeCrlBytes(body: Buffer, url: string): ScannedCrl {
  let der = body;
  let i = 0;
  while (i < body.length && i < 64 && (body[i] === 0x20 || body[i] === 0x0a || body[i] === 0x0d || body[i] === 0x09))
    i++;
  if (body.subarray(i, i + 10).toString('latin1') === '-----BEGIN') {
    const block = splitPem(body.toString('latin1')).blocks.find((b) => b.label === 'X509 CRL' || b.label === 'CRL');
    if (!block) throw new CrlError({ reason: 'crl-pem-without-crl', url });
    der = block.der;
  }
  try {
    return scanCrl(der);
  } catch (e) {
    if (e instanceof CrlParseError) throw new CrlError({ reason: 'crl-unreadable', url, detail: e.message });
    throw e;
  }
}

export class CrlSource {
  private readonly network = new Map<string, Promise<Loaded>>();
  private readonly disk = new Map<string, Promise<Loaded | null>>();
  private readonly answers = new Map<string, Promise<CrlAnswer>>();
  private readonly written = new Set<string>();
  private readonly cache: DiskCache;

  constructor(private readonly o: CrlSourceOptions) {
    this.cache = new DiskCache(o.cacheDir, 'crl');
  }

  /** A verified CRL for certificates `issuer` issued, or a CrlError/FetchError saying why not. */
  get(url: string, issuer: CertificateRecord): Promise<CrlAnswer> {
    const key = `${url}\n${issuer.fingerprint}`;
    return oncePerKey(this.answers, key, () => this.resolve(url, issuer));
  }

  private async resolve(url: string, issuer: CertificateRecord): Promise<CrlAnswer> {
    const base = await this.verified(url, issuer, false);
    const answer: CrlAnswer = { url, crl: base.crl, fromCache: base.fromCache };
    // Why a stale CRL is still returned: a CA whose CRL publishing stalled still
    // signed that these serials are revoked; refusing the whole CRL turned a
    // revoked certificate into a mere "revocation-unknown" warning.
    const stale = staleDefect(base.crl, this.o.now);
    if (stale) {
      answer.stale = { reason: 'crl', url, delta: false, defect: stale };
      return answer;
    }
    const deltaUrl = base.crl.freshestUrls.find((u) => fetchableUrl(u) === null);
    if (deltaUrl) {
      try {
        const d = await this.verified(deltaUrl, issuer, true);
        // §5.2.4: a delta applies to a complete CRL whose number is ≥ its BaseCRLNumber.
        if (base.crl.crlNumber === undefined) answer.deltaProblem = { reason: 'no-base-crl-number' };
        else if (d.crl.deltaBase === undefined || d.crl.deltaBase > base.crl.crlNumber) {
          answer.deltaProblem = {
            reason: 'delta-mismatch',
            deltaUrl,
            needsBase: d.crl.deltaBase?.toString(),
            have: base.crl.crlNumber.toString(),
          };
        } else if (d.crl.crlNumber === undefined || d.crl.crlNumber <= base.crl.crlNumber) {
          // §5.2.4 (d): the complete CRL's number must be LESS than the delta's. A delta
          // older than the complete CRL would overwrite newer information (e.g. its
          // removeFromCRL undoing a hold the complete CRL re-imposed → false "good").
          answer.deltaProblem = {
            reason: 'delta-not-newer',
            deltaUrl,
            deltaNumber: d.crl.crlNumber?.toString(),
            baseNumber: base.crl.crlNumber.toString(),
          };
        } else answer.delta = d.crl;
      } catch (e) {
        answer.deltaProblem = causeOf(e);
      }
    }
    return answer;
  }

  /** Cache first when young enough, else the network (conditionally when a cached copy exists). */
  private async verified(url: string, issuer: CertificateRecord, expectDelta: boolean): Promise<Loaded> {
    const opts = { url, now: this.o.now, expectDelta };
    const cached = await this.fromDisk(url);
    // A fetch time in the future (clock change, or a tampered cache restored from
    // elsewhere) is not "young": it would pin an old CRL until its nextUpdate and
    // hide a revocation published since.
    const age = cached ? Date.now() - cached.fetchedAt : -1;
    if (cached && age >= 0 && age < CRL_CACHE_FRESH_MS && verifyCrl(cached.crl, issuer, opts) === null) return cached;
    let fresh: Loaded;
    try {
      fresh = await this.fromNetwork(url, cached);
    } catch (e) {
      // The server is down but the copy from an earlier run is still within its
      // nextUpdate: that is a valid answer (RFC 5280 §5.1.2.5), better than none.
      const tooOld = cached && !cached.crl.nextUpdate && !(age >= 0 && age < CRL_NO_NEXT_UPDATE_FALLBACK_MS);
      if (cached && !tooOld && verifyCrl(cached.crl, issuer, opts) === null) return cached;
      throw e;
    }
    // A stale complete CRL is kept (resolve() marks it): only its revocations count.
    const defect = verifyCrl(fresh.crl, issuer, { ...opts, allowStale: !expectDelta });
    if (defect) throw new CrlError({ reason: 'crl', url, delta: expectDelta, defect });
    if (!fresh.fromCache) await this.save(url, fresh);
    return fresh;
  }

  private fromNetwork(url: string, cached: Loaded | null): Promise<Loaded> {
    return oncePerKey(this.network, url, () => this.download(url, cached));
  }

  private async download(url: string, cached: Loaded | null): Promise<Loaded> {
    const headers: Record<string, string> = {};
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
    const res = await httpFetch(url, {
      what: 'fetching CRL',
      timeoutMs: this.o.timeoutMs,
      totalTimeoutMs: Math.max(this.o.timeoutMs, CRL_TRANSFER_TIMEOUT_MS),
      maxBytes: this.o.maxBytes ?? CRL_MAX_BYTES,
      deadline: this.o.deadline,
      headers,
      acceptStatus: cached ? [304] : [],
    });
    if (res.status === 304 && cached) {
      const refreshed = { ...cached, fetchedAt: Date.now() };
      await this.writeMeta(url, refreshed);
      return refreshed;
    }
    const header = (h: string | string[] | undefined) => (Array.isArray(h) ? h[0] : h);
    return {
      crl: decodeCrlBytes(res.body, url),
      raw: res.body,
      fromCache: false,
      etag: header(res.headers['etag']),
      lastModified: header(res.headers['last-modified']),
      fetchedAt: Date.now(),
    };
  }

  private paths(url: string): { der: string; meta: string } | null {
    const der = this.cache.file(url, '.crl');
    const meta = this.cache.file(url, '.json');
    return der && meta ? { der, meta } : null;
  }

  private fromDisk(url: string): Promise<Loaded | null> {
    return oncePerKey(this.disk, url, () => this.readDisk(url));
  }

  private async readDisk(url: string): Promise<Loaded | null> {
    const paths = this.paths(url);
    if (!paths) return null;
    const meta = (await this.cache.readJson(paths.meta)) as CacheMeta | null;
    if (!meta || meta.url !== url || typeof meta.fetchedAt !== 'number') return null;
    const raw = await this.cache.read(paths.der);
    if (!raw) return null;
    try {
      return {
        crl: decodeCrlBytes(raw, url),
        raw,
        fromCache: true,
        etag: meta.etag,
        lastModified: meta.lastModified,
        fetchedAt: meta.fetchedAt,
      };
    } catch {
      return null; // damaged: fetch again
    }
  }

  private async save(url: string, l: Loaded): Promise<void> {
    const paths = this.paths(url);
    if (!paths || this.written.has(url)) return;
    this.written.add(url);
    await this.cache.write(paths.der, l.raw);
    await this.writeMeta(url, l);
  }

  private async writeMeta(url: string, l: Loaded): Promise<void> {
    const meta: CacheMeta = { url, fetchedAt: l.fetchedAt, etag: l.etag, lastModified: l.lastModified };
    await this.cache.writeJson(this.paths(url)?.meta ?? null, meta);
  }
}

export { FetchError };
