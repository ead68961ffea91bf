// Observations → one ObservedCertificate per fingerprint, with every location at
// which it was seen (a certificate checked in and also served is one record).
import type {
  CertificateRecord,
  CertificateRole,
  Duration,
  Observation,
  ObservedCertificate,
  Thresholds,
} from '../types.js';
import { thresholdMs } from '../config/duration.js';

const ROLE_RANK: Record<CertificateRole, number> = { leaf: 0, intermediate: 1, root: 2 };

/**
 * `defaults`: the run's thresholds, which apply to a sighting without its own.
 * The record's thresholds are then the strictest over all its sightings.
 */
export function groupObservations(obs: Observation[], defaults?: Thresholds): ObservedCertificate[] {
  const byFp = new Map<
    string,
    ObservedCertificate & { allOffPath: boolean; allSuperseded: boolean; merged: Companions }
  >();
  for (const o of obs) {
    const fp = o.cert.fingerprint;
    let oc = byFp.get(fp);
    if (!oc) {
      oc = {
        cert: o.cert,
        locations: [],
        role: o.role,
        owners: [],
        companions: [],
        notes: [],
        findings: [],
        allOffPath: true,
        allSuperseded: true,
        merged: { lists: new Set() },
      };
      byFp.set(fp, oc);
    }
    oc.locations.push(o.location);
    if (o.owner && !oc.owners.includes(o.owner)) oc.owners.push(o.owner);
    if (ROLE_RANK[o.role] < ROLE_RANK[oc.role]) oc.role = o.role;
    const own = defaults ? { ...defaults, ...o.thresholds } : o.thresholds;
    if (own) oc.thresholds = strictest(oc.thresholds, own, o.cert);
    const by = o.supersededBy;
    if (by && !oc.supersededBy?.some((x) => x.serial === by.serial && x.notBefore === by.notBefore))
      (oc.supersededBy ??= []).push(by);
    if (o.stapledOcsp && !oc.stapledOcsp) oc.stapledOcsp = o.stapledOcsp;
    if (!o.offPath) oc.allOffPath = false;
    if (!o.supersededBy) oc.allSuperseded = false;
    if (o.companions?.length) oc.companions = addCompanions(oc.companions, o.companions, oc.merged);
  }
  const out: ObservedCertificate[] = [];
  for (const oc of byFp.values()) {
    const { allOffPath, allSuperseded, merged: _merged, ...rest } = oc;
    // "Superseded" softens expiry to a tidy-up note (run.ts). That is only true when
    // every sighting is an old copy next to its renewal: the same certificate served
    // by an endpoint or alone in another file is in use, and its expiry is an outage.
    if (!allSuperseded) delete rest.supersededBy;
    if (allOffPath) {
      rest.offPath = true;
      rest.notes.push(
        'served but not needed to build a trusted path (e.g. an old cross-signed root); its expiry is not judged',
      );
    }
    out.push(rest);
  }
  return out;
}

/** Per certificate: the companion lists already taken in, and (once two differ) the fingerprints held. */
interface Companions {
  lists: Set<CertificateRecord[]>;
  fingerprints?: Set<string>;
}

/**
 * Linear in the sightings: every certificate of one bundle shares that bundle's array,
 * so the first list is kept by reference and the same list met again costs nothing.
 * Only a certificate seen in several different files or chains gets its own merged
 * copy (a Set of fingerprints, not a scan per certificate: the scan made a
 * 1,400-certificate bundle take 14 s).
 */
function addCompanions(current: CertificateRecord[], more: CertificateRecord[], m: Companions): CertificateRecord[] {
  if (m.lists.has(more)) return current;
  m.lists.add(more);
  if (m.lists.size === 1) return more;
  if (!m.fingerprints) {
    m.fingerprints = new Set(current.map((c) => c.fingerprint));
    current = [...current];
  }
  for (const c of more) {
    if (m.fingerprints.has(c.fingerprint)) continue;
    m.fingerprints.add(c.fingerprint);
    current.push(c);
  }
  return current;
}

/**
 * A certificate seen at several places with different per-target thresholds is
 * judged by the strictest: a relaxed threshold on one endpoint must not hide a
 * warning about a certificate (often a shared intermediate) that others rely on.
 */
function strictest(
  a: Partial<Thresholds> | undefined,
  b: Partial<Thresholds>,
  c: CertificateRecord,
): Partial<Thresholds> {
  const life = c.notAfter.getTime() - c.notBefore.getTime();
  const pick = (x?: Duration, y?: Duration) => (!x ? y : !y ? x : thresholdMs(y, life) > thresholdMs(x, life) ? y : x);
  const out: Partial<Thresholds> = {};
  const w = pick(a?.warnWithin, b.warnWithin);
  const f = pick(a?.failWithin, b.failWithin);
  if (w) out.warnWithin = w;
  if (f) out.failWithin = f;
  return out;
}
