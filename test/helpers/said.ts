// What a finding says, as every reporter writes it: tests assert on the
// sentence the user reads, rendered from the finding's detail.
import type { Finding, ObservedCertificate } from '../../src/types.js';
import { findingSentence, revocationDetail } from '../../src/report/text/finding-sentence.js';

export function said(f: Pick<Finding, 'detail' | 'location'>): string {
  return findingSentence(f);
}

/** The revocation answer's detail as the JSON report writes it ('' when there is none). */
export function revocationSaid(oc: Pick<ObservedCertificate, 'revocation'>): string {
  return oc.revocation ? (revocationDetail(oc.revocation) ?? '') : '';
}
