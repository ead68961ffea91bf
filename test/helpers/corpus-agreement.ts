// Agreement with `openssl` on third-party corpora nobody here wrote: Debian's
// python3-cryptography-vectors (x509/, NIST PKITS included) and the certificates
// embedded in Go's crypto/x509 and crypto/tls tests (golang-1.19-src). Both are
// unpacked by scripts/test-deps.sh; this test only reads them.
//
// For every certificate openssl reads: certwatch finds it, never calls it
// unparseable, and agrees on notBefore/notAfter/serial (sign included)/subject/
// SANs/fingerprint. Every certificate certwatch accepts, openssl reads too. For
// every CRL openssl reads: same entry count, serials, reasons and dates.
// Generic on purpose: nothing here knows a file name of either corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isIP } from 'node:net';
import { extractPemOrDer } from '../../src/sources/files/pem-der.js';
import { readerProblemSentence } from '../../src/report/text/reader-problem.js';
import { CertificateParseError, parseCertificate } from '../../src/x509/parse-certificate.js';
import { decodeCrlBytes } from '../../src/checks/revocation/fetch-crl.js';
import type { CertificateRecord } from '../../src/types.js';
import type { Report } from '../../src/report/report-types.js';
import { PeerCache, integerBytes, peerCert, peerCrl, pool, type PeerCert, type PeerCrl } from './openssl-peer.js';
import { tempDir, removeTempDir } from './workspace.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPORA = path.join(ROOT, '.cache/corpora');
const VECTORS = path.join(CORPORA, 'cryptography-vectors/usr/lib/python3/dist-packages/cryptography_vectors/x509');
const GO = path.join(CORPORA, 'golang-src/usr/share/go-1.19/src/crypto');
const CLI = path.join(ROOT, 'dist/cli.js');
const FILE_EXT = /\.(pem|crt|cer|der|crl)$/i;
const OPENSSL_PARALLEL = 4;

/** One input as a user would hand it to certwatch: a file's bytes. */
interface Unit {
  origin: string;
  bytes: Buffer;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

async function vectorUnits(): Promise<Unit[]> {
  const files = (await walk(VECTORS)).filter((f) => FILE_EXT.test(f));
  return Promise.all(files.map(async (f) => ({ origin: path.relative(CORPORA, f), bytes: await readFile(f) })));
}

/** Go keeps certificates in raw-string PEM and in hex string constants: a plain regex pulls both out. */
async function goUnits(): Promise<Unit[]> {
  const out: Unit[] = [];
  for (const sub of ['x509', 'tls']) {
    for (const f of (await readdir(path.join(GO, sub))).filter((n) => n.endsWith('_test.go')).sort()) {
      const src = await readFile(path.join(GO, sub, f), 'utf8');
      const origin = `go/${sub}/${f}`;
      let n = 0;
      for (const raw of src.matchAll(/`([^`]*)`/g)) {
        for (const m of raw[1].matchAll(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g)) {
          out.push({
            origin: `${origin}#pem${++n}`,
            bytes: Buffer.from(
              m[0]
                .split('\n')
                .map((l) => l.trim())
                .join('\n') + '\n',
            ),
          });
        }
      }
      const joined = src.replace(/"\s*\+\s*"/g, '');
      let h = 0;
      for (const m of joined.matchAll(/"(30[0-9a-fA-F]{200,})"/g)) {
        if (m[1].length % 2 === 0) out.push({ origin: `${origin}#hex${++h}`, bytes: Buffer.from(m[1], 'hex') });
      }
    }
  }
  return out;
}

const CERT_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const CRL_LABELS = new Set(['X509 CRL', 'CRL']);

interface PeerView {
  certs: PeerCert[];
  crls: PeerCrl[];
}

/** What openssl reads from a unit: each PEM block, or the DER as a certificate, else as a CRL. */
async function peerView(u: Unit, cache: PeerCache): Promise<PeerView> {
  const text = u.bytes.toString('latin1');
  const view: PeerView = { certs: [], crls: [] };
  if (text.includes('-----BEGIN ')) {
    for (const m of text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g)) {
      if (CERT_LABELS.has(m[1])) {
        const c = await peerCert(Buffer.from(m[0] + '\n', 'latin1'), 'PEM', cache);
        if (c) view.certs.push(c);
      } else if (CRL_LABELS.has(m[1])) {
        // openssl knows only the "X509 CRL" label; Chromium's tests write "CRL".
        const c = await peerCrl(
          Buffer.from(m[0].replace(/(BEGIN|END) CRL-----/g, '$1 X509 CRL-----') + '\n', 'latin1'),
          'PEM',
          cache,
        );
        if (c) view.crls.push(c);
      }
    }
    return view;
  }
  // Try the likelier kind first: one openssl process per input where possible.
  const crlFirst = /\.crl$/i.test(u.origin);
  const crl = crlFirst ? await peerCrl(u.bytes, 'DER', cache) : null;
  const c = crl ? null : await peerCert(u.bytes, 'DER', cache);
  if (c) view.certs.push(c);
  else {
    const late = crl ?? (crlFirst ? null : await peerCrl(u.bytes, 'DER', cache));
    if (late) view.crls.push(late);
  }
  return view;
}

/** openssl's RFC 2253 output escapes UTF-8 bytes as \XX; decode them to compare text with text. */
function decodeHexEscapes(dn: string): string {
  return dn.replace(/(?:\\[0-9A-F]{2})+/g, (run) => Buffer.from(run.replace(/\\/g, ''), 'hex').toString('utf8'));
}

/** IPv6 text in one canonical form ("2001:DB8:0:0:0:0:0:1" as openssl prints = "2001:db8::1"). */
function canonicalIp(s: string): string {
  if (isIP(s) !== 6) return s;
  const [head, tail = ''] = s.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = s.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return groups.map((g) => parseInt(g, 16).toString(16)).join(':');
}

interface Mismatch {
  origin: string;
  what: string;
}

/** Field-by-field comparison of certwatch's record (or report entry) with openssl's view. */
function compareCert(
  origin: string,
  mine: { notBefore: string; notAfter: string; serialNumber: string; subject: string; sans: string[] },
  ref: PeerCert,
): Mismatch[] {
  const out: Mismatch[] = [];
  const diff = (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b))
      out.push({ origin, what: `${what}: certwatch ${JSON.stringify(a)}, openssl ${JSON.stringify(b)}` });
  };
  diff('notBefore', mine.notBefore, ref.notBefore.toISOString());
  diff('notAfter', mine.notAfter, ref.notAfter.toISOString());
  diff('serial', mine.serialNumber, ref.serial);
  diff('subject', mine.subject, decodeHexEscapes(ref.subject));
  // openssl prints DNS names byte for byte; compare as the same latin1 text certwatch keeps.
  const ips = ref.ips.filter((s) => s !== '<invalid>').map(canonicalIp);
  // Both list names in certificate order; openssl prints DNS and IP entries where they stand.
  const sorted = (xs: string[]) => [...xs].sort();
  diff('SANs', sorted(mine.sans.map(canonicalIp)), sorted([...ref.dns, ...ips]));
  return out;
}

function recordFields(r: CertificateRecord) {
  return {
    notBefore: r.notBefore.toISOString(),
    notAfter: r.notAfter.toISOString(),
    serialNumber: r.serialNumber,
    subject: r.subject,
    sans: r.sans,
  };
}

interface Tally {
  units: number;
  peerCerts: number;
  peerCrls: number;
  badTime: number; // openssl reads it but has no date for it ("Bad time value"): certwatch must refuse it, not guess
  refused: Mismatch[]; // openssl reads it, certwatch calls it unparseable
  missed: Mismatch[]; // openssl reads it, certwatch never saw it
  fieldMismatches: Mismatch[];
  acceptedRefused: Mismatch[]; // certwatch accepts, openssl refuses
  crlRefused: Mismatch[];
  crlMismatches: Mismatch[];
  crlAcceptedRefused: Mismatch[];
  agreeing: { unit: Unit; fingerprints: string[] }[];
  views: Map<string, PeerCert>; // openssl's reading by fingerprint
}

async function measure(units: Unit[], cache: PeerCache): Promise<Tally> {
  const tally: Tally = {
    units: units.length,
    peerCerts: 0,
    peerCrls: 0,
    badTime: 0,
    refused: [],
    missed: [],
    fieldMismatches: [],
    acceptedRefused: [],
    crlRefused: [],
    crlMismatches: [],
    crlAcceptedRefused: [],
    agreeing: [],
    views: new Map(),
  };
  const views = await pool(units, OPENSSL_PARALLEL, (u) => peerView(u, cache));
  const acceptedToCheck: { origin: string; der: Buffer }[] = [];
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    const view = views[k];
    tally.peerCerts += view.certs.length;
    tally.peerCrls += view.crls.length;
    for (const c of view.certs) tally.views.set(c.fingerprint, c);

    // Certificates through certwatch's file reader and parser, as a file target is read.
    const ex = extractPemOrDer(u.bytes);
    const parsed = new Map<string, CertificateRecord>();
    const errors: string[] = [
      ...ex.problems
        .filter((p) => (p.severity ?? 'error') === 'error')
        .map((p) => readerProblemSentence(p.problem, p.within)),
    ];
    for (const c of ex.certificates) {
      try {
        const rec = parseCertificate(c.der);
        parsed.set(rec.fingerprint, rec);
      } catch (e) {
        if (!(e instanceof CertificateParseError)) throw e;
        errors.push(e.message);
      }
    }
    const agreed: string[] = [];
    for (const ref of view.certs) {
      const rec = parsed.get(ref.fingerprint);
      if (ref.badTime) {
        tally.badTime++;
        if (rec)
          tally.acceptedRefused.push({
            origin: u.origin,
            what: `certwatch gives dates ${rec.notBefore.toISOString()}–${rec.notAfter.toISOString()} where openssl reads none`,
          });
        continue;
      }
      if (!rec) {
        (errors.length ? tally.refused : tally.missed).push({
          origin: u.origin,
          what: errors.join('; ') || 'not found',
        });
        continue;
      }
      const mm = compareCert(u.origin, recordFields(rec), ref);
      tally.fieldMismatches.push(...mm);
      if (!mm.length) agreed.push(ref.fingerprint);
    }
    if (agreed.length) tally.agreeing.push({ unit: u, fingerprints: agreed });
    const peerFps = new Set(view.certs.filter((c) => !c.badTime).map((c) => c.fingerprint));
    for (const [fp, rec] of parsed) if (!peerFps.has(fp)) acceptedToCheck.push({ origin: u.origin, der: rec.der });

    // CRLs through the decoder a fetched CRL goes through.
    const looksCrl =
      view.crls.length > 0 ||
      /\.crl$/i.test(u.origin) ||
      /-----BEGIN (X509 )?CRL-----/.test(u.bytes.toString('latin1'));
    if (!looksCrl || view.certs.length) continue;
    let mine: ReturnType<typeof decodeCrlBytes> | null = null;
    let err = '';
    try {
      mine = decodeCrlBytes(u.bytes, u.origin);
    } catch (e) {
      err = (e as Error).message;
    }
    const ref = view.crls[0];
    if (!ref || ref.badTime) {
      if (mine)
        tally.crlAcceptedRefused.push({
          origin: u.origin,
          what: `certwatch reads a CRL of ${mine.count} entries that openssl refuses`,
        });
      continue;
    }
    if (!mine) {
      tally.crlRefused.push({ origin: u.origin, what: err });
      continue;
    }
    const bad = (what: string) => tally.crlMismatches.push({ origin: u.origin, what });
    if (mine.count !== ref.entries.length) bad(`entry count: certwatch ${mine.count}, openssl ${ref.entries.length}`);
    if (mine.thisUpdate.toISOString() !== ref.thisUpdate.toISOString())
      bad(`thisUpdate: certwatch ${mine.thisUpdate.toISOString()}, openssl ${ref.thisUpdate.toISOString()}`);
    if (mine.nextUpdate?.toISOString() !== ref.nextUpdate?.toISOString())
      bad(`nextUpdate: certwatch ${mine.nextUpdate?.toISOString()}, openssl ${ref.nextUpdate?.toISOString()}`);
    const firstOf = new Map<string, (typeof ref.entries)[number]>();
    for (const e of ref.entries) if (!firstOf.has(e.serial)) firstOf.set(e.serial, e);
    for (const e of firstOf.values()) {
      let hit;
      try {
        hit = mine.find(integerBytes(e.serial));
      } catch (x) {
        bad(`serial ${e.serial}: lookup failed (${(x as Error).message})`);
        continue;
      }
      if (!hit) {
        bad(`serial ${e.serial} listed by openssl, not found by certwatch`);
        continue;
      }
      if (hit.revokedAt.toISOString() !== e.revokedAt.toISOString())
        bad(`serial ${e.serial}: revoked ${hit.revokedAt.toISOString()} vs openssl ${e.revokedAt.toISOString()}`);
      // Same names in different spelling ("keyCompromise" / "Key Compromise"); an unnamed code is its number ("reason 12" / "12").
      const norm = (s?: string) =>
        (s ?? '')
          .replace(/^reason /, '')
          .replace(/\s+/g, '')
          .toLowerCase();
      if (norm(hit.reason) !== norm(e.reason)) bad(`serial ${e.serial}: reason ${hit.reason} vs openssl ${e.reason}`);
    }
  }
  // Certificates certwatch accepted that openssl did not list for that input: openssl must read them.
  const checked = await pool(acceptedToCheck, OPENSSL_PARALLEL, (a) => peerCert(a.der, 'DER', cache));
  acceptedToCheck.forEach((a, i) => {
    if (!checked[i])
      tally.acceptedRefused.push({ origin: a.origin, what: 'certwatch accepts a certificate openssl refuses' });
  });
  return tally;
}

function figures(name: string, t: Tally): string {
  return (
    `${name}: ${t.units} inputs; openssl reads ${t.peerCerts} certificates (${t.badTime} of them without a readable date) and ${t.peerCrls} CRLs; ` +
    `refused ${t.refused.length}, missed ${t.missed.length}, field mismatches ${t.fieldMismatches.length}, accepted-but-openssl-refuses ${t.acceptedRefused.length}; ` +
    `CRLs refused ${t.crlRefused.length}, CRL mismatches ${t.crlMismatches.length}, CRLs accepted-but-openssl-refuses ${t.crlAcceptedRefused.length}`
  );
}

function listed(ms: Mismatch[]): string {
  return ms
    .slice(0, 25)
    .map((m) => `  ${m.origin}: ${m.what}`)
    .join('\n');
}

function assertClean(t: Tally) {
  assert.equal(t.refused.length, 0, `certificates openssl reads, refused by certwatch:\n${listed(t.refused)}`);
  assert.equal(t.missed.length, 0, `certificates openssl reads, not found by certwatch:\n${listed(t.missed)}`);
  assert.equal(t.fieldMismatches.length, 0, `field mismatches:\n${listed(t.fieldMismatches)}`);
  assert.equal(t.acceptedRefused.length, 0, `accepted by certwatch, refused by openssl:\n${listed(t.acceptedRefused)}`);
  assert.equal(t.crlRefused.length, 0, `CRLs openssl reads, refused by certwatch:\n${listed(t.crlRefused)}`);
  assert.equal(t.crlMismatches.length, 0, `CRL mismatches:\n${listed(t.crlMismatches)}`);
  assert.equal(
    t.crlAcceptedRefused.length,
    0,
    `CRLs accepted by certwatch, refused by openssl:\n${listed(t.crlAcceptedRefused)}`,
  );
}

/** A sample of agreeing inputs through the built CLI: its JSON report must carry openssl's fields too. */
async function throughCli(t: Tally): Promise<number> {
  const sample = t.agreeing.filter((_, i) => i % Math.max(1, Math.floor(t.agreeing.length / 40)) === 0).slice(0, 40);
  const dir = await tempDir('certwatch-corpus-');
  try {
    await Promise.all(
      sample.map((s, i) =>
        writeFile(
          path.join(dir, `c${i}${/-----BEGIN /.test(s.unit.bytes.toString('latin1')) ? '.pem' : '.der'}`),
          s.unit.bytes,
        ),
      ),
    );
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [CLI, 'check', '--workspace', dir, '--format', 'json', '--revocation', 'off'],
        { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
        (err, out, stderr) => {
          if (err && (err as { code?: unknown }).code !== 1) reject(new Error(`CLI failed: ${stderr}`));
          else resolve(out);
        },
      );
    });
    const report = JSON.parse(stdout) as Report;
    const byFp = new Map(report.certificates.map((c) => [c.fingerprint, c]));
    let compared = 0;
    for (const s of sample) {
      for (const fp of s.fingerprints) {
        const c = byFp.get(fp);
        assert.ok(c, `${s.unit.origin}: the built CLI reports the certificate ${fp}`);
        assert.deepEqual(
          compareCert(s.unit.origin, c, t.views.get(fp)!),
          [],
          `${s.unit.origin}: the built CLI agrees with openssl`,
        );
        compared++;
      }
    }
    const unparseable = report.problems.filter((p) => p.id === 'unparseable' && p.severity === 'error');
    assert.deepEqual(unparseable, [], 'no input openssl reads is unparseable for the built CLI');
    return compared;
  } finally {
    await removeTempDir(dir);
  }
}

export const CORPUS_SETS = {
  vectors: {
    name: 'python3-cryptography-vectors x509/ (PKITS included)',
    available: () => existsSync(VECTORS),
    units: vectorUnits,
  },
  go: { name: 'Go 1.19 crypto/x509 + crypto/tls test certificates', available: () => existsSync(GO), units: goUnits },
} as const;

/** One corpus against openssl; each corpus has its own test file so the two run side by side. */
export function corpusTest(set: keyof typeof CORPUS_SETS): void {
  const { name, available, units } = CORPUS_SETS[set];
  test(`corpus agreement with openssl: ${name}`, async (t) => {
    if (!available()) {
      t.skip(`corpus not unpacked (scripts/test-deps.sh could not download its Debian package)`);
      return;
    }
    const started = Date.now();
    const all = await units();
    assert.ok(all.length > 50, `the corpus yields inputs (${all.length})`);
    const cache = await PeerCache.open(path.join(ROOT, '.cache/openssl-answers', set));
    let tally: Tally;
    try {
      tally = await measure(all, cache);
    } finally {
      await cache.save();
    }
    t.diagnostic(figures(name, tally) + ` (${Date.now() - started} ms)`);
    // CORPUS_DUMP=<file>: every disagreement, for working through them (the assertions show the first 25).
    if (process.env.CORPUS_DUMP)
      await writeFile(
        `${process.env.CORPUS_DUMP}.${set}.json`,
        JSON.stringify({ ...tally, agreeing: tally.agreeing.length, views: tally.views.size }, null, 1),
      );
    assert.ok(tally.peerCerts > 50, 'openssl reads a meaningful number of certificates');
    assertClean(tally);
    assert.ok(existsSync(CLI), 'the built CLI exists (npm run build)');
    const n = await throughCli(tally);
    t.diagnostic(`built CLI agrees with openssl on ${n} sampled certificates`);
  });
}
