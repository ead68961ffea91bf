// Drift: the repository and the servers disagree about a certificate.
// - A name (CN/SAN) or subject is checked in as a file and served by an
//   endpoint with a different certificate: whichever was issued later is the
//   intended one, so the verdict says which side is behind.
// - The addresses behind one endpoint serve different certificates: one
//   backend missed a renewal (users see it at random).
import type { EndpointLocation, FileLocation } from '../../types.js';
import type { Report, ReportCertificate } from '../report-types.js';
import { certificateNames, isoDate, locationText } from './certificate-facts.js';
import { findingSentence } from '../text/finding-sentence.js';

export type DriftVerdict = 'renewed-not-deployed' | 'repo-copy-stale' | 'addresses-differ';

export interface DriftFile {
  fingerprint: string;
  path: string;
  line: number;
  notBefore: string;
  notAfter: string;
}

export interface DriftEndpoint {
  host: string;
  port: number;
  fingerprint?: string; // absent for addresses-differ (several are served)
  address?: string;
  notBefore?: string;
  notAfter?: string;
  /** addresses-differ: what each address serves */
  addresses?: { address: string; fingerprint: string; notBefore: string; notAfter: string }[];
}

export interface DriftItem {
  name: string; // the name both sides answer to, or the endpoint's host
  verdict: DriftVerdict;
  file?: DriftFile;
  endpoint?: DriftEndpoint;
  message: string;
}

interface Served {
  cert: ReportCertificate;
  location: EndpointLocation;
}

interface CheckedIn {
  cert: ReportCertificate;
  location: FileLocation;
}

export function findDrift(report: Report): DriftItem[] {
  return [...repoVersusEndpoint(report.certificates), ...addressesDiffer(report)];
}

/** Leaves only: a CA certificate in a bundle is not "the" certificate of a name. */
function isLeafLike(c: ReportCertificate): boolean {
  return c.role === 'leaf' && !c.isCA;
}

function repoVersusEndpoint(certs: ReportCertificate[]): DriftItem[] {
  const files: CheckedIn[] = [];
  const served: Served[] = [];
  for (const c of certs) {
    if (!isLeafLike(c)) continue;
    for (const l of c.locations) {
      if (l.type === 'file') files.push({ cert: c, location: l });
      // chainIndex > 0 is an intermediate position; only what sits in the leaf slot is "served for the name".
      else if ((l.chainIndex ?? 0) === 0) served.push({ cert: c, location: l });
    }
  }
  const filesByName = new Map<string, CheckedIn[]>();
  const add = (k: string, f: CheckedIn): void => {
    const list = filesByName.get(k);
    if (list) list.push(f);
    else filesByName.set(k, [f]);
  };
  for (const f of files) {
    for (const n of certificateNames(f.cert)) add(`name:${n}`, f);
    add(`subject:${f.cert.subject}`, f);
  }

  const items: DriftItem[] = [];
  const reported = new Set<string>();
  for (const s of served) {
    const probed = (s.location.servername ?? s.location.host).toLowerCase();
    const keys = [
      `name:${probed}`,
      ...[...certificateNames(s.cert)].map((n) => `name:${n}`),
      `subject:${s.cert.subject}`,
    ];
    const candidates = new Map<string, CheckedIn>(); // by file fingerprint + place
    for (const k of keys)
      for (const f of filesByName.get(k) ?? [])
        candidates.set(`${f.cert.fingerprint}@${f.location.path}:${f.location.line}`, f);
    if (candidates.size === 0) continue;
    // The repo is in step when any checked-in copy is the certificate being served.
    if ([...candidates.values()].some((f) => f.cert.fingerprint === s.cert.fingerprint)) continue;
    const newest = [...candidates.values()].sort(newestFirst)[0];
    // One item per (repo certificate, served certificate, host:port): several addresses serving the same pair say nothing new.
    const id = `${newest.cert.fingerprint}|${s.cert.fingerprint}|${s.location.host}:${s.location.port}`;
    if (reported.has(id)) continue;
    reported.add(id);
    const name = sharedName(probed, newest.cert, s.cert);
    items.push(verdictFor(name, newest, s));
  }
  return items;
}

function newestFirst(a: { cert: ReportCertificate }, b: { cert: ReportCertificate }): number {
  return issuedOrder(b.cert, a.cert);
}

/** Positive when x was issued later than y (notBefore, then notAfter as the tie-break). */
function issuedOrder(x: ReportCertificate, y: ReportCertificate): number {
  return Date.parse(x.notBefore) - Date.parse(y.notBefore) || Date.parse(x.notAfter) - Date.parse(y.notAfter);
}

function sharedName(probed: string, file: ReportCertificate, served: ReportCertificate): string {
  const fileNames = certificateNames(file);
  if (fileNames.has(probed)) return probed;
  for (const n of certificateNames(served)) if (fileNames.has(n)) return n;
  return file.subject;
}

function verdictFor(name: string, f: CheckedIn, s: Served): DriftItem {
  const file: DriftFile = {
    fingerprint: f.cert.fingerprint,
    path: f.location.path,
    line: f.location.line,
    notBefore: f.cert.notBefore,
    notAfter: f.cert.notAfter,
  };
  const endpoint: DriftEndpoint = {
    host: s.location.host,
    port: s.location.port,
    fingerprint: s.cert.fingerprint,
    ...(s.location.address !== undefined ? { address: s.location.address } : {}),
    notBefore: s.cert.notBefore,
    notAfter: s.cert.notAfter,
  };
  const where = locationText(f.location);
  const at = locationText(s.location) + (s.location.address ? ` (${s.location.address})` : '');
  const fileSide = `${where} holds one issued ${isoDate(f.cert.notBefore)} (expires ${isoDate(f.cert.notAfter)})`;
  const servedSide = `${at} serves one issued ${isoDate(s.cert.notBefore)} (expires ${isoDate(s.cert.notAfter)})`;
  // A tie (same validity, different certificate: a re-issue with a new key) goes to the
  // endpoint: what users are served is the copy of record, so the repo is the one to fix.
  if (issuedOrder(f.cert, s.cert) > 0) {
    return {
      name,
      verdict: 'renewed-not-deployed',
      file,
      endpoint,
      message: `${name}: renewed in the repo but not deployed — ${fileSide}; ${servedSide}`,
    };
  }
  return {
    name,
    verdict: 'repo-copy-stale',
    file,
    endpoint,
    message: `${name}: deployed but the repo copy is stale — ${servedSide}; ${fileSide}`,
  };
}

function addressesDiffer(report: Report): DriftItem[] {
  const byEndpoint = new Map<string, { host: string; port: number; byAddress: Map<string, ReportCertificate> }>();
  for (const c of report.certificates) {
    if (!isLeafLike(c)) continue;
    for (const l of c.locations) {
      if (l.type !== 'endpoint' || (l.chainIndex ?? 0) !== 0 || l.address === undefined) continue;
      const k = `${l.host.toLowerCase()}:${l.port}`;
      let e = byEndpoint.get(k);
      if (!e) byEndpoint.set(k, (e = { host: l.host, port: l.port, byAddress: new Map() }));
      e.byAddress.set(l.address, c);
    }
  }
  const items: DriftItem[] = [];
  const covered = new Set<string>();
  for (const [k, e] of byEndpoint) {
    const fingerprints = new Set([...e.byAddress.values()].map((c) => c.fingerprint));
    if (fingerprints.size < 2) continue;
    covered.add(k);
    const addresses = [...e.byAddress]
      .map(([address, c]) => ({ address, fingerprint: c.fingerprint, notBefore: c.notBefore, notAfter: c.notAfter }))
      .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
    const detail = addresses.map((a) => `${a.address} serves one expiring ${isoDate(a.notAfter)}`).join('; ');
    const where = locationText({ type: 'endpoint', host: e.host, port: e.port, protocol: 'tls' });
    items.push({
      name: e.host,
      verdict: 'addresses-differ',
      endpoint: { host: e.host, port: e.port, addresses },
      message: `${where}: its addresses serve ${fingerprints.size} different certificates — ${detail}`,
    });
  }
  // The endpoint check may have seen the difference itself (it saw every address even when the
  // report keeps one certificate per address); keep its word for endpoints not already covered.
  const findings = [...report.certificates.flatMap((c) => c.findings), ...report.problems];
  for (const f of findings) {
    if (f.id !== 'address-drift' || f.ignored) continue;
    const l = f.location;
    const host = l?.type === 'endpoint' ? l.host : undefined;
    const k =
      l?.type === 'endpoint' ? `${l.host.toLowerCase()}:${l.port}` : `message:${findingSentence(f, report.run.now)}`;
    if (covered.has(k)) continue;
    covered.add(k);
    items.push({
      name: host ?? '(endpoint)',
      verdict: 'addresses-differ',
      ...(l?.type === 'endpoint' ? { endpoint: { host: l.host, port: l.port } } : {}),
      message: findingSentence(f, report.run.now),
    });
  }
  return items;
}

/** Whether the run had endpoints at all: "matches what its endpoints serve" is only true when there are some. */
export function hasEndpoints(report: Report): boolean {
  return !!report.endpoints?.length || report.certificates.some((c) => c.locations.some((l) => l.type === 'endpoint'));
}
