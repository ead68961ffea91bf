// Hand-assembled DER for the odd encodings real certificates and CRLs carry
// (times with offsets, years 0–99, private extensions, negative serials,
// critical entry extensions) that no well-behaved generator will write.
// Signed with a real key so openssl and certwatch can also verify them.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export function tlv(tag: number, ...parts: (Buffer | Uint8Array)[]): Buffer {
  const body = Buffer.concat(parts);
  const n = body.length;
  let len: Buffer;
  if (n < 0x80) len = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
    len = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), len, body]);
}

export const seq = (...p: Buffer[]) => tlv(0x30, ...p);
export const set = (...p: Buffer[]) => tlv(0x31, ...p);
export const octets = (b: Buffer) => tlv(0x04, b);
export const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0]));
export const utcTime = (s: string) => tlv(0x17, Buffer.from(s, 'latin1'));
export const genTime = (s: string) => tlv(0x18, Buffer.from(s, 'latin1'));
export const ia5 = (s: string) => tlv(0x16, Buffer.from(s, 'latin1'));
export const integer = (hex: string) => tlv(0x02, Buffer.from(hex, 'hex'));

export function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [a * 40 + b];
  for (const n of rest) {
    const enc = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) enc.unshift((v & 0x7f) | 0x80);
    out.push(...enc);
  }
  return tlv(0x06, Buffer.from(out));
}

export function name(cn: string): Buffer {
  return seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn, 'utf8')))));
}

export function extension(id: string, value: Buffer, critical = false): Buffer {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
}

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

export interface CraftKey {
  privateKey: KeyObject;
  spki: Buffer;
}

export function craftKey(): CraftKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, spki: publicKey.export({ type: 'spki', format: 'der' }) as Buffer };
}

function signed(tbs: Buffer, key: KeyObject): Buffer {
  const sig = sign('sha256', tbs, key); // DER ECDSA-Sig-Value, as X.509 wants
  return seq(tbs, ECDSA_SHA256, tlv(0x03, Buffer.from([0]), sig));
}

/** A v3 certificate from raw parts; `notBefore`/`notAfter` are whole Time TLVs (utcTime/genTime). */
export function craftCertificate(o: {
  serialHex?: string; // INTEGER content bytes as hex, sign included ("ff" = −1)
  issuer: string;
  subject: string;
  notBefore: Buffer;
  notAfter: Buffer;
  subjectKey: CraftKey;
  issuerKey: KeyObject;
  extensions?: Buffer[];
}): Buffer {
  const tbs = seq(
    tlv(0xa0, integer('02')),
    integer(o.serialHex ?? '01'),
    ECDSA_SHA256,
    name(o.issuer),
    seq(o.notBefore, o.notAfter),
    name(o.subject),
    o.subjectKey.spki,
    ...(o.extensions?.length ? [tlv(0xa3, seq(...o.extensions))] : []),
  );
  return signed(tbs, o.issuerKey);
}

/** A v2 CRL from raw parts: entries carry raw serial bytes, a Time TLV and optional raw extensions. */
export function craftCrl(o: {
  issuer: string;
  issuerKey: KeyObject;
  thisUpdate: Buffer;
  nextUpdate?: Buffer;
  entries: { serialHex: string; date: Buffer; extensions?: Buffer[] }[];
  extensions?: Buffer[];
}): Buffer {
  const entries = o.entries.map((e) => seq(integer(e.serialHex), e.date, ...(e.extensions?.length ? [seq(...e.extensions)] : [])));
  const tbs = seq(
    integer('01'),
    ECDSA_SHA256,
    name(o.issuer),
    o.thisUpdate,
    ...(o.nextUpdate ? [o.nextUpdate] : []),
    ...(entries.length ? [seq(...entries)] : []),
    ...(o.extensions?.length ? [tlv(0xa0, seq(...o.extensions))] : []),
  );
  return signed(tbs, o.issuerKey);
}

/** reasonCode entry extension (RFC 5280 §5.3.1). */
export function reasonCode(code: number): Buffer {
  return extension('2.5.29.21', tlv(0x0a, Buffer.from([code])));
}
