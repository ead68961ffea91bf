// The HTTP client every revocation fetch goes through: proxies from the
// environment, deadlines, timeouts, byte caps, and messages that say what was
// being attempted.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { closeHttp, FetchError, httpFetch } from '../../src/net/http-fetch.js';
import { fetchFailure } from '../../src/report/text/fetch-failure.js';
import { send, slow, startServer, type TestServer } from '../helpers/revocation-fixtures.js';

let srv: TestServer;
let proxy: TestServer;
const seenByProxy: string[] = [];
const savedEnv = { ...process.env };

before(async () => {
  srv = await startServer();
  srv.routes.set('/hello', send('direct'));
  proxy = await startServer();
  // A forward proxy receives absolute-form request targets (RFC 9112 §3.2.2).
  proxy.prefixes.set('http://', (req, res, body) => {
    seenByProxy.push(req.url ?? '');
    return send('via proxy')(req, res, body);
  });
});
afterEach(async () => {
  for (const k of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  await closeHttp(); // the agent reads the environment when created
});
after(async () => {
  await srv.close();
  await proxy.close();
});

/** A rejection with a FetchError whose sentence (as findings say it) matches. */
function failsSaying(re: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof FetchError, `not a FetchError: ${e}`);
    assert.match(fetchFailure(e.failure), re);
    return true;
  };
}

describe('httpFetch', () => {
  test('HTTP_PROXY is honoured', async () => {
    await closeHttp();
    process.env.HTTP_PROXY = proxy.base;
    process.env.http_proxy = proxy.base;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const r = await httpFetch(`${srv.base}/hello`, { timeoutMs: 2000, maxBytes: 1000 });
    assert.equal(r.body.toString(), 'via proxy');
    assert.deepEqual(seenByProxy, [`${srv.base}/hello`], 'absolute-form request, no CONNECT tunnel for plain http');
  });

  test('NO_PROXY exempts a host', async () => {
    await closeHttp();
    process.env.HTTP_PROXY = proxy.base;
    process.env.http_proxy = proxy.base;
    process.env.NO_PROXY = '127.0.0.1';
    process.env.no_proxy = '127.0.0.1';
    const r = await httpFetch(`${srv.base}/hello`, { timeoutMs: 2000, maxBytes: 1000 });
    assert.equal(r.body.toString(), 'direct');
  });

  test('a proxy that never answers CONNECT cannot hold the fetch past its timeout', async () => {
    await closeHttp();
    process.env.HTTPS_PROXY = proxy.base;
    process.env.https_proxy = proxy.base;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const t0 = Date.now();
    await assert.rejects(
      httpFetch('https://127.0.0.1:1/never', { timeoutMs: 300, maxBytes: 100 }),
      failsSaying(/timed out/),
    );
    assert.ok(Date.now() - t0 < 2000, `took ${Date.now() - t0} ms`);
  });

  test('only http and https URLs are fetched', async () => {
    await assert.rejects(
      httpFetch('ldap://ldap.example/cn=crl', { timeoutMs: 1000, maxBytes: 10, what: 'fetching CRL' }),
      failsSaying(
        /^fetching CRL ldap:\/\/ldap\.example\/cn=crl: ldap:\/\/ URLs are not fetched \(only http and https\)$/,
      ),
    );
    await assert.rejects(
      httpFetch('file:///etc/passwd', { timeoutMs: 1000, maxBytes: 10 }),
      failsSaying(/file:\/\/ URLs are not fetched/),
    );
  });

  test('nothing starts after the deadline', async () => {
    const before = srv.hits.get('/hello') ?? 0;
    await assert.rejects(
      httpFetch(`${srv.base}/hello`, { timeoutMs: 1000, maxBytes: 100, deadline: Date.now() - 1 }),
      failsSaying(/: not started, the run's deadline has passed$/),
    );
    assert.equal(srv.hits.get('/hello') ?? 0, before);
  });

  test('a server that never answers is cut off by the timeout', async () => {
    srv.routes.set('/stall', slow(5000, send('late')));
    const t0 = Date.now();
    await assert.rejects(
      httpFetch(`${srv.base}/stall`, { timeoutMs: 200, maxBytes: 100, what: 'fetching CRL' }),
      failsSaying(/^fetching CRL http:\/\/127\.0\.0\.1:\d+\/stall: timed out/),
    );
    assert.ok(Date.now() - t0 < 2000);
  });

  test('HTTP errors name the URL and status', async () => {
    srv.routes.set('/e', send('no', 'text/plain', 500));
    await assert.rejects(
      httpFetch(`${srv.base}/e`, { timeoutMs: 1000, maxBytes: 100, what: 'fetching CRL' }),
      (e: unknown) => {
        failsSaying(/^fetching CRL http:\/\/127\.0\.0\.1:\d+\/e: HTTP 500$/)(e);
        assert.equal((e as FetchError).status, 500);
        assert.deepEqual((e as FetchError).failure, {
          reason: 'http-status',
          status: 500,
          action: 'fetching CRL',
          url: `${srv.base}/e`,
        });
        return true;
      },
    );
  });

  test('a body over the cap is aborted mid-stream', async () => {
    srv.routes.set('/big', (_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < 100; i++) res.write(Buffer.alloc(1024));
      res.end();
    });
    await assert.rejects(
      httpFetch(`${srv.base}/big`, { timeoutMs: 1000, maxBytes: 10_000 }),
      failsSaying(/: response exceeds the 10000-byte limit \(aborted after \d+ bytes\)$/),
    );
  });

  test('redirects are followed a bounded number of times', async () => {
    srv.routes.set('/moved', send('', 'text/plain', 302, { location: '/hello' }));
    assert.equal((await httpFetch(`${srv.base}/moved`, { timeoutMs: 1000, maxBytes: 100 })).body.toString(), 'direct');
    srv.routes.set('/loop', send('', 'text/plain', 302, { location: '/loop' }));
    await assert.rejects(httpFetch(`${srv.base}/loop`, { timeoutMs: 1000, maxBytes: 100 }));
  });
});
