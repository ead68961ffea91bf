// Which of the run's certificates the CA can be asked about (RFC 9773): a leaf, not
// expired (§4), issued by a CA with a known ARI directory, with an authority key id
// to form the identifier. Decided without the network, so that a run with nothing
// to ask never loads the HTTP client (a tenth of a plain run's start-up).
import type { ObservedCertificate, Settings } from '../../types.js';
import { ariCertId } from './ari-cert-id.js';
import { ariCaFor, type AriCa } from './ari-directories.js';

export interface RenewalInfoQuestion {
  obs: ObservedCertificate;
  ca: AriCa;
  /** the ARI certificate identifier */
  id: string;
}

export function renewalInfoQuestions(
  certs: ObservedCertificate[],
  settings: Settings,
  now: Date,
): RenewalInfoQuestion[] {
  if (!settings.ari.enabled) return [];
  const asks: RenewalInfoQuestion[] = [];
  for (const obs of certs) {
    if (obs.role !== 'leaf' || obs.cert.isCA || now.getTime() >= obs.cert.notAfter.getTime()) continue;
    const ca = ariCaFor(obs.cert, settings.ari.directories);
    if (!ca) continue;
    const id = ariCertId(obs.cert);
    if (!id) continue; // no AKI: no ARI identifier can be formed
    asks.push({ obs, ca, id });
  }
  return asks;
}
