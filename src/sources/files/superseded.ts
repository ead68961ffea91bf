// A bundle that still holds an older certificate next to its replacement confuses
// people ("which one is in use?", x509-certificate-exporter #512). Within one file,
// certificates for the same names are compared and the older ones are labelled.
import type { CertificateRecord } from '../../types.js';

function identity(c: CertificateRecord): string {
  const names = [...c.sans].sort().join(',');
  return `${c.isCA ? 'ca' : 'leaf'}|${c.subject}|${names}`;
}

/** cert → note for each superseded certificate ("superseded by …"). */
export function markSuperseded(certs: CertificateRecord[]): Map<CertificateRecord, string> {
  const notes = new Map<CertificateRecord, string>();
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
      notes.set(
        c,
        `superseded by serial ${newest.serialNumber} (valid ${newest.notBefore.toISOString().slice(0, 10)} to ${newest.notAfter.toISOString().slice(0, 10)}) in the same file; the newer one is the one to keep`,
      );
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
