import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  displayName
} from "./chunk-LX3FKHLY.js";

// src/findings/certificate-naming.ts
function certificateNaming(oc) {
  return { name: displayName(oc.cert), role: oc.role };
}

export {
  certificateNaming
};
