// Key and signature strength: RSA/DSA < 2048 bits, EC < 224 bits; SHA-1/MD5/MD2
// signatures. A root's self-signature is not checked: clients trust a root by its
// key, never by its signature, so a SHA-1 root is not a weakness (CA/B practice).
import type { Finding, ObservedCertificate } from '../types.js';
import { displayName } from '../x509/parse-certificate.js';
import { roleText } from './expiry.js';

const MIN_RSA_BITS = 2048; // NIST SP 800-131A, CA/B Baseline Requirements §6.1.5
const MIN_EC_BITS = 224;
const WEAK_SIG = /md2|md5|sha1|SHA1/;

export function checkStrength(oc: ObservedCertificate): Finding[] {
  const c = oc.cert;
  const out: Finding[] = [];
  const r = roleText(oc);
  const name = `${r.charAt(0).toUpperCase()}${r.slice(1)} ${displayName(c)}`;
  const { algorithm, size } = c.key;
  if ((algorithm === 'RSA' || algorithm === 'DSA') && size !== undefined && size < MIN_RSA_BITS) {
    out.push({
      id: 'weak-key',
      severity: 'warning',
      fingerprint: c.fingerprint,
      message: `${name} has a ${size}-bit ${algorithm} key; use at least ${MIN_RSA_BITS} bits (or ECDSA P-256)`,
    });
  } else if (algorithm === 'ECDSA' && size !== undefined && size < MIN_EC_BITS) {
    out.push({
      id: 'weak-key',
      severity: 'warning',
      fingerprint: c.fingerprint,
      message: `${name} has a ${size}-bit EC key; use P-256 or stronger`,
    });
  }
  if (!(oc.role === 'root' && c.selfSigned) && WEAK_SIG.test(c.signatureAlgorithm)) {
    out.push({
      id: 'weak-signature',
      severity: 'warning',
      fingerprint: c.fingerprint,
      message: `${name} is signed with ${c.signatureAlgorithm}, which clients reject; reissue it with SHA-256`,
    });
  }
  return out;
}
