// Run-level behaviour of collectEndpoints: stable order, the run deadline,
// every address behind a name and the drift between them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import net from 'node:net';
import { probeEndpoints } from '../../helpers/probe-endpoints.js';
import { addressDrift } from '../../../src/checks/address-drift.js';
import { parseCertificate } from '../../../src/x509/parse-certificate.js';
import type { EndpointLocation } from '../../../src/types.js';
import { hierarchy, issue } from '../../helpers/pki.js';
import {
  endpointTarget,
  startHostileServer,
  startStartTlsServer,
  startTlsServer,
  type Running,
} from '../../helpers/tls-servers.js';
import { said } from '../../helpers/said.js';
import { tempDirSync } from '../../helpers/workspace.js';
import { DAY, fromNow } from '../../helpers/clock.js';

const h = await hierarchy({
  cn: 'svc.test',
  sans: ['svc.test', 'drift.test'],
  notBefore: new Date(Date.now() - DAY),
  days: 60,
});
const dir = tempDirSync('certwatch-collect-');
writeFileSync(join(dir, 'root.pem'), h.root.pem);
const base = { workspace: dir, defaultCaFile: join(dir, 'root.pem') };

test('results come back in target order whatever order the probes finish in', async (t) => {
  const servers: Running[] = [];
  t.after(() => Promise.all(servers.map((s) => s.close())));
  const leaves = [];
  for (let i = 0; i < 6; i++) {
    const leaf = await issue({
      cn: `svc${i}.test`,
      issuer: h.intermediate,
      notBefore: new Date(Date.now() - DAY),
      days: 30,
    });
    leaves.push(leaf);
    servers.push(await startTlsServer({ key: leaf.keyPem, cert: leaf.chainPem }));
  }
  // the first target is slow (a STARTTLS dialogue), so it finishes after the others
  const slow = await startStartTlsServer('xmpp', 'ok', { key: leaves[0].keyPem, cert: leaves[0].chainPem });
  servers.push(slow);
  const targets = [
    endpointTarget(`xmpp://127.0.0.1:${slow.port}`, { id: 'svc0', servername: 'svc0.test' }),
    ...servers
      .slice(1, 6)
      .map((s, i) => endpointTarget(`127.0.0.1:${s.port}`, { id: `svc${i + 1}`, servername: `svc${i + 1}.test` })),
  ];
  const res = await probeEndpoints(targets, { ...base, concurrency: 3, deadline: Date.now() + 10_000 });
  assert.deepEqual(res.findings, []);
  assert.deepEqual(
    res.probes.map((p) => p.targetId),
    ['svc0', 'svc1', 'svc2', 'svc3', 'svc4', 'svc5'],
  );
  assert.deepEqual(
    res.observations.filter((o) => o.role === 'leaf').map((o) => o.cert.subjectCN),
    ['svc0.test', 'svc1.test', 'svc2.test', 'svc3.test', 'svc4.test', 'svc5.test'],
  );
});

test('targets not started before the run deadline are reported not-checked; a probe running at the deadline is stopped', async (t) => {
  const silent = await startHostileServer('silent');
  t.after(() => silent.close());
  const targets = [0, 1, 2].map((i) => endpointTarget(`127.0.0.1:${silent.port}`, { id: `t${i}`, timeoutMs: 10_000 }));
  const started = Date.now();
  // one connection at a time: the first probe hangs until the deadline, the others never start
  const res = await probeEndpoints(targets, { ...base, concurrency: 1, deadline: Date.now() + 400 });
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 1500, `stopped at the deadline, not the 10 s timeout (${elapsed} ms)`);
  assert.deepEqual(
    res.findings.map((f) => [f.id, f.severity]),
    [
      ['not-checked', 'notice'],
      ['not-checked', 'notice'],
      ['not-checked', 'notice'],
    ],
  );
  assert.match(said(res.findings[0]), /stopped by the run deadline/);
  assert.match(said(res.findings[1]), /the run deadline passed before it was started/);
  assert.equal(silent.accepted(), 1, 'only the first target ever connected');
});

test('an endpoint whose addresses serve different certificates gets address-drift naming the stale address', async (t) => {
  const hasV6 = await new Promise<boolean>((resolve) => {
    const s = net.createServer().listen(0, '::1', () => s.close(() => resolve(true)));
    s.on('error', () => resolve(false));
  });
  if (!hasV6) return t.skip('no IPv6 loopback');
  const stale = await issue({
    cn: 'drift.test',
    issuer: h.intermediate,
    notBefore: fromNow(-50),
    days: 60,
  });
  const fresh = await issue({
    cn: 'drift.test',
    issuer: h.intermediate,
    notBefore: new Date(Date.now() - DAY),
    days: 60,
  });
  const v4 = await startTlsServer({ key: fresh.keyPem, cert: fresh.chainPem });
  t.after(() => v4.close());
  const v6 = await startTlsServer({ key: stale.keyPem, cert: stale.chainPem, host: '::1', port: v4.port });
  t.after(() => v6.close());
  // drift.test has an A and an AAAA record, both on loopback (never real DNS)
  const lookup = async () => [
    { address: '::1', family: 6 },
    { address: '127.0.0.1', family: 4 },
  ];
  const target = endpointTarget(`drift.test:${v4.port}`, { allAddresses: true });
  const res = await probeEndpoints([target], { ...base, concurrency: 4, deadline: Date.now() + 10_000, lookup });
  assert.deepEqual(
    res.probes.map((p) => p.address),
    ['127.0.0.1', '::1'],
    'per-address results, IPv4 first',
  );
  assert.deepEqual(
    res.findings.map((f) => f.id),
    ['address-drift'],
  );
  const f = res.findings[0];
  assert.equal(f.severity, 'error');
  assert.match(said(f), /stale: ::1 \(serves "drift\.test"/);
  assert.match(said(f), /Replace the certificate on ::1\.$/);
  assert.equal(f.fingerprint, parseCertificate(stale.der).fingerprint);
  assert.equal((f.location as EndpointLocation).address, '::1');
  // without all-addresses only the first address is probed and no drift can be seen
  const one = await probeEndpoints([{ ...target, allAddresses: false }], {
    ...base,
    concurrency: 4,
    deadline: Date.now() + 10_000,
    lookup,
  });
  assert.equal(one.probes.length, 1);
  assert.deepEqual(one.findings, []);
});

test('addresses serving the same certificate are no drift', async () => {
  const leaf = parseCertificate(h.leaf.der);
  const loc = (address: string): EndpointLocation => ({
    type: 'endpoint',
    host: 'x',
    port: 443,
    address,
    protocol: 'tls',
  });
  assert.deepEqual(
    addressDrift({ host: 'x', port: 443 }, [
      { address: '10.0.0.1', leaf, location: loc('10.0.0.1') },
      { address: '10.0.0.2', leaf, location: loc('10.0.0.2') },
    ]),
    [],
  );
});
