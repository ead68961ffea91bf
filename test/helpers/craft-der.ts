// Hand-assembled certificates for the odd encodings real ones carry (times with
// offsets, years 0–99, private and malformed extensions, negative serials) that no
// well-behaved generator writes. Built on the revocation tests' DER writer; signed
// with a real key so openssl and certwatch can verify them too.
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  SIG_ALG_ID,
  bitString,
  bool,
  enumerated,
  octet,
  oid,
  seq,
  set,
  sigAlgFor,
  signWith,
  tlv,
} from './der-writer.js';

export { seq, tlv };

export const utcTime = (s: string) => tlv(0x17, Buffer.from(s, 'latin1'));
export const genTime = (s: string) => tlv(0x18, Buffer.from(s, 'latin1'));
export const ia5 = (s: string) => tlv(0x16, Buffer.from(s, 'latin1'));
/** INTEGER with the content bytes given as hex, sign included ("ff" = −1). */
export const integer = (hex: string) => tlv(0x02, Buffer.from(hex, 'hex'));

export function name(cn: string): Buffer {
  return seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn, 'utf8')))));
}

/** An Extension with the value bytes as given (they need not be DER). */
export function extension(id: string, value: Buffer, critical = false): Buffer {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octet(value));
}

/** reasonCode entry extension (RFC 5280 §5.3.1). */
export const reasonCode = (code: number) => extension('2.5.29.21', enumerated(code));

export interface CraftKey {
  privateKey: KeyObject;
  spki: Buffer;
}

export function craftKey(privateKey?: KeyObject): CraftKey {
  const key = privateKey ?? generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  return { privateKey: key, spki: createPublicKey(key).export({ type: 'spki', format: 'der' }) as Buffer };
}

/** A v3 certificate from raw parts; `notBefore`/`notAfter` are whole Time TLVs (utcTime/genTime). */
export function craftCertificate(o: {
  serialHex?: string;
  issuer: string;
  subject: string;
  notBefore: Buffer;
  notAfter: Buffer;
  subjectKey: CraftKey;
  issuerKey: KeyObject;
  extensions?: Buffer[];
}): Buffer {
  const alg = SIG_ALG_ID[sigAlgFor(o.issuerKey)];
  const tbs = seq(
    tlv(0xa0, integer('02')),
    integer(o.serialHex ?? '01'),
    alg,
    name(o.issuer),
    seq(o.notBefore, o.notAfter),
    name(o.subject),
    o.subjectKey.spki,
    ...(o.extensions?.length ? [tlv(0xa3, seq(...o.extensions))] : []),
  );
  return seq(tbs, alg, bitString(signWith(o.issuerKey, tbs)));
}
