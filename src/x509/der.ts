// A minimal DER TLV reader. Hand-written on purpose: certwatch needs a handful of
// fields that Node's crypto.X509Certificate does not expose (raw serial bytes,
// AKI/SKI, CRL distribution points, AIA, the signature OID, exact validity times),
// and walking the TLVs directly keeps parsing at Node's own speed, where a full
// ASN.1 schema parse per certificate costs ~6× more (see ../shared/NOTES.md).
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
  if (t.tag !== tag) throw new DerError(`${what}: expected tag 0x${tag.toString(16)}, found 0x${t.tag.toString(16)}`, t.start);
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

/**
 * Strict X.509 Time (RFC 5280 §4.1.2.5): UTCTime YYMMDDHHMMSSZ, GeneralizedTime
 * YYYYMMDDHHMMSSZ. Anything else is refused, never guessed: a library that turned
 * odd forms into 1899 dates is exactly what certwatch must not do.
 */
export function readTime(buf: Uint8Array, t: Tlv): Date {
  const s = Buffer.from(buf.subarray(t.contentStart, t.end)).toString('latin1');
  let m: RegExpExecArray | null;
  let year: number;
  if (t.tag === TAG_UTCTIME) {
    // RFC 5280 requires seconds and Z; accept the seconds-less form openssl reads too.
    m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?Z$/.exec(s);
    if (!m) throw new DerError(`malformed UTCTime "${s}"`, t.start);
    const yy = Number(m[1]);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else if (t.tag === TAG_GENTIME) {
    m = /^(\d\d\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?(?:\.\d+)?Z$/.exec(s);
    if (!m) throw new DerError(`malformed GeneralizedTime "${s}"`, t.start);
    year = Number(m[1]);
  } else throw new DerError(`expected a time, found tag 0x${t.tag.toString(16)}`, t.start);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const sec = m[6] ? Number(m[6]) : 0;
  const ms = Date.UTC(year, mo - 1, d, h, mi, sec);
  const back = new Date(ms);
  if (mo < 1 || mo > 12 || back.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) {
    throw new DerError(`impossible date "${s}"`, t.start);
  }
  return back;
}
