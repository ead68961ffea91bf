import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  FetchError,
  SERIAL_LIST_MAX_DOWNLOAD_BYTES,
  httpStream
} from "./chunk-66HBU3QS.js";

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
};
async function openListFile(file) {
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new SerialListError("is a directory, not a list");
  } catch (e) {
    if (e instanceof SerialListError) throw e;
    const err = e;
    throw new SerialListError(err.code === "ENOENT" ? "does not exist" : `cannot be read (${err.code ?? err.message})`);
  }
  const stream = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  return { bytes: decompressed(readErrorsInWords(stream)) };
}
async function* readErrorsInWords(src) {
  try {
    yield* src;
  } catch (e) {
    const err = e;
    throw new SerialListError(`cannot be read (${err.code ?? err.message})`);
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
    if (err.code?.startsWith("Z_")) throw new SerialListError(`is not a valid gzip file (${err.message})`);
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
      note: `the server did not answer (${e.message}); used the copy fetched ${new Date(cached.fetchedAt).toISOString()}`
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

// src/serial-lists/serial-line.ts
var MAX_SERIAL_HEX_DIGITS = 64;
var HEX = /^[0-9a-f]+$/i;
function serialKey(hexWithSign) {
  let s = hexWithSign;
  let sign = "";
  if (s.startsWith("-")) {
    sign = "-";
    s = s.slice(1);
  }
  s = s.replace(/^0+/, "").toUpperCase();
  return s === "" ? "0" : sign + s;
}
function parseSerialLine(raw) {
  const line = raw.replace(/^\uFEFF/, "").replace(/#.*/, "");
  if (line.trim() === "") return { blank: true };
  const field = line.split(/[,\t]/, 1)[0].trim();
  if (field === "") return { problem: "has no serial before the first comma or tab" };
  let s = field;
  let sign = "";
  if (s.startsWith("-")) {
    sign = "-";
    s = s.slice(1).trimStart();
  }
  if (/^0x/i.test(s)) s = s.slice(2);
  const groups = s.split(/[\s:]+/).filter((g) => g !== "");
  if (groups.length === 0 || !groups.every((g) => HEX.test(g))) return { problem: "is not a hex serial number" };
  const hex = groups.length === 1 ? groups[0] : groups.map((g) => g.length % 2 ? "0" + g : g).join("");
  const key = serialKey(sign + hex);
  if (key.replace(/^-/, "").length > MAX_SERIAL_HEX_DIGITS) {
    return {
      problem: `is not one serial number (a serial has at most 20 octets; this one has ${key.replace(/^-/, "").length} hex digits)`
    };
  }
  return { serial: key };
}

// src/serial-lists/scan-serial-list.ts
var BAD_LINES_KEPT = 10;
var MAX_LINE_BYTES = 64 * 1024;
var FILTER_BITS = 22;
var FILTER_MASK = (1 << FILTER_BITS) - 1;
var NIBBLE = new Int8Array(256).fill(-1);
for (let c = 0; c < 256; c++) {
  if (c >= 48 && c <= 57) NIBBLE[c] = c - 48;
  else if (c >= 65 && c <= 70 || c >= 97 && c <= 102) NIBBLE[c] = (c | 32) - 87;
}
function prefixHash(head, len) {
  return head * 64 + len & FILTER_MASK;
}
var LineScanner = class {
  // inside an over-long line, dropping bytes up to its line break
  constructor(wanted) {
    this.wanted = wanted;
    for (const k of wanted) {
      if (k.startsWith("-")) continue;
      let head = 0;
      for (let i = 0; i < 5 && i < k.length; i++) head = head * 16 + NIBBLE[k.charCodeAt(i)];
      const h = prefixHash(head, k.length);
      this.filter[h >>> 5] |= 1 << (h & 31);
    }
  }
  wanted;
  result = { lines: 0, hits: /* @__PURE__ */ new Map(), bad: [], badCount: 0 };
  filter = new Uint32Array((1 << FILTER_BITS) / 32);
  carry = null;
  skipping = false;
  push(chunk) {
    let start = 0;
    let nl = chunk.indexOf(10);
    if (this.carry || this.skipping) {
      if (nl < 0) {
        this.hold(chunk, 0);
        return;
      }
      this.hold(chunk.subarray(0, nl), 0);
      const line = this.carry ?? Buffer.alloc(0);
      this.carry = null;
      this.skipping = false;
      this.line(line, 0, line.length);
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    while (nl >= 0) {
      this.line(chunk, start, nl);
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    if (start < chunk.length) this.hold(chunk, start);
  }
  end() {
    if (this.carry && this.carry.length) this.line(this.carry, 0, this.carry.length);
    this.carry = null;
  }
  /** Keep an unfinished line for the next chunk, up to MAX_LINE_BYTES of it. */
  hold(chunk, from) {
    if (this.skipping) return;
    const part = chunk.subarray(from);
    const have = this.carry?.length ?? 0;
    const room = MAX_LINE_BYTES - have;
    const kept = part.length > room ? part.subarray(0, room) : part;
    this.carry = this.carry ? Buffer.concat([this.carry, kept]) : Buffer.from(kept);
    if (part.length > room) this.skipping = true;
  }
  line(b, s, e) {
    const n = ++this.result.lines;
    if (e > s && b[e - 1] === 13) e--;
    let q = s;
    while (q < e && b[q] === 48) q++;
    let p = q;
    let head = 0;
    for (let d = 0; p < e; p++) {
      const v = NIBBLE[b[p]];
      if (v < 0) break;
      if (d++ < 5) head = head * 16 + v;
    }
    if (p > s && (p === e || b[p] === 44 || b[p] === 9)) {
      const len = p - q;
      if (len > MAX_SERIAL_HEX_DIGITS)
        return this.badLine(
          n,
          b.toString("utf8", s, Math.min(e, s + 200)),
          `is not one serial number (a serial has at most 20 octets; this one has ${len} hex digits)`
        );
      if (len === 0) return this.hit("0", n);
      const h = prefixHash(head, len);
      if ((this.filter[h >>> 5] & 1 << (h & 31)) === 0) return;
      return this.hit(b.toString("latin1", q, p).toUpperCase(), n);
    }
    const text = b.toString("utf8", s, e);
    const parsed = parseSerialLine(text);
    if ("serial" in parsed) this.hit(parsed.serial, n);
    else if ("problem" in parsed) this.badLine(n, text, parsed.problem);
  }
  hit(key, line) {
    if (this.wanted.has(key) && !this.result.hits.has(key)) this.result.hits.set(key, line);
  }
  badLine(line, text, problem) {
    this.result.badCount++;
    if (this.result.bad.length < BAD_LINES_KEPT) {
      const t = text.trim();
      this.result.bad.push({ line, text: t.length > 60 ? t.slice(0, 57) + "\u2026" : t, problem });
    }
  }
};
async function scanSerialList(bytes, wanted, o = {}) {
  const scanner = new LineScanner(wanted);
  for await (const chunk of bytes) {
    scanner.push(chunk);
    if (o.deadline !== void 0 && Date.now() > o.deadline) {
      scanner.result.stopped = `the run's deadline passed after ${scanner.result.lines.toLocaleString("en")} lines`;
      return scanner.result;
    }
  }
  scanner.end();
  return scanner.result;
}

export {
  SerialListError,
  openListFile,
  openListUrl,
  serialKey,
  scanSerialList
};
