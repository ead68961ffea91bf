// Every address behind a name should serve the same certificate. When they
// differ, one backend was missed by a renewal: name the stale address(es) —
// those whose leaf has the older notBefore — so someone can fix that box.
import type { CertificateRecord, EndpointLocation, Finding } from '../types.js';
import { displayName } from '../x509/parse-certificate.js';

export interface AddressLeaf {
  address: string;
  leaf: CertificateRecord;
  location: EndpointLocation;
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function describe(group: AddressLeaf[]): string {
  const leaf = group[0].leaf;
  return `${group.map((g) => g.address).join(', ')} (serves "${displayName(leaf)}" ${leaf.fingerprint.slice(0, 23)}…, notBefore ${day(leaf.notBefore)}, notAfter ${day(leaf.notAfter)})`;
}

/** One `address-drift` finding when the addresses of one endpoint serve different leaves; none otherwise. */
export function addressDrift(endpoint: string, served: AddressLeaf[]): Finding[] {
  const groups = new Map<string, AddressLeaf[]>();
  for (const s of served) groups.set(s.leaf.fingerprint, [...(groups.get(s.leaf.fingerprint) ?? []), s]);
  if (groups.size < 2) return [];
  const newest = Math.max(...served.map((s) => s.leaf.notBefore.getTime()));
  const current = [...groups.values()].filter((g) => g[0].leaf.notBefore.getTime() === newest);
  const stale = [...groups.values()].filter((g) => g[0].leaf.notBefore.getTime() !== newest);
  if (stale.length === 0) {
    // Same issuance time, different certificates: nothing tells which is stale.
    return [
      {
        id: 'address-drift',
        severity: 'error',
        message: `${endpoint}: addresses serve different certificates issued at the same time: ${[...groups.values()].map(describe).join('; ')}`,
        location: served[0].location,
      },
    ];
  }
  const staleAddresses = stale.flat().map((s) => s.address);
  return [
    {
      id: 'address-drift',
      severity: 'error',
      message:
        `${endpoint}: addresses serve different certificates; stale: ${stale.map(describe).join('; ')}; ` +
        `current: ${current.map(describe).join('; ')}. Replace the certificate on ${staleAddresses.join(', ')}.`,
      fingerprint: stale[0][0].leaf.fingerprint,
      location: stale[0][0].location,
    },
  ];
}
