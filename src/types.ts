// The domain types shared by every stage of the pipeline:
// config → targets → observed certificates → checks → findings → reporters.
// Declared once here so modules exchange data, not re-declared shapes.
import type { FindingDetail, ListHit, RevocationProblem, Supersession } from './findings/finding-detail.js';
import type { RevocationCause } from './checks/revocation/revocation-cause.js';

export type { FindingDetail, ListHit, RevocationProblem, Supersession };

export type Severity = 'error' | 'warning' | 'notice';

export type FindingId =
  | 'expired'
  | 'not-yet-valid'
  | 'expiring'
  | 'revoked'
  | 'revocation-unknown'
  | 'renewal-window'
  | 'untrusted-chain'
  | 'hostname-mismatch'
  | 'weak-key'
  | 'weak-signature'
  | 'unreachable'
  | 'unparseable'
  // extensions beyond the contract's table
  | 'private-key' // a private key is committed next to certificates
  | 'no-match' // a configured glob matched no file
  | 'superseded' // a bundle holds an older certificate next to its replacement
  | 'address-drift' // addresses behind one name serve different certificates
  | 'not-checked' // the run's deadline stopped this target from being checked
  | 'ignore-expired' // an ignore rule's `until` has passed
  | 'test-paths' // discovery found certificates under test-fixture paths: listed, not judged
  | 'misnamed' // a file is not what its name says (a PKCS#12 store named .jks)
  | 'config'; // a config problem that is not fatal (e.g. fail-within > warn-within)

/** A checked-in file location: `line` is 1-based (the PEM BEGIN line, or 1). */
export interface FileLocation {
  type: 'file';
  path: string; // relative to the workspace, forward slashes
  line: number;
  detail?: string; // where inside the file: "PEM block 2", "Secret default/web tls.crt", "PKCS#12 bag 1"
  /** how the certificate is stored: "pem", "der", "pkcs7", "pkcs12", "jks", "jceks", "k8s-secret", "kubeconfig", "pem-in-source", "base64-in-config", … */
  form?: string;
  /** the keystore entry (alias) holding it */
  entry?: string;
  /** the key path inside a structured file: "users[0].user.client-certificate-data" */
  key?: string;
  /** a path rule keeps this place from being judged (still listed): `exclude: "test/**"`, `test path (discovery)` */
  excluded?: string;
}

/** Where a certificate was served. */
export interface EndpointLocation {
  type: 'endpoint';
  host: string;
  port: number;
  address?: string; // the IP actually connected to
  servername?: string; // SNI sent (absent for IP literals)
  protocol: string; // "tls", "https", "smtp" (STARTTLS), "imaps", …
  chainIndex?: number; // 0 = leaf as sent by the server
  configFile?: string; // the config file that declared the endpoint (for annotations)
  configLine?: number;
}

export type Location = FileLocation | EndpointLocation;

export interface KeyInfo {
  algorithm: string; // "RSA", "ECDSA", "Ed25519", "Ed448", "DSA"
  size?: number; // bits (RSA modulus bits; EC curve size)
  curve?: string; // "P-256", …
}

/** One certificate, parsed once (src/x509/parse-certificate.ts). Immutable. */
export interface CertificateRecord {
  fingerprint: string; // "sha256:<64 lowercase hex>" of the DER
  der: Buffer;
  subject: string; // RFC 4514 order, e.g. "CN=example.com,O=Example"
  issuer: string;
  subjectCN?: string;
  issuerCN?: string;
  issuerO?: string;
  serialNumber: string; // uppercase hex of the INTEGER's value; "-" prefix for negative serials
  serialBytes: Buffer; // the raw INTEGER content octets as encoded (leading 00 kept): ARI, OCSP CertID
  notBefore: Date;
  notAfter: Date;
  sans: string[]; // DNS names and IP addresses as text, in certificate order (display; the JSON report's `sans`)
  /** The same names typed as the certificate types them: matching must never re-type a dNSName "127.0.0.1" as an IP. */
  subjectAltNames: SubjectAltName[];
  key: KeyInfo;
  signatureAlgorithm: string; // "sha256WithRSAEncryption", "ecdsa-with-SHA256", …
  authorityKeyId?: Buffer;
  subjectKeyId?: Buffer;
  ocspUrls: string[];
  caIssuersUrls: string[];
  crlUrls: string[];
  isCA: boolean;
  selfIssued: boolean; // subject == issuer (a root, a self-signed leaf, or a CA's key-rollover certificate)
  /** verifies with its own public key: a root (or self-signed leaf). A self-issued certificate signed by another key is not. */
  selfSigned: boolean;
  /** keyUsage bits by RFC 5280 name ("keyCertSign", "cRLSign", …); undefined when the extension is absent or unreadable */
  keyUsage?: string[];
  /** extendedKeyUsage purposes (OIDs); undefined when the extension is absent or unreadable */
  extKeyUsage?: string[];
  /** the subject Name as encoded (CRL issuer match, OCSP issuerNameHash); a view into `der` */
  subjectNameDer: Buffer;
  /** subjectPublicKeyInfo as encoded: the key (x509/parse-certificate.ts publicKeyOf) that verifies what it signed */
  spkiDer: Buffer;
  /** subjectPublicKey BIT STRING contents without the unused-bits octet (RFC 6960 §4.1.1 issuerKeyHash) */
  publicKeyBits: Buffer;
  /** encodings OpenSSL reads but RFC 5280 does not prescribe, and extensions whose value could not be read (their field is unknown) */
  parseNotes: string[];
  /** names of extensions certwatch uses that were present but malformed ("cRLDistributionPoints", …) */
  unreadableExtensions: string[];
}

/** One subjectAltName entry certwatch matches on (RFC 5280 §4.2.1.6 GeneralName). */
export interface SubjectAltName {
  type: 'dNSName' | 'iPAddress';
  value: string; // the dNSName as encoded (IA5String bytes as latin1); the address as text (RFC 5952 for IPv6)
}

export type CertificateRole = 'leaf' | 'intermediate' | 'root';

/** One sighting of a certificate at one location, produced by a source. */
export interface Observation {
  cert: CertificateRecord;
  location: Location;
  role: CertificateRole;
  owner?: string;
  thresholds?: Partial<Thresholds>; // per-target overrides
  /**
   * certificates seen together with this one (same bundle, same served chain), for issuer
   * lookup. May include the certificate itself: one array is shared by a whole bundle so
   * that a 1,400-certificate bundle costs 1,400 references, not 1,400².
   */
  companions?: CertificateRecord[];
  /** the newer certificate next to this one when a bundle holds an older copy of the same subject */
  supersededBy?: Supersession;
  /** served but not needed to build the path (e.g. an expired cross-signed root): not judged for expiry */
  offPath?: boolean;
  /** DER OCSP response the endpoint stapled (leaf observations only) */
  stapledOcsp?: Buffer;
}

/** A finding before/after ignores: data (`detail`), put into words late by reporters (report/text/finding-sentence.ts). */
export interface Finding {
  id: FindingId;
  severity: Severity;
  detail: FindingDetail;
  fingerprint?: string; // absent for target problems
  location?: Location; // the specific location, when the finding is about one place
  ignored?: { reason?: string; until?: string };
}

export type RevocationStatus = 'good' | 'revoked' | 'unknown' | 'not-checked';

export interface RevocationAnswer {
  status: RevocationStatus;
  method?: 'ocsp' | 'stapled' | 'crl' | 'list';
  revokedAt?: Date | null;
  reason?: string | null;
  detail?: string; // why not-checked, or a note on where the answer came from
  /** why the sources asked gave no verified answer (unknown, refused, or only the staple answered) */
  problems?: RevocationProblem[];
  /** the CRL answered, but its delta CRL could not be applied */
  deltaNotApplied?: RevocationCause;
  source?: string; // URL or list name
  /** the published lists naming the certificate (method 'list') */
  listed?: ListHit[];
}

export interface RenewalInfo {
  windowStart: Date;
  windowEnd: Date;
  explanationURL?: string;
}

/** All that is known about one distinct certificate after sources and checks. */
export interface ObservedCertificate {
  cert: CertificateRecord;
  locations: Location[];
  role: CertificateRole;
  owners: string[];
  /** the strictest thresholds among the places it was seen (defaults included where a place has none) */
  thresholds?: Partial<Thresholds>;
  /** seen only where it is not needed for a trusted path: its expiry is not judged */
  offPath?: boolean;
  companions: CertificateRecord[]; // may include the certificate itself (see Observation)
  /** set only when every sighting is an old copy next to its renewal (observe/group-observations.ts) */
  supersededBy?: Supersession[];
  notes: string[];
  stapledOcsp?: Buffer;
  revocation?: RevocationAnswer;
  renewal?: RenewalInfo;
  findings: Finding[];
}

// ---- settings -------------------------------------------------------------

/** `30d`, `12h`, `90m` → absolute; `20%` → share of lifetime left. */
export type Duration =
  | { kind: 'absolute'; ms: number; text: string }
  | { kind: 'percent'; percent: number; text: string };

export interface Thresholds {
  warnWithin: Duration;
  failWithin: Duration;
}

export type RevocationMode = 'soft' | 'hard' | 'off';

export interface Defaults extends Thresholds {
  revocation: RevocationMode;
  timeoutMs: number;
  concurrency: number;
  caFile?: string;
  cacheDir: string;
  deadlineMs: number;
}

/** Where a setting was declared, for messages and annotations. */
export interface SourceRef {
  file: string;
  line: number;
}

export type StartTlsProtocol = 'smtp' | 'imap' | 'pop3' | 'ftp' | 'ldap' | 'postgres' | 'xmpp';

export interface EndpointTarget {
  id: string; // stable identity, e.g. "smtp://mail.example.com:25" — used for sharding and ordering
  host: string; // name or IP literal (no brackets)
  port: number;
  servername?: string; // SNI + hostname to verify; defaults to host when host is a name
  starttls?: StartTlsProtocol;
  protocol: string; // "tls", "https", "smtp", "smtps", …
  allAddresses: boolean;
  optional: boolean;
  owner?: string;
  caFile?: string;
  thresholds?: Partial<Thresholds>;
  timeoutMs: number;
  source?: SourceRef;
}

export interface FileTarget {
  pattern: string; // glob relative to the workspace
  passwordEnv?: string;
  owner?: string;
  thresholds?: Partial<Thresholds>;
  source?: SourceRef;
  discovered?: boolean; // from discovery defaults, not configured
  exclude?: string[]; // this entry's own `exclude:` globs
}

export interface IgnoreRule {
  fingerprint: string; // "sha256:<hex>"
  until?: Date;
  reason?: string;
  source?: SourceRef;
}

/** `ignore: - path: "test/fixtures/**"`: certificates seen only under the glob are not judged. */
export interface PathIgnoreRule {
  path: string; // glob relative to the workspace
  until?: Date;
  reason?: string;
  source?: SourceRef;
}

/** A glob that keeps matching files from being judged (they are still read and listed). */
export interface ExcludeRule {
  pattern: string;
  /** how the user wrote it, for messages: `exclude: "test/**"`, `files: "!certs/legacy/**"` */
  origin: string;
  source?: SourceRef;
}

export interface PathRules {
  exclude: ExcludeRule[]; // top-level `exclude:` and `!` patterns in `files:`
  ignore: PathIgnoreRule[];
}

export interface AriDirectory {
  issuer: string;
  directory: string;
}

export interface AriSettings {
  enabled: boolean;
  directories: AriDirectory[];
}

export interface RevokedSerialList {
  path?: string; // workspace-relative file, plain or gzip'd; exactly one of path / url
  url?: string; // http(s) URL, plain or gzip'd, streamed (cached in cache-dir)
  issuer?: string;
  name?: string;
  source?: SourceRef;
}

export interface IssueSettings {
  mode: 'per-certificate' | 'digest';
  labels: string[];
  maxOpen: number;
}

export interface Shard {
  index: number; // 1-based
  count: number;
}

/** The config's `network:` section: which addresses runs may contact, and how much they may download. */
export interface NetworkSettings {
  /** auto: refused on pull requests from forks, allowed elsewhere; refuse: always refused; allow: never refused */
  privateAddresses: 'auto' | 'refuse' | 'allow';
  /** IP addresses / CIDR blocks treated as public */
  allow: string[];
  /** total MB one run may fetch over HTTP (CRLs, OCSP, AIA, ARI, published lists) */
  maxDownloadMb: number;
}

export interface Settings {
  workspace: string; // absolute
  configPath?: string; // relative to workspace, when a config file was read
  defaults: Defaults;
  endpoints: EndpointTarget[];
  files: FileTarget[];
  ignore: IgnoreRule[];
  pathRules?: PathRules; // absent = no path rules
  ari: AriSettings;
  revokedSerials: RevokedSerialList[];
  network?: NetworkSettings; // absent = the defaults (auto, no allow-list, 8 GiB)
  issues: IssueSettings;
  shard: Shard;
  now: Date; // the clock every check uses (fixed in tests, `--at` in forecasts)
}
