// The raw pieces of a certificate that revocation checks need and that
// CertificateRecord does not carry: the subject/issuer Names as DER (CRL issuer
// match, OCSP issuerNameHash), the public key (signature checks, issuerKeyHash)
// and the extended key usages (delegated OCSP responders). Read once per
// certificate with the DER reader and memoised.
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { CertificateRecord } from '../types.js';
import { children, content, oidText, readTlv } from './der.js';

export interface CertFields {
  issuerDer: Buffer;
  subjectDer: Buffer;
  spkiDer: Buffer;
  publicKeyBits: Buffer; // subjectPublicKey BIT STRING contents without the unused-bits octet (RFC 6960 §4.1.1 issuerKeyHash)
  publicKey: KeyObject | null; // null when OpenSSL cannot load the key
  extKeyUsage: string[] | null; // null = no EKU extension
}

const EXT_EKU = '2.5.29.37';
const memo = new WeakMap<Buffer, CertFields>();

export function certFields(cert: CertificateRecord): CertFields {
  const der = cert.der;
  let f = memo.get(der);
  if (f) return f;
  const top = readTlv(der, 0);
  const tbs = children(der, children(der, top)[0]);
  let i = 0;
  if (tbs[0]?.tag === 0xa0) i++;
  i += 2; // serial, signature
  const issuerT = tbs[i++];
  i++; // validity
  const subjectT = tbs[i++];
  const spkiT = tbs[i++];
  const bits = children(der, spkiT)[1];
  let extKeyUsage: string[] | null = null;
  const extsT = tbs.find((t) => t.tag === 0xa3);
  if (extsT) {
    for (const ext of children(der, readTlv(der, extsT.contentStart, extsT.end))) {
      const ep = children(der, ext);
      if (oidText(content(der, ep[0])) !== EXT_EKU) continue;
      const val = ep[ep.length - 1];
      extKeyUsage = children(der, readTlv(der, val.contentStart, val.end)).map((o) => oidText(content(der, o)));
    }
  }
  const spkiDer = Buffer.from(der.subarray(spkiT.start, spkiT.end));
  let publicKey: KeyObject | null = null;
  try {
    publicKey = createPublicKey({ key: spkiDer, format: 'der', type: 'spki' });
  } catch {
    publicKey = null;
  }
  f = {
    issuerDer: Buffer.from(der.subarray(issuerT.start, issuerT.end)),
    subjectDer: Buffer.from(der.subarray(subjectT.start, subjectT.end)),
    spkiDer,
    publicKeyBits: Buffer.from(der.subarray(bits.contentStart + 1, bits.end)),
    publicKey,
    extKeyUsage,
  };
  memo.set(der, f);
  return f;
}
