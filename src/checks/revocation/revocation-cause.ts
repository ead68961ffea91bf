// Why a revocation source gave no verified answer, as data: a reason and the
// facts it needs (Go's crypto/x509 style — `CertificateInvalidError{Reason}`),
// put into words at the end by report/text/revocation-cause.ts. Checks return
// these instead of sentences, so no caller edits or searches an error's text.
import type { FetchFailure, UrlRefusal } from '../../net/http-fetch.js';
import type { SignatureDefect } from '../../x509/signature.js';

/** What is wrong with a CRL for the issuer it should come from (RFC 5280 §5, §6.3.3). */
export type CrlDefect =
  | { reason: 'critical-extensions'; names: string[] }
  | { reason: 'critical-entry-extensions'; names: string[] }
  | { reason: 'unusable'; problems: string[] }
  | { reason: 'not-a-delta' }
  | { reason: 'is-a-delta' }
  | { reason: 'wrong-issuer'; issuer: string }
  | { reason: 'issuer-key-usage-malformed'; issuer: string }
  | { reason: 'issuer-not-crl-signer'; issuer: string; keyUsage: string[] }
  | { reason: 'signature'; issuer: string; signature: SignatureDefect }
  | { reason: 'not-yet-valid'; thisUpdate: string }
  | { reason: 'stale'; nextUpdate: string }
  | { reason: 'stale-without-next-update'; ageDays: number; thisUpdate: string; maxDays: number }
  | { reason: 'wrong-shard'; shardOf: string[] }
  | { reason: 'indirect' }
  /** a verified CRL that does not speak for this certificate (Issuing Distribution Point scope, §5.2.5) */
  | { reason: 'only-user-certs' }
  | { reason: 'only-ca-certs' }
  | { reason: 'only-attribute-certs' }
  | { reason: 'only-some-reasons' };

/** What is wrong with an OCSP response (RFC 6960). */
export type OcspDefect =
  | { reason: 'not-ocsp'; looksLike?: 'HTML' | 'text'; bytes: number }
  | { reason: 'responder-status'; status: string }
  | { reason: 'not-basic' }
  | { reason: 'unused-signature-bits' }
  | { reason: 'malformed'; detail: string }
  | { reason: 'signer-rejected'; why: OcspSignerProblem[] }
  | { reason: 'not-signed-by-issuer'; issuer: string }
  | { reason: 'other-certificate'; serialsSeen: string[]; wanted: string }
  | { reason: 'not-yet-valid'; thisUpdate: string }
  | { reason: 'stale'; nextUpdate: string }
  | { reason: 'stale-without-next-update'; thisUpdate: string }
  | { reason: 'status-unknown' };

/** Why a certificate carried in an OCSP response cannot vouch for it (§4.2.2.2). */
export type OcspSignerProblem =
  | { reason: 'not-issued-by-issuer'; responder: string; issuer: string }
  | { reason: 'not-ocsp-signer'; responder: string }
  | { reason: 'outside-validity'; responder: string; notBefore: string; notAfter: string };

/** One place the issuer was looked for over AIA, and what came of it. */
export type AiaAttempt =
  | { reason: 'skipped'; refusal: UrlRefusal }
  | { reason: 'wrong-certificates'; url: string; subjects: string[] }
  | { reason: 'no-certificate'; url: string }
  | { reason: 'fetch'; failure: FetchFailure }
  /** an error nobody foresaw: its own words */
  | { reason: 'error'; text: string }
  | { reason: 'no-url' };

export type RevocationCause =
  /** a fetch failed (net/http-fetch.ts FetchError): what was fetched, where, and what went wrong */
  | { reason: 'fetch'; failure: FetchFailure }
  | { reason: 'crl'; url: string; delta: boolean; defect: CrlDefect }
  | { reason: 'crl-pem-without-crl'; url: string }
  | { reason: 'crl-unreadable'; url: string; detail: string }
  // CRL numbers are INTEGERs of up to 20 octets: decimal strings here
  | { reason: 'delta-mismatch'; deltaUrl: string; needsBase?: string; have: string }
  | { reason: 'delta-not-newer'; deltaUrl: string; deltaNumber?: string; baseNumber: string }
  | { reason: 'no-base-crl-number' }
  | { reason: 'ocsp'; defect: OcspDefect }
  | { reason: 'issuer-not-found'; issuer: string; attempts: AiaAttempt[] }
  | { reason: 'no-fetchable-url'; skipped: UrlRefusal[] }
  /** an error nobody foresaw: its own words */
  | { reason: 'error'; text: string }
  /** a bug or an input nobody foresaw stopped the whole check: the check failed, not the certificate */
  | { reason: 'check-failed'; text: string };

/** The network policy kept certwatch from asking (not a failure of the source). */
export function refusedByPolicy(c: RevocationCause): boolean {
  if (c.reason === 'fetch') return c.failure.reason === 'refused';
  if (c.reason === 'issuer-not-found')
    return c.attempts.some((a) => a.reason === 'fetch' && a.failure.reason === 'refused');
  return false;
}
