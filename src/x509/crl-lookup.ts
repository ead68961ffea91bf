// Streaming CRL scan (RFC 5280 §5.1). Written by hand on purpose: @peculiar/x509's
// X509Crl returns zero entries for a CRL without nextUpdate, throws on CRLs past
// ~1,400 entries by default, and needs seconds and GBs for 100k+ entries (the
// CRL row of npm run bench measures this). Here the revokedCertificates SEQUENCE is walked in place:
// one validating pass counts the entries without creating an object per entry,
// and lookups compare serial bytes where they lie. Repeated lookups (many
// certificates on one CA's CRL) use a hash index held in one Int32Array.
// Signature and freshness checks live in verify-crl.ts.
import { DerError, children, content, oidText, readTime, readTlv, type Tlv } from './der.js';
import { canonicalInteger } from './serial.js';

export class CrlParseError extends Error {}

/** CRLReason (RFC 5280 §5.3.1); 7 is unused. */
export const CRL_REASONS: Record<number, string> = {
  0: 'unspecified',
  1: 'keyCompromise',
  2: 'cACompromise',
  3: 'affiliationChanged',
  4: 'superseded',
  5: 'cessationOfOperation',
  6: 'certificateHold',
  8: 'removeFromCRL',
  9: 'privilegeWithdrawn',
  10: 'aACompromise',
};

/** Issuing Distribution Point (RFC 5280 §5.2.5). */
export interface IssuingDistributionPoint {
  fullNames: string[]; // URIs of distributionPoint.fullName; a sharded CRL names its own URL here
  onlyUserCerts: boolean;
  onlyCaCerts: boolean;
  onlySomeReasons: boolean; // a partitioned-by-reason CRL: absence from it proves nothing
  indirectCrl: boolean;
  onlyAttributeCerts: boolean;
}

export interface CrlEntryMatch {
  revokedAt: Date;
  reason?: string; // name from CRL_REASONS, absent when the entry has no reasonCode
  reasonCode?: number;
}

export interface ScannedCrl {
  thisUpdate: Date;
  nextUpdate?: Date;
  issuerDer: Buffer; // the issuer Name, DER, for comparison with the issuer certificate's subject
  tbs: Buffer; // raw tbsCertList bytes: what the signature covers
  signatureAlgorithm: string; // dotted OID
  signatureParams?: Buffer; // DER of the AlgorithmIdentifier parameters (RSASSA-PSS needs them)
  signature: Buffer;
  idp?: IssuingDistributionPoint;
  isDelta: boolean;
  crlNumber?: bigint;
  deltaBase?: bigint; // BaseCRLNumber of a delta CRL (RFC 5280 §5.2.4)
  freshestUrls: string[]; // FreshestCRL (RFC 5280 §5.2.6): where the delta CRL is
  unsupportedCritical: string[]; // critical CRL extensions we do not process: the CRL must not be used (§5.2)
  unsupportedCriticalEntry: string[]; // critical CRL entry extensions we do not process: the CRL must not be used (§5.3)
  /** readable, but unusable for any status: a malformed extension certwatch needs, a signature with unused bits */
  problems: string[];
  count: number;
  find(serial: Uint8Array): CrlEntryMatch | null;
}

const SEQ = 0x30;
const INTEGER = 0x02;
const UTCTIME = 0x17;
const GENTIME = 0x18;
const BITSTRING = 0x03;

const EXT_CRL_NUMBER = '2.5.29.20';
const EXT_DELTA_INDICATOR = '2.5.29.27';
const EXT_IDP = '2.5.29.28';
const EXT_FRESHEST = '2.5.29.46';
const EXT_REASON = '2.5.29.21';
/** Extensions whose presence we understand even when marked critical. */
const KNOWN_CRL_EXTENSIONS = new Set([
  EXT_CRL_NUMBER,
  EXT_DELTA_INDICATOR,
  EXT_IDP,
  EXT_FRESHEST,
  '2.5.29.35',
  '2.5.29.18',
  '2.5.29.60',
]);
/** CRL entry extensions we process or may ignore (§5.3): reasonCode, holdInstructionCode, invalidityDate. certificateIssuer (indirect CRLs) is not among them. */
const KNOWN_ENTRY_EXTENSIONS = ['2.5.29.21', '2.5.29.23', '2.5.29.24'].map((o) => Buffer.from(oidBytes(o)));
const BOOLEAN = 0x01;

function oidBytes(dotted: string): number[] {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [a * 40 + b];
  for (const n of rest) {
    const enc = [n & 0x7f];
    for (let v = n >> 7; v > 0; v >>= 7) enc.unshift((v & 0x7f) | 0x80);
    out.push(...enc);
  }
  return out;
}

/** Up to this many entries every lookup is a linear scan; past it, the second lookup builds an index. */
const INDEX_THRESHOLD = 64;

// Scratch output of hdr(): the end of the TLV just read. A module variable rather
// than a returned object, so the per-entry loops allocate nothing.
let hdrEnd = 0;

/** Read a TLV header at p (bounded by limit); returns the content start and sets hdrEnd. */
function hdr(buf: Uint8Array, p: number, limit: number): number {
  if (p + 2 > limit) throw new DerError('truncated TLV header', p);
  let len = buf[p + 1];
  let q = p + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new DerError('bad length form', p);
    if (q + n > limit) throw new DerError('truncated length', p);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[q + i];
    q += n;
  }
  hdrEnd = q + len;
  if (hdrEnd > limit) throw new DerError(`content of ${len} bytes runs past the end`, p);
  return q;
}

function toBigInt(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

function uris(buf: Buffer, names: Tlv): string[] {
  const out: string[] = [];
  for (const gn of children(buf, names)) if (gn.tag === 0x86) out.push(content(buf, gn).toString('latin1'));
  return out;
}

function parseIdp(buf: Buffer, seq: Tlv): IssuingDistributionPoint {
  const idp: IssuingDistributionPoint = {
    fullNames: [],
    onlyUserCerts: false,
    onlyCaCerts: false,
    onlySomeReasons: false,
    indirectCrl: false,
    onlyAttributeCerts: false,
  };
  const flag = (t: Tlv) => t.end > t.contentStart && buf[t.contentStart] !== 0;
  for (const f of children(buf, seq)) {
    switch (f.tag) {
      case 0xa0: // distributionPoint: DistributionPointName CHOICE, explicitly tagged
        for (const n of children(buf, f)) if (n.tag === 0xa0) idp.fullNames.push(...uris(buf, n));
        break;
      case 0x81:
        idp.onlyUserCerts = flag(f);
        break;
      case 0x82:
        idp.onlyCaCerts = flag(f);
        break;
      case 0x83:
      case 0xa3:
        idp.onlySomeReasons = true;
        break;
      case 0x84:
        idp.indirectCrl = flag(f);
        break;
      case 0x85:
        idp.onlyAttributeCerts = flag(f);
        break;
    }
  }
  return idp;
}

function distributionPointUris(buf: Buffer, seq: Tlv): string[] {
  const out: string[] = [];
  for (const dp of children(buf, seq)) {
    for (const f of children(buf, dp)) {
      if (f.tag !== 0xa0) continue;
      for (const n of children(buf, f)) if (n.tag === 0xa0) out.push(...uris(buf, n));
    }
  }
  return out;
}

/** Where the minimal two's-complement form of the INTEGER in buf[from, to) starts (see canonicalInteger). */
function canonicalStart(buf: Uint8Array, from: number, to: number): number {
  while (from < to - 1 && ((buf[from] === 0 && buf[from + 1] < 0x80) || (buf[from] === 0xff && buf[from + 1] >= 0x80)))
    from++;
  return from;
}

/** Record critical entry extensions we cannot process (RFC 5280 §5.3); `from` is the content of the entry's extensions SEQUENCE. */
function checkEntryExtensions(buf: Uint8Array, from: number, to: number, out: string[]): void {
  for (let p = from; p < to; ) {
    if (buf[p] !== SEQ) throw new DerError('CRL entry extension is not a SEQUENCE', p);
    const c = hdr(buf, p, to);
    const xEnd = hdrEnd;
    if (buf[c] !== 0x06) throw new DerError('CRL entry extension without an OID', c);
    const oc = hdr(buf, c, xEnd);
    const oEnd = hdrEnd;
    if (oEnd < xEnd && buf[oEnd] === BOOLEAN) {
      const bc = hdr(buf, oEnd, xEnd);
      if (hdrEnd > bc && buf[bc] !== 0) {
        const oid = buf.subarray(oc, oEnd);
        if (!KNOWN_ENTRY_EXTENSIONS.some((k) => k.length === oid.length && k.equals(oid))) {
          const text = oidText(oid);
          if (!out.includes(text) && out.length < 8) out.push(text);
        }
      }
    }
    p = xEnd;
  }
}

/** FNV-1a over the serial's minimal encoding. */
function hashSerial(buf: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return h >>> 0;
}

/** Parse the CRL's frame and validate every entry; throws CrlParseError on anything malformed or truncated. */
export function scanCrl(derIn: Uint8Array): ScannedCrl {
  try {
    return scan(Buffer.isBuffer(derIn) ? derIn : Buffer.from(derIn.buffer, derIn.byteOffset, derIn.byteLength));
  } catch (e) {
    if (e instanceof DerError) throw new CrlParseError(`malformed CRL: ${e.message}`);
    throw e;
  }
}

function scan(buf: Buffer): ScannedCrl {
  if (buf.length === 0) throw new CrlParseError('empty CRL');
  const top = readTlv(buf, 0);
  if (top.tag !== SEQ) throw new CrlParseError('not a DER CRL (no outer SEQUENCE)');
  if (top.end !== buf.length) throw new CrlParseError(`${buf.length - top.end} bytes after the end of the CRL`);
  const parts = children(buf, top);
  if (parts.length !== 3 || parts[0].tag !== SEQ || parts[1].tag !== SEQ || parts[2].tag !== BITSTRING) {
    throw new CrlParseError('not a CertificateList (expected tbsCertList, signatureAlgorithm, signatureValue)');
  }
  const [tbsT, algT, sigT] = parts;
  const algParts = children(buf, algT);
  const signatureAlgorithm = oidText(content(buf, algParts[0]));
  const signatureParams = algParts[1] ? Buffer.from(buf.subarray(algParts[1].start, algParts[1].end)) : undefined;
  const problems: string[] = [];
  // OpenSSL reads such a CRL (NIST PKITS has one); it just cannot carry a valid signature.
  if (sigT.end === sigT.contentStart) throw new CrlParseError('empty signature BIT STRING');
  if (buf[sigT.contentStart] !== 0)
    problems.push(`its signature BIT STRING has ${buf[sigT.contentStart]} unused bits, so it is not a valid signature`);
  const signature = buf.subarray(sigT.contentStart + 1, sigT.end);

  const f = children(buf, tbsT); // the handful of top-level tbsCertList fields, not the entries
  let i = 0;
  if (f[i]?.tag === INTEGER) i++; // version v2
  const innerAlg = f[i++];
  if (!innerAlg || innerAlg.tag !== SEQ) throw new CrlParseError('tbsCertList has no signature algorithm');
  // RFC 5280 §5.1.1.2: the two algorithm fields must be identical.
  if (!buf.subarray(innerAlg.start, innerAlg.end).equals(buf.subarray(algT.start, algT.end))) {
    throw new CrlParseError('tbsCertList.signature differs from signatureAlgorithm');
  }
  const issuerT = f[i++];
  if (!issuerT || issuerT.tag !== SEQ) throw new CrlParseError('tbsCertList has no issuer');
  const thisT = f[i++];
  if (!thisT) throw new CrlParseError('tbsCertList has no thisUpdate');
  const thisUpdate = readTime(buf, thisT);
  let nextUpdate: Date | undefined;
  if (f[i] && (f[i].tag === UTCTIME || f[i].tag === GENTIME)) nextUpdate = readTime(buf, f[i++]);
  let revT: Tlv | undefined;
  if (f[i]?.tag === SEQ) revT = f[i++];
  let extsT: Tlv | undefined;
  if (f[i]?.tag === 0xa0) extsT = f[i++];
  if (i !== f.length) throw new CrlParseError(`unexpected field (tag 0x${f[i].tag.toString(16)}) in tbsCertList`);

  const crl: Omit<ScannedCrl, 'find' | 'count'> = {
    thisUpdate,
    nextUpdate,
    issuerDer: Buffer.from(buf.subarray(issuerT.start, issuerT.end)),
    tbs: buf.subarray(tbsT.start, tbsT.end),
    signatureAlgorithm,
    signatureParams,
    signature,
    isDelta: false,
    freshestUrls: [],
    unsupportedCritical: [],
    unsupportedCriticalEntry: [],
    problems,
  };
  if (extsT) {
    const seq = readTlv(buf, extsT.contentStart, extsT.end);
    for (const ext of children(buf, seq)) {
      const ep = children(buf, ext);
      const oid = oidText(content(buf, ep[0]));
      const critical = ep.length === 3 && buf[ep[1].contentStart] !== 0;
      const val = ep[ep.length - 1];
      if (!KNOWN_CRL_EXTENSIONS.has(oid)) {
        // Unknown extensions stay opaque bytes: only a critical one stops the CRL from being used.
        if (critical) crl.unsupportedCritical.push(oid);
        continue;
      }
      try {
        const inner = readTlv(buf, val.contentStart, val.end);
        switch (oid) {
          case EXT_CRL_NUMBER:
            crl.crlNumber = toBigInt(content(buf, inner));
            break;
          case EXT_DELTA_INDICATOR:
            crl.isDelta = true;
            crl.deltaBase = toBigInt(content(buf, inner));
            break;
          case EXT_IDP:
            crl.idp = parseIdp(buf, inner);
            break;
          case EXT_FRESHEST:
            crl.freshestUrls = distributionPointUris(buf, inner);
            break;
        }
      } catch (e) {
        if (!(e instanceof DerError)) throw e;
        // Scope, delta base and delta location change what the CRL proves: unknown → unusable.
        if (oid === EXT_IDP || oid === EXT_DELTA_INDICATOR || critical)
          problems.push(`its extension ${oid} is malformed (${e.message})`);
      }
    }
  }

  // One validating pass over the entries: structure only, no objects, no dates.
  const revStart = revT ? revT.contentStart : 0;
  const revEnd = revT ? revT.end : 0;
  let count = 0;
  for (let p = revStart; p < revEnd; ) {
    if (buf[p] !== SEQ) throw new DerError('revokedCertificates entry is not a SEQUENCE', p);
    const c = hdr(buf, p, revEnd);
    const eEnd = hdrEnd;
    if (buf[c] !== INTEGER) throw new DerError('entry without a serial number', c);
    const sc = hdr(buf, c, eEnd);
    const sEnd = hdrEnd;
    if (sEnd === sc) throw new DerError('empty serial number', c);
    const t = buf[sEnd];
    if (t !== UTCTIME && t !== GENTIME) throw new DerError('entry without a revocation date', sEnd);
    hdr(buf, sEnd, eEnd);
    const q = hdrEnd;
    if (q < eEnd) {
      if (buf[q] !== SEQ) throw new DerError('entry extensions are not a SEQUENCE', q);
      const xs = hdr(buf, q, eEnd);
      if (hdrEnd !== eEnd) throw new DerError('trailing bytes in a revokedCertificates entry', hdrEnd);
      checkEntryExtensions(buf, xs, eEnd, crl.unsupportedCriticalEntry);
    }
    count++;
    p = eEnd;
  }

  let index: Int32Array | null = null;
  let lookups = 0;
  const buildIndex = (): Int32Array => {
    let size = 1;
    while (size < count * 2) size <<= 1;
    const table = new Int32Array(size); // entry offset + 1; 0 = empty slot
    const mask = size - 1;
    for (let p = revStart; p < revEnd; ) {
      const c = hdr(buf, p, revEnd);
      const eEnd = hdrEnd;
      let sc = hdr(buf, c, eEnd);
      const sEnd = hdrEnd;
      sc = canonicalStart(buf, sc, sEnd);
      let slot = hashSerial(buf, sc, sEnd) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = p + 1;
      p = eEnd;
    }
    return table;
  };

  /** Does the entry at p carry this serial (as a signed integer)? */
  const entryMatches = (p: number, want: Uint8Array): boolean => {
    const c = hdr(buf, p, revEnd);
    let sc = hdr(buf, c, hdrEnd);
    const sEnd = hdrEnd;
    sc = canonicalStart(buf, sc, sEnd);
    if (sEnd - sc !== want.length) return false;
    for (let k = 0; k < want.length; k++) if (buf[sc + k] !== want[k]) return false;
    return true;
  };

  const decodeEntry = (p: number): CrlEntryMatch => {
    const entry = readTlv(buf, p, revEnd);
    const ef = children(buf, entry);
    const m: CrlEntryMatch = { revokedAt: readTime(buf, ef[1]) };
    if (ef[2]) {
      for (const ext of children(buf, ef[2])) {
        const ep = children(buf, ext);
        if (oidText(content(buf, ep[0])) !== EXT_REASON) continue;
        const val = ep[ep.length - 1];
        const en = readTlv(buf, val.contentStart, val.end);
        const code = Number(toBigInt(content(buf, en)));
        m.reasonCode = code;
        m.reason = CRL_REASONS[code] ?? `reason ${code}`;
      }
    }
    return m;
  };

  const find = (serial: Uint8Array): CrlEntryMatch | null => {
    const want = canonicalInteger(serial);
    try {
      // One lookup (the common case: one certificate per CRL) is fastest as a
      // linear scan; from the second on, build the index once and hash.
      lookups++;
      if (count <= INDEX_THRESHOLD || (lookups === 1 && !index)) {
        for (let p = revStart; p < revEnd; ) {
          hdr(buf, p, revEnd);
          const eEnd = hdrEnd;
          if (entryMatches(p, want)) return decodeEntry(p);
          p = eEnd;
        }
        return null;
      }
      index ??= buildIndex();
      const mask = index.length - 1;
      let h = 0x811c9dc5;
      for (let k = 0; k < want.length; k++) h = Math.imul(h ^ want[k], 0x01000193);
      for (let slot = (h >>> 0) & mask; index[slot] !== 0; slot = (slot + 1) & mask) {
        const p = index[slot] - 1;
        if (entryMatches(p, want)) return decodeEntry(p);
      }
      return null;
    } catch (e) {
      if (e instanceof DerError) throw new CrlParseError(`malformed CRL entry: ${e.message}`);
      throw e;
    }
  };

  return { ...crl, count, find };
}
