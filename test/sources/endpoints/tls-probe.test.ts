// collectEndpoints against real Node TLS servers on loopback. Certificates are
// valid around the real clock because OpenSSL's handshake uses it.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { probeEndpoints } from '../../helpers/probe-endpoints.js';
import type { EndpointLocation } from '../../../src/types.js';
import { hierarchy, issue } from '../../helpers/pki.js';
import { endpointTarget, startTlsServer } from '../../helpers/tls-servers.js';
import { said } from '../../helpers/said.js';
import { tempDirSync } from '../../helpers/workspace.js';
import { DAY, fromNow } from '../../helpers/clock.js';

const realNow = () => new Date(Date.now() - DAY);
const hasIPv6 = await import('node:net').then(
  (net) =>
    new Promise<boolean>((resolve) => {
      const s = net.createServer().listen(0, '::1', () => s.close(() => resolve(true)));
      s.on('error', () => resolve(false));
    }),
);

function workspace(t: TestContext, rootPem?: string): { dir: string; caFile?: string } {
  const dir = tempDirSync('certwatch-ws-', t);
  if (!rootPem) return { dir };
  mkdirSync(join(dir, 'certs'));
  writeFileSync(join(dir, 'certs/private-root.pem'), rootPem);
  return { dir, caFile: join(dir, 'certs/private-root.pem') };
}

const run = (targets: Parameters<typeof probeEndpoints>[0], ws: { dir: string; caFile?: string }) =>
  probeEndpoints(targets, {
    concurrency: 8,
    deadline: Date.now() + 20_000,
    workspace: ws.dir,
    defaultCaFile: ws.caFile,
  });

test('a healthy endpoint yields one observation per served certificate with its endpoint location, and no finding', async (t) => {
  const h = await hierarchy({ cn: 'good.test', notBefore: realNow(), days: 60 });
  const srv = await startTlsServer({ key: h.leaf.keyPem, cert: h.leaf.chainPem });
  t.after(() => srv.close());
  const ws = workspace(t, h.root.pem);
  const target = endpointTarget(`127.0.0.1:${srv.port}`, {
    servername: 'good.test',
    owner: '@example/web',
    thresholds: { warnWithin: { kind: 'absolute', ms: 5 * DAY, text: '5d' } },
    source: { file: '.github/certwatch.yml', line: 7 },
  });
  const res = await run([target], ws);
  assert.deepEqual(res.findings, []);
  assert.equal(res.observations.length, 2);
  const [leaf, int] = res.observations;
  assert.equal(leaf.cert.subjectCN, 'good.test');
  assert.equal(leaf.role, 'leaf');
  assert.equal(int.cert.subjectCN, 'Test Intermediate CA');
  assert.equal(int.role, 'intermediate');
  assert.deepEqual(leaf.location, {
    type: 'endpoint',
    host: '127.0.0.1',
    port: srv.port,
    address: '127.0.0.1',
    servername: 'good.test',
    protocol: 'tls',
    chainIndex: 0,
    configFile: '.github/certwatch.yml',
    configLine: 7,
  } satisfies EndpointLocation);
  assert.equal((int.location as EndpointLocation).chainIndex, 1);
  assert.equal(leaf.owner, '@example/web');
  assert.equal(leaf.thresholds?.warnWithin?.text, '5d');
  assert.deepEqual(
    leaf.companions?.map((c) => c.subjectCN),
    ['Test Intermediate CA'],
  );
  assert.equal(leaf.offPath, undefined);
  assert.deepEqual(srv.servernames, ['good.test'], 'SNI carried the servername');
  const [probe] = res.probes;
  assert.equal(probe.ok, true);
  assert.equal(probe.authorized, true);
  assert.equal(probe.chainLength, 2);
  assert.equal(probe.tlsVersion, 'TLSv1.3');
  assert.ok(probe.cipher && probe.cipher.length > 0);
});

test('the chain is recorded as the server sent it: the trusted root is not appended, a stray certificate is kept off-path', async (t) => {
  const h = await hierarchy({ cn: 'asis.test', notBefore: realNow(), days: 60 });
  const stray = await issue({
    cn: 'Stray Expired CA',
    ca: true,
    notBefore: fromNow(-400),
    days: 100,
  });
  const srv = await startTlsServer({ key: h.leaf.keyPem, cert: h.leaf.pem + stray.pem + h.intermediate.pem });
  t.after(() => srv.close());
  const res = await run(
    [endpointTarget(`tls://asis.test:${srv.port}`, { host: '127.0.0.1', servername: 'asis.test' })],
    workspace(t, h.root.pem),
  );
  assert.deepEqual(res.findings, []);
  assert.deepEqual(
    res.observations.map((o) => o.cert.subjectCN),
    ['asis.test', 'Stray Expired CA', 'Test Intermediate CA'],
  );
  assert.deepEqual(
    res.observations.map((o) => o.offPath ?? false),
    [false, true, false],
  );
  assert.equal(res.observations[1].role, 'root', 'a self-issued CA is a root');
});

test('a stapled OCSP response is kept on the leaf observation only', async (t) => {
  const h = await hierarchy({ cn: 'staple.test', notBefore: realNow(), days: 60 });
  const staple = Buffer.from('30030a0100', 'hex'); // any bytes: the probe keeps them, the revocation check judges them
  const srv = await startTlsServer({ key: h.leaf.keyPem, cert: h.leaf.chainPem, ocsp: staple });
  t.after(() => srv.close());
  const res = await run(
    [endpointTarget(`127.0.0.1:${srv.port}`, { servername: 'staple.test' })],
    workspace(t, h.root.pem),
  );
  assert.deepEqual(res.observations[0].stapledOcsp, staple);
  assert.equal(res.observations[1].stapledOcsp, undefined);
  assert.equal(res.probes[0].stapledOcsp, true);
});

test('a server whose chain misses the intermediate fails with untrusted-chain', async (t) => {
  const h = await hierarchy({
    cn: 'lazy.test',
    notBefore: realNow(),
    days: 60,
    caIssuersUrl: 'http://ca.invalid/int.cer',
  });
  const srv = await startTlsServer({ key: h.leaf.keyPem, cert: h.leaf.pem });
  t.after(() => srv.close());
  const res = await run(
    [endpointTarget(`127.0.0.1:${srv.port}`, { servername: 'lazy.test' })],
    workspace(t, h.root.pem),
  );
  assert.equal(res.findings.length, 1);
  const [f] = res.findings;
  assert.equal(f.id, 'untrusted-chain');
  assert.equal(f.severity, 'error');
  assert.equal(f.fingerprint, res.observations[0].cert.fingerprint);
  assert.equal((f.location as EndpointLocation).port, srv.port);
  assert.match(
    said(f),
    new RegExp(
      `^lazy\\.test via 127\\.0\\.0\\.1:${srv.port}: certificate chain is not trusted: the server did not send the intermediate`,
    ),
  );
  assert.match(said(f), /AIA \(http:\/\/ca\.invalid\/int\.cer\)/);
  assert.equal(res.probes[0].authorized, false);
  assert.equal(res.probes[0].authorizationError, 'missing-intermediate');
});

test('a certificate for another name fails with hostname-mismatch', async (t) => {
  const h = await hierarchy({ cn: 'www.example.test', notBefore: realNow(), days: 60 });
  const srv = await startTlsServer({ key: h.leaf.keyPem, cert: h.leaf.chainPem });
  t.after(() => srv.close());
  const res = await run(
    [endpointTarget(`127.0.0.1:${srv.port}`, { servername: 'api.example.test' })],
    workspace(t, h.root.pem),
  );
  assert.deepEqual(
    res.findings.map((f) => f.id),
    ['hostname-mismatch'],
  );
  assert.match(
    said(res.findings[0]),
    /hostname mismatch: the certificate covers www\.example\.test, not "api\.example\.test"/,
  );
  assert.equal(res.findings[0].fingerprint, res.observations[0].cert.fingerprint);
});

test('a self-signed certificate fails with untrusted-chain naming self-signed', async (t) => {
  const self = await issue({ cn: 'selfie.test', notBefore: realNow(), days: 60 });
  const srv = await startTlsServer({ key: self.keyPem, cert: self.pem });
  t.after(() => srv.close());
  const res = await run([endpointTarget(`127.0.0.1:${srv.port}`, { servername: 'selfie.test' })], workspace(t));
  assert.deepEqual(
    res.findings.map((f) => f.id),
    ['untrusted-chain'],
  );
  assert.match(said(res.findings[0]), /"selfie\.test" is self-signed/);
  assert.equal(res.observations[0].role, 'leaf');
});

test('a private CA is untrusted without ca-file and trusted with it; a per-endpoint ca-file (workspace-relative) overrides the default', async (t) => {
  const h = await hierarchy({ cn: 'intranet.test', notBefore: realNow(), days: 60 }, 'Private');
  const srv = await startTlsServer({ key: h.leaf.keyPem, cert: h.leaf.chainPem });
  t.after(() => srv.close());
  const ws = workspace(t, h.root.pem);
  const target = endpointTarget(`127.0.0.1:${srv.port}`, { servername: 'intranet.test' });
  const without = await probeEndpoints([target], {
    concurrency: 2,
    deadline: Date.now() + 10_000,
    workspace: ws.dir,
  });
  assert.deepEqual(
    without.findings.map((f) => f.id),
    ['untrusted-chain'],
  );
  assert.match(said(without.findings[0]), /unknown issuer.*Private Root CA.*ca-file/);
  const withCa = await probeEndpoints([{ ...target, caFile: 'certs/private-root.pem' }], {
    concurrency: 2,
    deadline: Date.now() + 10_000,
    workspace: ws.dir,
  });
  assert.deepEqual(withCa.findings, []);
});

test('an unreadable ca-file is reported once as a config finding and probing goes on with the bundled roots', async (t) => {
  const h = await hierarchy({ cn: 'cfg.test', notBefore: realNow(), days: 60 });
  const srv = await startTlsServer({ key: h.leaf.keyPem, cert: h.leaf.chainPem });
  t.after(() => srv.close());
  const ws = workspace(t);
  const target = endpointTarget(`127.0.0.1:${srv.port}`, { servername: 'cfg.test', caFile: 'certs/missing.pem' });
  const res = await probeEndpoints([target, { ...target, id: 'second' }], {
    concurrency: 2,
    deadline: Date.now() + 10_000,
    workspace: ws.dir,
  });
  const config = res.findings.filter((f) => f.id === 'config');
  assert.equal(config.length, 1);
  assert.match(said(config[0]), /cannot read ca-file .*missing\.pem/);
  assert.equal(res.observations.length, 4, 'both endpoints still observed');
});

test('an IP endpoint sends no SNI and is checked against the IP SANs', async (t) => {
  const h = await hierarchy({ cn: 'ip cert', sans: ['127.0.0.1'], notBefore: realNow(), days: 60 });
  const srv = await startTlsServer({ key: h.leaf.keyPem, cert: h.leaf.chainPem });
  t.after(() => srv.close());
  const res = await run([endpointTarget(`127.0.0.1:${srv.port}`)], workspace(t, h.root.pem));
  assert.deepEqual(res.findings, []);
  assert.equal(res.observations.length, 2, 'the handshake happened');
  assert.deepEqual(srv.servernames, [], 'no SNI for an IP literal');
  assert.equal((res.observations[0].location as EndpointLocation).servername, undefined);
});

test('an IPv6 loopback endpoint written as [::1]:port is probed', {
  skip: !hasIPv6 && 'no IPv6 loopback here',
}, async (t) => {
  const h = await hierarchy({ cn: 'v6.test', sans: ['::1'], notBefore: realNow(), days: 60 });
  const srv = await startTlsServer({ key: h.leaf.keyPem, cert: h.leaf.chainPem, host: '::1' });
  t.after(() => srv.close());
  const res = await run([endpointTarget(`[::1]:${srv.port}`)], workspace(t, h.root.pem));
  assert.deepEqual(res.findings, []);
  assert.equal((res.observations[0].location as EndpointLocation).address, '::1');
});
