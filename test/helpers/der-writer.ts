// A tiny DER writer for test fixtures and the CRL benchmark: CRLs and OCSP
// responses built byte by byte, so tests can produce what real CAs and broken
// servers produce (no nextUpdate, wrong shard, huge entry counts) without a
// library deciding for them.
import { sign, type KeyObject } from 'node:crypto';

export function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
}

export const seq = (...parts: Buffer[]) => tlv(0x30, ...parts);
export const set = (...parts: Buffer[]) => tlv(0x31, ...parts);
export const octet = (b: Buffer) => tlv(0x04, b);
export const bitString = (b: Buffer) => tlv(0x03, Buffer.from([0]), b);
export const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0]));
export const nul = () => Buffer.from([0x05, 0x00]);
/** Context-specific tag n, constructed (explicit / constructed implicit). */
export const ctx = (n: number, ...parts: Buffer[]) => tlv(0xa0 | n, ...parts);
/** Context-specific tag n, primitive (implicit). */
export const ctxPrim = (n: number, b: Buffer) => tlv(0x80 | n, b);

/** INTEGER from unsigned magnitude bytes, bigint or number (adds the 00 pad DER needs). */
export function int(v: Uint8Array | bigint | number): Buffer {
  let b: Buffer;
  if (typeof v === 'number' || typeof v === 'bigint') {
    let hex = BigInt(v).toString(16);
    if (hex.length % 2) hex = '0' + hex;
    b = Buffer.from(hex, 'hex');
  } else b = Buffer.from(v);
  if (b.length === 0) b = Buffer.from([0]);
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

/** INTEGER with the content bytes exactly as given (to test odd encodings). */
export const rawInt = (b: Buffer) => tlv(0x02, b);
export const enumerated = (n: number) => tlv(0x0a, Buffer.from([n]));

export function oid(text: string): Buffer {
  const p = text.split('.').map(Number);
  const out = [40 * p[0] + p[1]];
  for (const n of p.slice(2)) {
    const enc: number[] = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) enc.unshift((v & 0x7f) | 0x80);
    out.push(...enc);
  }
  return tlv(0x06, Buffer.from(out));
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime after. */
export function time(d: Date): Buffer {
  const iso = d.toISOString();
  const s =
    iso.slice(0, 4) +
    iso.slice(5, 7) +
    iso.slice(8, 10) +
    iso.slice(11, 13) +
    iso.slice(14, 16) +
    iso.slice(17, 19) +
    'Z';
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(s.slice(2), 'latin1')) : tlv(0x18, Buffer.from(s, 'latin1'));
}

export const generalizedTime = (d: Date) => {
  const iso = d.toISOString();
  return tlv(
    0x18,
    Buffer.from(
      iso.slice(0, 4) +
        iso.slice(5, 7) +
        iso.slice(8, 10) +
        iso.slice(11, 13) +
        iso.slice(14, 16) +
        iso.slice(17, 19) +
        'Z',
      'latin1',
    ),
  );
};

export const uri = (u: string) => ctxPrim(6, Buffer.from(u, 'latin1'));

export function extension(oidText: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(oidText), bool(true), octet(value)) : seq(oid(oidText), octet(value));
}

export type SigAlg = 'ecdsa-sha256' | 'rsa-sha256' | 'ed25519';

export const SIG_ALG_ID: Record<SigAlg, Buffer> = {
  'ecdsa-sha256': seq(oid('1.2.840.10045.4.3.2')),
  'rsa-sha256': seq(oid('1.2.840.113549.1.1.11'), nul()),
  ed25519: seq(oid('1.3.101.112')),
};

export function sigAlgFor(key: KeyObject): SigAlg {
  const t = key.asymmetricKeyType;
  return t === 'rsa' ? 'rsa-sha256' : t === 'ed25519' ? 'ed25519' : 'ecdsa-sha256';
}

export function signWith(key: KeyObject, data: Buffer): Buffer {
  return sign(sigAlgFor(key) === 'ed25519' ? null : 'sha256', data, key);
}

// ---- CRLs ----------------------------------------------------------------

export interface CrlEntrySpec {
  serial: Uint8Array | bigint | number; // magnitude bytes or a number
  rawSerial?: Buffer; // exact INTEGER content (e.g. with a redundant 00)
  revokedAt: Date;
  reason?: number;
  date?: Buffer; // a raw Time TLV instead of revokedAt (odd encodings, years 0–99)
  extensions?: Buffer[]; // further raw entry extensions
}

export interface CrlSpec {
  issuerNameDer: Buffer;
  signingKey: KeyObject;
  thisUpdate: Date;
  nextUpdate?: Date; // omit for a CRL without nextUpdate
  thisUpdateRaw?: Buffer; // raw Time TLVs instead of the dates (odd encodings, years 0–99)
  nextUpdateRaw?: Buffer;
  entries?: CrlEntrySpec[];
  crlNumber?: bigint | number;
  idpUrls?: string[]; // Issuing Distribution Point fullName URIs
  idpOnlyUser?: boolean;
  freshestUrls?: string[];
  deltaBase?: bigint | number; // makes it a delta CRL
  criticalUnknownExtension?: boolean;
  extensions?: Buffer[]; // further raw CRL extensions
  /** Pre-encoded revokedCertificates contents (the benchmark writes millions at once). */
  entriesDer?: Buffer;
}

function dpName(urls: string[]): Buffer {
  return ctx(0, ctx(0, ...urls.map(uri))); // distributionPoint [0] { fullName [0] { URIs } }
}

export function crlEntry(e: CrlEntrySpec): Buffer {
  const parts = [e.rawSerial ? rawInt(e.rawSerial) : int(e.serial), e.date ?? time(e.revokedAt)];
  const exts = [
    ...(e.reason !== undefined ? [extension('2.5.29.21', false, enumerated(e.reason))] : []),
    ...(e.extensions ?? []),
  ];
  if (exts.length) parts.push(seq(...exts));
  return seq(...parts);
}

export function buildCrl(s: CrlSpec): Buffer {
  const alg = SIG_ALG_ID[sigAlgFor(s.signingKey)];
  const fields: Buffer[] = [int(1), alg, s.issuerNameDer, s.thisUpdateRaw ?? time(s.thisUpdate)];
  if (s.nextUpdate) fields.push(s.nextUpdateRaw ?? time(s.nextUpdate));
  const entries = s.entriesDer ?? (s.entries?.length ? Buffer.concat(s.entries.map(crlEntry)) : null);
  if (entries && entries.length) fields.push(tlv(0x30, entries));
  const exts: Buffer[] = [];
  if (s.crlNumber !== undefined) exts.push(extension('2.5.29.20', false, int(BigInt(s.crlNumber))));
  if (s.deltaBase !== undefined) exts.push(extension('2.5.29.27', true, int(BigInt(s.deltaBase))));
  if (s.idpUrls || s.idpOnlyUser) {
    const idp: Buffer[] = [];
    if (s.idpUrls) idp.push(dpName(s.idpUrls));
    if (s.idpOnlyUser) idp.push(ctxPrim(1, Buffer.from([0xff])));
    exts.push(extension('2.5.29.28', true, seq(...idp)));
  }
  if (s.freshestUrls) exts.push(extension('2.5.29.46', false, seq(seq(dpName(s.freshestUrls)))));
  if (s.criticalUnknownExtension) exts.push(extension('1.2.3.4.5.6', true, nul()));
  if (s.extensions) exts.push(...s.extensions);
  if (exts.length) fields.push(ctx(0, seq(...exts)));
  const tbs = seq(...fields);
  return seq(tbs, alg, bitString(signWith(s.signingKey, tbs)));
}
