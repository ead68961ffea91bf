// Binary ASN.1 files told apart by their structure, not their name: PKCS#12 stores
// (modern Java writes them to `.jks`), PKCS#7/CMS (`.p7b`, `.p7s`, `.spc`), one or several
// DER certificates back to back, and private keys (PKCS#8, encrypted PKCS#8, PKCS#1, SEC1)
// — which are noticed, never shown.
// Splitting and PKCS#7 come from the shared x509/ readers (splitDerObjects,
// isPkcs7SignedData); this module only tells the objects apart. It is the one DER
// reader: extractPemOrDer (pem-der.ts) hands it every file that is not PEM text.
import { children, readTlv, splitDerObjects, type Tlv } from '../../x509/der.js';
import { isPkcs7SignedData } from '../../x509/pkcs7.js';
import { emptyExtraction, type Extraction } from './extracted.js';
import type { PrivateKeyFound } from './reader-problem.js';
import { extractPkcs7 } from './pkcs7.js';

const SEQ = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const OCTET_STRING = 0x04;
const OID = 0x06;
// 1.2.840.113549.1.7.1 (data), as encoded after the OID tag and length.
const OID_DATA = Buffer.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01]);

export type DerKind = 'pkcs12' | 'pkcs7' | 'der';

/** What a buffer starting with a SEQUENCE holds, by its first few fields. */
export function derKind(buf: Buffer): DerKind {
  // CMS from signing tools is often BER (indefinite lengths): the OID near the start tells.
  if (isPkcs7SignedData(buf)) return 'pkcs7';
  try {
    const outer = readTlv(buf, 0);
    const kids = children(buf, outer);
    // PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo (data), macData OPTIONAL } — RFC 7292 §4
    if (
      kids.length >= 2 &&
      kids[0].tag === INTEGER &&
      kids[0].end - kids[0].contentStart === 1 &&
      buf[kids[0].contentStart] === 3 &&
      kids[1].tag === SEQ
    ) {
      const ci = children(buf, kids[1]);
      if (ci[0]?.tag === OID && buf.subarray(ci[0].contentStart, ci[0].end).equals(OID_DATA)) return 'pkcs12';
    }
  } catch {
    /* not one well-formed object: left to the DER reader, which says why */
  }
  return 'der';
}

type ObjectKind = 'certificate' | 'private-key' | 'pkcs7' | 'other';

type DerKeyType = Extract<PrivateKeyFound, { form: 'der' }>['type'];

function classify(buf: Buffer, t: Tlv): { kind: ObjectKind; keyType?: DerKeyType } {
  if (t.tag !== SEQ) return { kind: 'other' };
  let k: Tlv[];
  try {
    k = children(buf, t);
  } catch {
    return { kind: 'other' };
  }
  const tags = k.map((x) => x.tag);
  // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE, signatureAlgorithm SEQUENCE, signature BIT STRING } — RFC 5280 §4.1
  if (tags.length === 3 && tags[0] === SEQ && tags[1] === SEQ && tags[2] === BIT_STRING) return { kind: 'certificate' };
  if (isPkcs7SignedData(buf.subarray(t.start, t.end))) return { kind: 'pkcs7' };
  // PrivateKeyInfo ::= SEQUENCE { version, algorithm SEQUENCE, privateKey OCTET STRING, … } — RFC 5208
  if (tags[0] === INTEGER && tags[1] === SEQ && tags[2] === OCTET_STRING)
    return { kind: 'private-key', keyType: 'pkcs8' };
  // EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm SEQUENCE, encryptedData OCTET STRING }
  if (tags.length === 2 && tags[0] === SEQ && tags[1] === OCTET_STRING)
    return { kind: 'private-key', keyType: 'encrypted-pkcs8' };
  // RSAPrivateKey: version and eight INTEGERs — RFC 8017 A.1.2
  if (tags.length >= 9 && tags.slice(0, 9).every((x) => x === INTEGER)) return { kind: 'private-key', keyType: 'rsa' };
  // ECPrivateKey ::= SEQUENCE { version INTEGER (1), privateKey OCTET STRING, [0] params, [1] publicKey } — RFC 5915
  if (tags[0] === INTEGER && tags[1] === OCTET_STRING && (tags.length === 2 || tags[2] === 0xa0 || tags[2] === 0xa1))
    return { kind: 'private-key', keyType: 'ec' };
  return { kind: 'other' };
}

/** One or several DER objects back to back: every certificate, every key (place only), every oddity. */
export function extractDerObjects(buf: Buffer): Extraction {
  const out = emptyExtraction();
  if (buf.length === 0) {
    out.problems.push({ line: 1, problem: { reason: 'empty-file' } });
    return out;
  }
  // BER with indefinite lengths (S/MIME .p7s, signing tools) is PKCS#7, never a certificate:
  // the PKCS#7 reader says what is wrong with it if it is not SignedData either.
  if (buf[1] === 0x80 || derKind(buf) === 'pkcs7') return extractPkcs7(buf);
  const { objects: slices, trailing } = splitDerObjects(buf);
  if (slices.length === 0) {
    out.problems.push(damagedDer(buf));
    return out;
  }
  let n = 0;
  const objects = slices.map((b) => {
    const t = readTlv(b, 0);
    return { t, bytes: b, ...classify(b, t) };
  });
  const many = objects.filter((o) => o.kind === 'certificate').length > 1;
  for (const o of objects) {
    n++;
    const bytes = o.bytes;
    if (o.kind === 'certificate')
      out.certificates.push({ der: bytes, line: 1, ...(many ? { detail: `DER certificate ${n}` } : {}) });
    else if (o.kind === 'private-key') out.keys.push({ line: 1, privateKey: { form: 'der', type: o.keyType! } });
    else if (o.kind === 'pkcs7') {
      const inner = extractPkcs7(bytes);
      out.certificates.push(...inner.certificates);
      out.problems.push(...inner.problems);
    } else if (objects.length === 1) {
      // A lone SEQUENCE that is no certificate: let the certificate parser say which field is wrong.
      out.certificates.push({ der: bytes, line: 1 });
    } else
      out.problems.push({
        line: 1,
        problem: { reason: 'der-object-unknown', index: n },
        severity: 'notice',
      });
  }
  if (trailing) out.problems.push(trailingBytes(trailing));
  return out;
}

/** Why a buffer that should be DER holds no whole ASN.1 object. */
export function damagedDer(buf: Buffer): Extraction['problems'][number] {
  try {
    readTlv(buf, 0);
    return { line: 1, problem: { reason: 'der-not-sequence' } };
  } catch (e) {
    return { line: 1, problem: { reason: 'der-damaged', message: (e as Error).message } };
  }
}

/** OpenSSL ignores bytes after the last whole object; so do we, saying so. */
export function trailingBytes(trailing: number): Extraction['problems'][number] {
  return { line: 1, problem: { reason: 'der-trailing-bytes', bytes: trailing }, severity: 'notice' };
}
