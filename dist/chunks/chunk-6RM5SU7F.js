import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/checks/ari/ari-cert-id.ts
function ariCertId(cert) {
  if (!cert.authorityKeyId || cert.authorityKeyId.length === 0) return null;
  return `${cert.authorityKeyId.toString("base64url")}.${cert.serialBytes.toString("base64url")}`;
}

// src/checks/ari/ari-directories.ts
var BUILT_IN_ARI_CAS = [
  {
    issuerO: "let's encrypt",
    ca: { label: "Let's Encrypt", directory: "https://acme-v02.api.letsencrypt.org/directory" }
  },
  {
    issuerO: "google trust services",
    ca: { label: "Google Trust Services", directory: "https://dv.acme-v02.api.pki.goog/directory" }
  }
];
function ariCaFor(cert, user) {
  const o = cert.issuerO?.toLowerCase() ?? "";
  const cn = cert.issuerCN?.toLowerCase() ?? "";
  for (const d of user) {
    const needle = d.issuer.toLowerCase();
    if (needle && (o.includes(needle) || cn.includes(needle))) return { label: d.issuer, directory: d.directory };
  }
  for (const b of BUILT_IN_ARI_CAS) if (o.includes(b.issuerO)) return b.ca;
  return null;
}

// src/checks/ari/renewal-info-questions.ts
function renewalInfoQuestions(certs, settings, now) {
  if (!settings.ari.enabled) return [];
  const asks = [];
  for (const obs of certs) {
    if (obs.role !== "leaf" || obs.cert.isCA || now.getTime() >= obs.cert.notAfter.getTime()) continue;
    const ca = ariCaFor(obs.cert, settings.ari.directories);
    if (!ca) continue;
    const id = ariCertId(obs.cert);
    if (!id) continue;
    asks.push({ obs, ca, id });
  }
  return asks;
}

export {
  ariCertId,
  renewalInfoQuestions
};
