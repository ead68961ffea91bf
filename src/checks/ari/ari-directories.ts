// Which ACME CA (and so which directory) issued a certificate. Built in: the two
// public ACME CAs that offer ARI; users add their own in `ari.directories`.
import type { AriDirectory, CertificateRecord } from '../../types.js';

export interface AriCa {
  label: string; // for messages: "Let's Encrypt", or the user's issuer string
  directory: string; // ACME directory URL (RFC 8555 §7.1.1)
}

export const BUILT_IN_ARI_CAS: { issuerO: string; ca: AriCa }[] = [
  {
    issuerO: "let's encrypt",
    ca: { label: "Let's Encrypt", directory: 'https://acme-v02.api.letsencrypt.org/directory' },
  },
  {
    issuerO: 'google trust services',
    ca: { label: 'Google Trust Services', directory: 'https://dv.acme-v02.api.pki.goog/directory' },
  },
];

/** User directories first (their issuer string against the issuer's O= or CN=, case-insensitive), then the built-ins by O=. */
export function ariCaFor(cert: CertificateRecord, user: AriDirectory[]): AriCa | null {
  const o = cert.issuerO?.toLowerCase() ?? '';
  const cn = cert.issuerCN?.toLowerCase() ?? '';
  for (const d of user) {
    const needle = d.issuer.toLowerCase();
    if (needle && (o.includes(needle) || cn.includes(needle))) return { label: d.issuer, directory: d.directory };
  }
  for (const b of BUILT_IN_ARI_CAS) if (o.includes(b.issuerO)) return b.ca;
  return null;
}
