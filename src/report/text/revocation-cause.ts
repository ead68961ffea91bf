// Revocation causes (checks/revocation/revocation-cause.ts) in words: the one
// place a CRL, OCSP, signature or issuer-lookup failure becomes a sentence.
import type {
  AiaAttempt,
  CrlDefect,
  OcspDefect,
  OcspSignerProblem,
  RevocationCause,
} from '../../checks/revocation/revocation-cause.js';
import type { RevocationProblem } from '../../findings/finding-detail.js';
import type { SignatureDefect } from '../../x509/signature.js';
import { fetchFailure, urlRefusal } from './fetch-failure.js';

/** Why the sources gave no verified answer, one clause per source. */
export function revocationProblems(ps: RevocationProblem[]): string {
  return ps.map(revocationProblem).join('; ');
}

function revocationProblem(p: RevocationProblem): string {
  const why = revocationCause(p.cause);
  switch (p.source) {
    case 'stapled':
      return `stapled OCSP response: ${why}`;
    case 'ocsp':
      // A failed fetch already names the responder ("OCSP GET to <url>: …"); a bad answer does not.
      return p.cause.reason === 'fetch' || !p.url ? why : `OCSP ${p.url}: ${why}`;
    default:
      return why;
  }
}

export function revocationCause(c: RevocationCause): string {
  switch (c.reason) {
    case 'fetch':
      return fetchFailure(c.failure);
    case 'error':
      return c.text;
    case 'check-failed':
      return `revocation check failed: ${c.text}`;
    case 'crl':
      if (c.defect.reason === 'only-some-reasons') return `CRL ${c.url} covers only some revocation reasons`;
      return `CRL ${c.url}: ${crlDefect(c.defect, c.delta ? 'delta CRL' : 'CRL', c.url)}`;
    case 'crl-pem-without-crl':
      return `CRL ${c.url} is PEM without an X509 CRL block`;
    case 'crl-unreadable':
      return `CRL ${c.url} is unreadable: ${c.detail}`;
    case 'delta-mismatch':
      return `delta CRL ${c.deltaUrl} needs base CRL number ${c.needsBase}, have ${c.have}`;
    case 'delta-not-newer':
      return `delta CRL ${c.deltaUrl} (number ${c.deltaNumber}) is not newer than the complete CRL (number ${c.baseNumber})`;
    case 'no-base-crl-number':
      return 'the complete CRL has no CRL number to match the delta against';
    case 'ocsp':
      return ocspDefect(c.defect);
    case 'issuer-not-found':
      return `issuer ${c.issuer} not found (not in the chain or bundle, not among the certificates seen; ${c.attempts.map(aiaAttempt).join('; ')})`;
    case 'no-fetchable-url':
      return `no http(s) OCSP or CRL URL (${c.skipped.map(urlRefusal).join('; ')})`;
  }
}

function crlDefect(d: CrlDefect, kind: 'CRL' | 'delta CRL', url: string): string {
  switch (d.reason) {
    case 'critical-extensions':
      return `${kind} has critical extensions certwatch cannot process (${d.names.join(', ')})`;
    case 'critical-entry-extensions':
      return `${kind} has entries with critical extensions certwatch cannot process (${d.names.join(', ')}), so it cannot decide any certificate's status`;
    case 'unusable':
      return `${kind} cannot be used: ${d.problems.join('; ')}`;
    case 'not-a-delta':
      return `${url} named as a delta CRL is not one (no DeltaCRLIndicator)`;
    case 'is-a-delta':
      return `${url} is a delta CRL, not a complete one`;
    case 'wrong-issuer':
      return `${kind} issuer name is not ${d.issuer}`;
    case 'issuer-key-usage-malformed':
      return `${kind} issuer ${d.issuer} has a malformed keyUsage extension, so it cannot be shown to be allowed to sign CRLs`;
    case 'issuer-not-crl-signer':
      return `${kind} issuer ${d.issuer} is not allowed to sign CRLs (its keyUsage is ${d.keyUsage.join(', ') || 'empty'}, without cRLSign)`;
    case 'signature':
      return `${kind} is not signed by ${d.issuer}: ${signatureDefect(d.signature)}`;
    case 'not-yet-valid':
      return `${kind} is not yet valid: thisUpdate ${d.thisUpdate}`;
    case 'stale':
      return `${kind} is stale: nextUpdate ${d.nextUpdate}`;
    case 'stale-without-next-update':
      return `${kind} is stale: it has no nextUpdate and was issued ${d.ageDays} days ago (thisUpdate ${d.thisUpdate}); without nextUpdate a CRL counts for ${d.maxDays} days`;
    case 'wrong-shard':
      return `wrong CRL shard: ${url} served the CRL for ${d.shardOf.join(', ')}`;
    case 'indirect':
      return `${kind} is an indirect CRL, which certwatch does not support`;
    case 'only-user-certs':
      return 'the CRL covers only end-entity certificates, and this is a CA certificate';
    case 'only-ca-certs':
      return 'the CRL covers only CA certificates, and this is an end-entity certificate';
    case 'only-attribute-certs':
      return 'the CRL covers only attribute certificates';
    case 'only-some-reasons':
      return 'the CRL covers only some revocation reasons';
  }
}

export function signatureDefect(s: SignatureDefect): string {
  switch (s.reason) {
    case 'key-unloadable':
      return "the signer's public key cannot be loaded";
    case 'pss-parameters':
      return 'unsupported RSASSA-PSS parameters';
    case 'unsupported-algorithm':
      return `unsupported signature algorithm ${s.oid}`;
    case 'mismatch':
      return 'the signature does not verify';
    case 'refused':
      return `the signature does not verify (${s.detail})`;
  }
}

function ocspDefect(d: OcspDefect): string {
  switch (d.reason) {
    case 'not-ocsp':
      return d.looksLike
        ? `the responder returned ${d.looksLike}, not an OCSP response`
        : `the responder returned ${d.bytes} bytes that are not an OCSP response`;
    case 'responder-status':
      return `responder said ${d.status}`;
    case 'not-basic':
      return 'the response is not a basic OCSP response';
    case 'unused-signature-bits':
      return 'the response signature has unused bits';
    case 'malformed':
      return `the basic OCSP response is malformed (${d.detail})`;
    case 'signer-rejected':
      return `the response's signature is not acceptable: ${d.why.map(signerProblem).join('; ')}`;
    case 'not-signed-by-issuer':
      return `the response is not signed by ${d.issuer} or a responder it delegated to`;
    case 'other-certificate':
      return `the response is not about this certificate (it answers for serial ${d.serialsSeen.join(', ') || 'none'} with issuer hashes that ${d.serialsSeen.length ? 'do not all match' : 'are absent'}; wanted serial ${d.wanted})`;
    case 'not-yet-valid':
      return `the response is not yet valid: thisUpdate ${d.thisUpdate}`;
    case 'stale':
      return `the response is stale: nextUpdate ${d.nextUpdate}`;
    case 'stale-without-next-update':
      return `the response is stale: no nextUpdate and thisUpdate ${d.thisUpdate} is over 4 days old`;
    case 'status-unknown':
      return 'the responder does not know this certificate (status unknown)';
  }
}

function signerProblem(p: OcspSignerProblem): string {
  switch (p.reason) {
    case 'not-issued-by-issuer':
      return `it is signed by ${p.responder}, which ${p.issuer} did not issue`;
    case 'not-ocsp-signer':
      return `it is signed by ${p.responder}, which lacks id-kp-OCSPSigning`;
    case 'outside-validity':
      return `its responder certificate ${p.responder} is outside its validity (${p.notBefore} – ${p.notAfter})`;
  }
}

function aiaAttempt(a: AiaAttempt): string {
  switch (a.reason) {
    case 'skipped':
      return `AIA issuer URL skipped: ${urlRefusal(a.refusal)}`;
    case 'wrong-certificates':
      return `AIA issuer URL ${a.url} returned ${a.subjects.join('; ')}, which did not sign this certificate`;
    case 'no-certificate':
      return `AIA issuer URL ${a.url} returned no readable certificate`;
    case 'fetch':
      return fetchFailure(a.failure);
    case 'error':
      return a.text;
    case 'no-url':
      return 'no AIA caIssuers URL to fetch it from';
  }
}
