// Endpoint failures, end to end through the bundled CLI (dist/cli.js): one
// loopback server (or missing one) per way a probe fails — nothing listening,
// plain HTTP where TLS was expected, a server that never answers, an SMTP
// server that does not offer or refuses STARTTLS, a ca-file that cannot be
// read, HTTPS_PROXY that is not an http:// proxy, the network policy's
// refusal — and the exact sentence the JSON report's `message` and
// `endpoints[].error` carry for it, with the typed cause beside it. The
// sentences are the probes' words from before their failures became data
// (issue 10: outputs stay identical). The policy's refusal goes through the
// built action too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hierarchy } from '../helpers/pki.js';
import { emptyWorkspace } from '../helpers/workspace.js';
import { runBuiltCli } from '../helpers/run-cli.js';
import { runAction } from '../helpers/run-action.js';
import { fromNow } from '../helpers/clock.js';
import { refusedPort, startHostileServer, startStartTlsServer } from '../helpers/tls-servers.js';
import type { Report } from '../../src/report/report-types.js';

test('the built CLI says why each endpoint failed, with the cause as data beside it', async (t) => {
  const h = await hierarchy({ cn: 'mail.test', notBefore: fromNow(-1), notAfter: fromNow(60) });
  const cred = { key: h.leaf.keyPem, cert: h.leaf.chainPem };
  const http = await startHostileServer('http');
  const silent = await startHostileServer('silent');
  const noStartTls = await startStartTlsServer('smtp', 'not-offered', cred);
  const refusing = await startStartTlsServer('smtp', 'refuse', cred);
  t.after(() => Promise.all([http, silent, noStartTls, refusing].map((s) => s.close())));
  const closed = await refusedPort();

  const ws = await emptyWorkspace(t);
  const endpoint = (port: number, extra = '') => `  - host: 127.0.0.1\n    port: ${port}\n${extra}`;
  await ws.write(
    '.github/certwatch.yml',
    [
      'version: 1',
      'files: []',
      'endpoints:',
      endpoint(closed),
      endpoint(http.port),
      endpoint(silent.port, '    timeout: 1s\n'),
      endpoint(noStartTls.port, '    starttls: smtp\n'),
      endpoint(refusing.port, '    starttls: smtp\n    servername: mail.test\n    ca-file: certs/missing.pem\n'),
      '',
    ].join('\n'),
  );
  const run = await runBuiltCli(['check', '--workspace', ws.dir, '--report', path.join(ws.dir, 'report.json')]);
  assert.equal(run.code, 1, run.stderr);
  const report = JSON.parse(await readFile(path.join(ws.dir, 'report.json'), 'utf8')) as Report;
  const finding = (port: number, kind: string) =>
    report.problems.find((f) => f.detail?.kind === kind && 'endpoint' in f.detail && f.detail.endpoint.port === port);
  const probe = (port: number) => report.endpoints?.find((p) => p.port === port);

  const expect: [number, string, object][] = [
    [
      closed,
      `127.0.0.1:${closed}: TCP connect: connection refused (nothing listening on that port)`,
      { reason: 'socket', step: { step: 'tcp' }, code: 'ECONNREFUSED' },
    ],
    [
      http.port,
      `127.0.0.1:${http.port}: TLS handshake: server does not speak TLS on this port (got something else, e.g. plain HTTP)`,
      { reason: 'tls', problem: { problem: 'not-tls' } },
    ],
    [
      noStartTls.port,
      `127.0.0.1:${noStartTls.port}: STARTTLS (smtp): server does not offer STARTTLS (EHLO reply: fake.test greets you | SIZE 1000 | 8BITMIME)`,
      {
        reason: 'starttls',
        protocol: 'smtp',
        problem: {
          problem: 'not-offered',
          evidence: 'EHLO reply',
          said: 'fake.test greets you | SIZE 1000 | 8BITMIME',
        },
      },
    ],
    [
      refusing.port,
      `mail.test via 127.0.0.1:${refusing.port}: STARTTLS (smtp) refused by server: 454 4.7.0 TLS not available due to temporary reason`,
      {
        reason: 'starttls',
        protocol: 'smtp',
        problem: { problem: 'refused', said: '454 4.7.0 TLS not available due to temporary reason' },
      },
    ],
  ];
  for (const [port, says, cause] of expect) {
    const f = finding(port, 'unreachable');
    assert.ok(f, `an unreachable finding for port ${port}`);
    assert.equal(f.message, says);
    assert.equal(probe(port)?.error, says, 'endpoints[].error says the same');
    const got = (f.detail as { cause: Record<string, unknown> }).cause;
    for (const [k, v] of Object.entries(cause)) assert.deepEqual(got[k], v, `${port}: cause.${k}`);
    // A server's words and the sentence reach the terminal too.
    assert.ok(run.stdout.includes(says.slice(says.indexOf(': ') + 2)), `${says} in the text output`);
  }
  const timedOut = finding(silent.port, 'unreachable');
  assert.ok(timedOut, 'an unreachable finding for the silent server');
  assert.match(
    timedOut.message,
    new RegExp(`^127\\.0\\.0\\.1:${silent.port}: TLS handshake: timed out after \\d+ ms$`),
  );
  assert.deepEqual(Object.keys((timedOut.detail as { cause: object }).cause), ['reason', 'step', 'ms']);

  const missing = path.join(ws.dir, 'certs/missing.pem');
  const ca = report.problems.find((f) => f.detail?.kind === 'ca-file-problem');
  assert.equal(
    ca?.message,
    `cannot read ca-file ${missing}: ENOENT: no such file or directory, stat '${missing}'; endpoints using it were judged against the bundled roots only`,
  );
  assert.deepEqual(ca?.detail, {
    kind: 'ca-file-problem',
    path: missing,
    cause: { reason: 'unreadable', code: 'ENOENT', message: `ENOENT: no such file or directory, stat '${missing}'` },
  });
});

test('the built CLI words a refused address and an unusable HTTPS_PROXY from their typed causes', async (t) => {
  const closed = await refusedPort();
  const ws = await emptyWorkspace(t);
  await ws.write(
    '.github/certwatch.yml',
    `version: 1\nfiles: []\nnetwork:\n  private-addresses: refuse\nendpoints:\n  - host: 127.0.0.1\n    port: ${closed}\n`,
  );
  const refused = await runBuiltCli(['check', '--workspace', ws.dir, '--report', path.join(ws.dir, 'refused.json')]);
  const r1 = JSON.parse(await readFile(path.join(ws.dir, 'refused.json'), 'utf8')) as Report;
  const says = 'not contacted: 127.0.0.1, a loopback address, as network.private-addresses is "refuse"';
  const notChecked = r1.problems.find((f) => f.detail?.kind === 'endpoint-not-checked');
  assert.ok(notChecked, refused.stderr);
  assert.equal(notChecked.message, `127.0.0.1:${closed}: not checked: ${says}`);
  assert.deepEqual((notChecked.detail as { cause: object }).cause, {
    reason: 'refused',
    refusal: {
      reason: 'not-public',
      host: '127.0.0.1',
      address: '127.0.0.1',
      range: 'loopback',
      policy: { rule: 'refuse' },
    },
  });
  assert.equal(r1.endpoints?.[0].error, says);
  // The built action says the rule once, and the refusal in its annotation.
  const action = await runAction(ws.dir);
  assert.match(action.stdout, /network: only public addresses are contacted as network\.private-addresses is "refuse"/);
  assert.ok(
    action.annotations.some((a) => a.message.includes(says)),
    `an annotation says ${says}\n${action.stdout}`,
  );

  await ws.write(
    '.github/certwatch.yml',
    `version: 1\nfiles: []\nendpoints:\n  - host: 127.0.0.1\n    port: ${closed}\n`,
  );
  const proxied = await runBuiltCli(['check', '--workspace', ws.dir, '--report', path.join(ws.dir, 'proxy.json')], {
    env: { HTTPS_PROXY: 'socks5://proxy.test:1080' },
  });
  const r2 = JSON.parse(await readFile(path.join(ws.dir, 'proxy.json'), 'utf8')) as Report;
  const proxySays = 'HTTPS_PROXY uses socks5://; only http:// proxies (HTTP CONNECT) are supported';
  const unreachable = r2.problems.find((f) => f.detail?.kind === 'unreachable');
  assert.ok(unreachable, proxied.stderr);
  assert.equal(unreachable.message, `127.0.0.1:${closed}: ${proxySays}`);
  assert.deepEqual((unreachable.detail as { cause: object }).cause, {
    reason: 'proxy-config',
    problem: { problem: 'not-http', protocol: 'socks5:' },
  });
  assert.equal(r2.endpoints?.[0].error, proxySays);
});
