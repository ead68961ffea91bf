// Is this CRL a trustworthy answer for this certificate? Signature by the issuer,
// issuer name, time window (RFC 5280 §5.1.2.4–5), the shard (Issuing Distribution
// Point, §5.2.5) and critical extensions we cannot process (§5.2). Each check
// returns the reason it failed, in words a person can act on; null = usable.
import type { CertificateRecord } from '../../types.js';
import { CLOCK_SKEW_MS } from '../../net/limits.js';
import { certFields } from './cert-fields.js';
import type { ScannedCrl } from './crl-lookup.js';
import { checkSignature } from './signature.js';

export interface CrlVerifyOptions {
  url: string; // where the CRL was fetched from
  now: Date;
  expectDelta?: boolean;
  /** Pass a CRL that is past its nextUpdate (the caller asks staleProblem() and only believes its revocations). */
  allowStale?: boolean;
}

/** Past nextUpdate (with the skew allowance)? A stale CRL cannot prove "good", but what it lists stays revoked. */
export function staleProblem(crl: ScannedCrl, now: Date, kind = 'CRL'): string | null {
  // A CRL without nextUpdate is valid (nextUpdate is optional in the ASN.1, §5.1.2.5).
  if (crl.nextUpdate && now.getTime() > crl.nextUpdate.getTime() + CLOCK_SKEW_MS) return `${kind} is stale: nextUpdate ${crl.nextUpdate.toISOString()}`;
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
  if (crl.unsupportedCritical.length) return `${kind} has critical extensions certwatch cannot process (${crl.unsupportedCritical.join(', ')})`;
  // RFC 5280 §5.3: a critical entry extension we cannot process makes the whole CRL unusable, for every certificate.
  if (crl.unsupportedCriticalEntry.length) return `${kind} has entries with critical extensions certwatch cannot process (${crl.unsupportedCriticalEntry.join(', ')}), so it cannot decide any certificate's status`;
  if (crl.problems.length) return `${kind} cannot be used: ${crl.problems.join('; ')}`;
  if (o.expectDelta && !crl.isDelta) return `${o.url} named as a delta CRL is not one (no DeltaCRLIndicator)`;
  if (!o.expectDelta && crl.isDelta) return `${o.url} is a delta CRL, not a complete one`;
  const f = certFields(issuer);
  if (!crl.issuerDer.equals(f.subjectDer)) return `${kind} issuer name is not ${issuer.subject}`;
  const sig = checkSignature(crl.signatureAlgorithm, crl.signatureParams, crl.tbs, crl.signature, f.publicKey);
  if (sig) return `${kind} is not signed by ${issuer.subject}: ${sig}`;
  const now = o.now.getTime();
  if (crl.thisUpdate.getTime() > now + CLOCK_SKEW_MS) return `${kind} is not yet valid: thisUpdate ${crl.thisUpdate.toISOString()}`;
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
  if (idp.onlyUserCerts && cert.isCA) return 'the CRL covers only end-entity certificates, and this is a CA certificate';
  if (idp.onlyCaCerts && !cert.isCA) return 'the CRL covers only CA certificates, and this is an end-entity certificate';
  if (idp.onlyAttributeCerts) return 'the CRL covers only attribute certificates';
  return null;
}
