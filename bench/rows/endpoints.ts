// 1,000 loopback TLS endpoints served by ONE child process (leaf + intermediate
// per port): the built CLI probes them at concurrency 64 with `revocation: off`,
// judging chain and hostname; the baseline is a bare tls.connect loop, 64 at
// once, reading the peer certificate (bench/baselines/tls-connect.mjs). Each
// endpoint has its own loopback address (127.x.y.1: Linux routes all of 127/8
// to lo) so certwatch's per-host politeness limit does not serialise the run —
// 1,000 endpoints in a real config are spread over many hosts.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { NODE, ROOT, distFile, alternate, timed, type Bench } from '../lib.js';

const SELF = fileURLToPath(import.meta.url);
const CONCURRENCY = 64;
const SERVER_START_TIMEOUT_MS = 300_000;

interface Fixture {
  endpoints: { host: string; port: number; servername: string }[];
  rootFile: string;
}

const addressFor = (i: number) => `127.${1 + (i >> 8)}.${i & 255}.1`;

/** Child: serve n endpoints until stdin closes. */
async function serve(n: number, dir: string): Promise<void> {
  const { hierarchy, issue } = await import('../../test/helpers/pki.js');
  const { DAY } = await import('../../test/helpers/clock.js');
  const now = Date.now();
  const h = await hierarchy({ cn: 'bench-0.test', notBefore: new Date(now - DAY), days: 60 }, 'Bench');
  const servers: tls.Server[] = [];
  const endpoints: Fixture['endpoints'] = [];
  for (let i = 0; i < n; i++) {
    const leaf =
      i === 0
        ? h.leaf
        : await issue({
            cn: `bench-${i}.test`,
            issuer: h.intermediate,
            notBefore: new Date(now - DAY),
            days: 30 + (i % 60),
          });
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
  process.stdin.resume();
  process.stdin.on('end', () => {
    for (const s of servers) s.close();
    process.exit(0);
  });
}

export const bench: Bench = {
  name: 'endpoints',
  order: 30,
  async run(o) {
    const n = o.quick ? 200 : 1000;
    const dir = mkdtempSync(path.join(tmpdir(), 'certwatch-bench-endpoints-'));
    const server = spawn(NODE, ['--import', 'tsx', SELF, '--serve', String(n), dir], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    try {
      const fixtureFile = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error('bench TLS server did not start')), SERVER_START_TIMEOUT_MS);
        server.stdout.on('data', (d) => {
          out += d;
          const m = /READY (.+)\n/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        server.once('exit', (code) => reject(new Error(`bench TLS server exited (${code})`)));
      });
      const fixture = JSON.parse(readFileSync(fixtureFile, 'utf8')) as Fixture;
      const config = path.join(dir, 'certwatch.yml');
      writeFileSync(
        config,
        [
          'version: 1',
          'defaults:',
          '  revocation: off',
          `  concurrency: ${CONCURRENCY}`,
          `  ca-file: ${fixture.rootFile}`,
          'ari:',
          '  enabled: false',
          'endpoints:',
          ...fixture.endpoints.map((e) => `  - { host: "${e.host}", port: ${e.port}, servername: "${e.servername}" }`),
          '',
        ].join('\n'),
      );
      const report = path.join(dir, 'report.json');
      const sides = await alternate(o.runs, {
        certwatch: () =>
          timed(NODE, [distFile('cli.js'), 'check', '--workspace', dir, '--config', config, '--format', 'json'], {
            stdoutFile: report,
            okCodes: [0, 1],
          }),
        baseline: () =>
          timed(NODE, [path.join(ROOT, 'bench/baselines/tls-connect.mjs'), fixtureFile, String(CONCURRENCY)], {
            stdoutFile: path.join(dir, 'baseline.json'),
          }),
      });
      // Correct as well as fast: every endpoint answered, chain and name judged good.
      const rep = JSON.parse(readFileSync(report, 'utf8')) as {
        endpoints?: { ok: boolean; trusted: boolean }[];
        certificates: { findings: { id: string }[] }[];
      };
      const probes = rep.endpoints ?? [];
      const bad = rep.certificates
        .flatMap((c) => c.findings)
        .filter((f) => f.id === 'untrusted-chain' || f.id === 'hostname-mismatch' || f.id === 'unreachable');
      const correct = probes.length === n && probes.every((p) => p.ok && p.trusted) && bad.length === 0;
      const ratio = sides.certwatch.wallMs / sides.baseline.wallMs;
      return [
        {
          row: `endpoints: ${n.toLocaleString('en')} loopback TLS endpoints, concurrency ${CONCURRENCY}`,
          certwatchName: '`certwatch check --format json`, revocation off',
          certwatch: sides.certwatch,
          baselineName: '`tls.connect`, 64 at once, reading the peer certificate',
          baseline: sides.baseline,
          ratio,
          target: '≤ 1.3×',
          met: ratio <= 1.3 && correct,
          note: correct
            ? undefined
            : `certwatch's report is wrong: ${probes.filter((p) => p.ok).length}/${n} probes ok, ${bad.length} chain/name findings`,
        },
      ];
    } finally {
      server.stdin!.end();
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

if (process.argv[2] === '--serve' && path.resolve(process.argv[1] ?? '') === SELF) {
  serve(Number(process.argv[3]), process.argv[4]).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
