// Verifying the signature on a CRL or an OCSP response: node:crypto.verify over
// the raw signed bytes, with the hash named by the signature algorithm OID.
// ECDSA signatures arrive DER-encoded, which is what node:crypto expects by
// default (WebCrypto would need them converted to r||s first).
import { constants, verify, type KeyObject } from 'node:crypto';
import { children, content, oidText, readTlv } from './der.js';

const HASH_BY_SIG_OID: Record<string, string | null> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.3.101.112': null, // Ed25519: the hash is part of the scheme
  '1.3.101.113': null, // Ed448
};

const RSA_PSS = '1.2.840.113549.1.1.10';

export const HASH_BY_OID: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** RSASSA-PSS-params (RFC 4055 §3.1): hash (default SHA-1) and salt length (default 20). */
function pssParams(params: Buffer | undefined): { hash: string; saltLength: number } | null {
  let hash = 'sha1';
  let saltLength = 20;
  if (!params) return { hash, saltLength };
  const seq = readTlv(params, 0);
  for (const f of children(params, seq)) {
    if (f.tag === 0xa0) {
      const alg = readTlv(params, f.contentStart, f.end);
      const h = HASH_BY_OID[oidText(content(params, children(params, alg)[0]))];
      if (!h) return null;
      hash = h;
    } else if (f.tag === 0xa2) {
      const n = readTlv(params, f.contentStart, f.end);
      saltLength = content(params, n).reduce((a, b) => a * 256 + b, 0);
    }
  }
  return { hash, saltLength };
}

/** Why a signature does not verify (report/text/revocation-cause.ts puts it into words). */
export type SignatureDefect =
  | { reason: 'key-unloadable' }
  | { reason: 'pss-parameters' }
  | { reason: 'unsupported-algorithm'; oid: string }
  | { reason: 'mismatch' }
  /** the crypto library refused (wrong key type for the algorithm, malformed signature encoding, …) */
  | { reason: 'refused'; detail: string };

const MISMATCH: SignatureDefect = { reason: 'mismatch' };

/** Returns null when the signature verifies, else why not. */
export function checkSignature(
  algOid: string,
  params: Buffer | undefined,
  data: Buffer,
  signature: Buffer,
  key: KeyObject | null,
): SignatureDefect | null {
  if (!key) return { reason: 'key-unloadable' };
  try {
    if (algOid === RSA_PSS) {
      const p = pssParams(params);
      if (!p) return { reason: 'pss-parameters' };
      const ok = verify(
        p.hash,
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: p.saltLength },
        signature,
      );
      return ok ? null : MISMATCH;
    }
    if (!(algOid in HASH_BY_SIG_OID)) return { reason: 'unsupported-algorithm', oid: algOid };
    return verify(HASH_BY_SIG_OID[algOid], data, key, signature) ? null : MISMATCH;
  } catch (e) {
    // wrong key type for the algorithm, malformed signature encoding, …
    return { reason: 'refused', detail: (e as Error).message };
  }
}
