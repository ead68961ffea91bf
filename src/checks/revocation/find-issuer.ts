// Revocation needs the issuer's key and name. Look for it where it is most
// likely and cheapest: the certificates seen with this one (served chain, same
// bundle), every other certificate in the run, the platform's root store, and
// only then the AIA caIssuers URL (RFC 5280 §4.2.2.1). A candidate counts only if
// its signature on the certificate verifies: names alone are not proof.
import type { CertificateRecord, ObservedCertificate } from '../../types.js';
import { FetchError, fetchableUrl, httpFetch } from '../../net/http-fetch.js';
import type { AiaAttempt, RevocationCause } from './revocation-cause.js';
import { CERT_MAX_BYTES } from '../../net/limits.js';
import { readPkcs7Certificates } from '../../x509/pkcs7.js';
import { isIssuedBy, parseCertificate } from '../../x509/parse-certificate.js';
import { splitPem } from '../../x509/pem.js';
import { bundledRoots } from '../../x509/bundled-roots.js';
import { oncePerKey } from '../../shared/once-per-key.js';

export interface IssuerResult {
  issuer?: CertificateRecord;
  via?: 'chain' | 'known' | 'system' | 'aia';
  missing?: RevocationCause; // why no issuer was found (issuer-not-found)
}

export interface IssuerFinderOptions {
  timeoutMs: number;
  deadline: number;
}

let systemRoots: Map<string, CertificateRecord[]> | undefined;

function bySubject(
  certs: Iterable<CertificateRecord>,
  into = new Map<string, CertificateRecord[]>(),
): Map<string, CertificateRecord[]> {
  for (const c of certs) {
    const list = into.get(c.subject);
    if (!list) into.set(c.subject, [c]);
    else if (!list.some((x) => x.fingerprint === c.fingerprint)) list.push(c);
  }
  return into;
}

/** Node's bundled Mozilla roots by subject (intermediates' issuers are roots that servers do not send). */
function systemRootIndex(): Map<string, CertificateRecord[]> {
  systemRoots ??= bySubject(bundledRoots());
  return systemRoots;
}

/** Certificates from an AIA caIssuers answer: DER certificate, PEM, or a certs-only PKCS#7 (RFC 5280 §4.2.2.1). */
export function certificatesFromAia(body: Buffer): CertificateRecord[] {
  const out: CertificateRecord[] = [];
  const head = body.subarray(0, 64).toString('latin1');
  if (head.includes('-----BEGIN')) {
    for (const b of splitPem(body.toString('latin1')).blocks) {
      if (b.label !== 'CERTIFICATE' && b.label !== 'PKCS7') continue;
      out.push(...certificatesFromAia(b.der));
    }
    return out;
  }
  try {
    return [parseCertificate(body)];
  } catch {
    /* not a single certificate: try PKCS#7 */
  }
  let members: Buffer[] = [];
  try {
    members = readPkcs7Certificates(body);
  } catch {
    /* neither: nothing usable */
  }
  for (const m of members) {
    try {
      out.push(parseCertificate(m));
    } catch {
      /* skip unreadable members */
    }
  }
  return out;
}

export class IssuerFinder {
  private readonly known: Map<string, CertificateRecord[]>;
  private readonly aia = new Map<string, Promise<CertificateRecord[]>>();
  private readonly results = new Map<string, Promise<IssuerResult>>();

  constructor(
    knownCertificates: CertificateRecord[],
    private readonly o: IssuerFinderOptions,
  ) {
    this.known = bySubject(knownCertificates);
  }

  find(obs: ObservedCertificate): Promise<IssuerResult> {
    // The same certificate seen in several places has the same issuer; companions only widen the search.
    return oncePerKey(this.results, obs.cert.fingerprint, () => this.search(obs));
  }

  private async search(obs: ObservedCertificate): Promise<IssuerResult> {
    const cert = obs.cert;
    const pick = (list: CertificateRecord[] | undefined) => list?.find((c) => signs(c, cert));
    const fromChain = pick(obs.companions.filter((c) => c.subject === cert.issuer));
    if (fromChain) return { issuer: fromChain, via: 'chain' };
    const fromKnown = pick(this.known.get(cert.issuer));
    if (fromKnown) return { issuer: fromKnown, via: 'known' };
    const fromSystem = pick(systemRootIndex().get(cert.issuer));
    if (fromSystem) return { issuer: fromSystem, via: 'system' };
    const attempts: AiaAttempt[] = [];
    for (const url of cert.caIssuersUrls) {
      const refusal = fetchableUrl(url);
      if (refusal) {
        attempts.push({ reason: 'skipped', refusal });
        continue;
      }
      try {
        const got = await this.fetchAia(url);
        const issuer = got.find((c) => signs(c, cert));
        if (issuer) return { issuer, via: 'aia' };
        attempts.push(
          got.length
            ? { reason: 'wrong-certificates', url, subjects: got.map((c) => c.subject) }
            : { reason: 'no-certificate', url },
        );
      } catch (e) {
        attempts.push(
          e instanceof FetchError
            ? { reason: 'fetch', failure: e.failure }
            : { reason: 'error', text: (e as Error).message },
        );
      }
    }
    if (!cert.caIssuersUrls.length) attempts.push({ reason: 'no-url' });
    return { missing: { reason: 'issuer-not-found', issuer: cert.issuer, attempts } };
  }

  private fetchAia(url: string): Promise<CertificateRecord[]> {
    return oncePerKey(this.aia, url, () =>
      httpFetch(url, {
        what: 'fetching issuer certificate',
        timeoutMs: this.o.timeoutMs,
        deadline: this.o.deadline,
        maxBytes: CERT_MAX_BYTES,
      }).then((r) => certificatesFromAia(r.body)),
    );
  }
}

function signs(candidate: CertificateRecord, cert: CertificateRecord): boolean {
  if (candidate.fingerprint === cert.fingerprint) return false;
  if (cert.authorityKeyId && candidate.subjectKeyId && !cert.authorityKeyId.equals(candidate.subjectKeyId))
    return false;
  return isIssuedBy(cert, candidate);
}
