// Endpoint probing at scale: ONE child process serves N certificates on N
// loopback listeners; collectEndpoints probes them all at concurrency 32,
// against a bare tls.connect loop at the same concurrency. Each side runs in
// its own child so peak RSS (process.resourceUsage().maxRSS) is comparable;
// wall time is measured around the probing loop only, not process start-up.
//
// Each endpoint gets its own loopback address (127.x.y.1: Linux routes all of
// 127/8 to lo) so the per-host politeness limit (4) does not serialise the
// run — 1,000 endpoints in a real config are spread over many hosts.
//
//   node --import tsx bench/endpoints.ts [N]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import type { EndpointTarget } from '../src/types.js';
import type { Row, Sample } from './lib.js';

const SELF = fileURLToPath(import.meta.url);
const CONCURRENCY = 32;
const RUNS = 3;
// Generous: the target is < 5 s for 1,000; a child stuck beyond this is a bug to report, not wait for.
const CHILD_TIMEOUT_MS = 120_000;

interface Fixture {
  endpoints: { host: string; port: number; servername: string }[];
  rootFile: string;
}

function addressFor(i: number): string {
  return `127.${1 + (i >> 8)}.${i & 255}.1`;
}

// ---- child: the server ------------------------------------------------------

async function serve(n: number, dir: string): Promise<void> {
  const { hierarchy, issue, DAY } = await import('../test/helpers/pki.js');
  const now = Date.now();
  const h = await hierarchy({ cn: 'bench-0.test', notBefore: new Date(now - DAY), days: 60 }, 'Bench');
  const servers: tls.Server[] = [];
  const endpoints: Fixture['endpoints'] = [];
  for (let i = 0; i < n; i++) {
    const leaf = i === 0 ? h.leaf : await issue({ cn: `bench-${i}.test`, issuer: h.intermediate, notBefore: new Date(now - DAY), days: 30 + (i % 60) });
    const server = tls.createServer({ key: leaf.keyPem, cert: leaf.chainPem });
    server.on('secureConnection', (s) => s.end());
    server.on('tlsClientError', () => {});
    server.on('connection', (s) => s.on('error', () => {}));
    const host = addressFor(i);
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    servers.push(server);
    endpoints.push({ host, port: (server.address() as { port: number }).port, servername: `bench-${i}.test` });
  }
  const rootFile = path.join(dir, 'root.pem');
  writeFileSync(rootFile, h.root.pem);
  const fixture = path.join(dir, 'fixture.json');
  writeFileSync(fixture, JSON.stringify({ endpoints, rootFile } satisfies Fixture));
  process.stdout.write(`READY ${fixture}\n`);
  // serve until the parent closes our stdin
  process.stdin.resume();
  process.stdin.on('end', () => {
    for (const s of servers) s.close();
    process.exit(0);
  });
}

// ---- child: the bare loop ---------------------------------------------------

async function bare(fixture: Fixture): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  let ok = 0;
  const worker = async () => {
    while (next < fixture.endpoints.length) {
      const e = fixture.endpoints[next++];
      await new Promise<void>((resolve) => {
        const s = tls.connect({ host: e.host, port: e.port, servername: e.servername, rejectUnauthorized: false });
        s.setTimeout(10_000, () => s.destroy());
        s.once('secureConnect', () => {
          if (s.getPeerCertificate(true).raw) ok++;
          s.destroy();
          resolve();
        });
        s.once('error', () => resolve());
        s.once('close', () => resolve());
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (ok !== fixture.endpoints.length) throw new Error(`bare loop: only ${ok} of ${fixture.endpoints.length} handshakes succeeded`);
  return performance.now() - t0;
}

// ---- child: certwatch -------------------------------------------------------

async function certwatch(fixture: Fixture): Promise<number> {
  const { collectEndpoints } = await import('../src/sources/endpoints/collect-endpoints.js');
  const targets: EndpointTarget[] = fixture.endpoints.map((e) => ({
    id: `${e.host}:${e.port}`,
    host: e.host,
    port: e.port,
    servername: e.servername,
    protocol: 'tls',
    allAddresses: false,
    optional: false,
    timeoutMs: 10_000,
  }));
  const t0 = performance.now();
  const res = await collectEndpoints(targets, { concurrency: CONCURRENCY, deadline: Date.now() + 60_000, workspace: path.dirname(fixture.rootFile), defaultCaFile: fixture.rootFile });
  const ms = performance.now() - t0;
  const bad = res.findings.filter((f) => f.severity !== 'notice' || f.id === 'not-checked');
  if (bad.length || res.observations.length !== 2 * targets.length) {
    throw new Error(`certwatch: ${res.observations.length} observations, ${bad.length} findings, first: ${bad[0]?.message}`);
  }
  return ms;
}

// ---- parent -----------------------------------------------------------------

function runChild(mode: string, arg: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, mode, arg], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const m = /__LOOP_MS=([\d.]+) __MAXRSS_KB=(\d+)/.exec(out);
      if (!m) return reject(new Error(`${mode} child failed (exit ${code}): ${err.slice(-800)}`));
      resolve({ wallMs: Number(m[1]), rssMb: Number(m[2]) / 1024 });
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export async function benchEndpoints(n = 1000): Promise<{ rows: Row[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'certwatch-bench-endpoints-'));
  const server = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve', String(n), dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const fixture = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('bench server did not start')), CHILD_TIMEOUT_MS);
      server.stdout.on('data', (d) => {
        out += d;
        const m = /READY (.+)\n/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      server.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
    });
    const bareSamples: Sample[] = [];
    const cwSamples: Sample[] = [];
    // alternate so drift in machine load hits both sides alike
    for (let i = 0; i < RUNS; i++) {
      bareSamples.push(await runChild('--bare', fixture));
      cwSamples.push(await runChild('--certwatch', fixture));
    }
    const pick = (s: Sample[]): Sample => ({ wallMs: median(s.map((x) => x.wallMs)), rssMb: median(s.map((x) => x.rssMb)) });
    const cw = pick(cwSamples);
    const baseline = pick(bareSamples);
    return {
      rows: [
        {
          row: `endpoints: ${n} loopback TLS endpoints, concurrency ${CONCURRENCY}`,
          certwatch: cw,
          baselineName: 'bare tls.connect loop',
          baseline,
          target: '≤ 1.5× bare loop, < 5 s',
          met: cw.wallMs <= 1.5 * baseline.wallMs && cw.wallMs < 5000,
        },
      ],
    };
  } finally {
    server.stdin!.end();
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [mode, arg, arg2] = process.argv.slice(2);
  if (mode === '--serve') return serve(Number(arg), arg2);
  if (mode === '--bare' || mode === '--certwatch') {
    const fixture = JSON.parse(readFileSync(arg, 'utf8')) as Fixture;
    const ms = mode === '--bare' ? await bare(fixture) : await certwatch(fixture);
    process.stdout.write(`__LOOP_MS=${ms.toFixed(1)} __MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
    return;
  }
  const n = mode ? Number(mode) : 1000;
  const { rows } = await benchEndpoints(n);
  const { printTable } = await import('./lib.js');
  console.log(printTable(rows));
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
