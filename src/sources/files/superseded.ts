// A bundle that still holds an older certificate next to its replacement confuses
// people ("which one is in use?", x509-certificate-exporter #512). Within one file,
// certificates for the same names are compared and the older ones are labelled.
import type { CertificateRecord, Supersession } from '../../types.js';

function identity(c: CertificateRecord): string {
  const names = [...c.sans].sort().join(',');
  return `${c.isCA ? 'ca' : 'leaf'}|${c.subject}|${names}`;
}

/** cert → the newer certificate, for each superseded certificate. */
export function markSuperseded(certs: CertificateRecord[]): Map<CertificateRecord, Supersession> {
  const notes = new Map<CertificateRecord, Supersession>();
  const groups = new Map<string, CertificateRecord[]>();
  for (const c of certs) {
    const k = identity(c);
    const g = groups.get(k) ?? [];
    if (!g.some((x) => x.fingerprint === c.fingerprint)) g.push(c);
    groups.set(k, g);
  }
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const newest = g.reduce((a, b) =>
      b.notBefore > a.notBefore || (+b.notBefore === +a.notBefore && b.notAfter > a.notAfter) ? b : a,
    );
    for (const c of g) {
      if (c === newest) continue;
      notes.set(c, {
        serial: newest.serialNumber,
        notBefore: newest.notBefore.toISOString(),
        notAfter: newest.notAfter.toISOString(),
      });
    }
  }
  // A file holding the same old certificate twice: every copy is the old one (group-observations
  // keeps "superseded" only when all sightings carry it).
  for (const c of certs) {
    if (notes.has(c)) continue;
    const twin = [...notes.keys()].find((x) => x.fingerprint === c.fingerprint);
    if (twin) notes.set(c, notes.get(twin)!);
  }
  return notes;
}
