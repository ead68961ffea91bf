// Observations → one ObservedCertificate per fingerprint, with every location at
// which it was seen (a certificate checked in and also served is one record).
import type { CertificateRecord, CertificateRole, Observation, ObservedCertificate } from '../types.js';

const ROLE_RANK: Record<CertificateRole, number> = { leaf: 0, intermediate: 1, root: 2 };

export function groupObservations(obs: Observation[]): ObservedCertificate[] {
  const byFp = new Map<string, ObservedCertificate & { allOffPath: boolean }>();
  for (const o of obs) {
    const fp = o.cert.fingerprint;
    let oc = byFp.get(fp);
    if (!oc) {
      oc = { cert: o.cert, locations: [], role: o.role, owners: [], companions: [], notes: [], findings: [], allOffPath: true };
      byFp.set(fp, oc);
    }
    oc.locations.push(o.location);
    if (o.owner && !oc.owners.includes(o.owner)) oc.owners.push(o.owner);
    if (ROLE_RANK[o.role] < ROLE_RANK[oc.role]) oc.role = o.role;
    if (o.thresholds) oc.thresholds = { ...o.thresholds, ...oc.thresholds };
    if (o.note && !oc.notes.includes(o.note)) oc.notes.push(o.note);
    if (o.stapledOcsp && !oc.stapledOcsp) oc.stapledOcsp = o.stapledOcsp;
    if (!o.offPath) oc.allOffPath = false;
    addCompanions(oc.companions, o.companions ?? []);
  }
  const out: ObservedCertificate[] = [];
  for (const oc of byFp.values()) {
    const { allOffPath, ...rest } = oc;
    if (allOffPath) rest.notes.push('served but not needed to build a trusted path (e.g. an old cross-signed root); its expiry is not judged');
    Object.defineProperty(rest, 'offPath', { value: allOffPath, enumerable: false });
    out.push(rest);
  }
  return out;
}

function addCompanions(into: CertificateRecord[], more: CertificateRecord[]) {
  for (const c of more) if (!into.some((x) => x.fingerprint === c.fingerprint)) into.push(c);
}

export function isOffPath(oc: ObservedCertificate): boolean {
  return (oc as ObservedCertificate & { offPath?: boolean }).offPath === true;
}
