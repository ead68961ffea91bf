// HTTPS_PROXY / NO_PROXY: probes go through an HTTP CONNECT proxy unless exempt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { probeEndpoints } from '../../helpers/probe-endpoints.js';
import { proxyFor, type ProxyConfigError } from '../../../src/sources/endpoints/proxy-env.js';
import { probeCause } from '../../../src/report/text/probe-cause.js';
import { hierarchy } from '../../helpers/pki.js';
import { endpointTarget, startConnectProxy, startStartTlsServer, startTlsServer } from '../../helpers/tls-servers.js';
import { said } from '../../helpers/said.js';
import { tempDirSync } from '../../helpers/workspace.js';
import { DAY } from '../../helpers/clock.js';

test('NO_PROXY exempts hosts the way curl reads it', () => {
  const env = {
    HTTPS_PROXY: 'http://proxy.example:3128',
    NO_PROXY: 'internal.example, .corp.example,10.0.0.0/8,[::1]:8443,db.example:5432',
  };
  assert.equal(proxyFor('example.com', 443, env)?.host, 'proxy.example:3128');
  assert.equal(proxyFor('internal.example', 443, env), undefined);
  assert.equal(proxyFor('api.internal.example', 443, env), undefined, 'subdomains are covered');
  assert.equal(proxyFor('notinternal.example', 443, env)?.host, 'proxy.example:3128', 'suffix must match at a dot');
  assert.equal(proxyFor('a.corp.example', 443, env), undefined);
  assert.equal(proxyFor('10.1.2.3', 443, env), undefined, 'CIDR');
  assert.equal(proxyFor('11.1.2.3', 443, env)?.hostname, 'proxy.example');
  assert.equal(proxyFor('::1', 8443, env), undefined);
  assert.ok(proxyFor('::1', 443, env), 'port-specific entry');
  assert.equal(proxyFor('db.example', 5432, env), undefined);
  assert.ok(proxyFor('db.example', 5433, env));
  assert.equal(proxyFor('anything', 443, { https_proxy: 'proxy:8080', no_proxy: '*' }), undefined);
  assert.equal(
    proxyFor('anything', 443, { https_proxy: 'proxy:8080' })?.href,
    'http://proxy:8080/',
    'scheme-less proxy means http://',
  );
  assert.equal(proxyFor('anything', 443, {}), undefined);
  assert.throws(
    () => proxyFor('anything', 443, { HTTPS_PROXY: 'socks5://p:1080' }),
    (e: ProxyConfigError) => /only http:\/\/ proxies/.test(probeCause({ reason: 'proxy-config', problem: e.problem })),
  );
});

test('with HTTPS_PROXY set, TLS and STARTTLS probes tunnel through CONNECT and still see the certificate', async (t) => {
  const h = await hierarchy({ cn: 'behind.test', notBefore: new Date(Date.now() - DAY), days: 60 });
  const dir = tempDirSync('certwatch-proxy-', t);
  writeFileSync(join(dir, 'root.pem'), h.root.pem);
  const tlsSrv = await startTlsServer({ key: h.leaf.keyPem, cert: h.leaf.chainPem });
  t.after(() => tlsSrv.close());
  const smtp = await startStartTlsServer('smtp', 'ok', { key: h.leaf.keyPem, cert: h.leaf.chainPem });
  t.after(() => smtp.close());
  const proxy = await startConnectProxy();
  t.after(() => proxy.close());
  const env = { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` };
  const targets = [
    endpointTarget(`127.0.0.1:${tlsSrv.port}`, { servername: 'behind.test' }),
    endpointTarget(`smtp://127.0.0.1:${smtp.port}`, { servername: 'behind.test' }),
  ];
  const res = await probeEndpoints(targets, {
    concurrency: 2,
    deadline: Date.now() + 10_000,
    workspace: dir,
    defaultCaFile: join(dir, 'root.pem'),
    env,
  });
  assert.deepEqual(res.findings, []);
  assert.deepEqual(proxy.requests.sort(), [`127.0.0.1:${smtp.port}`, `127.0.0.1:${tlsSrv.port}`].sort());
  assert.deepEqual(
    res.probes.map((p) => p.proxy),
    [`127.0.0.1:${proxy.port}`, `127.0.0.1:${proxy.port}`],
  );
  assert.equal(res.observations.filter((o) => o.role === 'leaf').length, 2);

  // NO_PROXY for that address: direct, the proxy sees nothing new
  const before = proxy.requests.length;
  const direct = await probeEndpoints([targets[0]], {
    concurrency: 1,
    deadline: Date.now() + 10_000,
    workspace: dir,
    defaultCaFile: join(dir, 'root.pem'),
    env: { ...env, NO_PROXY: '127.0.0.1' },
  });
  assert.deepEqual(direct.findings, []);
  assert.equal(proxy.requests.length, before);
});

test('a proxy that refuses the CONNECT makes the endpoint unreachable, naming the proxy and its answer', async (t) => {
  const proxy = await startConnectProxy({ refuse: true });
  t.after(() => proxy.close());
  const res = await probeEndpoints([endpointTarget('127.0.0.1:443')], {
    concurrency: 1,
    deadline: Date.now() + 5000,
    workspace: process.cwd(),
    env: { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` },
  });
  assert.equal(res.probes[0].phase, 'proxy');
  assert.match(
    said(res.findings[0]),
    new RegExp(`proxy 127\\.0\\.0\\.1:${proxy.port} \\(CONNECT 127\\.0\\.0\\.1:443\\): proxy refused: 403 Forbidden`),
  );
});
