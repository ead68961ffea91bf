// Is this CRL a trustworthy answer for this certificate? Signature by the issuer,
// issuer name, time window (RFC 5280 §5.1.2.4–5), the shard (Issuing Distribution
// Point, §5.2.5) and critical extensions we cannot process (§5.2). Each check
// returns the reason it failed as a typed defect (revocation-cause.ts); null = usable.
import type { CertificateRecord } from '../../types.js';
import { CLOCK_SKEW_MS, CRL_NO_NEXT_UPDATE_MAX_AGE_MS } from '../../net/limits.js';
import type { ScannedCrl } from '../../x509/crl-lookup.js';
import { checkSignature } from '../../x509/signature.js';
import { publicKeyOf } from '../../x509/parse-certificate.js';
import type { CrlDefect } from './revocation-cause.js';

export interface CrlVerifyOptions {
  url: string; // where the CRL was fetched from
  now: Date;
  expectDelta?: boolean;
  /** Pass a CRL that is past its nextUpdate (the caller asks staleProblem() and only believes its revocations). */
  allowStale?: boolean;
}

/** Past nextUpdate (with the skew allowance)? A stale CRL cannot prove "good", but what it lists stays revoked. */
export function staleDefect(crl: ScannedCrl, now: Date): CrlDefect | null {
  if (crl.nextUpdate) {
    if (now.getTime() > crl.nextUpdate.getTime() + CLOCK_SKEW_MS)
      return { reason: 'stale', nextUpdate: crl.nextUpdate.toISOString() };
    return null;
  }
  // nextUpdate is optional in the ASN.1 (§5.1.2.5), but a CRL is not news forever.
  const age = now.getTime() - crl.thisUpdate.getTime();
  if (age > CRL_NO_NEXT_UPDATE_MAX_AGE_MS + CLOCK_SKEW_MS) {
    return {
      reason: 'stale-without-next-update',
      ageDays: Math.floor(age / 86_400_000),
      thisUpdate: crl.thisUpdate.toISOString(),
      maxDays: CRL_NO_NEXT_UPDATE_MAX_AGE_MS / 86_400_000,
    };
  }
  return null;
}

function sameUrl(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

/** What makes the CRL unusable for anything the issuer issued; null = usable. */
export function verifyCrl(crl: ScannedCrl, issuer: CertificateRecord, o: CrlVerifyOptions): CrlDefect | null {
  if (crl.unsupportedCritical.length) return { reason: 'critical-extensions', names: crl.unsupportedCritical };
  // RFC 5280 §5.3: a critical entry extension we cannot process makes the whole CRL unusable, for every certificate.
  if (crl.unsupportedCriticalEntry.length)
    return { reason: 'critical-entry-extensions', names: crl.unsupportedCriticalEntry };
  if (crl.problems.length) return { reason: 'unusable', problems: crl.problems };
  if (o.expectDelta && !crl.isDelta) return { reason: 'not-a-delta' };
  if (!o.expectDelta && crl.isDelta) return { reason: 'is-a-delta' };
  if (!crl.issuerDer.equals(issuer.subjectNameDer)) return { reason: 'wrong-issuer', issuer: issuer.subject };
  // RFC 5280 §6.3.3 (f): when the issuer's certificate has keyUsage, it must allow cRLSign.
  if (issuer.unreadableExtensions.includes('keyUsage'))
    return { reason: 'issuer-key-usage-malformed', issuer: issuer.subject };
  if (issuer.keyUsage && !issuer.keyUsage.includes('cRLSign'))
    return { reason: 'issuer-not-crl-signer', issuer: issuer.subject, keyUsage: issuer.keyUsage };
  const sig = checkSignature(crl.signatureAlgorithm, crl.signatureParams, crl.tbs, crl.signature, publicKeyOf(issuer));
  if (sig) return { reason: 'signature', issuer: issuer.subject, signature: sig };
  const now = o.now.getTime();
  if (crl.thisUpdate.getTime() > now + CLOCK_SKEW_MS)
    return { reason: 'not-yet-valid', thisUpdate: crl.thisUpdate.toISOString() };
  const stale = o.allowStale ? null : staleDefect(crl, o.now);
  if (stale) return stale;
  // A sharded CRL names its own URL; one naming another shard proves nothing about ours.
  if (crl.idp && crl.idp.fullNames.length && !crl.idp.fullNames.some((n) => sameUrl(n, o.url)))
    return { reason: 'wrong-shard', shardOf: crl.idp.fullNames };
  if (crl.idp?.indirectCrl) return { reason: 'indirect' };
  return null;
}

/** What makes a verified CRL unusable for this particular certificate (its Issuing Distribution Point scope). */
export function crlScopeDefect(crl: ScannedCrl, cert: CertificateRecord): CrlDefect | null {
  const idp = crl.idp;
  if (!idp) return null;
  if (idp.onlyUserCerts && cert.isCA) return { reason: 'only-user-certs' };
  if (idp.onlyCaCerts && !cert.isCA) return { reason: 'only-ca-certs' };
  if (idp.onlyAttributeCerts) return { reason: 'only-attribute-certs' };
  return null;
}
