// Reading a serial list as a stream: each line is looked up in the small set of
// serials we care about (our certificates'), and nothing of the list is kept but
// the hits. An incident list is millions of lines (Let's Encrypt's 2020 list:
// ~3M serials, over a gigabyte with its domain names), our estate is thousands:
// loading the list into a map inverts the problem (issue 15: 1.5M lines took
// ~5 s and ~470 MB that way). Here memory is one chunk, time is one pass.
//
// Hand-written byte loop, not readline: readline makes a string per line and a
// promise per chunk; the common line (bare hex) is recognised on the bytes and
// only becomes a string when a 22-bit prefix filter says it may be ours. Lines
// that are anything else go through parseSerialLine (serial-line.ts), the one
// definition of the format.
import { MAX_SERIAL_HEX_DIGITS, parseSerialLine, type SerialLineProblem } from './serial-line.js';

/** Bad lines kept for the message; the rest are only counted (a list may have millions). */
const BAD_LINES_KEPT = 10;
/**
 * Only the first field matters; a line longer than this keeps its head and the
 * rest is skipped up to the line break (a file without line breaks must not
 * be held whole).
 */
const MAX_LINE_BYTES = 64 * 1024;

export interface BadLine {
  line: number; // 1-based
  text: string; // clipped
  problem: SerialLineProblem;
}

export interface ScanResult {
  /** lines read (all, including blanks and comments) */
  lines: number;
  /** wanted key → first line it is on */
  hits: Map<string, number>;
  bad: BadLine[];
  badCount: number;
  /** set when the run's deadline stopped reading before the end: the lines read by then */
  stoppedAfterLines?: number;
}

export interface ScanOptions {
  /** epoch ms: stop reading after this (what was read still counts) */
  deadline?: number;
}

const FILTER_BITS = 22;
const FILTER_MASK = (1 << FILTER_BITS) - 1;

/** Hex digit value per byte, -1 for anything else: the hot loop's only branch per byte. */
const NIBBLE = new Int8Array(256).fill(-1);
for (let c = 0; c < 256; c++) {
  if (c >= 48 && c <= 57) NIBBLE[c] = c - 48;
  else if ((c >= 65 && c <= 70) || (c >= 97 && c <= 102)) NIBBLE[c] = (c | 32) - 87;
}

/** A cheap hash of (first 5 nibbles, length): equal keys hash equally; most others differ. */
function prefixHash(head: number, len: number): number {
  return (head * 64 + len) & FILTER_MASK;
}

class LineScanner {
  readonly result: ScanResult = { lines: 0, hits: new Map(), bad: [], badCount: 0 };
  private readonly filter = new Uint32Array((1 << FILTER_BITS) / 32);
  private carry: Buffer | null = null;
  private skipping = false; // inside an over-long line, dropping bytes up to its line break

  constructor(private readonly wanted: ReadonlySet<string>) {
    for (const k of wanted) {
      if (k.startsWith('-')) continue; // negative serials are never on the fast path
      let head = 0;
      for (let i = 0; i < 5 && i < k.length; i++) head = head * 16 + NIBBLE[k.charCodeAt(i)];
      const h = prefixHash(head, k.length);
      this.filter[h >>> 5] |= 1 << (h & 31);
    }
  }

  push(chunk: Buffer): void {
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

  end(): void {
    if (this.carry && this.carry.length) this.line(this.carry, 0, this.carry.length);
    this.carry = null;
  }

  /** Keep an unfinished line for the next chunk, up to MAX_LINE_BYTES of it. */
  private hold(chunk: Buffer, from: number): void {
    if (this.skipping) return;
    const part = chunk.subarray(from);
    const have = this.carry?.length ?? 0;
    const room = MAX_LINE_BYTES - have;
    const kept = part.length > room ? part.subarray(0, room) : part;
    // Copy: a carried slice would pin the whole chunk it came from.
    this.carry = this.carry ? Buffer.concat([this.carry, kept]) : Buffer.from(kept);
    if (part.length > room) this.skipping = true;
  }

  private line(b: Buffer, s: number, e: number): void {
    const n = ++this.result.lines;
    if (e > s && b[e - 1] === 13) e--; // CRLF
    // Fast path: the whole first field is bare hex (the shape of every real incident list).
    let q = s;
    while (q < e && b[q] === 48) q++; // leading zeros are not part of the value
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
        return this.badLine(n, b.toString('utf8', s, Math.min(e, s + 200)), { reason: 'too-long', hexDigits: len });
      if (len === 0) return this.hit('0', n);
      const h = prefixHash(head, len);
      if ((this.filter[h >>> 5] & (1 << (h & 31))) === 0) return;
      return this.hit(b.toString('latin1', q, p).toUpperCase(), n);
    }
    const text = b.toString('utf8', s, e);
    const parsed = parseSerialLine(text);
    if ('serial' in parsed) this.hit(parsed.serial, n);
    else if ('problem' in parsed) this.badLine(n, text, parsed.problem);
  }

  private hit(key: string, line: number): void {
    if (this.wanted.has(key) && !this.result.hits.has(key)) this.result.hits.set(key, line);
  }

  private badLine(line: number, text: string, problem: SerialLineProblem): void {
    this.result.badCount++;
    if (this.result.bad.length < BAD_LINES_KEPT) {
      const t = text.trim();
      this.result.bad.push({ line, text: t.length > 60 ? t.slice(0, 57) + '…' : t, problem });
    }
  }
}

/**
 * Read a list (plain bytes, already decompressed) and report which of the
 * wanted serial keys (serialKey()) it names, on which line.
 */
export async function scanSerialList(
  bytes: AsyncIterable<Buffer> | Iterable<Buffer>,
  wanted: ReadonlySet<string>,
  o: ScanOptions = {},
): Promise<ScanResult> {
  const scanner = new LineScanner(wanted);
  for await (const chunk of bytes) {
    scanner.push(chunk);
    if (o.deadline !== undefined && Date.now() > o.deadline) {
      scanner.result.stoppedAfterLines = scanner.result.lines;
      return scanner.result; // leaving the loop closes the source
    }
  }
  scanner.end();
  return scanner.result;
}
