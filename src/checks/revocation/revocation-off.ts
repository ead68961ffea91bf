// `revocation: off` in a module of its own, so a run that checks nothing for
// revocation never loads the revocation code (and undici) at all (run.ts).
import type { ObservedCertificate } from '../../types.js';

/** Every certificate "not-checked", except what a published serial list already marked revoked. */
export function markRevocationOff(certs: ObservedCertificate[]): void {
  for (const c of certs)
    if (c.revocation?.method !== 'list') c.revocation = { status: 'not-checked', detail: 'revocation checking is off' };
}
