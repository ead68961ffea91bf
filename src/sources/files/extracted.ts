// What a file decoder hands back: raw certificates with their place in the file,
// private keys (only their place and which key — never their bytes), and problems
// (reader-problem.ts: data, put into words at the edge).
import type { KeyContext, PrivateKeyFound, ReaderContext, ReaderProblem } from './reader-problem.js';

/** Where inside a file: the contract's location fields (the JSON report's location object). */
export interface Whereabouts {
  form?: string; // "pem", "der", "jks", "kubeconfig", "pem-in-source", …
  entry?: string; // keystore alias
  key?: string; // key path in a structured file
}

export interface ExtractedCertificate extends Whereabouts {
  der: Buffer;
  line: number; // 1-based
  detail?: string; // "PEM block 2", "Secret web/tls tls.crt", "PKCS#12 certificate 1"
}

export interface ExtractedKey extends Whereabouts {
  line: number;
  privateKey: PrivateKeyFound;
  /** where inside wrapping readers (a Secret's value, a key path), outermost first */
  within?: KeyContext[];
}

export interface ExtractProblem extends Whereabouts {
  line: number;
  problem: ReaderProblem;
  /** where inside wrapping readers (a Secret's value, a key path, a PEM block), outermost first */
  within?: ReaderContext[];
  severity?: 'error' | 'warning' | 'notice';
}

/**
 * An inner reader's key or problem, seen from the reader that wraps it (a Secret's value,
 * a key path, a PEM block): `ctx` goes first in its `within`.
 */
export function within<T extends ExtractedKey | ExtractProblem>(ctx: NonNullable<T['within']>[number], x: T): T {
  return { ...x, within: [ctx, ...(x.within ?? [])] };
}

export interface Extraction {
  certificates: ExtractedCertificate[];
  keys: ExtractedKey[];
  problems: ExtractProblem[];
}

export function emptyExtraction(): Extraction {
  return { certificates: [], keys: [], problems: [] };
}
