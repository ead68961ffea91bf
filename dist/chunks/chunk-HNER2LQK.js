import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  FetchError,
  SERIAL_LIST_MAX_DOWNLOAD_BYTES,
  httpStream
} from "./chunk-PHMNRMIA.js";

// src/serial-lists/open-serial-list.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
var READ_CHUNK_BYTES = 1024 * 1024;
var SerialListError = class extends Error {
  constructor(problem) {
    super(`serial list problem: ${problem.reason}`);
    this.problem = problem;
  }
  problem;
};
async function openListFile(file) {
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new SerialListError({ reason: "directory" });
  } catch (e) {
    if (e instanceof SerialListError) throw e;
    const err = e;
    throw new SerialListError(
      err.code === "ENOENT" ? { reason: "missing" } : { reason: "unreadable", detail: err.code ?? err.message }
    );
  }
  const stream = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  return { bytes: decompressed(readErrorsInWords(stream)) };
}
async function* readErrorsInWords(src) {
  try {
    yield* src;
  } catch (e) {
    const err = e;
    throw new SerialListError({ reason: "unreadable", detail: err.code ?? err.message });
  }
}
async function* decompressed(src) {
  const it = src[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  while (head.length < 2) {
    const r = await it.next();
    if (r.done) break;
    head = head.length ? Buffer.concat([head, r.value]) : r.value;
  }
  async function* rest() {
    try {
      if (head.length) yield head;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
    } finally {
      await it.return?.();
    }
  }
  if (!(head[0] === 31 && head[1] === 139)) {
    yield* rest();
    return;
  }
  const gunzip = createGunzip({ chunkSize: READ_CHUNK_BYTES });
  let sourceError;
  pipeline(Readable.from(rest(), { objectMode: false }), gunzip, (e) => {
    if (e) sourceError = e;
  });
  try {
    for await (const chunk of gunzip) yield chunk;
  } catch (e) {
    if (e instanceof SerialListError || e instanceof FetchError) throw e;
    const err = e;
    if (err.code?.startsWith("Z_")) throw new SerialListError({ reason: "not-gzip", detail: err.message });
    throw e;
  } finally {
    gunzip.destroy();
  }
  if (sourceError && !sourceError.code?.startsWith("ERR_STREAM_PREMATURE_CLOSE"))
    throw sourceError;
}
function cachePaths(cacheDir, url) {
  const h = createHash("sha256").update(url).digest("hex").slice(0, 32);
  const dir = join(cacheDir, "serial-lists");
  return { dir, body: join(dir, `${h}.list`), meta: join(dir, `${h}.json`) };
}
async function readMeta(paths, url) {
  try {
    const meta = JSON.parse(await readFile(paths.meta, "utf8"));
    if (meta.url !== url || typeof meta.fetchedAt !== "number") return null;
    await stat(paths.body);
    return meta;
  } catch {
    return null;
  }
}
var header = (h) => Array.isArray(h) ? h[0] : h;
async function openListUrl(url, o) {
  const paths = o.cacheDir ? cachePaths(o.cacheDir, url) : null;
  const cached = paths ? await readMeta(paths, url) : null;
  const headers = {};
  if (cached?.etag) headers["if-none-match"] = cached.etag;
  if (cached?.lastModified) headers["if-modified-since"] = cached.lastModified;
  let res;
  try {
    res = await httpStream(url, {
      what: "fetching serial list",
      timeoutMs: o.timeoutMs,
      maxBytes: o.maxBytes ?? SERIAL_LIST_MAX_DOWNLOAD_BYTES,
      deadline: o.deadline,
      headers,
      acceptStatus: cached ? [304] : []
    });
  } catch (e) {
    if (!cached || !paths || !(e instanceof FetchError) || e.kind === "too-large") throw e;
    return {
      bytes: decompressed(createReadStream(paths.body, { highWaterMark: READ_CHUNK_BYTES })),
      staleCopy: { failure: e.failure, fetchedAt: new Date(cached.fetchedAt).toISOString() }
    };
  }
  if (res.status === 304 && cached && paths) {
    res.cancel();
    await writeMeta(paths, { ...cached, fetchedAt: Date.now() });
    return { bytes: decompressed(createReadStream(paths.body, { highWaterMark: READ_CHUNK_BYTES })) };
  }
  const meta = {
    url,
    fetchedAt: Date.now(),
    etag: header(res.headers["etag"]),
    lastModified: header(res.headers["last-modified"])
  };
  const place = paths ? await mkdir(paths.dir, { recursive: true }).then(
    () => paths,
    () => null
  ) : null;
  const tmpDir = place ? null : await mkdtemp(join(tmpdir(), "certwatch-list-"));
  const file = place ? `${place.body}.${process.pid}.tmp` : join(tmpDir, "list");
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
  return { bytes: removedAfter(decompressed(createReadStream(file, { highWaterMark: READ_CHUNK_BYTES })), tmpDir) };
}
async function* removedAfter(bytes, dir) {
  try {
    yield* bytes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
async function writeMeta(paths, meta) {
  try {
    const tmp = `${paths.meta}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(meta));
    await rename(tmp, paths.meta);
  } catch {
  }
}

export {
  SerialListError,
  openListFile,
  decompressed,
  openListUrl
};
