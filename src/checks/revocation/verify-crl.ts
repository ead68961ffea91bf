// Is this CRL a trustworthy answer for this certificate? Signature by the issuer,
// issuer name, time window (RFC 5280 §5.1.2.4–5), the shard (Issuing Distribution
// Point, §5.2.5) and critical extensions we cannot process (§5.2). Each check
// returns the reason it failed, in words a person can act on; null = usable.
import type { CertificateRecord } from '../../types.js';
import { CLOCK_SKEW_MS, CRL_NO_NEXT_UPDATE_MAX_AGE_MS } from '../../net/limits.js';
import { certFields } from '../../x509/cert-fields.js';
import type { ScannedCrl } from '../../x509/crl-lookup.js';
import { checkSignature } from '../../x509/signature.js';

export interface CrlVerifyOptions {
  url: string; // where the CRL was fetched from
  now: Date;
  expectDelta?: boolean;
  /** Pass a CRL that is past its nextUpdate (the caller asks staleProblem() and only believes its revocations). */
  allowStale?: boolean;
}

/** Past nextUpdate (with the skew allowance)? A stale CRL cannot prove "good", but what it lists stays revoked. */
export function staleProblem(crl: ScannedCrl, now: Date, kind = 'CRL'): string | null {
  if (crl.nextUpdate) {
    if (now.getTime() > crl.nextUpdate.getTime() + CLOCK_SKEW_MS)
      return `${kind} is stale: nextUpdate ${crl.nextUpdate.toISOString()}`;
    return null;
  }
  // nextUpdate is optional in the ASN.1 (§5.1.2.5), but a CRL is not news forever.
  const age = now.getTime() - crl.thisUpdate.getTime();
  if (age > CRL_NO_NEXT_UPDATE_MAX_AGE_MS + CLOCK_SKEW_MS) {
    return `${kind} is stale: it has no nextUpdate and was issued ${Math.floor(age / 86_400_000)} days ago (thisUpdate ${crl.thisUpdate.toISOString()}); without nextUpdate a CRL counts for ${CRL_NO_NEXT_UPDATE_MAX_AGE_MS / 86_400_000} days`;
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

/** Problems that make the CRL unusable for anything the issuer issued. */
export function verifyCrl(crl: ScannedCrl, issuer: CertificateRecord, o: CrlVerifyOptions): string | null {
  const kind = o.expectDelta ? 'delta CRL' : 'CRL';
  if (crl.unsupportedCritical.length)
    return `${kind} has critical extensions certwatch cannot process (${crl.unsupportedCritical.join(', ')})`;
  // RFC 5280 §5.3: a critical entry extension we cannot process makes the whole CRL unusable, for every certificate.
  if (crl.unsupportedCriticalEntry.length)
    return `${kind} has entries with critical extensions certwatch cannot process (${crl.unsupportedCriticalEntry.join(', ')}), so it cannot decide any certificate's status`;
  if (crl.problems.length) return `${kind} cannot be used: ${crl.problems.join('; ')}`;
  if (o.expectDelta && !crl.isDelta) return `${o.url} named as a delta CRL is not one (no DeltaCRLIndicator)`;
  if (!o.expectDelta && crl.isDelta) return `${o.url} is a delta CRL, not a complete one`;
  const f = certFields(issuer);
  if (!crl.issuerDer.equals(f.subjectDer)) return `${kind} issuer name is not ${issuer.subject}`;
  // RFC 5280 §6.3.3 (f): when the issuer's certificate has keyUsage, it must allow cRLSign.
  if (issuer.unreadableExtensions.includes('keyUsage'))
    return `${kind} issuer ${issuer.subject} has a malformed keyUsage extension, so it cannot be shown to be allowed to sign CRLs`;
  if (issuer.keyUsage && !issuer.keyUsage.includes('cRLSign')) {
    return `${kind} issuer ${issuer.subject} is not allowed to sign CRLs (its keyUsage is ${issuer.keyUsage.join(', ') || 'empty'}, without cRLSign)`;
  }
  const sig = checkSignature(crl.signatureAlgorithm, crl.signatureParams, crl.tbs, crl.signature, f.publicKey);
  if (sig) return `${kind} is not signed by ${issuer.subject}: ${sig}`;
  const now = o.now.getTime();
  if (crl.thisUpdate.getTime() > now + CLOCK_SKEW_MS)
    return `${kind} is not yet valid: thisUpdate ${crl.thisUpdate.toISOString()}`;
  const stale = o.allowStale ? null : staleProblem(crl, o.now, kind);
  if (stale) return stale;
  // A sharded CRL names its own URL; one naming another shard proves nothing about ours.
  if (crl.idp && crl.idp.fullNames.length && !crl.idp.fullNames.some((n) => sameUrl(n, o.url))) {
    return `wrong CRL shard: ${o.url} served the CRL for ${crl.idp.fullNames.join(', ')}`;
  }
  if (crl.idp?.indirectCrl) return `${kind} is an indirect CRL, which certwatch does not support`;
  return null;
}

/** Problems that make a verified CRL unusable for this particular certificate. */
export function crlScopeProblem(crl: ScannedCrl, cert: CertificateRecord): string | null {
  const idp = crl.idp;
  if (!idp) return null;
  if (idp.onlyUserCerts && cert.isCA)
    return 'the CRL covers only end-entity certificates, and this is a CA certificate';
  if (idp.onlyCaCerts && !cert.isCA)
    return 'the CRL covers only CA certificates, and this is an end-entity certificate';
  if (idp.onlyAttributeCerts) return 'the CRL covers only attribute certificates';
  return null;
}
