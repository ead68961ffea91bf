// Why a ca-file cannot be used (sources/endpoints/trust-store.ts CaFileCause), in words.
import type { CaFileCause } from '../../sources/endpoints/trust-store.js';

/** "ca-file certs/root.pem holds no certificate". */
export function caFileCause(path: string, c: CaFileCause): string {
  switch (c.reason) {
    case 'too-large':
      return `ca-file ${path} is ${c.bytes} bytes, over the ${c.maxBytes}-byte limit for a CA bundle`;
    case 'unreadable':
      return `cannot read ca-file ${path}: ${c.message}`;
    case 'unparseable':
      return `ca-file ${path}: a certificate does not parse: ${c.message}`;
    case 'empty':
      return `ca-file ${path} holds no certificate`;
  }
}
