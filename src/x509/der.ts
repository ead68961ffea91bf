// A minimal DER TLV reader. Hand-written on purpose: certwatch needs a handful of
// fields that Node's crypto.X509Certificate does not expose (raw serial bytes,
// AKI/SKI, CRL distribution points, AIA, the signature OID, exact validity times),
// and walking the TLVs directly keeps parsing at Node's own speed, where a full
// ASN.1 schema parse per certificate costs ~6× more (measured with @peculiar/asn1-x509).
// It is also the basis of the streaming CRL lookup, which must not build objects
// per entry.

export class DerError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
  }
}

export interface Tlv {
  tag: number; // the full first identifier octet (class | constructed | number); high tag numbers unsupported
  start: number; // offset of the identifier octet
  contentStart: number;
  end: number; // offset just past the content
}

/** Read one TLV at `offset`, bounded by `limit`. Throws DerError on anything malformed. */
export function readTlv(buf: Uint8Array, offset: number, limit = buf.length): Tlv {
  if (offset + 2 > limit) throw new DerError('truncated TLV header', offset);
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag number form not supported', offset);
  let len = buf[offset + 1];
  let p = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0) throw new DerError('indefinite length is not DER', offset);
    if (n > 4) throw new DerError('length field too long', offset);
    if (p + n > limit) throw new DerError('truncated length', offset);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i];
    p += n;
  }
  const end = p + len;
  if (end > limit) throw new DerError(`content of ${len} bytes runs past the end`, offset);
  return { tag, start: offset, contentStart: p, end };
}

/** The children of a constructed TLV. */
export function children(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let p = parent.contentStart;
  while (p < parent.end) {
    const t = readTlv(buf, p, parent.end);
    out.push(t);
    p = t.end;
  }
  return out;
}

export function content(buf: Uint8Array, t: Tlv): Buffer {
  return Buffer.from(buf.buffer, buf.byteOffset + t.contentStart, t.end - t.contentStart);
}

export function expectTag(t: Tlv | undefined, tag: number, what: string): Tlv {
  if (!t) throw new DerError(`missing ${what}`, 0);
  if (t.tag !== tag)
    throw new DerError(`${what}: expected tag 0x${tag.toString(16)}, found 0x${t.tag.toString(16)}`, t.start);
  return t;
}

/** Dotted OID text from the content octets of an OBJECT IDENTIFIER. */
export function oidText(bytes: Uint8Array): string {
  if (bytes.length === 0) return '';
  const parts: number[] = [];
  let v = 0;
  let first = true;
  for (const b of bytes) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      if (first) {
        const a = v < 40 ? 0 : v < 80 ? 1 : 2;
        parts.push(a, v - a * 40);
        first = false;
      } else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

const TAG_UTCTIME = 0x17;
const TAG_GENTIME = 0x18;

/** A Time as OpenSSL reads it, and whether its encoding is the one RFC 5280 prescribes. */
export interface ReadTime {
  date: Date;
  /** null when canonical (RFC 5280 §4.1.2.5: UTCTime YYMMDDHHMMSSZ, GeneralizedTime YYYYMMDDHHMMSSZ), else what is odd */
  oddity: string | null;
}

const MAX_FIELD = [99, 99, 12, 31, 23, 59, 59, 12, 59];
const MIN_FIELD = [0, 0, 1, 1, 0, 0, 0, 0, 0];

/**
 * A date from its UTC parts without the `Date.UTC` trap (which maps years 0–99
 * to 1900–1999): `setUTCFullYear` takes the year as given.
 */
export function utcDate(year: number, month: number, day: number, h = 0, mi = 0, s = 0): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(h, mi, s, 0);
  return d;
}

/**
 * X.509 Time read the way OpenSSL reads it (crypto/asn1/a_time.c,
 * ossl_asn1_time_to_tm, non-strict as for decoded certificates and CRLs), so
 * certwatch agrees with `openssl x509` instead of guessing: UTCTime
 * YYMMDDHHMM[SS](Z|±hhmm), GeneralizedTime YYYYMMDDHHMM[SS[.f+]](Z|±hhmm);
 * offsets up to ±12:59 are applied, fractional seconds dropped (OpenSSL's
 * comparisons ignore them too). Anything OpenSSL refuses ("Bad time value") is
 * refused here with the reason. Hand-written because no library matches
 * OpenSSL's acceptance exactly, and the parse must not drift from it.
 */
export function readTimeDetailed(buf: Uint8Array, t: Tlv): ReadTime {
  const s = Buffer.from(buf.subarray(t.contentStart, t.end)).toString('latin1');
  const utc = t.tag === TAG_UTCTIME;
  if (!utc && t.tag !== TAG_GENTIME) throw new DerError(`expected a time, found tag 0x${t.tag.toString(16)}`, t.start);
  const bad = (why: string) =>
    new DerError(
      `malformed ${utc ? 'UTCTime' : 'GeneralizedTime'} "${s.replace(/[^\x20-\x7e]/g, '?')}" (${why})`,
      t.start,
    );
  const end = utc ? 6 : 7; // two-digit fields before the zone
  const btz = utc ? 5 : 6; // the seconds field, which may be left out
  if (s.length < (utc ? 11 : 13)) throw bad('too short');
  const f: number[] = [];
  let o = 0;
  for (let i = 0; i < end; i++) {
    if (i === btz && (s[o] === 'Z' || s[o] === '+' || s[o] === '-')) break;
    if (!/^\d\d$/.test(s.slice(o, o + 2))) throw bad('digits expected');
    const n = Number(s.slice(o, o + 2));
    o += 2;
    if (o >= s.length) throw bad('no time zone');
    const k = utc ? i + 1 : i;
    if (n < MIN_FIELD[k] || n > MAX_FIELD[k]) throw bad('a field is out of range');
    f.push(n);
  }
  const parts = utc ? f : [f[0] * 100 + f[1], ...f.slice(2)];
  const year = utc ? (parts[0] < 50 ? 2000 + parts[0] : 1900 + parts[0]) : parts[0];
  const [mo, d, h, mi] = parts.slice(1, 5);
  const sec = parts[5];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const mdays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (d > mdays) throw bad('no such day');
  const oddities: string[] = [];
  if (sec === undefined) oddities.push('no seconds');
  if (!utc && s[o] === '.') {
    o++;
    const from = o;
    while (o < s.length && s[o] >= '0' && s[o] <= '9') o++;
    if (o === from) throw bad('no digit after the decimal point');
    if (o === s.length) throw bad('no time zone');
    oddities.push('fractional seconds');
  }
  let offsetMin = 0;
  if (s[o] === 'Z') o++;
  else if (s[o] === '+' || s[o] === '-') {
    if (o + 5 !== s.length || !/^\d{4}$/.test(s.slice(o + 1))) throw bad('malformed offset');
    const oh = Number(s.slice(o + 1, o + 3));
    const om = Number(s.slice(o + 3, o + 5));
    if (oh > 12 || om > 59) throw bad('offset out of range');
    offsetMin = (oh * 60 + om) * (s[o] === '-' ? -1 : 1);
    oddities.push(`offset ${s.slice(o)} instead of Z`);
    o += 5;
  } else throw bad('no time zone');
  if (o !== s.length) throw bad('trailing characters');
  const date = utcDate(year, mo, d, h, mi, sec ?? 0);
  if (offsetMin) date.setTime(date.getTime() - offsetMin * 60_000);
  return { date, oddity: oddities.length ? `${oddities.join(', ')} ("${s}")` : null };
}

/** X.509 Time as OpenSSL reads it (see readTimeDetailed). */
export function readTime(buf: Uint8Array, t: Tlv): Date {
  return readTimeDetailed(buf, t).date;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date the way OpenSSL prints an ASN1_TIME ("Jan  1 00:00:00 2000 GMT"), for cross-checks with Node. */
export function opensslTimeText(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

/**
 * The DER objects lying one after another in `buf` (a file of concatenated
 * certificates, as `cat a.der b.der` makes). Stops at the first bytes that are
 * not a whole TLV and says how many bytes were left over: OpenSSL ignores bytes
 * after a DER certificate, so certwatch reads what precedes them and mentions the rest.
 */
export function splitDerObjects(buf: Uint8Array): { objects: Buffer[]; trailing: number } {
  const objects: Buffer[] = [];
  let p = 0;
  while (p < buf.length) {
    let t: Tlv;
    try {
      t = readTlv(buf, p);
    } catch {
      break;
    }
    if (t.tag !== 0x30) break; // every object certwatch reads from DER is a SEQUENCE
    objects.push(Buffer.from(buf.buffer, buf.byteOffset + t.start, t.end - t.start));
    p = t.end;
  }
  return { objects, trailing: buf.length - p };
}
