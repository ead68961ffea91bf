// The JSON report, version 1 (the documented contract, plus additive fields).
// Every reporter, the shard merge, the inventory views and the issue sync read
// this shape, so a merged report behaves exactly like a single run's.
import type {
  CertificateRole,
  FindingDetail,
  FindingId,
  KeyInfo,
  Location,
  RevocationStatus,
  Severity,
  SubjectAltName,
} from '../types.js';

export interface ReportFinding {
  id: FindingId;
  severity: Severity;
  /** the sentence, for v1 readers: report/text/finding-sentence.ts renders it from `detail` */
  message: string;
  /** what the finding says, as data (findings/finding-detail.ts); absent in reports written before it existed */
  detail?: FindingDetail;
  location?: Location;
  ignored?: { reason?: string; until?: string };
}

export interface ReportCertificate {
  fingerprint: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string; // ISO 8601
  notAfter: string;
  sans: string[];
  /** the same names with the type the certificate gives them (additive; reports from before 1.x lack it) */
  subjectAltNames?: SubjectAltName[];
  key: KeyInfo;
  signatureAlgorithm: string;
  locations: Location[];
  owner: string | null;
  // additive fields
  role: CertificateRole;
  isCA: boolean;
  subjectCN: string | null;
  issuerCN: string | null;
  issuerO: string | null;
  authorityKeyId: string | null; // hex
  notes: string[];
  revocation: {
    status: RevocationStatus;
    method: 'ocsp' | 'stapled' | 'crl' | 'list' | null;
    revokedAt: string | null;
    reason: string | null;
    detail?: string;
  };
  renewal: { windowStart: string; windowEnd: string; explanationURL: string | null } | null;
  findings: ReportFinding[]; // active findings first; ignored ones carry `ignored`
}

export interface ReportSummary {
  status: 'ok' | 'warn' | 'fail';
  failures: number;
  warnings: number;
  notices: number;
  certificates: number;
  nextExpiry: string | null; // soonest notAfter among leaf certificates
}

export interface Report {
  version: 1;
  generatedAt: string;
  tool: { name: 'certwatch'; version: string };
  summary: ReportSummary;
  certificates: ReportCertificate[];
  /** findings that belong to a target, not a certificate: unreachable, unparseable, no-match, not-checked… */
  problems: ReportFinding[];
  /** one entry per endpoint probe (per address with all-addresses): what was negotiated, or why it failed */
  endpoints?: ReportProbe[];
  run: {
    now: string; // the clock the checks used
    shard: string; // "i/n"
    configPath: string | null;
    workspace?: string;
    thresholds: { warnWithin: string; failWithin: string };
    deadlineReached: boolean;
  };
}

export interface ReportProbe {
  target: string; // the endpoint's id, e.g. "smtp://mail.example.com:25"
  host: string;
  port: number;
  address: string | null;
  ok: boolean;
  error: string | null;
  tlsVersion: string | null;
  cipher: string | null;
  chainLength: number;
  trusted: boolean; // chain builds to a trusted root and the name is covered
  problem: string | null; // why not trusted: "missing-intermediate", "hostname-mismatch", …
  stapledOcsp: boolean;
}
