// Certificates out of PKCS#7 / CMS SignedData (RFC 5652): certs-only bundles
// (.p7b/.p7c), S/MIME signatures (.p7s) and Windows catalogs, in DER or in BER
// with indefinite lengths (what `openssl cms -stream` and signing tools write).
// Hand-written on purpose: the schema parser we have counts ASN.1 nodes and trips
// on a real 330 KB catalog, and it does not read indefinite lengths reliably. Here
// the structure is walked in place — offsets only, no object per node — so memory
// stays bounded by the input, and only the certificates are sliced out.
import { DerError, oidText, type Tlv } from './der.js';

/** Why bytes are not a readable PKCS#7 SignedData, as data (put into words by report/text/reader-problem.ts). */
export type Pkcs7Fault =
  | { reason: 'pkcs7-no-outer-sequence' }
  | { reason: 'pkcs7-no-content-type' }
  /** a ContentInfo of another type (data, enveloped …): its OID */
  | { reason: 'pkcs7-not-signed-data'; contentType: string }
  | { reason: 'pkcs7-no-content' }
  | { reason: 'pkcs7-signed-data-empty' }
  | { reason: 'pkcs7-signed-data-not-sequence' }
  /** the BER does not decode: the DER reader's reason (x509/der.ts), with its byte offset */
  | { reason: 'pkcs7-ber-damaged'; message: string };

export class Pkcs7Error extends Error {
  constructor(readonly fault: Pkcs7Fault) {
    super(fault.reason);
  }
}

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
// BER nests shallowly in SignedData; this bounds recursion on hostile input.
const MAX_DEPTH = 64;

/** One BER TLV at p: definite or (constructed only) indefinite length, whose end is found by walking its children. */
type BerTlv = Tlv & { indefinite: boolean };

function berTlv(buf: Uint8Array, p: number, limit: number, depth = 0): BerTlv {
  if (depth > MAX_DEPTH) throw new DerError('ASN.1 nested too deeply', p);
  if (p + 2 > limit) throw new DerError('truncated TLV header', p);
  const tag = buf[p];
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag number form not supported', p);
  let len = buf[p + 1];
  let q = p + 2;
  if (len === 0x80) {
    if (!(tag & 0x20)) throw new DerError('indefinite length on a primitive value', p);
    let c = q;
    for (;;) {
      if (c + 2 > limit) throw new DerError('indefinite-length value without end-of-contents', p);
      if (buf[c] === 0 && buf[c + 1] === 0) break;
      c = berTlv(buf, c, limit, depth + 1).end;
    }
    return { tag, start: p, contentStart: q, end: c + 2, indefinite: true };
  }
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n > 4) throw new DerError('length field too long', p);
    if (q + n > limit) throw new DerError('truncated length', p);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[q + i];
    q += n;
  }
  const end = q + len;
  if (end > limit) throw new DerError(`content of ${len} bytes runs past the end`, p);
  return { tag, start: p, contentStart: q, end, indefinite: false };
}

/** The children of a constructed BER TLV (end-of-contents excluded). */
function berChildren(buf: Uint8Array, t: BerTlv): BerTlv[] {
  const out: BerTlv[] = [];
  const limit = t.indefinite ? t.end - 2 : t.end;
  for (let p = t.contentStart; p < limit; ) {
    const c = berTlv(buf, p, limit, 1);
    out.push(c);
    p = c.end;
  }
  return out;
}

/** Does this look like a ContentInfo of SignedData (for sniffing DER/BER files)? */
export function isPkcs7SignedData(buf: Uint8Array): boolean {
  const oid = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);
  return buf[0] === 0x30 && Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.length, 32)).includes(oid);
}

/**
 * Every X.509 certificate in a PKCS#7/CMS SignedData (attribute and other
 * certificate choices are skipped), in order, as DER slices of `buf`.
 * Throws Pkcs7Error with what is wrong (its `fault`).
 */
export function readPkcs7Certificates(buf: Uint8Array): Buffer[] {
  try {
    const top = berTlv(buf, 0, buf.length);
    if (top.tag !== 0x30) throw new Pkcs7Error({ reason: 'pkcs7-no-outer-sequence' });
    const [typeT, explicitT] = berChildren(buf, top);
    if (typeT?.tag !== 0x06) throw new Pkcs7Error({ reason: 'pkcs7-no-content-type' });
    const type = oidText(buf.subarray(typeT.contentStart, typeT.end));
    if (type !== OID_SIGNED_DATA) throw new Pkcs7Error({ reason: 'pkcs7-not-signed-data', contentType: type });
    if (explicitT?.tag !== 0xa0) throw new Pkcs7Error({ reason: 'pkcs7-no-content' });
    const sdT = berChildren(buf, explicitT)[0];
    if (!sdT) throw new Pkcs7Error({ reason: 'pkcs7-signed-data-empty' });
    if (sdT.tag !== 0x30) throw new Pkcs7Error({ reason: 'pkcs7-signed-data-not-sequence' });
    const fields = berChildren(buf, sdT);
    // version, digestAlgorithms, encapContentInfo, then [0] IMPLICIT certificates
    const certsT = fields.slice(3).find((f) => f.tag === 0xa0);
    const out: Buffer[] = [];
    if (!certsT) return out;
    for (const c of berChildren(buf, certsT)) {
      if (c.tag !== 0x30) continue; // extendedCertificate, attribute certificates, other
      out.push(Buffer.from(buf.buffer, buf.byteOffset + c.start, c.end - c.start));
    }
    return out;
  } catch (e) {
    if (e instanceof DerError) throw new Pkcs7Error({ reason: 'pkcs7-ber-damaged', message: e.message });
    throw e;
  }
}
