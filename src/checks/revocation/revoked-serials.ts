// Published serial lists: when a CA announces "these serials will be revoked"
// (a mass-revocation incident), the user drops the list into the repository and
// every matching certificate is marked revoked — answering "which of ours are
// affected, and where are they deployed?" before the CRLs catch up.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Finding, ObservedCertificate, RevokedSerialList, Settings } from '../../types.js';
import { parseSerialText, serialMagnitude } from './serial.js';

/** Lists are text files of serials; anything bigger than this is not one (1M serials ≈ 40 MB). */
export const SERIAL_LIST_MAX_BYTES = 64 * 1024 * 1024;

interface ParsedList {
  serials: Map<string, number>; // magnitude hex → 1-based line
  badLines: number[];
}

export function parseSerialList(text: string): ParsedList {
  const serials = new Map<string, number>();
  const badLines: number[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/#.*/, '').trim();
    if (!line) continue;
    const bytes = parseSerialText(line);
    if (!bytes) badLines.push(i + 1);
    else if (!serials.has(bytes.toString('hex'))) serials.set(bytes.toString('hex'), i + 1);
  }
  return { serials, badLines };
}

async function load(list: RevokedSerialList, settings: Settings): Promise<ParsedList | string> {
  const file = resolve(settings.workspace, list.path);
  try {
    const buf = await readFile(file);
    if (buf.length > SERIAL_LIST_MAX_BYTES) return `is ${buf.length} bytes, over the ${SERIAL_LIST_MAX_BYTES}-byte limit for a serial list`;
    return parseSerialList(buf.toString('utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return err.code === 'ENOENT' ? 'does not exist' : `cannot be read (${err.code ?? err.message})`;
  }
}

export async function applyRevokedSerialLists(certs: ObservedCertificate[], settings: Settings): Promise<Finding[]> {
  const problems: Finding[] = [];
  for (const list of settings.revokedSerials) {
    const name = list.name ?? list.path;
    const location = { type: 'file' as const, path: list.path, line: 1 };
    const parsed = await load(list, settings);
    if (typeof parsed === 'string') {
      problems.push({ id: 'unparseable', severity: 'error', location, message: `revoked-serials list ${list.path} ${parsed}` });
      continue;
    }
    if (parsed.badLines.length) {
      const shown = parsed.badLines.slice(0, 10).join(', ') + (parsed.badLines.length > 10 ? `, … (${parsed.badLines.length} in all)` : '');
      problems.push({
        id: 'unparseable',
        severity: 'error',
        location: { ...location, line: parsed.badLines[0] },
        message: `revoked-serials list ${list.path}: line ${shown} ${parsed.badLines.length === 1 ? 'is' : 'are'} not a hex serial number (skipped)`,
      });
    }
    const issuerFilter = list.issuer?.toLowerCase();
    for (const obs of certs) {
      if (issuerFilter && !obs.cert.issuer.toLowerCase().includes(issuerFilter)) continue;
      const line = parsed.serials.get(Buffer.from(serialMagnitude(obs.cert.serialBytes)).toString('hex'));
      if (line === undefined) continue;
      obs.revocation = { status: 'revoked', method: 'list', reason: name, revokedAt: null, source: list.path, detail: `${list.path} line ${line}` };
      obs.findings.push({
        id: 'revoked',
        severity: 'error',
        fingerprint: obs.cert.fingerprint,
        message: `serial ${obs.cert.serialNumber} is on the published list ${name} (${list.path}) at line ${line}`,
      });
    }
  }
  return problems;
}
