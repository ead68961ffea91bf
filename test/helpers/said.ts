// What a finding says, as every reporter writes it: tests assert on the
// sentence the user reads, rendered from the finding's detail.
import type { Finding, ObservedCertificate } from '../../src/types.js';
import { findingSentence, revocationDetail } from '../../src/report/text/finding-sentence.js';

/** `now`: the clock the finding was judged against (the sentence says "in 3 days" from it); default: the real one. */
export function said(f: Pick<Finding, 'detail' | 'location'>, now: Date | string = new Date()): string {
  return findingSentence(f, now);
}

/** The revocation answer's detail as the JSON report writes it ('' when there is none). */
export function revocationSaid(oc: Pick<ObservedCertificate, 'revocation'>): string {
  return oc.revocation ? (revocationDetail(oc.revocation) ?? '') : '';
}
