// Published serial lists: when a CA announces "these serials will be revoked"
// (a mass-revocation incident), every matching certificate is marked revoked —
// answering "which of ours are affected, and where are they deployed?" before
// the CRLs catch up. A list is a file in the workspace or a URL, plain or
// gzip'd; it is streamed past the small set of our serials, never loaded
// (src/serial-lists/). Several lists naming one certificate give one finding.
import { resolve } from 'node:path';
import type { Finding, Location, ObservedCertificate, RevokedSerialList, Settings } from '../../types.js';
import { openListFile, openListUrl, type OpenedList } from '../../serial-lists/open-serial-list.js';
import { scanSerialList, type ScanResult } from '../../serial-lists/scan-serial-list.js';
import { serialKey } from '../../serial-lists/serial-line.js';

interface ListHit {
  list: RevokedSerialList;
  line: number;
}

/** What the list is called in messages: its path or URL. */
function listLabel(list: RevokedSerialList): string {
  return list.path ?? list.url ?? '(list)';
}

/** Problems point at the list file, or for a URL at its entry in the config. */
function listLocation(list: RevokedSerialList): Location | undefined {
  if (list.path) return { type: 'file', path: list.path, line: 1 };
  if (list.source && !list.source.file.startsWith('('))
    return { type: 'file', path: list.source.file, line: list.source.line };
  return undefined;
}

async function open(list: RevokedSerialList, settings: Settings, deadline: number | undefined): Promise<OpenedList> {
  if (list.path) return openListFile(resolve(settings.workspace, list.path));
  const d = settings.defaults;
  return openListUrl(list.url!, {
    cacheDir: d.cacheDir ? resolve(settings.workspace, d.cacheDir) : undefined,
    timeoutMs: d.timeoutMs,
    deadline,
  });
}

export async function applyRevokedSerialLists(
  certs: ObservedCertificate[],
  settings: Settings,
  deadline?: number,
): Promise<Finding[]> {
  const problems: Finding[] = [];
  const hits = new Map<ObservedCertificate, ListHit[]>();
  for (const list of settings.revokedSerials) {
    const label = listLabel(list);
    const location = listLocation(list);
    const problem = (
      id: Finding['id'],
      severity: Finding['severity'],
      reason: string,
      line?: number,
      kind: 'serial-list-problem' | 'serial-list-unreadable' = 'serial-list-problem',
    ) =>
      problems.push({
        id,
        severity,
        ...(location
          ? { location: line && location.type === 'file' && list.path ? { ...location, line } : location }
          : {}),
        detail: { kind, list: label, reason },
      });
    // Our serials (those this list applies to): the only thing held in memory.
    const issuerFilter = list.issuer?.toLowerCase();
    const ours = new Map<string, ObservedCertificate[]>();
    for (const obs of certs) {
      if (issuerFilter && !obs.cert.issuer.toLowerCase().includes(issuerFilter)) continue;
      const key = serialKey(obs.cert.serialNumber);
      ours.set(key, [...(ours.get(key) ?? []), obs]);
    }
    let scanned: ScanResult;
    try {
      const opened = await open(list, settings, deadline);
      if (opened.note) problem('unreachable', 'warning', opened.note);
      scanned = await scanSerialList(opened.bytes, new Set(ours.keys()), { deadline });
    } catch (e) {
      problem('unparseable', 'error', describe(e), undefined, 'serial-list-unreadable');
      continue;
    }
    if (scanned.badCount) problem('unparseable', 'error', badLines(scanned), scanned.bad[0].line);
    if (scanned.stopped)
      problem('not-checked', 'warning', `reading stopped, ${scanned.stopped}; serials further down were not compared`);
    for (const [key, line] of scanned.hits) {
      for (const obs of ours.get(key) ?? []) hits.set(obs, [...(hits.get(obs) ?? []), { list, line }]);
    }
  }
  for (const [obs, on] of hits) markRevoked(obs, on);
  return problems;
}

function describe(e: unknown): string {
  const msg = (e as Error).message ?? String(e);
  // FetchError messages already say what was attempted ("fetching serial list <url>: …").
  return /^fetching /.test(msg) ? `could not be read: ${msg}` : msg;
}

function badLines(s: ScanResult): string {
  const more = s.badCount > s.bad.length ? `, … (${s.badCount.toLocaleString('en')} in all)` : '';
  if (s.bad.every((b) => b.problem === 'is not a hex serial number')) {
    return `line ${s.bad.map((b) => b.line).join(', ')}${more} ${s.badCount === 1 ? 'is' : 'are'} not a hex serial number (skipped)`;
  }
  return `${s.badCount.toLocaleString('en')} line${s.badCount === 1 ? '' : 's'} skipped: ${s.bad.map((b) => `line ${b.line} "${b.text}" ${b.problem}`).join('; ')}${more}`;
}

/** One `revoked` finding however many lists name the certificate, naming every one. */
function markRevoked(obs: ObservedCertificate, on: ListHit[]): void {
  const hits = on.map((h) => ({ name: h.list.name ?? listLabel(h.list), label: listLabel(h.list), line: h.line }));
  obs.revocation = {
    status: 'revoked',
    method: 'list',
    reason: hits.map((h) => h.name).join('; '),
    revokedAt: null,
    source: hits.map((h) => h.label).join(', '),
    detail: hits.map((h) => `${h.label} line ${h.line}`).join(', '),
    listed: hits,
  };
  obs.findings.push({
    id: 'revoked',
    severity: 'error',
    fingerprint: obs.cert.fingerprint,
    detail: { kind: 'revoked-listed', serial: obs.cert.serialNumber, lists: hits },
  });
}
