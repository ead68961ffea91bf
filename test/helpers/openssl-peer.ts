// `openssl x509` / `openssl crl` as the reference reader for third-party corpora:
// one short-lived openssl process per object, input on stdin, output parsed here.
// Kept apart from certwatch's own code on purpose: nothing here reuses src/.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

const TIMEOUT_MS = 20_000;

export interface PeerCert {
  fingerprint: string; // "sha256:<hex>" of the certificate DER (openssl's own digest)
  notBefore: Date;
  notAfter: Date;
  badTime: boolean; // openssl reads the certificate but prints "Bad time value" for a date: no date to agree on
  serial: string; // uppercase hex, "-" for negative, as openssl prints
  subject: string; // RFC 2253 with openssl's \XX escapes for non-ASCII bytes
  dns: string[];
  ips: string[];
}

export interface PeerCrlEntry {
  serial: string;
  revokedAt: Date;
  reason?: string; // openssl's words ("Key Compromise")
}

export interface PeerCrl {
  badTime: boolean; // openssl reads the CRL but prints "Bad time value" for one of its dates
  thisUpdate: Date;
  nextUpdate?: Date;
  entries: PeerCrlEntry[];
}

/**
 * openssl's answers, kept between runs per openssl version and keyed by the exact
 * input bytes and arguments: a third-party corpus is ~1,000 openssl processes
 * (~30 ms of CPU each), which a shared 2-core machine should pay once, not per
 * run. certwatch's side is always computed afresh; the peer's answer for the
 * same bytes and the same openssl cannot change.
 */
export class PeerCache {
  private dirty = false;
  private constructor(
    private readonly file: string,
    private readonly answers: Map<string, { ok: boolean; out: string }>,
  ) {}

  static async open(dir: string): Promise<PeerCache> {
    const version = execFileSync('openssl', ['version'], { encoding: 'utf8' })
      .trim()
      .replace(/[^A-Za-z0-9.]+/g, '_');
    const file = path.join(dir, `${version}.json`);
    let entries: [string, { ok: boolean; out: string }][] = [];
    try {
      entries = JSON.parse(await readFile(file, 'utf8')) as typeof entries;
    } catch {
      /* first run, or an unreadable cache: ask openssl */
    }
    return new PeerCache(file, new Map(entries));
  }

  async run(args: string[], input: Buffer): Promise<{ ok: boolean; out: string }> {
    const key = createHash('sha256').update(args.join('\0')).update('\0').update(input).digest('hex');
    const hit = this.answers.get(key);
    if (hit) return hit;
    const answer = await run(args, input);
    this.answers.set(key, answer);
    this.dirty = true;
    return answer;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify([...this.answers]));
    await rename(tmp, this.file);
  }
}

type Runner = (args: string[], input: Buffer) => Promise<{ ok: boolean; out: string }>;

function run(args: string[], input: Buffer): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      'openssl',
      args,
      { timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, encoding: 'latin1' },
      (err, stdout) => {
        resolve({ ok: !err, out: stdout });
      },
    );
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Jan  1 00:00:00[.123] 2000 GMT" as openssl prints (fractions dropped, as openssl compares). */
export function opensslDate(s: string): Date {
  const m = /^([A-Z][a-z]{2}) +(\d+) (\d\d):(\d\d):(\d\d)(?:\.\d+)? (\d+) GMT$/.exec(s.trim());
  if (!m) throw new Error(`openssl date not understood: "${s}"`);
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC: years 0–99 must stay years 0–99.
  d.setUTCFullYear(Number(m[6]), MONTHS.indexOf(m[1]), Number(m[2]));
  d.setUTCHours(Number(m[3]), Number(m[4]), Number(m[5]), 0);
  return d;
}

/** What openssl reads from one certificate (PEM text or DER); null when it refuses. */
export async function peerCert(input: Buffer, inform: 'PEM' | 'DER', cache?: PeerCache): Promise<PeerCert | null> {
  const runner: Runner = cache ? (a, i) => cache.run(a, i) : run;
  const r = await runner(
    [
      'x509',
      '-inform',
      inform,
      '-noout',
      '-fingerprint',
      '-sha256',
      '-dates',
      '-serial',
      '-subject',
      '-nameopt',
      'RFC2253',
      '-ext',
      'subjectAltName',
    ],
    input,
  );
  if (!r.ok) return null;
  const field = (name: string) => {
    const m = new RegExp(`^${name}=(.*)$`, 'm').exec(r.out);
    if (!m) throw new Error(`openssl output has no ${name}: ${r.out}`);
    return m[1].trim();
  };
  const dns: string[] = [];
  const ips: string[] = [];
  const san = /X509v3 Subject Alternative Name:[^\n]*\n {4}(.*)/.exec(r.out);
  if (san) {
    for (const part of san[1].split(', ')) {
      if (part.startsWith('DNS:')) dns.push(part.slice(4));
      else if (part.startsWith('IP Address:')) ips.push(part.slice(11));
    }
  }
  const nb = field('notBefore');
  const na = field('notAfter');
  const badTime = nb === 'Bad time value' || na === 'Bad time value';
  return {
    fingerprint: 'sha256:' + field('(?:sha256|SHA256) Fingerprint').replace(/:/g, '').toLowerCase(),
    notBefore: badTime ? new Date(NaN) : opensslDate(nb),
    notAfter: badTime ? new Date(NaN) : opensslDate(na),
    badTime,
    serial: field('serial'),
    subject: /^subject=(.*)$/m.exec(r.out)?.[1].trim() ?? '',
    dns,
    ips,
  };
}

/** What openssl reads from one CRL (PEM text or DER); null when it refuses. */
export async function peerCrl(input: Buffer, inform: 'PEM' | 'DER', cache?: PeerCache): Promise<PeerCrl | null> {
  const runner: Runner = cache ? (a, i) => cache.run(a, i) : run;
  const r = await runner(['crl', '-inform', inform, '-noout', '-text'], input);
  if (!r.ok) return null;
  const last = /Last Update: (.*)/.exec(r.out);
  const next = /Next Update: (.*)/.exec(r.out);
  if (!last) return null;
  if (/Bad time value/.test(r.out)) return { badTime: true, thisUpdate: new Date(NaN), entries: [] };
  const crl: PeerCrl = {
    badTime: false,
    thisUpdate: opensslDate(last[1]),
    nextUpdate: next && next[1].trim() !== 'NONE' ? opensslDate(next[1]) : undefined,
    entries: [],
  };
  const revIdx = r.out.indexOf('\nRevoked Certificates:');
  if (revIdx < 0) return crl;
  const lines = r.out.slice(revIdx).split('\n');
  let cur: PeerCrlEntry | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^ {4}Signature Algorithm:/.test(line)) break;
    const s = /^ {4}Serial Number: (\S+)/.exec(line);
    if (s) {
      cur = { serial: s[1], revokedAt: new Date(NaN) };
      crl.entries.push(cur);
      continue;
    }
    const d = /^ {8}Revocation Date: (.*)/.exec(line);
    if (d && cur) cur.revokedAt = opensslDate(d[1]);
    if (/X509v3 CRL Reason Code:/.test(line) && cur) cur.reason = lines[i + 1]?.trim();
  }
  return crl;
}

/** Signed hex as openssl prints a serial ("-01", "00FF") → minimal two's-complement INTEGER content bytes. */
export function integerBytes(printed: string): Buffer {
  const neg = printed.startsWith('-');
  let v = BigInt('0x' + (neg ? printed.slice(1) : printed || '0'));
  if (neg) v = -v;
  // minimal two's complement
  let len = 1;
  while (!(v >= -(1n << BigInt(8 * len - 1)) && v < 1n << BigInt(8 * len - 1))) len++;
  const out = Buffer.alloc(len);
  let x = v < 0n ? (1n << BigInt(8 * len)) + v : v;
  for (let i = len - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

/** Run `fn` over `items` with at most `limit` in flight (openssl processes on a 2-core machine). */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}
