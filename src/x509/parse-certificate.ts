// One certificate record, parsed once. Node's crypto.X509Certificate (OpenSSL
// underneath: it agreed with `openssl x509` on every certificate tried, and is
// ~6× faster than @peculiar/x509) gives names, SANs and the key; a direct DER
// walk (der.ts) gives what Node hides. Where the two disagree, or the DER is
// odd, the certificate is refused with a reason instead of reported wrongly.
import { X509Certificate, createHash, createPublicKey, type KeyObject } from 'node:crypto';
import type { CertificateRecord, CertificateRole, KeyInfo, SubjectAltName } from '../types.js';
import {
  DerError,
  children,
  content,
  expectTag,
  oidText,
  opensslTimeText,
  readTimeDetailed,
  readTlv,
  type Tlv,
} from './der.js';

export class CertificateParseError extends Error {}

const SEQ = 0x30;
const INTEGER = 0x02;
const OID = 0x06;
const OCTET = 0x04;
const BOOLEAN = 0x01;

const SIG_ALGS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa_with_SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa_with_SHA256',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
};

const CURVES: Record<string, { name: string; size: number }> = {
  prime256v1: { name: 'P-256', size: 256 },
  secp384r1: { name: 'P-384', size: 384 },
  secp521r1: { name: 'P-521', size: 521 },
  secp224r1: { name: 'P-224', size: 224 },
  secp256k1: { name: 'secp256k1', size: 256 },
  brainpoolP256r1: { name: 'brainpoolP256r1', size: 256 },
  brainpoolP384r1: { name: 'brainpoolP384r1', size: 384 },
  brainpoolP512r1: { name: 'brainpoolP512r1', size: 512 },
};

const EXT_SAN = '2.5.29.17';
const EXT_KEY_USAGE = '2.5.29.15';
const EXT_BASIC = '2.5.29.19';
const EXT_SKI = '2.5.29.14';
const EXT_AKI = '2.5.29.35';
const EXT_CRLDP = '2.5.29.31';
const EXT_AIA = '1.3.6.1.5.5.7.1.1';
const EXT_EKU = '2.5.29.37';
const AD_OCSP = '1.3.6.1.5.5.7.48.1';

/** The extensions certwatch reads, by the name messages use; all others are carried as opaque bytes. */
const NEEDED_EXTENSIONS: Record<string, string> = {
  [EXT_SAN]: 'subjectAltName',
  [EXT_BASIC]: 'basicConstraints',
  [EXT_KEY_USAGE]: 'keyUsage',
  [EXT_SKI]: 'subjectKeyIdentifier',
  [EXT_AKI]: 'authorityKeyIdentifier',
  [EXT_CRLDP]: 'cRLDistributionPoints',
  [EXT_AIA]: 'authorityInfoAccess',
  [EXT_EKU]: 'extKeyUsage',
};

function verifiesWithOwnKey(node: X509Certificate): boolean {
  try {
    return node.verify(node.publicKey);
  } catch {
    return false; // a key OpenSSL cannot load cannot prove self-signature
  }
}
const AD_CA_ISSUERS = '1.3.6.1.5.5.7.48.2';

/** Uppercase hex of an INTEGER's value, "-" for negative (two's complement), as openssl prints it. */
export function serialHex(bytes: Uint8Array): string {
  if (bytes.length === 0) return '00';
  if (bytes[0] & 0x80) {
    // negative: magnitude = two's complement
    const mag = Buffer.alloc(bytes.length);
    let carry = 1;
    for (let i = bytes.length - 1; i >= 0; i--) {
      const v = (~bytes[i] & 0xff) + carry;
      mag[i] = v & 0xff;
      carry = v >> 8;
    }
    return '-' + stripZeros(mag).toString('hex').toUpperCase();
  }
  return stripZeros(Buffer.from(bytes)).toString('hex').toUpperCase().padStart(2, '0');
}

function stripZeros(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
}

/**
 * Node prints DNs one RDN per line, most significant first, with the attributes of a
 * multi-valued RDN joined by " + ". RFC 4514 (as `openssl x509 -nameopt RFC2253`
 * prints it) reverses the whole sequence — the attributes inside a multi-valued RDN
 * too — and joins RDNs with "," and attributes with "+". A literal "+" in a value is
 * escaped ("\+") by Node, so splitting on " + " is safe.
 */
function dnToRfc4514(nodeDn: string, der: Buffer, name: Tlv): string {
  const rdns = nodeDn
    .split('\n')
    .filter(Boolean)
    .map((rdn) => rdn.split(' + '));
  dumpNonStrings(rdns, der, name);
  return rdns
    .reverse()
    .map((rdn) => rdn.reverse().join('+'))
    .join(',');
}

// ASN.1 string (and time) types OpenSSL prints as text; any other value type
// (a BIT STRING x500UniqueIdentifier, a SEQUENCE) RFC 4514 §2.4 writes as "#" and
// the hex of its DER, as `openssl -nameopt RFC2253` does. Node prints such values
// as raw bytes, so they are replaced here from the DER.
const TEXT_TAGS = new Set([0x0c, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1e]);

function dumpNonStrings(rdns: string[][], der: Buffer, name: Tlv): void {
  const sets = children(der, name);
  if (sets.length !== rdns.length) return; // not aligned with Node's view: keep Node's text
  sets.forEach((set, r) => {
    const atvs = children(der, set);
    if (atvs.length !== rdns[r].length) return;
    atvs.forEach((atv, a) => {
      const value = children(der, atv)[1];
      if (!value || TEXT_TAGS.has(value.tag)) return;
      const text = rdns[r][a];
      const eq = text.indexOf('=');
      rdns[r][a] = `${text.slice(0, eq)}=#${der.subarray(value.start, value.end).toString('hex').toUpperCase()}`;
    });
  });
}

function dnAttr(nodeDn: string, attr: string): string | undefined {
  // Last occurrence of the attribute = the most specific one. Attributes of a
  // multi-valued RDN are looked at one by one (else "CN=a + OU=b" would give "a + OU=b").
  let found: string | undefined;
  for (const line of nodeDn.split('\n')) {
    for (const part of line.split(' + ')) {
      if (part.startsWith(attr + '=')) found = part.slice(attr.length + 1);
    }
  }
  // Display and issuer matching want the value, not its RFC 4514 escaping ("Example\, Inc.").
  return found?.replace(/\\([,+"\\<>;#= ])/g, '$1');
}

function generalNameUris(buf: Buffer, seq: Tlv): string[] {
  const out: string[] = [];
  for (const gn of children(buf, seq)) if (gn.tag === 0x86) out.push(content(buf, gn).toString('latin1'));
  return out;
}

/** dNSName and iPAddress entries, typed and in order; other GeneralName forms are not names certwatch matches. */
function parseSans(buf: Buffer, ext: Tlv): SubjectAltName[] {
  const sans: SubjectAltName[] = [];
  for (const gn of children(buf, expectTag(ext, SEQ, 'subjectAltName'))) {
    const v = content(buf, gn);
    if (gn.tag === 0x82) sans.push({ type: 'dNSName', value: v.toString('latin1') });
    else if (gn.tag === 0x87) {
      // Any other length is not an address (openssl prints "<invalid>"): nothing to match.
      if (v.length === 4) sans.push({ type: 'iPAddress', value: Array.from(v).join('.') });
      else if (v.length === 16) {
        const parts: string[] = [];
        for (let i = 0; i < 16; i += 2) parts.push(v.readUInt16BE(i).toString(16));
        sans.push({ type: 'iPAddress', value: compressIpv6(parts) });
      }
    }
  }
  return sans;
}

const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

function parseKeyUsage(buf: Buffer, ext: Tlv): string[] {
  const bits = content(buf, expectTag(ext, 0x03, 'keyUsage'));
  if (bits.length === 0) throw new DerError('keyUsage BIT STRING is empty', ext.start);
  const out: string[] = [];
  for (let i = 0; i < KEY_USAGE_BITS.length; i++) {
    const byte = bits[1 + (i >> 3)];
    if (byte !== undefined && byte & (0x80 >> (i & 7))) out.push(KEY_USAGE_BITS[i]);
  }
  return out;
}

function compressIpv6(parts: string[]): string {
  // the longest run of zero groups becomes "::" (RFC 5952)
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (parts[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && parts[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return parts.join(':');
  return parts.slice(0, best).join(':') + '::' + parts.slice(best + bestLen).join(':');
}

// Named curves by OID, with the name OpenSSL gives them (what Node's
// asymmetricKeyDetails.namedCurve says) for the CURVES table above.
const CURVE_OIDS: Record<string, string> = {
  '1.2.840.10045.3.1.7': 'prime256v1',
  '1.3.132.0.34': 'secp384r1',
  '1.3.132.0.35': 'secp521r1',
  '1.3.132.0.33': 'secp224r1',
  '1.3.132.0.10': 'secp256k1',
  '1.3.36.3.3.2.8.1.1.7': 'brainpoolP256r1',
  '1.3.36.3.3.2.8.1.1.11': 'brainpoolP384r1',
  '1.3.36.3.3.2.8.1.1.13': 'brainpoolP512r1',
};
const OID_RSA = '1.2.840.113549.1.1.1';
const OID_EC = '1.2.840.10045.2.1';
const OID_ED25519 = '1.3.101.112';
const OID_ED448 = '1.3.101.113';

/**
 * The key's algorithm and size read from the SubjectPublicKeyInfo DER: the
 * common keys (RSA, EC on a known named curve, Ed25519, Ed448) without building
 * an OpenSSL key object per certificate (a CPU profile of 10,000 files put
 * KeyObject creation and asymmetricKeyDetails at ~5% of the run, issue 15);
 * anything else is asked of OpenSSL as before. Returns undefined for "ask OpenSSL".
 */
function keyInfoFromSpki(der: Buffer, spki: Tlv[], spkiOid: string): KeyInfo | undefined {
  switch (spkiOid) {
    case OID_RSA: {
      const bits = spki[1];
      if (bits?.tag !== 0x03 || der[bits.contentStart] !== 0) return undefined;
      const rsaKey = readTlv(der, bits.contentStart + 1, bits.end);
      const modulus = children(der, expectTag(rsaKey, SEQ, 'RSAPublicKey'))[0];
      if (modulus?.tag !== INTEGER) return undefined;
      let p = modulus.contentStart;
      while (p < modulus.end && der[p] === 0) p++;
      if (p === modulus.end) return undefined;
      return { algorithm: 'RSA', size: (modulus.end - p - 1) * 8 + (32 - Math.clz32(der[p])) };
    }
    case OID_EC: {
      const params = children(der, spki[0])[1];
      if (params?.tag !== OID) return undefined; // explicit parameters: OpenSSL knows better
      const c = CURVES[CURVE_OIDS[oidText(content(der, params))] ?? ''];
      return c ? { algorithm: 'ECDSA', size: c.size, curve: c.name } : undefined;
    }
    case OID_ED25519:
      return { algorithm: 'Ed25519', size: 256 };
    case OID_ED448:
      return { algorithm: 'Ed448', size: 456 };
    default:
      return undefined;
  }
}

function keyInfoFromSpkiSafe(der: Buffer, spki: Tlv[], spkiOid: string): KeyInfo | undefined {
  try {
    return keyInfoFromSpki(der, spki, spkiOid);
  } catch (e) {
    if (!(e instanceof DerError)) throw e;
    return undefined; // an odd key encoding: OpenSSL's reading decides
  }
}

function keyInfo(cert: X509Certificate, der: Buffer, spki: Tlv[], spkiOid: string): KeyInfo {
  const fast = keyInfoFromSpkiSafe(der, spki, spkiOid);
  if (fast) return fast;
  try {
    const k = cert.publicKey;
    const d = k.asymmetricKeyDetails ?? {};
    switch (k.asymmetricKeyType) {
      case 'rsa':
      case 'rsa-pss':
        return { algorithm: 'RSA', size: d.modulusLength };
      case 'ec': {
        const c = CURVES[d.namedCurve ?? ''];
        return { algorithm: 'ECDSA', size: c?.size, curve: c?.name ?? d.namedCurve };
      }
      case 'ed25519':
        return { algorithm: 'Ed25519', size: 256 };
      case 'ed448':
        return { algorithm: 'Ed448', size: 456 };
      case 'dsa':
        return { algorithm: 'DSA', size: d.modulusLength };
      default:
        return { algorithm: k.asymmetricKeyType ?? spkiOid };
    }
  } catch {
    // OpenSSL cannot load some keys (e.g. unusual curves); the certificate is still readable.
    return { algorithm: spkiOid };
  }
}

// Certificates of one estate share a few issuers and key kinds: one copy of each
// issuer text and key record instead of one per certificate (issue 15: 10,000
// leaves of one CA kept 30,000 equal strings). Bounded so a long-lived process
// (the test runner) does not grow it forever.
const SHARED_MAX = 4096;
const shared = new Map<string, string>();
const sharedKeys = new Map<string, KeyInfo>();

function share(s: string): string;
function share(s: string | undefined): string | undefined;
function share(s: string | undefined): string | undefined {
  if (s === undefined) return s;
  const got = shared.get(s);
  if (got !== undefined) return got;
  if (shared.size >= SHARED_MAX) shared.clear();
  shared.set(s, s);
  return s;
}

function shareKey(k: KeyInfo): KeyInfo {
  const id = `${k.algorithm}|${k.size}|${k.curve}`;
  const got = sharedKeys.get(id);
  if (got) return got;
  if (sharedKeys.size >= SHARED_MAX) sharedKeys.clear();
  sharedKeys.set(id, k);
  return k;
}

// Attribute types whose short name OpenSSL prints (XN_FLAG_FN_SN), as Node's
// X509Certificate#subject shows them; checked against `openssl x509 -nameopt RFC2253`
// in test/x509/parse-certificate.test.ts. Any other type: OpenSSL formats the name.
const NAME_SHORT: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.15': 'businessCategory',
  '2.5.4.17': 'postalCode',
  '2.5.4.42': 'GN',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
  '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
  '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC',
};
// PrintableString, UTF8String, IA5String: with the characters below, OpenSSL prints their bytes as they are.
const PLAIN_STRING_TAGS = new Set([0x13, 0x0c, 0x16]);

/** Printable ASCII that RFC 4514 escaping (OpenSSL's ESC_2253/ESC_CTRL) leaves alone anywhere in a value. */
function plainByte(b: number): boolean {
  return (
    b > 0x20 &&
    b < 0x7f &&
    b !== 0x22 && // "
    b !== 0x23 && // # (escaped first; kept out everywhere for simplicity)
    b !== 0x2b && // +
    b !== 0x2c && // ,
    b !== 0x3b && // ;
    b !== 0x3c && // <
    b !== 0x3d && // =
    b !== 0x3e && // >
    b !== 0x5c // \
  );
}

interface PlainName {
  rfc4514: string;
  cn?: string;
  o?: string;
}

/**
 * A Name made only of single-valued RDNs of well-known types with plain ASCII
 * values, formatted from the DER exactly as dnToRfc4514 formats OpenSSL's text;
 * undefined for anything else (OpenSSL's formatting then decides). Nearly every
 * certificate's names are plain: reading them here spares an OpenSSL parse.
 */
function plainName(der: Buffer, name: Tlv): PlainName | undefined {
  const sets = children(der, name);
  if (!sets.length) return undefined;
  const parts: string[] = [];
  let cn: string | undefined;
  let o: string | undefined;
  for (const set of sets) {
    if (set.tag !== 0x31) return undefined;
    const atvs = children(der, set);
    if (atvs.length !== 1 || atvs[0].tag !== SEQ) return undefined;
    const [typeT, valueT, extra] = children(der, atvs[0]);
    if (typeT?.tag !== OID || !valueT || extra || !PLAIN_STRING_TAGS.has(valueT.tag)) return undefined;
    const short = NAME_SHORT[oidText(content(der, typeT))];
    if (!short || valueT.end === valueT.contentStart) return undefined;
    for (let p = valueT.contentStart; p < valueT.end; p++) {
      const b = der[p];
      // A space only inside the value: leading and trailing ones are escaped.
      if (!plainByte(b) && !(b === 0x20 && p > valueT.contentStart && p < valueT.end - 1)) return undefined;
    }
    const value = der.toString('latin1', valueT.contentStart, valueT.end);
    parts.push(`${short}=${value}`);
    if (short === 'CN') cn = value;
    else if (short === 'O') o = value;
  }
  return { rfc4514: parts.reverse().join(','), cn, o };
}

/** True when an INTEGER's content is minimally encoded (OpenSSL refuses padded ones). */
function minimalInteger(der: Buffer, t: Tlv): boolean {
  const n = t.end - t.contentStart;
  if (n === 0) return false;
  if (n === 1) return true;
  const a = der[t.contentStart];
  const b = der[t.contentStart + 1];
  return !((a === 0x00 && !(b & 0x80)) || (a === 0xff && b & 0x80));
}

/**
 * Parse DER into a CertificateRecord, or throw CertificateParseError with the reason.
 *
 * The DER walk reads every field. OpenSSL (Node's X509Certificate) is asked too —
 * whether it reads the certificate at all, how it writes the names, the key, the
 * dates — unless the certificate is plain: v3, canonical times, plain names, a
 * common key, well-formed extensions, not self-issued. For a plain certificate the
 * two readings cannot differ, and skipping the second parse halves the cost of a
 * large estate (issue 15: OpenSSL's parse was ~40% of a 10,000-file run's CPU and
 * its objects ~12 MB of its memory). test/x509 and the corpus agreement test
 * compare both paths with openssl.
 */
export function parseCertificate(
  derIn: Uint8Array,
  o: { /** always ask OpenSSL (tests compare the two paths) */ viaOpenssl?: boolean } = {},
): CertificateRecord {
  const der = Buffer.isBuffer(derIn) ? derIn : Buffer.from(derIn);
  let node: X509Certificate | undefined;
  const openssl = (): X509Certificate => {
    if (node) return node;
    try {
      node = new X509Certificate(der);
    } catch (e) {
      throw new CertificateParseError(`not a readable X.509 certificate (${(e as Error).message})`);
    }
    return node;
  };
  if (o.viaOpenssl) openssl();
  try {
    return build(der, openssl, !o.viaOpenssl);
  } catch (e) {
    if (e instanceof DerError) {
      openssl(); // OpenSSL's refusal, when it refuses too, is the reason given (as it always was)
      throw new CertificateParseError(`malformed certificate: ${e.message}`);
    }
    throw e;
  }
}

function build(der: Buffer, openssl: () => X509Certificate, mayBePlain: boolean): CertificateRecord {
  const top = readTlv(der, 0);
  if (top.end !== der.length)
    throw new DerError(`${der.length - top.end} trailing bytes after the certificate`, top.end);
  const certParts = children(der, expectTag(top, SEQ, 'Certificate'));
  const [tbsT, sigAlgT] = certParts;
  const tbs = children(der, expectTag(tbsT, SEQ, 'tbsCertificate'));
  let i = 0;
  // v3 ([0] holding INTEGER 2) is the form the plain path knows; v1/v2 go to OpenSSL.
  const v3 =
    tbs[0]?.tag === 0xa0 &&
    tbs[0].end - tbs[0].contentStart === 3 &&
    der[tbs[0].contentStart] === INTEGER &&
    der[tbs[0].contentStart + 1] === 1 &&
    der[tbs[0].contentStart + 2] === 2;
  if (tbs[0]?.tag === 0xa0) i++; // [0] version
  const serialT = expectTag(tbs[i++], INTEGER, 'serialNumber');
  i++; // signature AlgorithmIdentifier (inner)
  const issuerT = expectTag(tbs[i++], SEQ, 'issuer');
  const validity = children(der, expectTag(tbs[i++], SEQ, 'validity'));
  const subjectT = expectTag(tbs[i++], SEQ, 'subject');
  const spkiT = expectTag(tbs[i++], SEQ, 'subjectPublicKeyInfo');
  const spki = children(der, spkiT);
  const spkiOid = oidText(content(der, children(der, spki[0])[0]));
  const sigOid = oidText(
    content(der, expectTag(children(der, expectTag(sigAlgT, SEQ, 'signatureAlgorithm'))[0], OID, 'algorithm')),
  );
  // Plain so far: the outer shape OpenSSL insists on, a minimal serial, nothing after the extensions.
  let plain =
    mayBePlain &&
    v3 &&
    certParts.length === 3 &&
    certParts[2].tag === 0x03 &&
    validity.length === 2 &&
    minimalInteger(der, serialT) &&
    tbs.length === i + 1 &&
    tbs[i].tag === 0xa3;

  const parseNotes: string[] = [];
  const unreadableExtensions: string[] = [];
  const nb = readTimeDetailed(der, validity[0]);
  const na = readTimeDetailed(der, validity[1]);
  if (nb.oddity)
    parseNotes.push(`notBefore is not encoded as RFC 5280 prescribes: ${nb.oddity}; read as OpenSSL reads it`);
  if (na.oddity)
    parseNotes.push(`notAfter is not encoded as RFC 5280 prescribes: ${na.oddity}; read as OpenSSL reads it`);
  const notBefore = nb.date;
  const notAfter = na.date;

  const serialBytes = Buffer.from(content(der, serialT));
  let subjectAltNames: SubjectAltName[] = [];
  let isCA = false;
  let hasBasicConstraints = false;
  let ski: Buffer | undefined;
  let aki: Buffer | undefined;
  let keyUsage: string[] | undefined;
  let extKeyUsage: string[] | undefined;
  const crlUrls: string[] = [];
  const ocspUrls: string[] = [];
  const caIssuersUrls: string[] = [];
  const seen = new Set<string>();
  const extsT = tbs.find((t) => t.tag === 0xa3);
  if (extsT) {
    const extSeq = readTlv(der, extsT.contentStart, extsT.end);
    if (extSeq.end !== extsT.end) plain = false;
    for (const ext of children(der, expectTag(extSeq, SEQ, 'extensions'))) {
      const parts = children(der, ext);
      const oid = oidText(content(der, expectTag(parts[0], OID, 'extnID')));
      const valT = parts[parts.length - 1];
      expectTag(valT, OCTET, `extension ${oid} value`);
      // OpenSSL marks a certificate with a repeated extension invalid; an unusual shape it judges itself.
      if (seen.has(oid) || parts.length > 3 || (parts.length === 3 && parts[1].tag !== BOOLEAN)) plain = false;
      seen.add(oid);
      const name = NEEDED_EXTENSIONS[oid];
      // Extensions certwatch does not use stay opaque bytes: an unknown, private or
      // malformed one must not cost the whole certificate (OpenSSL reads it too).
      if (!name) continue;
      try {
        const inner = readTlv(der, valT.contentStart, valT.end);
        if (inner.end !== valT.end) throw new DerError(`${valT.end - inner.end} bytes after the value`, inner.end);
        switch (oid) {
          case EXT_SAN:
            subjectAltNames = parseSans(der, inner);
            break;
          case EXT_BASIC: {
            const bc = children(der, expectTag(inner, SEQ, 'basicConstraints'));
            isCA = bc[0]?.tag === BOOLEAN && der[bc[0].contentStart] !== 0;
            hasBasicConstraints = true;
            break;
          }
          case EXT_KEY_USAGE:
            keyUsage = parseKeyUsage(der, inner);
            break;
          case EXT_EKU:
            extKeyUsage = children(der, expectTag(inner, SEQ, 'extKeyUsage')).map((p) =>
              oidText(content(der, expectTag(p, OID, 'keyPurposeId'))),
            );
            break;
          case EXT_SKI:
            ski = Buffer.from(content(der, expectTag(inner, OCTET, 'subjectKeyIdentifier')));
            break;
          case EXT_AKI:
            for (const c of children(der, expectTag(inner, SEQ, 'authorityKeyIdentifier')))
              if (c.tag === 0x80) aki = Buffer.from(content(der, c));
            break;
          case EXT_CRLDP: {
            const found: string[] = [];
            for (const dp of children(der, expectTag(inner, SEQ, 'cRLDistributionPoints'))) {
              for (const f of children(der, dp)) {
                if (f.tag !== 0xa0) continue; // distributionPoint
                for (const n of children(der, f)) if (n.tag === 0xa0) found.push(...generalNameUris(der, n)); // fullName
              }
            }
            crlUrls.push(...found);
            break;
          }
          case EXT_AIA: {
            const ocsp: string[] = [];
            const ca: string[] = [];
            for (const ad of children(der, expectTag(inner, SEQ, 'authorityInfoAccess'))) {
              const [m, loc] = children(der, ad);
              if (loc?.tag !== 0x86) continue;
              const url = content(der, loc).toString('latin1');
              const method = oidText(content(der, m));
              if (method === AD_OCSP) ocsp.push(url);
              else if (method === AD_CA_ISSUERS) ca.push(url);
            }
            ocspUrls.push(...ocsp);
            caIssuersUrls.push(...ca);
            break;
          }
        }
      } catch (e) {
        if (!(e instanceof DerError)) throw e;
        unreadableExtensions.push(name);
        parseNotes.push(`the ${name} extension is malformed (${e.message}); what it says is unknown`);
      }
    }
  }

  // What revocation checks need as encoded (views into `der`, no copies): one walk serves them too.
  const raw = {
    subjectNameDer: der.subarray(subjectT.start, subjectT.end),
    spkiDer: der.subarray(spkiT.start, spkiT.end),
    publicKeyBits: spki[1] ? der.subarray(spki[1].contentStart + 1, spki[1].end) : Buffer.alloc(0),
    ...(extKeyUsage ? { extKeyUsage } : {}),
  };
  const subjectPlain = plain ? plainName(der, subjectT) : undefined;
  const issuerPlain = subjectPlain ? plainName(der, issuerT) : undefined;
  const fastKey = issuerPlain ? keyInfoFromSpkiSafe(der, spki, spkiOid) : undefined;
  if (
    fastKey &&
    !parseNotes.length &&
    // Not self-issued: whether it is self-signed takes a signature check with OpenSSL.
    subjectPlain!.rfc4514 !== issuerPlain!.rfc4514
  ) {
    return {
      fingerprint: 'sha256:' + createHash('sha256').update(der).digest('hex'),
      der,
      subject: subjectPlain!.rfc4514,
      issuer: share(issuerPlain!.rfc4514),
      subjectCN: subjectPlain!.cn,
      issuerCN: share(issuerPlain!.cn),
      issuerO: share(issuerPlain!.o),
      serialNumber: serialHex(serialBytes),
      serialBytes,
      notBefore,
      notAfter,
      sans: subjectAltNames.map((n) => n.value),
      subjectAltNames,
      key: shareKey(fastKey),
      signatureAlgorithm: SIG_ALGS[sigOid] ?? sigOid,
      authorityKeyId: aki,
      subjectKeyId: ski,
      ocspUrls,
      caIssuersUrls,
      crlUrls,
      // Node's `ca` is X509_check_ca() === 1: basicConstraints saying CA (test/x509 shows a
      // keyCertSign-only certificate is not one), which is what the walk read.
      isCA,
      selfIssued: false,
      selfSigned: false,
      keyUsage,
      ...raw,
      parseNotes,
      unreadableExtensions,
    };
  }

  const node = openssl();
  // Cross-check with OpenSSL's reading (compared as OpenSSL prints, fractions aside: a
  // text compare has no year-0–99 trap): a disagreement means one of us misread, so refuse.
  const nodeFrom = node.validFrom.replace(/\.\d+ /, ' ');
  const nodeTo = node.validTo.replace(/\.\d+ /, ' ');
  if (nodeFrom !== opensslTimeText(notBefore) || nodeTo !== opensslTimeText(notAfter)) {
    throw new CertificateParseError(
      `validity dates are ambiguous (read ${notBefore.toISOString()}–${notAfter.toISOString()}, OpenSSL read ${node.validFrom}–${node.validTo})`,
    );
  }
  const subjectRaw = node.subject ?? '';
  const issuerRaw = node.issuer ?? '';
  const selfIssued = subjectRaw === issuerRaw;
  return {
    fingerprint: 'sha256:' + createHash('sha256').update(der).digest('hex'),
    der,
    subject: dnToRfc4514(subjectRaw, der, subjectT),
    issuer: share(dnToRfc4514(issuerRaw, der, issuerT)),
    subjectCN: dnAttr(subjectRaw, 'CN'),
    issuerCN: share(dnAttr(issuerRaw, 'CN')),
    issuerO: share(dnAttr(issuerRaw, 'O')),
    serialNumber: serialHex(serialBytes),
    serialBytes,
    notBefore,
    notAfter,
    sans: subjectAltNames.map((n) => n.value),
    subjectAltNames,
    key: shareKey(keyInfo(node, der, spki, spkiOid)),
    signatureAlgorithm: SIG_ALGS[sigOid] ?? sigOid,
    authorityKeyId: aki,
    subjectKeyId: ski,
    ocspUrls,
    caIssuersUrls,
    crlUrls,
    // With basicConstraints read, OpenSSL's CA test adds nothing to it; without, it is asked.
    isCA: isCA || (!hasBasicConstraints && node.ca),
    selfIssued,
    // Self-signed = verifies with its own key, not "subject equals issuer": a CA's
    // key-rollover certificate is self-issued but signed by the old key, and is an
    // intermediate for revocation, strength and inventory (RFC 5280 §3.2, §6.1).
    selfSigned: selfIssued && verifiesWithOwnKey(node),
    keyUsage,
    ...raw,
    parseNotes,
    unreadableExtensions,
  };
}

// Loading a key costs more than reading the record (and most certificates never
// verify anything), so the key object is made on first use, once per certificate.
const publicKeys = new WeakMap<CertificateRecord, KeyObject | null>();

/** The certificate's public key as OpenSSL loads it; null when it cannot. */
export function publicKeyOf(c: CertificateRecord): KeyObject | null {
  let k = publicKeys.get(c);
  if (k === undefined) {
    try {
      k = createPublicKey({ key: c.spkiDer, format: 'der', type: 'spki' });
    } catch {
      k = null;
    }
    publicKeys.set(c, k);
  }
  return k;
}

/**
 * A short human name for messages and the run's reports: the CN, else the first
 * SAN, else the subject. Takes a parsed record or a report certificate alike.
 */
export function displayName(c: {
  subjectCN?: string | null;
  sans: string[];
  subject: string;
  fingerprint: string;
}): string {
  return c.subjectCN || c.sans[0] || c.subject || shortFingerprint(c.fingerprint);
}

/** "sha256:0123456789ab…": enough to tell certificates apart in a title or a table. */
export function shortFingerprint(fp: string): string {
  return fp.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]*$/i, '$1…');
}

/** True when `issuer` signed `cert` (names chain and the signature verifies). */
export function isIssuedBy(cert: CertificateRecord, issuer: CertificateRecord): boolean {
  if (cert.issuer !== issuer.subject) return false;
  try {
    return new X509Certificate(cert.der).verify(new X509Certificate(issuer.der).publicKey);
  } catch {
    return false;
  }
}

export function roleOf(c: CertificateRecord): CertificateRole {
  if (!c.isCA) return 'leaf';
  return c.selfSigned ? 'root' : 'intermediate';
}
