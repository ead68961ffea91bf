import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);
import {
  displayName
} from "./chunk-753U3B2Y.js";

// src/findings/certificate-naming.ts
function certificateNaming(oc) {
  return { name: displayName(oc.cert), role: oc.role };
}

export {
  certificateNaming
};
