// Key and signature strength: RSA/DSA < 2048 bits, EC < 224 bits; SHA-1/MD5/MD2
// signatures. A root's self-signature is not checked: clients trust a root by its
// key, never by its signature, so a SHA-1 root is not a weakness (CA/B practice).
import type { Finding, ObservedCertificate } from '../types.js';
import { certificateNaming } from '../findings/certificate-naming.js';

const MIN_RSA_BITS = 2048; // NIST SP 800-131A, CA/B Baseline Requirements §6.1.5
const MIN_EC_BITS = 224;
const WEAK_SIG = /md2|md5|sha1|SHA1/;

export function checkStrength(oc: ObservedCertificate): Finding[] {
  const c = oc.cert;
  const out: Finding[] = [];
  const { algorithm, size } = c.key;
  const weakRsa = (algorithm === 'RSA' || algorithm === 'DSA') && size !== undefined && size < MIN_RSA_BITS;
  const weakEc = algorithm === 'ECDSA' && size !== undefined && size < MIN_EC_BITS;
  if (weakRsa || weakEc) {
    out.push({
      id: 'weak-key',
      severity: 'warning',
      fingerprint: c.fingerprint,
      detail: {
        kind: 'weak-key',
        certificate: certificateNaming(oc),
        algorithm,
        bits: size!,
        minimumBits: weakRsa ? MIN_RSA_BITS : MIN_EC_BITS,
      },
    });
  }
  if (!(oc.role === 'root' && c.selfSigned) && WEAK_SIG.test(c.signatureAlgorithm)) {
    out.push({
      id: 'weak-signature',
      severity: 'warning',
      fingerprint: c.fingerprint,
      detail: { kind: 'weak-signature', certificate: certificateNaming(oc), algorithm: c.signatureAlgorithm },
    });
  }
  return out;
}
