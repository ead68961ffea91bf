import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);

// src/checks/revocation/revocation-off.ts
function markRevocationOff(certs) {
  for (const c of certs)
    if (c.revocation?.method !== "list") c.revocation = { status: "not-checked", detail: "revocation checking is off" };
}

export {
  markRevocationOff
};
