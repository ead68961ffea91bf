// Trust and hostname verdicts for a chain an endpoint served. We build the
// path ourselves instead of relying on OpenSSL's verdict alone because:
// - OpenSSL judges with the real clock, certwatch with the run's clock;
// - a leaf's own expiry is reported by the expiry check, not as "untrusted";
// - we must know WHICH served certificates are on the path, so an expired
//   cross-signed root sent for old clients is not flagged (offPath);
// - the cause has to be told: missing intermediate (and whether only clients
//   that fetch via AIA would cope), unknown issuer, self-signed, expired
//   intermediate. It is returned as data (ChainCause); the sentence is written
//   in report/text/chain-cause.ts.
// OpenSSL's error code is still consulted for what we do not model (key usage,
// path length, name constraints, bad signatures).
import { X509Certificate } from 'node:crypto';
import type { CertificateRecord } from '../types.js';
import { displayName } from '../x509/parse-certificate.js';
import { checkHostname, type HostnameVerdict } from './hostname.js';

export type ChainProblem =
  | 'self-signed' // the leaf signed itself and is not a trust anchor
  | 'missing-intermediate' // the leaf's issuer was not sent and is not trusted
  | 'unknown-issuer' // the chain sent ends at a CA that is not trusted
  | 'untrusted-root' // the chain sent ends at a self-signed root that is not trusted
  | 'expired-intermediate' // the only path runs through a CA certificate that is expired (or not yet valid)
  | 'rejected'; // OpenSSL refused the chain for a reason we do not model

/**
 * Why a served chain is not trusted, with the facts a sentence needs. Certificates
 * are named as sentences name them (`displayName`), issuers by their subject DN as
 * the certificate states it; instants are ISO 8601. Put into words by
 * report/text/chain-cause.ts.
 */
export type ChainCause =
  /** the leaf signed itself and is not a trust anchor */
  | { reason: 'self-signed'; leaf: string }
  /** the served chain ends at a self-signed root that is not trusted */
  | { reason: 'untrusted-root'; root: string }
  /** the leaf came alone and its issuer is neither served nor trusted; `aia`: the leaf's first caIssuers URL */
  | { reason: 'intermediate-not-sent'; leaf: string; issuer: string; aia?: string }
  /** the chain stops at an intermediate whose issuer was not sent, but which names where to fetch it */
  | { reason: 'issuer-not-sent'; top: string; issuer: string; aia: string }
  /** the chain stops at an intermediate whose issuer is not trusted and which names no AIA URL */
  | { reason: 'unknown-issuer'; top: string; issuer: string }
  /** a CA certificate on the only path is outside its validity at the run's clock */
  | { reason: 'ca-expired'; role: 'trusted root' | 'intermediate'; certificate: string; notAfter: string }
  | { reason: 'ca-not-yet-valid'; role: 'trusted root' | 'intermediate'; certificate: string; notBefore: string }
  | { reason: 'leaf-unparseable' }
  /** OpenSSL refused the chain for a reason we do not model; `code` as Node reports it (shared/openssl-verify-errors.ts) */
  | { reason: 'openssl-rejected'; code: string };

/** The kind of problem a cause is, as the finding's `problem` names it. */
export function chainProblem(c: ChainCause): ChainProblem {
  switch (c.reason) {
    case 'self-signed':
    case 'untrusted-root':
    case 'unknown-issuer':
      return c.reason;
    case 'intermediate-not-sent':
    case 'issuer-not-sent':
      return 'missing-intermediate';
    case 'ca-expired':
    case 'ca-not-yet-valid':
      return 'expired-intermediate';
    case 'leaf-unparseable':
    case 'openssl-rejected':
      return 'rejected';
  }
}

// Deeper than any real PKI (Web PKI paths are ≤ 4); bounds the search.
const MAX_PATH_DEPTH = 8;

// OpenSSL verdicts we judge ourselves (with the run's clock, and with causes in
// words); any other OpenSSL error is reported as 'rejected'.
const CODES_WE_JUDGE = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'ERR_TLS_CERT_ALTNAME_INVALID', // Node's hostname check: ours is judgeChain's hostname verdict
]);

// Probing 1,000 endpoints means 1,000 chains through the same few intermediates
// and roots: building an X509Certificate and verifying a signature are the
// expensive steps (measured: ~0.2 ms per construction), so both are memoised.
// Entries are pairs of fingerprints: 50,000 covers any realistic run; past it
// the cache is simply dropped and rebuilt.
const MAX_VERIFY_CACHE_ENTRIES = 50_000;
const x509Of = new WeakMap<CertificateRecord, X509Certificate>();
const verified = new Map<string, boolean>();

function nodeCert(c: CertificateRecord): X509Certificate {
  let x = x509Of.get(c);
  if (!x) {
    x = new X509Certificate(c.der);
    x509Of.set(c, x);
  }
  return x;
}

/** Reuse a Node object already built for this certificate (the TLS socket's peer chain). */
export function rememberX509(c: CertificateRecord, x: X509Certificate): void {
  if (!x509Of.has(c)) x509Of.set(c, x);
}

/** Drop the Node object once a chain is judged: verdicts stay cached by fingerprint, the objects need not. */
export function forgetX509(c: CertificateRecord): void {
  x509Of.delete(c);
}

/** True when `issuer` signed `cert`: names chain and the signature verifies. */
function isIssuedBy(cert: CertificateRecord, issuer: CertificateRecord): boolean {
  if (cert.issuer !== issuer.subject) return false;
  const key = cert.fingerprint + '|' + issuer.fingerprint;
  let ok = verified.get(key);
  if (ok === undefined) {
    try {
      ok = nodeCert(cert).verify(nodeCert(issuer).publicKey);
    } catch {
      ok = false;
    }
    if (verified.size >= MAX_VERIFY_CACHE_ENTRIES) verified.clear();
    verified.set(key, ok);
  }
  return ok;
}

/** Trust anchors indexed by subject (names chain first; signatures decide). */
export class TrustAnchors {
  private readonly bySubject = new Map<string, CertificateRecord[]>();
  private readonly fingerprints = new Set<string>();
  constructor(anchors: CertificateRecord[]) {
    for (const a of anchors) {
      if (this.fingerprints.has(a.fingerprint)) continue;
      this.fingerprints.add(a.fingerprint);
      const list = this.bySubject.get(a.subject) ?? [];
      list.push(a);
      this.bySubject.set(a.subject, list);
    }
  }
  /** The anchor that signed `cert`, if any. */
  issuerOf(cert: CertificateRecord, now: Date): CertificateRecord | undefined {
    const candidates = (this.bySubject.get(cert.issuer) ?? []).filter((a) => isIssuedBy(cert, a));
    return candidates.find((a) => validAt(a, now)) ?? candidates[0];
  }
  has(cert: CertificateRecord): boolean {
    return this.fingerprints.has(cert.fingerprint);
  }
}

interface ChainWalked {
  /** indices into the served chain on the path, leaf first */
  path: number[];
  /** the trust anchor the path ends at */
  anchor?: CertificateRecord;
  /** per served index: sent but not needed to build the path */
  offPath: boolean[];
  hostname: HostnameVerdict;
}

/** Trusted, or not with the kind of problem and why. */
export type ChainVerdict = ChainWalked &
  (
    | { trusted: true; problem?: undefined; cause?: undefined }
    | { trusted: false; problem: ChainProblem; cause: ChainCause }
  );

function validAt(c: CertificateRecord, now: Date): boolean {
  return c.notBefore.getTime() <= now.getTime() && now.getTime() <= c.notAfter.getTime();
}

interface Walk {
  path: number[];
  anchor?: CertificateRecord;
}

/**
 * Depth-first from the leaf through the served certificates: stop at the first
 * certificate an anchor signed (or that is itself an anchor). Candidates valid
 * at `now` are tried first, so an expired cross-sign loses to a valid path.
 * Returns the trusted path if one exists, else the longest partial path.
 */
function buildPath(served: (CertificateRecord | undefined)[], anchors: TrustAnchors, now: Date): Walk {
  let best: Walk = { path: [0] };
  const visit = (path: number[]): Walk | undefined => {
    const cur = served[path[path.length - 1]]!;
    if (anchors.has(cur)) return { path, anchor: cur };
    const anchor = cur.selfSigned ? undefined : anchors.issuerOf(cur, now);
    if (anchor) return { path, anchor };
    if (path.length > best.path.length) best = { path };
    if (path.length >= MAX_PATH_DEPTH) return undefined;
    const next = served
      .map((c, i) => ({ c, i }))
      .filter(
        ({ c, i }) =>
          c &&
          !path.includes(i) &&
          c.subject === cur.issuer &&
          !(cur.selfIssued && c.fingerprint === cur.fingerprint) &&
          isIssuedBy(cur, c),
      )
      .sort((a, b) => Number(validAt(b.c!, now)) - Number(validAt(a.c!, now)));
    for (const { i } of next) {
      const found = visit([...path, i]);
      if (found) return found;
    }
    return undefined;
  };
  return visit([0]) ?? best;
}

function untrustedCause(served: (CertificateRecord | undefined)[], walk: Walk): ChainCause {
  const leaf = served[0]!;
  const top = served[walk.path[walk.path.length - 1]]!;
  if (walk.path.length === 1 && leaf.selfSigned) return { reason: 'self-signed', leaf: displayName(leaf) };
  if (top.selfSigned) return { reason: 'untrusted-root', root: displayName(top) };
  const aia = top.caIssuersUrls[0];
  if (walk.path.length === 1)
    return { reason: 'intermediate-not-sent', leaf: displayName(leaf), issuer: top.issuer, ...(aia ? { aia } : {}) };
  if (aia) return { reason: 'issuer-not-sent', top: displayName(top), issuer: top.issuer, aia };
  return { reason: 'unknown-issuer', top: displayName(top), issuer: top.issuer };
}

/** The verdict's `problem` and `cause` for an untrusted chain. */
function untrusted(cause: ChainCause): { trusted: false; problem: ChainProblem; cause: ChainCause } {
  return { trusted: false, problem: chainProblem(cause), cause };
}

/**
 * Judge a served chain (leaf first; undefined where a certificate did not parse).
 * `name` is the servername, or the host (an IP is checked against IP SANs).
 */
export function judgeChain(
  served: (CertificateRecord | undefined)[],
  opts: { anchors: TrustAnchors; name: string; now: Date; authorized?: boolean; authorizationError?: string },
): ChainVerdict {
  const leaf = served[0];
  if (!leaf) {
    return {
      ...untrusted({ reason: 'leaf-unparseable' }),
      path: [0],
      offPath: served.map(() => false),
      hostname: { name: opts.name, ok: false, cause: { reason: 'leaf-unparseable', name: opts.name } },
    };
  }
  const walk = buildPath(served, opts.anchors, opts.now);
  const onPath = new Set(walk.path);
  const offPath = served.map((_, i) => !onPath.has(i));
  const hostname = checkHostname(leaf, opts.name);
  const base = { path: walk.path, anchor: walk.anchor, offPath, hostname };
  if (!walk.anchor) {
    // OpenSSL may know anchors we do not (NODE_EXTRA_CA_CERTS, a store with intermediates): defer to its success.
    if (opts.authorized) return { trusted: true, ...base };
    return { ...untrusted(untrustedCause(served, walk)), ...base };
  }
  // Path found: every CA certificate on it (not the leaf: the expiry check owns that) must be valid now.
  const cas = [
    ...walk.path.slice(1).map((i) => served[i]!),
    ...(onPath.has(served.indexOf(walk.anchor)) ? [] : [walk.anchor]),
  ];
  for (const ca of cas) {
    if (validAt(ca, opts.now)) continue;
    const role = opts.anchors.has(ca) ? 'trusted root' : 'intermediate';
    const certificate = displayName(ca);
    const cause: ChainCause =
      ca.notAfter.getTime() < opts.now.getTime()
        ? { reason: 'ca-expired', role, certificate, notAfter: ca.notAfter.toISOString() }
        : { reason: 'ca-not-yet-valid', role, certificate, notBefore: ca.notBefore.toISOString() };
    return { ...untrusted(cause), ...base };
  }
  const code = opts.authorizationError;
  if (code && !CODES_WE_JUDGE.has(code)) {
    return { ...untrusted({ reason: 'openssl-rejected', code }), ...base };
  }
  return { trusted: true, ...base };
}
