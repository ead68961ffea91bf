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
import { KeyObject, X509Certificate, sign } from 'node:crypto';
import { issue, type Issued } from '../test/helpers/pki.js';
import { DAY } from '../test/helpers/clock.js';
import { bitString, seq, time } from '../test/helpers/der-writer.js';
import { children, readTlv } from '../src/x509/der.js';
import { writeRandomSerialList } from '../test/helpers/serial-list.js';

export const BENCH_DIR = path.join(tmpdir(), 'certwatch-bench');
/** Bump when a fixture's shape changes, so stale copies are regenerated. */
const FIXTURE_VERSION = 4;
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
    if (m.version === FIXTURE_VERSION && m.n === n && Date.now() - m.at < FIXTURE_MAX_AGE_MS)
      return { dir, serials: m.serials, expired: m.expired, expiring: m.expiring };
  }
  process.stderr.write(`bench: generating ${n.toLocaleString('en')} certificates (kept in ${dir})…\n`);
  await rm(dir, { recursive: true, force: true });
  const now = Date.now();
  const ca = await issue({
    cn: 'Bench EC CA',
    org: 'certwatch bench',
    ca: true,
    key: 'ec256',
    notBefore: new Date(now - 400 * DAY),
    notAfter: new Date(now + 3650 * DAY),
  });
  const leaf = await leafFactory(ca);
  const serials: string[] = [];
  let expired = 0;
  let expiring = 0;
  for (let f = 0; f < 50; f++) await mkdir(path.join(dir, `team-${String(f).padStart(2, '0')}`), { recursive: true });
  for (let i = 0; i < n; i++) {
    const kind = i % 20; // 0: expired, 1: expiring, else valid
    const notAfter =
      kind === 0
        ? new Date(now - (1 + (i % 30)) * DAY)
        : kind === 1
          ? new Date(now + (1 + (i % 4)) * DAY)
          : new Date(now + (30 + (i % 270)) * DAY);
    if (kind === 0) expired++;
    if (kind === 1) expiring++;
    const serial = '4' + randomBytes(16).toString('hex').slice(1); // 16 bytes, positive
    serials.push(serial);
    await writeFile(
      path.join(dir, `team-${String(i % 50).padStart(2, '0')}`, `cert-${i}.pem`),
      // Issued at least a day ago: a notBefore in the future would make the leaf
      // "not yet valid" (70% of the estate were, before fixture version 4), which is
      // not the 5% expired / 5% expiring / rest valid the row is specified with.
      leaf(i, serial, new Date(Math.min(notAfter.getTime() - 90 * DAY, now - DAY)), notAfter),
    );
  }
  await writeFile(
    metaFile,
    JSON.stringify({ version: FIXTURE_VERSION, n, at: now, serials, expired, expiring } satisfies EstateMeta),
  );
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

const TEMPLATE_CN = 'host-0000000.bench.test';
const TEMPLATE_SERIAL = '4a5b6c7d'.repeat(4);
const TEMPLATE_FROM = new Date(Date.UTC(2020, 0, 1));
const TEMPLATE_TO = new Date(Date.UTC(2021, 0, 1));

/**
 * Leaves from one EC CA, fast: one leaf is made by the test PKI, and each
 * further one is that TBSCertificate with its serial, CN/SAN and dates patched
 * (same lengths) and signed again by the CA with node:crypto — 10,000 in
 * seconds instead of minutes. All leaves share a key pair, which changes
 * nothing that is measured (parsing, dates, grouping, reporting).
 */
async function leafFactory(ca: Issued): Promise<(i: number, serial: string, from: Date, to: Date) => string> {
  const t = await issue({
    cn: TEMPLATE_CN,
    issuer: ca,
    key: 'ec256',
    serial: TEMPLATE_SERIAL,
    notBefore: TEMPLATE_FROM,
    notAfter: TEMPLATE_TO,
  });
  const [tbsT, algT] = children(t.der, readTlv(t.der, 0));
  const tbs = t.der.subarray(tbsT.start, tbsT.end);
  const alg = t.der.subarray(algT.start, algT.end);
  const at = (needle: Buffer, what: string) => {
    const found: number[] = [];
    for (let p = tbs.indexOf(needle); p >= 0; p = tbs.indexOf(needle, p + 1)) found.push(p);
    if (!found.length) throw new Error(`bench fixture: ${what} not found in the template`);
    return found;
  };
  const serialAt = at(Buffer.from(TEMPLATE_SERIAL, 'hex'), 'serial');
  const cnAt = at(Buffer.from(TEMPLATE_CN), 'CN');
  const fromAt = at(time(TEMPLATE_FROM), 'notBefore');
  const toAt = at(time(TEMPLATE_TO), 'notAfter');
  const key = KeyObject.from(ca.keys.privateKey);
  const caCert = new X509Certificate(ca.der);
  let checked = false;
  return (i, serial, from, to) => {
    const b = Buffer.from(tbs);
    for (const p of serialAt) Buffer.from(serial, 'hex').copy(b, p);
    for (const p of cnAt) Buffer.from(`host-${String(i).padStart(7, '0')}.bench.test`).copy(b, p);
    for (const p of fromAt) time(from).copy(b, p);
    for (const p of toAt) time(to).copy(b, p);
    const der = seq(b, alg, bitString(sign('sha256', b, key)));
    if (!checked) {
      // The first one is checked by OpenSSL: a patched template must still be a valid certificate.
      if (!new X509Certificate(der).verify(caCert.publicKey))
        throw new Error('bench fixture: a patched leaf does not verify');
      checked = true;
    }
    return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
  };
}
