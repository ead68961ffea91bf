// What a file decoder hands back: raw certificates with their place in the file,
// private keys (only their place and label — never their bytes), and problems.

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
  label: string; // "RSA PRIVATE KEY", "PKCS#12 key bag", "Secret tls.key"
}

export interface ExtractProblem extends Whereabouts {
  line: number;
  reason: string;
  severity?: 'error' | 'warning' | 'notice';
  /** the problem is a missing or wrong password (init suggests password-env for the file) */
  password?: true;
}

export interface Extraction {
  certificates: ExtractedCertificate[];
  keys: ExtractedKey[];
  problems: ExtractProblem[];
}

export function emptyExtraction(): Extraction {
  return { certificates: [], keys: [], problems: [] };
}
