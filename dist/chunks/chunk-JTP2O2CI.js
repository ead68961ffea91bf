import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

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
  if (field === "") return { problem: { reason: "no-serial" } };
  let s = field;
  let sign = "";
  if (s.startsWith("-")) {
    sign = "-";
    s = s.slice(1).trimStart();
  }
  if (/^0x/i.test(s)) s = s.slice(2);
  const groups = s.split(/[\s:]+/).filter((g) => g !== "");
  if (groups.length === 0 || !groups.every((g) => HEX.test(g))) return { problem: { reason: "not-hex" } };
  const hex = groups.length === 1 ? groups[0] : groups.map((g) => g.length % 2 ? "0" + g : g).join("");
  const key = serialKey(sign + hex);
  const hexDigits = key.replace(/^-/, "").length;
  if (hexDigits > MAX_SERIAL_HEX_DIGITS) return { problem: { reason: "too-long", hexDigits } };
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
        return this.badLine(n, b.toString("utf8", s, Math.min(e, s + 200)), { reason: "too-long", hexDigits: len });
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
      scanner.result.stoppedAfterLines = scanner.result.lines;
      return scanner.result;
    }
  }
  scanner.end();
  return scanner.result;
}

export {
  serialKey,
  scanSerialList
};
