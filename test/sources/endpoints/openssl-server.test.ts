// Against `openssl s_server` — an independent TLS implementation — serving
// certificates made by `openssl req` / `openssl x509`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { probeEndpoints } from '../../helpers/probe-endpoints.js';
import { endpointTarget, opensslPki, startOpenSslServer } from '../../helpers/tls-servers.js';
import { said } from '../../helpers/said.js';

const pki = opensslPki('ossl.test');
process.on('exit', () => pki.cleanup());
const opts = () => ({ concurrency: 2, deadline: Date.now() + 10_000, workspace: pki.dir, defaultCaFile: pki.rootFile });

test('openssl s_server with leaf + intermediate: chain observed as sent, trusted through the ca-file root', async (t) => {
  const srv = await startOpenSslServer({
    certFile: pki.leafFile,
    keyFile: pki.keyFile,
    extra: ['-cert_chain', `${pki.dir}/int.pem`],
  });
  t.after(() => srv.close());
  const res = await probeEndpoints([endpointTarget(`127.0.0.1:${srv.port}`, { servername: 'ossl.test' })], opts());
  assert.deepEqual(res.findings, []);
  assert.deepEqual(
    res.observations.map((o) => o.cert.subjectCN),
    ['ossl.test', 'OpenSSL Test Intermediate'],
  );
  assert.equal(res.probes[0].tlsVersion, 'TLSv1.3');
  assert.equal(res.probes[0].authorized, true);
});

test('openssl s_server sending only the leaf fails with untrusted-chain (missing intermediate)', async (t) => {
  const srv = await startOpenSslServer({ certFile: pki.leafFile, keyFile: pki.keyFile });
  t.after(() => srv.close());
  const res = await probeEndpoints([endpointTarget(`127.0.0.1:${srv.port}`, { servername: 'ossl.test' })], opts());
  assert.deepEqual(
    res.findings.map((f) => f.id),
    ['untrusted-chain'],
  );
  assert.match(said(res.findings[0]), /did not send the intermediate.*OpenSSL Test Intermediate/);
  assert.equal(res.probes[0].opensslError, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', "OpenSSL's own verdict agrees");
});

test('openssl s_server limited to TLS 1.2 is still probed, and the name mismatch is found', async (t) => {
  const srv = await startOpenSslServer({
    certFile: pki.leafFile,
    keyFile: pki.keyFile,
    extra: ['-cert_chain', `${pki.dir}/int.pem`, '-tls1_2'],
  });
  t.after(() => srv.close());
  const res = await probeEndpoints([endpointTarget(`127.0.0.1:${srv.port}`, { servername: 'other.test' })], opts());
  assert.equal(res.probes[0].tlsVersion, 'TLSv1.2');
  assert.deepEqual(
    res.findings.map((f) => f.id),
    ['hostname-mismatch'],
  );
  assert.match(said(res.findings[0]), /covers ossl\.test, not "other\.test"/);
});
