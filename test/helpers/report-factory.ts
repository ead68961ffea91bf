// The one way tests build Report objects (a JSON report as a run writes it) without
// running certwatch: certificates with defaults that make them "fine", findings,
// places, and the report around them at the fixed clock.
import { createHash } from 'node:crypto';
import type { Report, ReportCertificate, ReportFinding } from '../../src/report/report-types.js';
import type { Location } from '../../src/types.js';
import { NOW_ISO } from './clock.js';

export function fp(seed: string): string {
  return `sha256:${createHash('sha256').update(seed).digest('hex')}`;
}

export function finding(
  id: ReportFinding['id'],
  severity: ReportFinding['severity'] = 'error',
  extra: Partial<ReportFinding> = {},
): ReportFinding {
  return { id, severity, message: `${id} (${severity})`, ...extra };
}

export function fileAt(path: string, line = 1): Location {
  return { type: 'file', path, line };
}

export function endpointAt(
  host: string,
  port = 443,
  extra: Partial<Extract<Location, { type: 'endpoint' }>> = {},
): Location {
  return { type: 'endpoint', host, port, protocol: 'https', servername: host, chainIndex: 0, ...extra };
}

export interface CertSpec {
  seed?: string; // fingerprint seed; default cn
  cn: string;
  findings?: ReportFinding[];
  locations?: Location[];
  owner?: string | null;
  notAfter?: string;
  revocation?: Partial<ReportCertificate['revocation']>;
  renewal?: ReportCertificate['renewal'];
}

export function cert(s: CertSpec): ReportCertificate {
  return {
    fingerprint: fp(s.seed ?? s.cn),
    subject: `CN=${s.cn}`,
    issuer: "CN=R11,O=Let's Encrypt,C=US",
    serialNumber: createHash('sha1')
      .update(s.seed ?? s.cn)
      .digest('hex')
      .slice(0, 32)
      .toUpperCase(),
    notBefore: '2026-09-01T00:00:00.000Z',
    notAfter: s.notAfter ?? '2026-11-30T00:00:00.000Z',
    sans: [s.cn],
    key: { algorithm: 'ECDSA', size: 256, curve: 'P-256' },
    signatureAlgorithm: 'ecdsa-with-SHA256',
    locations: s.locations ?? [fileAt(`certs/${s.cn}.pem`)],
    owner: s.owner ?? null,
    role: 'leaf',
    isCA: false,
    subjectCN: s.cn,
    issuerCN: 'R11',
    issuerO: "Let's Encrypt",
    authorityKeyId: null,
    notes: [],
    revocation: { status: 'good', method: 'crl', revokedAt: null, reason: null, ...s.revocation },
    renewal: s.renewal ?? null,
    findings: s.findings ?? [],
  };
}

export function report(
  certificates: ReportCertificate[],
  opts: { deadlineReached?: boolean; shard?: string; problems?: ReportFinding[]; now?: string } = {},
): Report {
  const failures = certificates.flatMap((c) => c.findings).filter((f) => f.severity === 'error' && !f.ignored).length;
  const warnings = certificates.flatMap((c) => c.findings).filter((f) => f.severity === 'warning' && !f.ignored).length;
  return {
    version: 1,
    generatedAt: opts.now ?? NOW_ISO,
    tool: { name: 'certwatch', version: '1.0.0' },
    summary: {
      status: failures ? 'fail' : warnings ? 'warn' : 'ok',
      failures,
      warnings,
      notices: 0,
      certificates: certificates.length,
      nextExpiry: null,
    },
    certificates,
    problems: opts.problems ?? [],
    run: {
      now: opts.now ?? NOW_ISO,
      shard: opts.shard ?? '1/1',
      configPath: '.github/certwatch.yml',
      thresholds: { warnWithin: '30d', failWithin: '7d' },
      deadlineReached: opts.deadlineReached ?? false,
    },
  };
}
