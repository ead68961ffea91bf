// Trust anchors: Node's bundled Mozilla roots plus, per endpoint or by
// default, a user's `ca-file` for private CAs. Each distinct store is loaded
// once per run and gives both the parsed anchors our chain check builds paths
// to and one TLS SecureContext shared by every probe that uses it (creating a
// context per connection would reload ~150 roots each time).
import { readFile, stat } from 'node:fs/promises';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import type { CertificateRecord } from '../../types.js';
import { parseCertificate } from '../../x509/parse-certificate.js';
import { splitPem, looksLikePem, toPem } from '../../x509/pem.js';
import { bundledRoots } from '../../x509/bundled-roots.js';
import { TrustAnchors } from '../../checks/chain.js';
import { oncePerKey } from '../../shared/once-per-key.js';

// A CA bundle is at most a few hundred certificates (~250 KB for Mozilla's);
// 10 MiB means someone pointed ca-file at the wrong file.
const MAX_CA_FILE_BYTES = 10 * 1024 * 1024;

export interface TrustStore {
  /** parsed on first use: probes can start before ~150 roots are parsed */
  anchors(): TrustAnchors;
  secureContext: SecureContext;
  /** "Node's bundled roots" or "… + certs/private-root.pem" — for messages */
  label: string;
}

/** Why a ca-file cannot be used (sentences in report/text/ca-file-cause.ts). */
export type CaFileCause =
  | { reason: 'too-large'; bytes: number; maxBytes: number }
  /** `message`: Node's words (they name the path and the errno) */
  | { reason: 'unreadable'; code?: string; message: string }
  /** `message`: the certificate parser's words */
  | { reason: 'unparseable'; message: string }
  | { reason: 'empty' };

export class CaFileError extends Error {
  constructor(
    /** the ca-file as configured, made absolute */
    readonly path: string,
    override readonly cause: CaFileCause,
  ) {
    super(`ca-file ${path}: ${cause.reason}`);
  }
}

// Probing old servers is the point: accept TLS 1.0/1.1 and any key size, so we
// can read (and report) what they serve instead of failing the handshake.
// OpenSSL 3 needs security level 0 for that. Trust is judged separately.
const PROBE_TLS_OPTIONS = { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT:@SECLEVEL=0' };

async function readCaFile(path: string): Promise<{ records: CertificateRecord[]; pems: string[] }> {
  let data: Buffer;
  try {
    const st = await stat(path);
    if (st.size > MAX_CA_FILE_BYTES)
      throw new CaFileError(path, { reason: 'too-large', bytes: st.size, maxBytes: MAX_CA_FILE_BYTES });
    data = await readFile(path);
  } catch (e) {
    if (e instanceof CaFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CaFileError(path, { reason: 'unreadable', ...(code ? { code } : {}), message: (e as Error).message });
  }
  const text = data.toString('latin1');
  const ders: Buffer[] = looksLikePem(text)
    ? splitPem(text)
        .blocks.filter((b) => b.label === 'CERTIFICATE' || b.label === 'TRUSTED CERTIFICATE')
        .map((b) => b.der)
    : [data];
  const records: CertificateRecord[] = [];
  for (const der of ders) {
    try {
      records.push(parseCertificate(der));
    } catch (e) {
      throw new CaFileError(path, { reason: 'unparseable', message: (e as Error).message });
    }
  }
  if (records.length === 0) throw new CaFileError(path, { reason: 'empty' });
  const pems = records.map((r) => toPem('CERTIFICATE', r.der));
  return { records, pems };
}

function lazy<T>(make: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= make());
}

const cache = new Map<string, Promise<TrustStore>>();

/** The trust store for an absolute ca-file path (or the bundled roots alone when undefined); cached per process. */
export function loadTrustStore(caFile?: string): Promise<TrustStore> {
  const key = caFile ?? '';
  const p = oncePerKey(cache, key, () => buildTrustStore(caFile));
  // A failed load is not cached: the file may be fixed before the next run in the same process (tests).
  p.catch(() => cache.delete(key));
  return p;
}

async function buildTrustStore(caFile?: string): Promise<TrustStore> {
  if (!caFile) {
    return {
      anchors: lazy(() => new TrustAnchors(bundledRoots())),
      secureContext: createSecureContext(PROBE_TLS_OPTIONS),
      label: "Node's bundled roots",
    };
  }
  const extra = await readCaFile(caFile);
  return {
    anchors: lazy(() => new TrustAnchors([...bundledRoots(), ...extra.records])),
    secureContext: createSecureContext({ ...PROBE_TLS_OPTIONS, ca: [...rootCertificates, ...extra.pems] }),
    label: `Node's bundled roots + ${caFile}`,
  };
}
