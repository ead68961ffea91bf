// Grouping the inventory the ways an incident asks about it: by issuing CA
// (a CA revokes what it issued), by root (a distrusted root takes everything
// under it), by owner (who has to act), by key type (a weak-curve or
// key-size advisory) and by folder (a big repository's roll-up: what lives where).
import type { Location } from '../../types.js';
import type { Report, ReportCertificate } from '../report-types.js';
import { caLabelFromDn } from './dn.js';
import { isFailing, issuingCa, keyLabel, locationKey } from './certificate-facts.js';
import { plural } from '../format-helpers.js';

export interface InventoryGroup {
  key: string; // the CA, root, owner, key type or folder
  certificates: number;
  locations: number; // distinct places (each address behind an endpoint counts); by folder, those in the folder
  earliestExpiry: string | null; // ISO notAfter of the soonest-expiring certificate in the group
  owners: string[]; // sorted; "(no owner)" is not listed
  failing: number; // certificates with an active error finding
}

export type GroupingKey = 'issuer' | 'root' | 'owner' | 'key' | 'folder';

export const GROUPING_KEYS: readonly GroupingKey[] = ['folder', 'issuer', 'root', 'owner', 'key'];

export const NO_OWNER = '(no owner)';
export const ROOT_NOT_SEEN = '(root not seen)';
/** The folder group of certificates served by endpoints (they live on a host, not in a folder). */
export const ENDPOINTS_GROUP = '(endpoints)';
/** The folder group of certificates with no recorded place (a report from elsewhere may have them). */
export const NO_LOCATION_GROUP = '(no location)';

export function groupBy(report: Report, by: GroupingKey): InventoryGroup[] {
  if (by === 'folder') return groupByFolder(report.certificates);
  const keyOf = groupKeyFunction(report, by);
  const buckets = new Map<string, ReportCertificate[]>();
  for (const c of report.certificates) {
    const k = keyOf(c);
    const list = buckets.get(k);
    if (list) list.push(c);
    else buckets.set(k, [c]);
  }
  return [...buckets].map(([key, certs]) => summariseGroup(key, certs)).sort(biggestFirst);
}

function groupKeyFunction(report: Report, by: Exclude<GroupingKey, 'folder'>): (c: ReportCertificate) => string {
  switch (by) {
    case 'issuer':
      return issuingCa;
    case 'owner':
      return (c) => c.owner ?? NO_OWNER;
    case 'key':
      return (c) => keyLabel(c.key);
    case 'root': {
      const rootOf = rootFinder(report.certificates);
      return rootOf;
    }
  }
}

/** The folder of a file location ("." at the top), or the endpoints group. */
export function folderOf(l: Location): string {
  if (l.type !== 'file') return ENDPOINTS_GROUP;
  const cut = l.path.lastIndexOf('/');
  return cut < 0 ? '.' : l.path.slice(0, cut);
}

// svc-2 before svc-10, as people number folders; one fixed locale, so every machine sorts alike.
const FOLDER_ORDER = new Intl.Collator('en', { numeric: true });

/**
 * One group per folder a certificate sits in: a certificate in two folders counts in
 * both, and each folder counts only its own locations. Sorted by path, the way a tree
 * reads, endpoints last.
 */
function groupByFolder(certs: ReportCertificate[]): InventoryGroup[] {
  const buckets = new Map<string, { certs: Set<ReportCertificate>; places: Set<string> }>();
  const add = (key: string, c: ReportCertificate, place?: string) => {
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { certs: new Set(), places: new Set() }));
    b.certs.add(c);
    if (place !== undefined) b.places.add(place);
  };
  for (const c of certs) {
    if (!c.locations.length) add(NO_LOCATION_GROUP, c);
    for (const l of c.locations) add(folderOf(l), c, locationKey(l));
  }
  const last = (k: string) => (k === ENDPOINTS_GROUP || k === NO_LOCATION_GROUP ? 1 : 0);
  return [...buckets]
    .map(([key, b]) => ({ ...summariseGroup(key, [...b.certs]), locations: b.places.size }))
    .sort((a, b) => last(a.key) - last(b.key) || FOLDER_ORDER.compare(a.key, b.key));
}

export function summariseGroup(key: string, certs: ReportCertificate[]): InventoryGroup {
  const places = new Set<string>();
  const owners = new Set<string>();
  let earliest: string | null = null;
  let failing = 0;
  for (const c of certs) {
    for (const l of c.locations) places.add(locationKey(l));
    // A certificate owned from two places reads "@a, @b" (build-report.ts): each owner counts once.
    if (c.owner) for (const o of c.owner.split(', ')) owners.add(o);
    if (earliest === null || Date.parse(c.notAfter) < Date.parse(earliest)) earliest = c.notAfter;
    if (isFailing(c)) failing++;
  }
  return {
    key,
    certificates: certs.length,
    locations: places.size,
    earliestExpiry: earliest,
    owners: [...owners].sort(),
    failing,
  };
}

function biggestFirst(a: InventoryGroup, b: InventoryGroup): number {
  return b.certificates - a.certificates || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * The root of each certificate, found by walking issuer → subject among the
 * certificates in the report (the report holds the intermediates and roots
 * that endpoints served or bundles contained). Where the walk stops short of a
 * self-issued certificate, the top issuer is named and marked "(root not seen)"
 * rather than guessed from a trust store the report does not carry.
 */
export function rootFinder(certs: ReportCertificate[]): (c: ReportCertificate) => string {
  const bySubject = new Map<string, ReportCertificate[]>();
  for (const c of certs) {
    const list = bySubject.get(c.subject);
    if (list) list.push(c);
    else bySubject.set(c.subject, [c]);
  }
  const memo = new Map<string, string>(); // by issuer DN: every certificate from one issuer shares a root
  const walk = (start: ReportCertificate): string => {
    let current = start;
    const seen = new Set<string>([current.fingerprint]);
    const path: string[] = [];
    for (;;) {
      if (current.subject === current.issuer) return finish(path, caLabelFromSelf(current));
      const cached = memo.get(current.issuer);
      if (cached !== undefined) return finish(path, cached);
      path.push(current.issuer);
      const parents = (bySubject.get(current.issuer) ?? []).filter((p) => !seen.has(p.fingerprint));
      // Prefer the self-issued candidate: a cross-signed intermediate shares its subject with a root.
      const parent = parents.find((p) => p.subject === p.issuer) ?? parents.find((p) => p.isCA) ?? parents[0];
      if (!parent) return finish(path, `${caLabelFromDn(current.issuer)} ${ROOT_NOT_SEEN}`);
      seen.add(parent.fingerprint);
      current = parent;
    }
  };
  const finish = (path: string[], root: string): string => {
    for (const issuer of path) memo.set(issuer, root);
    return root;
  };
  return walk;
}

function caLabelFromSelf(c: ReportCertificate): string {
  return caLabelFromDn(c.subject);
}

/**
 * "If <CA> revoked everything today: N certificates at M locations, owners …",
 * one line per issuing CA, biggest exposure first. Roots are left out: nobody
 * revokes a root's self-signature, and counting them would inflate the reach.
 */
export function concentration(report: Report): string[] {
  const exposed: Report = { ...report, certificates: report.certificates.filter((c) => c.role !== 'root') };
  // Counted in one pass: per group it was quadratic (20,000 self-signed certificates
  // are 20,000 groups, and the job summary took seconds).
  const unowned = new Map<string, number>();
  for (const c of exposed.certificates) if (!c.owner) unowned.set(issuingCa(c), (unowned.get(issuingCa(c)) ?? 0) + 1);
  return groupBy(exposed, 'issuer').map((g) => concentrationLine(g, unowned.get(g.key) ?? 0));
}

function concentrationLine(g: InventoryGroup, withoutOwner: number): string {
  const owners = g.owners.length > 0 ? `owners ${g.owners.join(', ')}` : 'no owners recorded';
  const unowned = withoutOwner > 0 && g.owners.length > 0 ? ` (+${withoutOwner} without an owner)` : '';
  return `If ${g.key} revoked everything today: ${plural(g.certificates, 'certificate')} at ${plural(g.locations, 'location')}, ${owners}${unowned}`;
}
