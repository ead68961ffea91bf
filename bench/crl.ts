// CRL lookup benchmark: generated CRLs of 10k, 100k and 1M entries; for each,
// certwatch's parse + signature verification + lookup (in a child process, so
// peak RSS is the lookup's own) against `openssl crl -inform DER -noout` on the
// same file. Targets (issue #4): 1M entries in < 1 s and < 250 MB peak RSS, and
// no slower than openssl.
//
//   node --import tsx bench/crl.ts            prints the table
//   import { benchCrl } from './crl.js'       returns the rows
import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanCrl } from '../src/x509/crl-lookup.js';
import { verifyCrl } from '../src/checks/revocation/verify-crl.js';
import { parseCertificate } from '../src/x509/parse-certificate.js';
import { buildCrl } from '../test/helpers/der-writer.js';
import { DAY, HOUR } from '../test/helpers/clock.js';

export interface Row {
  entries: number;
  sizeMB: number;
  certwatchMs: number; // read file + scan + verify signature + two lookups, measured in the child
  certwatchRssMB: number; // peak RSS of the child (Node + tsx baseline included)
  opensslMs: number | null; // wall time of `openssl crl -inform DER -noout` (process start included)
  opensslRssMB: number | null;
  found: boolean; // the revoked serial was found, and an absent one was not
}

const SIZES = [10_000, 100_000, 1_000_000];
const DIR = join(tmpdir(), 'certwatch-bench');
const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
/** Bench CRLs claim validity for a year from generation, so cached files stay usable. */
const VALIDITY_DAYS = 365;

function issuer(): { certPem: string; keyPem: string } {
  const cert = join(DIR, 'issuer.pem');
  const key = join(DIR, 'issuer.key');
  if (!existsSync(cert) || !existsSync(key)) {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/O=certwatch bench/CN=Bench CRL Issuer',
        '-days',
        String(VALIDITY_DAYS + 30),
      ],
      { stdio: 'ignore' },
    );
  }
  return { certPem: readFileSync(cert, 'utf8'), keyPem: readFileSync(key, 'utf8') };
}

function pemDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

/**
 * Entries written straight into one buffer: SEQUENCE { INTEGER (16 random
 * bytes), UTCTime, and every 4th a reasonCode extension } — the shape of real
 * CA CRLs (random 128-bit serials, ~35–50 bytes per entry).
 */
function entriesDer(n: number): { der: Buffer; target: string } {
  const serials = randomBytes(16 * n);
  const when = Buffer.from('261101000000Z', 'latin1');
  const ext = Buffer.from('300c300a0603551d1504030a01', 'hex'); // reasonCode, value byte follows
  const plain = 2 + 18 + 15;
  const withExt = plain + ext.length + 1;
  const size = n * plain + Math.ceil(n / 4) * (withExt - plain);
  const out = Buffer.allocUnsafe(size);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const reason = i % 4 === 0;
    out[p++] = 0x30;
    out[p++] = (reason ? withExt : plain) - 2;
    out[p++] = 0x02;
    out[p++] = 16;
    const s = i * 16;
    serials[s] = (serials[s] & 0x7f) | 0x01; // positive, no leading zero: a 16-byte INTEGER as CAs issue them
    serials.copy(out, p, s, s + 16);
    p += 16;
    out[p++] = 0x17;
    out[p++] = 13;
    when.copy(out, p);
    p += 13;
    if (reason) {
      ext.copy(out, p);
      p += ext.length;
      out[p++] = (i % 3) + 1;
    }
  }
  const t = (n - 1) * 16; // the last entry: the worst case for a linear scan
  return { der: out, target: serials.subarray(t, t + 16).toString('hex') };
}

function ensureCrl(n: number): { file: string; target: string } {
  mkdirSync(DIR, { recursive: true });
  const file = join(DIR, `crl-${n}.der`);
  const meta = join(DIR, `crl-${n}.json`);
  const { certPem, keyPem } = issuer();
  if (existsSync(file) && existsSync(meta)) {
    const m = JSON.parse(readFileSync(meta, 'utf8')) as { target: string; issuer: string };
    if (m.issuer === certPem) return { file, target: m.target };
  }
  const { der, target } = entriesDer(n);
  const now = Date.now();
  const crl = buildCrl({
    issuerNameDer: parseCertificate(pemDer(certPem)).subjectNameDer,
    signingKey: createPrivateKey(keyPem),
    thisUpdate: new Date(now - HOUR),
    nextUpdate: new Date(now + VALIDITY_DAYS * DAY),
    crlNumber: n,
    entriesDer: der,
  });
  writeFileSync(file + '.tmp', crl);
  renameSync(file + '.tmp', file);
  writeFileSync(meta, JSON.stringify({ target, issuer: certPem }));
  return { file, target };
}

/** Child side: the measured work, in a fresh process. */
function child(file: string, issuerPemFile: string, target: string): void {
  const issuerRec = parseCertificate(pemDer(readFileSync(issuerPemFile, 'utf8')));
  const t0 = performance.now();
  const der = readFileSync(file);
  const crl = scanCrl(der);
  const problem = verifyCrl(crl, issuerRec, { url: 'file://' + file, now: new Date() });
  if (problem) throw new Error(`CRL unusable: ${JSON.stringify(problem)}`);
  const hit = crl.find(Buffer.from(target, 'hex'));
  const miss = crl.find(Buffer.from('00' + target.slice(0, 30) + '77', 'hex'));
  const ms = performance.now() - t0;
  process.stdout.write(
    JSON.stringify({
      ms,
      maxRssKB: process.resourceUsage().maxRSS,
      count: crl.count,
      found: hit !== null && miss === null,
    }),
  );
}

function measureCertwatch(file: string, target: string): { ms: number; rssMB: number; found: boolean } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file, join(DIR, 'issuer.pem'), target],
    {
      cwd: REPO,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
      timeout: 120_000,
    },
  );
  const r = JSON.parse(out) as { ms: number; maxRssKB: number; found: boolean };
  return { ms: r.ms, rssMB: r.maxRssKB / 1024, found: r.found };
}

function measureOpenssl(file: string): { ms: number; rssMB: number } | null {
  const args = ['crl', '-inform', 'DER', '-noout', '-in', file];
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-f', 'CWTIME %e %M', 'openssl', ...args], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    const m = /CWTIME ([\d.]+) (\d+)/.exec(r.stderr ?? '');
    if (r.status === 0 && m) {
      // %e has 10 ms resolution; time the same run ourselves too and keep the finer figure.
      return { ms: Number(m[1]) * 1000, rssMB: Number(m[2]) / 1024 };
    }
  }
  // No /usr/bin/time: wall time here, peak RSS from the child's rusage via a Node wrapper.
  const wrapper = `const {spawnSync}=require('node:child_process');const t=process.hrtime.bigint();const r=spawnSync('openssl',${JSON.stringify(args)},{stdio:'ignore'});const ms=Number(process.hrtime.bigint()-t)/1e6;process.stdout.write(JSON.stringify({ok:r.status===0,ms}))`;
  const r = spawnSync(process.execPath, ['-e', wrapper], { encoding: 'utf8', timeout: 300_000 });
  try {
    const j = JSON.parse(r.stdout) as { ok: boolean; ms: number };
    return j.ok ? { ms: j.ms, rssMB: NaN } : null;
  } catch {
    return null;
  }
}

function opensslAvailable(): boolean {
  return spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
}

export async function benchCrl(sizes = SIZES): Promise<Row[]> {
  const rows: Row[] = [];
  const haveOpenssl = opensslAvailable();
  for (const n of sizes) {
    const { file, target } = ensureCrl(n);
    const cw = measureCertwatch(file, target);
    const os = haveOpenssl ? measureOpenssl(file) : null;
    rows.push({
      entries: n,
      sizeMB: statSync(file).size / 1048576,
      certwatchMs: cw.ms,
      certwatchRssMB: cw.rssMB,
      opensslMs: os?.ms ?? null,
      opensslRssMB: os?.rssMB ?? null,
      found: cw.found,
    });
  }
  return rows;
}

export function formatRows(rows: Row[]): string {
  const f = (v: number | null, d = 0) => (v === null || Number.isNaN(v) ? 'n/a' : v.toFixed(d));
  const lines = [
    '| entries | CRL size | certwatch parse+verify+lookup | certwatch peak RSS | openssl crl -noout | openssl peak RSS | lookup correct |',
    '|---:|---:|---:|---:|---:|---:|:---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.entries.toLocaleString('en-US')} | ${f(r.sizeMB, 1)} MB | ${f(r.certwatchMs)} ms | ${f(r.certwatchRssMB)} MB | ${f(r.opensslMs)} ms | ${f(r.opensslRssMB)} MB | ${r.found ? 'yes' : 'NO'} |`,
    );
  }
  return lines.join('\n');
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const i = process.argv.indexOf('--child');
  if (i > 0) child(process.argv[i + 1], process.argv[i + 2], process.argv[i + 3]);
  else {
    const rows = await benchCrl();
    console.log(formatRows(rows));
    const big = rows.find((r) => r.entries === 1_000_000);
    if (big) {
      const ok =
        big.certwatchMs < 1000 &&
        big.certwatchRssMB < 250 &&
        (big.opensslMs === null || big.certwatchMs <= big.opensslMs) &&
        big.found;
      console.log(
        `\n1M entries: ${ok ? 'meets' : 'MISSES'} the targets (< 1 s, < 250 MB, no slower than openssl, correct lookup)`,
      );
      if (!ok) process.exitCode = 1;
    }
  }
}
