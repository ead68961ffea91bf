// Every address behind a name should serve the same certificate. When they
// differ, one backend was missed by a renewal: name the stale address(es) —
// those whose leaf has the older notBefore — so someone can fix that box.
import type { CertificateRecord, EndpointLocation, Finding } from '../types.js';
import type { EndpointRef, ServedLeaf } from '../findings/finding-detail.js';
import { displayName } from '../x509/parse-certificate.js';

export interface AddressLeaf {
  address: string;
  leaf: CertificateRecord;
  location: EndpointLocation;
}

function served(group: AddressLeaf[]): ServedLeaf {
  const leaf = group[0].leaf;
  return {
    addresses: group.map((g) => g.address),
    name: displayName(leaf),
    fingerprint: leaf.fingerprint,
    notBefore: leaf.notBefore.toISOString(),
    notAfter: leaf.notAfter.toISOString(),
  };
}

/** One `address-drift` finding when the addresses of one endpoint serve different leaves; none otherwise. */
export function addressDrift(endpoint: EndpointRef, leaves: AddressLeaf[]): Finding[] {
  const groups = new Map<string, AddressLeaf[]>();
  for (const s of leaves) groups.set(s.leaf.fingerprint, [...(groups.get(s.leaf.fingerprint) ?? []), s]);
  if (groups.size < 2) return [];
  const newest = Math.max(...leaves.map((s) => s.leaf.notBefore.getTime()));
  const current = [...groups.values()].filter((g) => g[0].leaf.notBefore.getTime() === newest);
  const stale = [...groups.values()].filter((g) => g[0].leaf.notBefore.getTime() !== newest);
  if (stale.length === 0) {
    // Same issuance time, different certificates: nothing tells which is stale.
    return [
      {
        id: 'address-drift',
        severity: 'error',
        detail: { kind: 'address-drift', endpoint, stale: [], current: [...groups.values()].map(served) },
        location: leaves[0].location,
      },
    ];
  }
  return [
    {
      id: 'address-drift',
      severity: 'error',
      detail: { kind: 'address-drift', endpoint, stale: stale.map(served), current: current.map(served) },
      fingerprint: stale[0][0].leaf.fingerprint,
      location: stale[0][0].location,
    },
  ];
}
