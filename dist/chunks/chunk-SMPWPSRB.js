import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  splitPem
} from "./chunk-SLWETIJE.js";
import {
  parseCertificate
} from "./chunk-753U3B2Y.js";

// src/x509/bundled-roots.ts
import { rootCertificates } from "node:tls";
var bundled;
function bundledRoots() {
  if (!bundled) {
    bundled = [];
    for (const pem of rootCertificates) {
      for (const b of splitPem(pem).blocks) {
        try {
          bundled.push(parseCertificate(b.der));
        } catch {
        }
      }
    }
  }
  return bundled;
}

export {
  bundledRoots
};
