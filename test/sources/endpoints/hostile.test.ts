// Hostile and broken servers, all in one run next to a healthy endpoint: each
// ends as `unreachable` with a clear cause within its deadline, nothing hangs,
// and the healthy endpoint is unaffected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { probeEndpoints } from '../../helpers/probe-endpoints.js';
import { hierarchy, issue, keyPair, pemBlock, type Issued } from '../../helpers/pki.js';
import {
  endpointTarget,
  refusedPort,
  startHostileServer,
  startTlsServer,
  type Running,
} from '../../helpers/tls-servers.js';
import { said } from '../../helpers/said.js';
import { tempDirSync } from '../../helpers/workspace.js';
import { DAY, fromNow } from '../../helpers/clock.js';

const TIMEOUT_MS = 700;

async function hugeCertificate(): Promise<{ cert: string; key: string }> {
  const keys = await keyPair('ec256', 'huge');
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=huge.test',
    keys,
    notBefore: new Date(Date.now() - DAY),
    notAfter: fromNow(30),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    // a 1 MB private extension makes a 1 MB certificate
    extensions: [new x509.Extension('1.3.6.1.4.1.99999.1', false, new Uint8Array(1_000_000))],
  });
  return {
    cert: pemBlock('CERTIFICATE', cert.rawData),
    key: pemBlock('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)),
  };
}

async function fiftyCertChain(): Promise<{ cert: string; key: string }> {
  let ca: Issued = await issue({ cn: 'Chain CA 0', ca: true, notBefore: new Date(Date.now() - DAY), days: 60 });
  const cas = [ca];
  for (let i = 1; i < 49; i++) {
    ca = await issue({ cn: `Chain CA ${i}`, ca: true, issuer: ca, notBefore: new Date(Date.now() - DAY), days: 60 });
    cas.push(ca);
  }
  const leaf = await issue({ cn: 'long.test', issuer: ca, notBefore: new Date(Date.now() - DAY), days: 30 });
  return {
    cert:
      leaf.pem +
      cas
        .reverse()
        .map((c) => c.pem)
        .join(''),
    key: leaf.keyPem,
  };
}

test('hostile servers all end as unreachable with a clear cause, within the deadline, without affecting a healthy endpoint', async (t) => {
  const servers: Running[] = [];
  t.after(() => Promise.all(servers.map((s) => s.close())));
  const h = await hierarchy({ cn: 'fine.test', notBefore: new Date(Date.now() - DAY), days: 60 });
  const healthy = await startTlsServer({ key: h.leaf.keyPem, cert: h.leaf.chainPem });
  servers.push(healthy);
  const kinds = ['silent', 'http', 'garbage', 'close-mid-handshake', 'drip'] as const;
  const hostile: Record<string, Running> = {};
  for (const k of kinds) servers.push((hostile[k] = await startHostileServer(k)));
  const huge = await hugeCertificate();
  const hugeSrv = await startTlsServer(huge);
  servers.push(hugeSrv);
  const long = await fiftyCertChain();
  const longSrv = await startTlsServer(long);
  servers.push(longSrv);
  const closedPort = await refusedPort();

  const target = (id: string, port: number, extra = {}) =>
    endpointTarget(`127.0.0.1:${port}`, { id, timeoutMs: TIMEOUT_MS, servername: `${id}.test`, ...extra });
  const targets = [
    target('silent', hostile.silent.port),
    target('http', hostile.http.port),
    target('garbage', hostile.garbage.port),
    target('close-mid-handshake', hostile['close-mid-handshake'].port),
    target('drip', hostile.drip.port),
    target('huge', hugeSrv.port),
    target('long', longSrv.port),
    target('refused', closedPort),
    { ...endpointTarget('no-such-host.invalid:443', { id: 'nxdomain', timeoutMs: TIMEOUT_MS }) },
    target('fine', healthy.port, { servername: 'fine.test' }),
  ];
  const dir = tempDirSync('certwatch-hostile-', t);
  writeFileSync(join(dir, 'root.pem'), h.root.pem);
  const started = Date.now();
  const res = await probeEndpoints(targets, {
    concurrency: 16,
    deadline: Date.now() + 30_000,
    workspace: dir,
    defaultCaFile: join(dir, 'root.pem'),
  });
  const elapsed = Date.now() - started;

  const byTarget = new Map(res.probes.map((p) => [p.targetId, p]));
  const expect: Record<string, { phase: string; cause: RegExp }> = {
    silent: { phase: 'handshake', cause: /TLS handshake: timed out after \d+ ms/ },
    http: { phase: 'handshake', cause: /does not speak TLS on this port/ },
    garbage: { phase: 'handshake', cause: /does not speak TLS|TLS error/ },
    'close-mid-handshake': { phase: 'handshake', cause: /closed the connection during the TLS handshake/ },
    drip: { phase: 'handshake', cause: /TLS handshake: timed out/ },
    huge: { phase: 'handshake', cause: /larger than OpenSSL accepts|more than \d+ bytes/ },
    long: { phase: 'handshake', cause: /more than 20 certificates/ },
    refused: { phase: 'tcp', cause: /connection refused/ },
    nxdomain: { phase: 'dns', cause: /resolving no-such-host\.invalid: (name does not resolve|timed out)/ },
  };
  for (const [id, e] of Object.entries(expect)) {
    const p = byTarget.get(id);
    assert.ok(p, `a probe summary for ${id}`);
    assert.equal(p.ok, false, id);
    assert.equal(p.phase, e.phase, `${id}: ${p.error}`);
    assert.match(p.error!, e.cause, id);
    const finding = res.findings.find(
      (f) =>
        f.id === 'unreachable' &&
        said(f) === (id === 'nxdomain' ? said(f) : p.error) &&
        said(f).includes(id === 'nxdomain' ? 'no-such-host.invalid' : `:${targets.find((x) => x.id === id)!.port}`),
    );
    assert.ok(finding, `an unreachable finding for ${id}`);
    assert.equal(finding.severity, 'error');
  }
  assert.equal(byTarget.get('fine')?.ok, true);
  assert.deepEqual(
    res.observations.map((o) => o.cert.subjectCN),
    ['fine.test', 'Test Intermediate CA'],
  );
  assert.equal(
    res.findings.length,
    Object.keys(expect).length,
    `nothing but the expected unreachables: ${JSON.stringify(
      res.findings.map((f) => said(f)),
      null,
      1,
    )}`,
  );
  // every phase is bounded by TIMEOUT_MS; the slowest hostile server needs one phase
  assert.ok(elapsed < 4 * TIMEOUT_MS, `finished in ${elapsed} ms`);
});

test('an optional endpoint that is unreachable is a warning, not an error', async () => {
  const port = await refusedPort();
  const res = await probeEndpoints([endpointTarget(`127.0.0.1:${port}`, { optional: true })], {
    concurrency: 1,
    deadline: Date.now() + 5000,
    workspace: process.cwd(),
  });
  assert.deepEqual(
    res.findings.map((f) => [f.id, f.severity]),
    [['unreachable', 'warning']],
  );
  assert.match(said(res.findings[0]), new RegExp(`^127\\.0\\.0\\.1:${port}: TCP connect: connection refused`));
});
