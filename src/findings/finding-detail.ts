// What a finding says, as data: one variant per kind of finding, carrying the
// facts a sentence is made of (dates, thresholds, the source that answered, the
// typed cause of a failure). Checks build these; sentences are written late, in
// one place (src/report/text/finding-sentence.ts), and each medium escapes them
// its own way. The JSON report carries `detail` as is, so `merge` and issue sync
// render from data too: everything here is JSON (instants are ISO 8601 strings)
// and a report read back renders the same. Nothing here depends on when the run
// happened: "in 3 days" is worked out when the sentence is written, against the
// report's own clock (`run.now`), so two runs over the same certificates carry
// the same detail.
import type { ChainCause, ChainProblem } from '../checks/chain.js';
import type { HostnameCause } from '../checks/hostname.js';
import type { RevocationCause } from '../checks/revocation/revocation-cause.js';
import type { AriCause } from '../checks/ari/fetch-renewal-info.js';
import type { SerialListCause } from '../checks/revocation/revoked-serials.js';
import type { FileCause, MisnamedStore } from '../sources/files/file-cause.js';
import type { KeyContext, PrivateKeyFound } from '../sources/files/reader-problem.js';
import type { ProbeCause } from '../sources/endpoints/probe-cause.js';
import type { CaFileCause } from '../sources/endpoints/trust-store.js';

// Several variants may share a finding id (a `revoked` from a CRL and one from a
// published serial list); `kind` tells them apart.

/** The certificate a finding is about, as sentences name it: "intermediate CA certificate R11". */
export interface CertificateNaming {
  name: string; // subject CN, else first SAN, else subject (x509/parse-certificate.ts displayName)
  role: 'leaf' | 'intermediate' | 'root';
}

/** An endpoint as a sentence names it: "shop.example via 192.0.2.7:443". */
export interface EndpointRef {
  host: string;
  port: number;
  /** the name asked for (SNI) when it differs from host */
  servername?: string;
  /** the address connected to, when it differs from host */
  address?: string;
}

/** The threshold an expiring certificate crossed. */
export interface ThresholdCrossed {
  /** which one: fail-within makes an error, warn-within a warning */
  name: 'fail-within' | 'warn-within';
  /** as the user wrote it: "7d", "33%" */
  text: string;
  /** a duration ("7d") or a share of the certificate's lifetime ("33%") */
  kind: 'absolute' | 'percent';
}

/** Where a certificate's expiry stands, for `expired`, `not-yet-valid`, `expiring` and a superseded copy. */
export type ExpiryDetail =
  | { kind: 'expired'; certificate: CertificateNaming; notAfter: string }
  | { kind: 'not-yet-valid'; certificate: CertificateNaming; notBefore: string }
  | {
      kind: 'expiring';
      certificate: CertificateNaming;
      notBefore: string;
      notAfter: string;
      threshold: ThresholdCrossed;
    };

/** The newer certificate next to a superseded copy (same names, same file). */
export interface Supersession {
  serial: string;
  notBefore: string;
  notAfter: string;
}

/** One line of a published revoked-serials list that names a certificate. */
export interface ListHit {
  name: string; // the list's name, or its label when unnamed
  label: string; // "incidents/serials.txt", "https://ca.example/affected.txt.gz"
  line: number;
}

/** Which revocation source answered. */
export type RevocationSource = { method: 'crl' | 'ocsp'; url: string } | { method: 'stapled' };

/**
 * Why a revocation source gave no verified answer: which source (`url`: the CRL
 * or OCSP responder asked) and the typed cause (checks/revocation/revocation-cause.ts).
 */
export interface RevocationProblem {
  source: 'stapled' | 'ocsp' | 'crl' | 'issuer' | 'pointers' | 'check';
  url?: string;
  cause: RevocationCause;
}

/** A rule from the config, by where it was written. */
export interface RuleRef {
  file?: string;
  line?: number;
  reason?: string;
}

/** One address (or group of addresses) of a drifting endpoint and the leaf it serves. */
export interface ServedLeaf {
  addresses: string[];
  name: string;
  fingerprint: string;
  notBefore: string;
  notAfter: string;
}

export type FindingDetail =
  // expiry (checks/expiry.ts)
  | ExpiryDetail
  // a renewed certificate's old copy left in a bundle (run.ts)
  | { kind: 'superseded'; certificate: CertificateNaming; by: Supersession; expiry?: ExpiryDetail }
  // strength (checks/strength.ts)
  | { kind: 'weak-key'; certificate: CertificateNaming; algorithm: string; bits: number; minimumBits: number }
  | { kind: 'weak-signature'; certificate: CertificateNaming; algorithm: string }
  // revocation (checks/revocation/)
  | {
      kind: 'revoked';
      certificate: CertificateNaming;
      source: RevocationSource;
      revokedAt: string | null;
      reason: string | null;
      /** published lists that name the certificate as well */
      alsoListed?: ListHit[];
    }
  | { kind: 'revoked-listed'; serial: string; lists: ListHit[] }
  | { kind: 'revocation-unknown'; certificate: CertificateNaming; problems: RevocationProblem[] }
  | { kind: 'revocation-not-checked'; certificate: CertificateNaming; problems: RevocationProblem[] }
  // ACME renewal information (checks/ari/)
  | {
      kind: 'renewal-window';
      certificate: CertificateNaming;
      state: 'open' | 'closed';
      ca: string;
      windowStart: string;
      windowEnd: string;
      explanationURL?: string;
    }
  /** `refused`: the network policy kept certwatch from asking the CA (a not-checked notice) */
  | { kind: 'ari-problem'; ca: string; refused: boolean; cause: AriCause }
  // endpoints
  | { kind: 'untrusted-chain'; endpoint: EndpointRef; problem: ChainProblem; cause: ChainCause }
  | { kind: 'hostname-mismatch'; endpoint: EndpointRef; cause: HostnameCause }
  | { kind: 'unreachable'; endpoint: EndpointRef; cause: ProbeCause }
  | {
      kind: 'endpoint-not-checked';
      endpoint: EndpointRef;
      /**
       * the run's deadline came first (`not-started`, `run-deadline`), or the network
       * policy refused the address (`refused`: not a partial run)
       */
      cause: ProbeCause;
    }
  | {
      kind: 'served-unparseable';
      endpoint: EndpointRef;
      index: number; // 0-based position in the chain the server sent
      chainLength: number;
      fingerprint: string; // sha256:<hex> of the bytes that did not parse
      /** the certificate parser's own words, as file findings carry them (x509/parse-certificate.ts) */
      reason: string;
    }
  /** `path`: the ca-file as configured, made absolute */
  | { kind: 'ca-file-problem'; path: string; cause: CaFileCause }
  | {
      kind: 'address-drift';
      endpoint: EndpointRef;
      /** addresses serving an older leaf; empty when every leaf was issued at the same time */
      stale: ServedLeaf[];
      current: ServedLeaf[];
    }
  // files
  | {
      kind: 'file-problem';
      path: string;
      /** the line the problem is at; absent when it concerns the whole file */
      line?: number;
      /** where inside the file ("PEM block 2", "Secret web/tls tls.crt") */
      inside?: string;
      cause: FileCause;
    }
  | {
      kind: 'private-key';
      path: string;
      line: number;
      /** which key (its PEM label, DER type, keystore alias …), never its bytes */
      privateKey: PrivateKeyFound;
      /** the Secret or key path it sits in, outermost first */
      within?: KeyContext[];
    }
  /** a store (`store`, by its content) whose name promises another (`ext`): read for what it is */
  | { kind: 'misnamed'; path: string; store: MisnamedStore; ext: string }
  | { kind: 'glob-problem'; pattern: string; reason: string }
  | { kind: 'no-match'; pattern: string }
  | { kind: 'nothing-found'; configPath: string }
  // published serial lists (checks/revocation/revoked-serials.ts)
  | { kind: 'serial-list-problem'; list: string; cause: SerialListCause }
  | { kind: 'serial-list-unreadable'; list: string; cause: SerialListCause }
  // config and rules
  | { kind: 'threshold-order'; scope?: string; failWithin: string; warnWithin: string }
  | { kind: 'ignore-expired'; rule: RuleRef; until: string }
  | { kind: 'path-ignore-expired'; path: string; rule: RuleRef; until: string }
  | { kind: 'test-paths'; certificates: number }
  // shard merges (report/merge-reports.ts)
  | { kind: 'shard-counts-differ'; counts: number[] }
  | { kind: 'shards-missing'; missing: number[]; count: number };

export type FindingKind = FindingDetail['kind'];

// Every kind, at run time (the README's table and the renderer tests are checked against it);
// the Record type makes the compiler refuse a kind added above and forgotten here.
const KINDS: Record<FindingKind, true> = {
  expired: true,
  'not-yet-valid': true,
  expiring: true,
  superseded: true,
  'weak-key': true,
  'weak-signature': true,
  revoked: true,
  'revoked-listed': true,
  'revocation-unknown': true,
  'revocation-not-checked': true,
  'renewal-window': true,
  'ari-problem': true,
  'untrusted-chain': true,
  'hostname-mismatch': true,
  unreachable: true,
  'endpoint-not-checked': true,
  'served-unparseable': true,
  'ca-file-problem': true,
  'address-drift': true,
  'file-problem': true,
  'private-key': true,
  misnamed: true,
  'glob-problem': true,
  'no-match': true,
  'nothing-found': true,
  'serial-list-problem': true,
  'serial-list-unreadable': true,
  'threshold-order': true,
  'ignore-expired': true,
  'path-ignore-expired': true,
  'test-paths': true,
  'shard-counts-differ': true,
  'shards-missing': true,
};
export const FINDING_KINDS = Object.keys(KINDS) as FindingKind[];
