// Where a serial list's bytes come from: a file in the workspace or an http(s)
// URL (the form a CA publishes), plain or gzip'd (recognised by its magic
// bytes, not its name). Everything is a stream: a list's size costs time, never
// memory. A downloaded list is saved to the cache directory (then read from
// there) and asked for again with a conditional GET, so a nightly run does not
// fetch a gigabyte twice.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { FetchError, httpStream, type FetchFailure } from '../net/http-fetch.js';
import { SERIAL_LIST_MAX_DOWNLOAD_BYTES } from '../net/limits.js';

/** A read chunk: big enough that per-chunk overhead vanishes, small enough to be nothing in memory. */
const READ_CHUNK_BYTES = 1024 * 1024;

/** Why a list's bytes cannot be read (put into words by report/text/serial-list-cause.ts). */
export type ListReadProblem =
  | { reason: 'missing' }
  | { reason: 'directory' }
  /** `detail`: the system's error code, or its message */
  | { reason: 'unreadable'; detail: string }
  | { reason: 'not-gzip'; detail: string };

export class SerialListError extends Error {
  constructor(readonly problem: ListReadProblem) {
    super(`serial list problem: ${problem.reason}`);
  }
}

export interface OpenedList {
  /** the list's text, decompressed */
  bytes: AsyncIterable<Buffer>;
  /** said beside the result: the cached copy (fetched at `fetchedAt`, ISO 8601) stood in for an unreachable server */
  staleCopy?: { failure: FetchFailure; fetchedAt: string };
}

export interface UrlListOptions {
  cacheDir?: string; // absolute; no disk cache when absent
  timeoutMs: number; // headers, and the longest silence while the body streams
  deadline?: number;
  maxBytes?: number; // bytes received (compressed), defaults to SERIAL_LIST_MAX_DOWNLOAD_BYTES
}

/** A file's bytes; throws SerialListError with the cause in words. */
export async function openListFile(file: string): Promise<OpenedList> {
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new SerialListError({ reason: 'directory' });
  } catch (e) {
    if (e instanceof SerialListError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new SerialListError(
      err.code === 'ENOENT' ? { reason: 'missing' } : { reason: 'unreadable', detail: err.code ?? err.message },
    );
  }
  const stream = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  return { bytes: decompressed(readErrorsInWords(stream)) };
}

async function* readErrorsInWords(src: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* src;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new SerialListError({ reason: 'unreadable', detail: err.code ?? err.message });
  }
}

/** Gunzip when the stream starts with the gzip magic (1f 8b); otherwise pass it through. */
export async function* decompressed(src: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const it = src[Symbol.asyncIterator]();
  let head: Buffer = Buffer.alloc(0);
  while (head.length < 2) {
    const r = await it.next();
    if (r.done) break;
    head = head.length ? Buffer.concat([head, r.value]) : r.value;
  }
  async function* rest(): AsyncGenerator<Buffer> {
    try {
      if (head.length) yield head;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
    } finally {
      await it.return?.();
    }
  }
  if (!(head[0] === 0x1f && head[1] === 0x8b)) {
    yield* rest();
    return;
  }
  const gunzip = createGunzip({ chunkSize: READ_CHUNK_BYTES });
  let sourceError: unknown;
  pipeline(Readable.from(rest(), { objectMode: false }), gunzip, (e) => {
    if (e) sourceError = e;
  });
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (e) {
    if (e instanceof SerialListError || e instanceof FetchError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code?.startsWith('Z_')) throw new SerialListError({ reason: 'not-gzip', detail: err.message });
    throw e;
  } finally {
    gunzip.destroy();
  }
  if (sourceError && !(sourceError as NodeJS.ErrnoException).code?.startsWith('ERR_STREAM_PREMATURE_CLOSE'))
    throw sourceError;
}

interface CacheMeta {
  url: string;
  fetchedAt: number;
  etag?: string;
  lastModified?: string;
}

function cachePaths(cacheDir: string, url: string): { body: string; meta: string; dir: string } {
  const h = createHash('sha256').update(url).digest('hex').slice(0, 32);
  const dir = join(cacheDir, 'serial-lists');
  return { dir, body: join(dir, `${h}.list`), meta: join(dir, `${h}.json`) };
}

async function readMeta(paths: { body: string; meta: string }, url: string): Promise<CacheMeta | null> {
  try {
    const meta = JSON.parse(await readFile(paths.meta, 'utf8')) as CacheMeta;
    if (meta.url !== url || typeof meta.fetchedAt !== 'number') return null;
    await stat(paths.body);
    return meta;
  } catch {
    return null; // absent or damaged: fetch again
  }
}

const header = (h: string | string[] | undefined) => (Array.isArray(h) ? h[0] : h);

/**
 * A list by URL: streamed from the server (and into the cache as it passes), or
 * from the cache after a 304, or — server unreachable — from the cached copy
 * with a note saying so.
 */
export async function openListUrl(url: string, o: UrlListOptions): Promise<OpenedList> {
  const paths = o.cacheDir ? cachePaths(o.cacheDir, url) : null;
  const cached = paths ? await readMeta(paths, url) : null;
  const headers: Record<string, string> = {};
  if (cached?.etag) headers['if-none-match'] = cached.etag;
  if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
  let res;
  try {
    res = await httpStream(url, {
      what: 'fetching serial list',
      timeoutMs: o.timeoutMs,
      maxBytes: o.maxBytes ?? SERIAL_LIST_MAX_DOWNLOAD_BYTES,
      deadline: o.deadline,
      headers,
      acceptStatus: cached ? [304] : [],
    });
  } catch (e) {
    if (!cached || !paths || !(e instanceof FetchError) || e.kind === 'too-large') throw e;
    return {
      bytes: decompressed(createReadStream(paths.body, { highWaterMark: READ_CHUNK_BYTES })),
      staleCopy: { failure: e.failure, fetchedAt: new Date(cached.fetchedAt).toISOString() },
    };
  }
  if (res.status === 304 && cached && paths) {
    res.cancel();
    await writeMeta(paths, { ...cached, fetchedAt: Date.now() });
    return { bytes: decompressed(createReadStream(paths.body, { highWaterMark: READ_CHUNK_BYTES })) };
  }
  const meta: CacheMeta = {
    url,
    fetchedAt: Date.now(),
    etag: header(res.headers['etag']),
    lastModified: header(res.headers['last-modified']),
  };
  // Saved first, read after (http-fetch.ts says why): into the cache when there is
  // one, else a temporary file removed once the list has been read.
  const place = paths
    ? await mkdir(paths.dir, { recursive: true }).then(
        () => paths,
        () => null,
      )
    : null;
  const tmpDir = place ? null : await mkdtemp(join(tmpdir(), 'certwatch-list-'));
  const file = place ? `${place.body}.${process.pid}.tmp` : join(tmpDir!, 'list');
  try {
    await res.saveTo(file, { deadline: o.deadline });
  } catch (e) {
    await rm(tmpDir ?? file, { recursive: true, force: true });
    throw e;
  }
  if (place) {
    await rename(file, place.body);
    await writeMeta(place, meta);
    return { bytes: decompressed(createReadStream(place.body, { highWaterMark: READ_CHUNK_BYTES })) };
  }
  return { bytes: removedAfter(decompressed(createReadStream(file, { highWaterMark: READ_CHUNK_BYTES })), tmpDir!) };
}

async function* removedAfter(bytes: AsyncIterable<Buffer>, dir: string): AsyncGenerator<Buffer> {
  try {
    yield* bytes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function writeMeta(paths: { meta: string }, meta: CacheMeta): Promise<void> {
  try {
    const tmp = `${paths.meta}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(meta));
    await rename(tmp, paths.meta);
  } catch {
    /* cache is an optimisation */
  }
}
