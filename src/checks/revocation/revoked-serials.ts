// Published serial lists: when a CA announces "these serials will be revoked"
// (a mass-revocation incident), every matching certificate is marked revoked —
// answering "which of ours are affected, and where are they deployed?" before
// the CRLs catch up. A list is a file in the workspace or a URL, plain or
// gzip'd; it is streamed past the small set of our serials, never loaded
// (src/serial-lists/). Several lists naming one certificate give one finding.
import { resolve } from 'node:path';
import type { Finding, Location, ObservedCertificate, RevokedSerialList, Settings } from '../../types.js';
import {
  openListFile,
  openListUrl,
  SerialListError,
  type ListReadProblem,
  type OpenedList,
} from '../../serial-lists/open-serial-list.js';
import { scanSerialList, type BadLine, type ScanResult } from '../../serial-lists/scan-serial-list.js';
import { FetchError, type FetchFailure } from '../../net/http-fetch.js';
import { serialKey } from '../../serial-lists/serial-line.js';

/** What is wrong with a published list, as data (put into words by report/text/serial-list-cause.ts). */
export type SerialListCause =
  /** the list cannot be read (a serial-list-unreadable finding) */
  | { reason: 'read'; problem: ListReadProblem }
  | { reason: 'fetch'; failure: FetchFailure }
  /** an error nobody foresaw: its own words */
  | { reason: 'error'; text: string }
  /** the server did not answer; the copy fetched at `fetchedAt` was read instead */
  | { reason: 'stale-copy'; failure: FetchFailure; fetchedAt: string }
  /** lines that name no serial: the first few (`lines`) and how many in all */
  | { reason: 'bad-lines'; lines: BadLine[]; count: number }
  /** the run's deadline stopped reading after `lines` lines */
  | { reason: 'stopped'; lines: number };

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
      cause: SerialListCause,
      line?: number,
      kind: 'serial-list-problem' | 'serial-list-unreadable' = 'serial-list-problem',
    ) =>
      problems.push({
        id,
        severity,
        ...(location
          ? { location: line && location.type === 'file' && list.path ? { ...location, line } : location }
          : {}),
        detail: { kind, list: label, cause },
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
      if (opened.staleCopy) problem('unreachable', 'warning', { reason: 'stale-copy', ...opened.staleCopy });
      scanned = await scanSerialList(opened.bytes, new Set(ours.keys()), { deadline });
    } catch (e) {
      problem('unparseable', 'error', unreadable(e), undefined, 'serial-list-unreadable');
      continue;
    }
    if (scanned.badCount)
      problem(
        'unparseable',
        'error',
        { reason: 'bad-lines', lines: scanned.bad, count: scanned.badCount },
        scanned.bad[0].line,
      );
    if (scanned.stoppedAfterLines !== undefined)
      problem('not-checked', 'warning', { reason: 'stopped', lines: scanned.stoppedAfterLines });
    for (const [key, line] of scanned.hits) {
      for (const obs of ours.get(key) ?? []) hits.set(obs, [...(hits.get(obs) ?? []), { list, line }]);
    }
  }
  for (const [obs, on] of hits) markRevoked(obs, on);
  return problems;
}

function unreadable(e: unknown): SerialListCause {
  if (e instanceof SerialListError) return { reason: 'read', problem: e.problem };
  if (e instanceof FetchError) return { reason: 'fetch', failure: e.failure };
  return { reason: 'error', text: (e as Error).message ?? String(e) };
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
