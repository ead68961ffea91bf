// Bench fixtures, generated on first use and kept in the temp directory (a
// second `npm run bench` starts measuring at once). Certificates come from the
// test PKI (test/helpers/pki.ts), lists from test/helpers/serial-list.ts.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { DAY, issue } from '../test/helpers/pki.js';
import { writeRandomSerialList } from '../test/helpers/serial-list.js';

export const BENCH_DIR = path.join(tmpdir(), 'certwatch-bench');
/** Bump when a fixture's shape changes, so stale copies are regenerated. */
const FIXTURE_VERSION = 2;
/** Expiry shares are relative to the day of generation; regenerate after this. */
const FIXTURE_MAX_AGE_MS = 2 * DAY;

export interface Estate {
  dir: string;
  /** every leaf's serial, lower-case hex, one per certificate */
  serials: string[];
  expired: number;
  expiring: number;
}

interface EstateMeta {
  version: number;
  n: number;
  at: number;
  serials: string[];
  expired: number;
  expiring: number;
}

/**
 * n PEM files in 50 folders: ECDSA P-256 leaves from one EC CA, random
 * 16-byte serials; 5% expired, 5% expiring within 5 days (under fail-within),
 * the rest 30–300 days out.
 */
export async function fileEstate(n: number): Promise<Estate> {
  const dir = path.join(BENCH_DIR, `estate-${n}`);
  const metaFile = path.join(BENCH_DIR, `estate-${n}.json`);
  if (existsSync(metaFile)) {
    const m = JSON.parse(await readFile(metaFile, 'utf8')) as EstateMeta;
    if (m.version === FIXTURE_VERSION && m.n === n && Date.now() - m.at < FIXTURE_MAX_AGE_MS) return { dir, serials: m.serials, expired: m.expired, expiring: m.expiring };
  }
  process.stderr.write(`bench: generating ${n.toLocaleString('en')} certificates (kept in ${dir})…\n`);
  await rm(dir, { recursive: true, force: true });
  const now = Date.now();
  const ca = await issue({ cn: 'Bench EC CA', org: 'certwatch bench', ca: true, key: 'ec256', notBefore: new Date(now - 400 * DAY), notAfter: new Date(now + 3650 * DAY) });
  const serials: string[] = [];
  let expired = 0;
  let expiring = 0;
  for (let f = 0; f < 50; f++) await mkdir(path.join(dir, `team-${String(f).padStart(2, '0')}`), { recursive: true });
  for (let i = 0; i < n; i++) {
    const kind = i % 20; // 0: expired, 1: expiring, else valid
    const notAfter = kind === 0 ? new Date(now - (1 + (i % 30)) * DAY) : kind === 1 ? new Date(now + (1 + (i % 4)) * DAY) : new Date(now + (30 + (i % 270)) * DAY);
    if (kind === 0) expired++;
    if (kind === 1) expiring++;
    const serial = '4' + randomBytes(16).toString('hex').slice(1); // 16 bytes, positive
    const c = await issue({ cn: `host-${i}.bench.test`, issuer: ca, key: 'ec256', serial, notBefore: new Date(notAfter.getTime() - 90 * DAY), notAfter });
    serials.push(serial);
    await writeFile(path.join(dir, `team-${String(i % 50).padStart(2, '0')}`, `cert-${i}.pem`), c.pem);
  }
  await writeFile(metaFile, JSON.stringify({ version: FIXTURE_VERSION, n, at: now, serials, expired, expiring } satisfies EstateMeta));
  return { dir, serials, expired, expiring };
}

export interface IncidentList {
  plain: string; // the list
  gz: string; // the same, gzip'd
  ours: string; // our serials, one per line (the baseline's left side)
  planted: string[]; // the serials of ours that are on the list
  bytes: number;
}

/** `lines` random 16-byte hex serials with `plant` of the estate's serials spread through them. */
export async function incidentList(estate: Estate, lines: number, plant = 50): Promise<IncidentList> {
  const base = path.join(BENCH_DIR, `incident-${lines}-${estate.serials.length}`);
  const plain = `${base}.txt`;
  const gz = `${plain}.gz`;
  const ours = `${base}-ours.txt`;
  const metaFile = `${base}.json`;
  const planted = estate.serials.filter((_, i) => i % Math.floor(estate.serials.length / plant) === 0).slice(0, plant);
  if (existsSync(metaFile) && existsSync(gz)) {
    const m = JSON.parse(await readFile(metaFile, 'utf8')) as { planted: string[]; bytes: number };
    if (JSON.stringify(m.planted) === JSON.stringify(planted)) return { plain, gz, ours, planted, bytes: m.bytes };
  }
  process.stderr.write(`bench: generating a ${lines.toLocaleString('en')}-line serial list…\n`);
  await mkdir(BENCH_DIR, { recursive: true });
  await writeFile(ours, estate.serials.join('\n') + '\n');
  const at = new Map(planted.map((s, i) => [1 + Math.floor(((i + 0.5) * lines) / plant), s]));
  const bytes = await writeRandomSerialList(plain, lines, at);
  await pipeline(createReadStream(plain), createGzip({ level: 6 }), createWriteStream(gz));
  await writeFile(metaFile, JSON.stringify({ planted, bytes }));
  return { plain, gz, ours, planted, bytes };
}
