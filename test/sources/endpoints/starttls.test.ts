// STARTTLS against small per-protocol servers on loopback: each dialect
// upgrades and yields the certificate; a server that does not offer STARTTLS,
// refuses it, floods a banner or injects bytes after its go-ahead ends as
// `unreachable` with that reason — never a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { probeEndpoints } from '../../helpers/probe-endpoints.js';
import type { EndpointLocation, StartTlsProtocol } from '../../../src/types.js';
import { hierarchy } from '../../helpers/pki.js';
import { endpointTarget, startStartTlsServer, type StartTlsBehaviour } from '../../helpers/tls-servers.js';
import { said } from '../../helpers/said.js';
import { tempDirSync } from '../../helpers/workspace.js';
import { DAY } from '../../helpers/clock.js';

const TIMEOUT_MS = 1500;
const h = await hierarchy({ cn: 'mail.test', notBefore: new Date(Date.now() - DAY), days: 60 });
const cred = { key: h.leaf.keyPem, cert: h.leaf.chainPem };
const dir = tempDirSync('certwatch-starttls-');
writeFileSync(join(dir, 'root.pem'), h.root.pem);
// "mail.test" resolves to loopback only in these tests (never through real DNS)
const lookup = async () => [{ address: '127.0.0.1', family: 4 }];

async function probe(
  protocol: StartTlsProtocol,
  behaviour: StartTlsBehaviour,
  t: { after: (fn: () => Promise<void>) => void },
) {
  const srv = await startStartTlsServer(protocol, behaviour, cred);
  t.after(() => srv.close());
  const started = Date.now();
  const res = await probeEndpoints([endpointTarget(`${protocol}://mail.test:${srv.port}`, { timeoutMs: TIMEOUT_MS })], {
    concurrency: 1,
    deadline: Date.now() + 10_000,
    workspace: dir,
    defaultCaFile: join(dir, 'root.pem'),
    lookup,
  });
  return { res, port: srv.port, elapsed: Date.now() - started };
}

const ALL: StartTlsProtocol[] = ['smtp', 'imap', 'pop3', 'ftp', 'ldap', 'postgres', 'xmpp'];

for (const protocol of ALL) {
  test(`a ${protocol} server that offers STARTTLS is upgraded and its certificate observed`, async (t) => {
    const { res, port } = await probe(protocol, 'ok', t);
    assert.deepEqual(res.findings, []);
    assert.equal(res.observations.length, 2);
    const loc = res.observations[0].location as EndpointLocation;
    assert.deepEqual(
      [loc.host, loc.port, loc.address, loc.servername, loc.protocol],
      ['mail.test', port, '127.0.0.1', 'mail.test', protocol],
    );
    assert.equal(res.observations[0].cert.subjectCN, 'mail.test');
    assert.equal(res.probes[0].ok, true);
  });
}

for (const protocol of ALL) {
  test(`a ${protocol} server that does not offer STARTTLS is unreachable with that reason`, async (t) => {
    const { res, port, elapsed } = await probe(protocol, 'not-offered', t);
    assert.equal(res.findings.length, 1);
    assert.equal(res.findings[0].id, 'unreachable');
    assert.match(
      said(res.findings[0]),
      new RegExp(
        `^mail\\.test:${port} \\(127\\.0\\.0\\.1\\): STARTTLS \\(${protocol}\\): server does not offer STARTTLS`,
      ),
    );
    assert.equal(res.probes[0].phase, 'starttls');
    assert.ok(elapsed < TIMEOUT_MS, `answered, not timed out (${elapsed} ms)`);
  });
}

for (const protocol of ['smtp', 'imap', 'pop3', 'ftp', 'ldap', 'xmpp'] as const) {
  test(`a ${protocol} server that refuses STARTTLS is unreachable quoting its answer`, async (t) => {
    const { res, port } = await probe(protocol, 'refuse', t);
    assert.equal(res.findings.length, 1);
    assert.match(
      said(res.findings[0]),
      new RegExp(`^mail\\.test:${port} \\(127\\.0\\.0\\.1\\): STARTTLS \\(${protocol}\\) refused by server: `),
    );
  });
}

test('the SMTP refusal message names endpoint, address and the server reply', async (t) => {
  const { res, port } = await probe('smtp', 'refuse', t);
  assert.equal(
    said(res.findings[0]),
    `mail.test:${port} (127.0.0.1): STARTTLS (smtp) refused by server: 454 4.7.0 TLS not available due to temporary reason`,
  );
});

for (const protocol of ['smtp', 'ftp'] as const) {
  test(`a ${protocol} server with an endless multi-line banner is cut off by the line cap, before the timeout`, async (t) => {
    const { res, elapsed } = await probe(protocol, 'endless-banner', t);
    assert.equal(res.findings.length, 1);
    assert.match(said(res.findings[0]), /STARTTLS \(\w+\): server reply exceeds 100 lines/);
    assert.ok(elapsed < TIMEOUT_MS, `${elapsed} ms`);
  });
}

for (const protocol of ['smtp', 'postgres'] as const) {
  test(`a ${protocol} server that sends bytes after its go-ahead is refused (STARTTLS injection)`, async (t) => {
    const { res } = await probe(protocol, 'inject', t);
    assert.equal(res.findings.length, 1);
    assert.match(said(res.findings[0]), /unexpected bytes after agreeing to start TLS/);
  });
}

// An LDAP server whose answer to StartTLS is broken BER, or that hangs up inside it.
const ldapAnswers: [string, Buffer, boolean, string][] = [
  [
    'a length of more than 3 bytes',
    Buffer.from([0x30, 0x84, 0, 0, 0, 5]),
    false,
    'malformed LDAP response: unsupported BER length',
  ],
  [
    'a bind response instead of an ExtendedResponse',
    Buffer.from([0x30, 0x0c, 0x02, 0x01, 0x01, 0x61, 0x07, 0x0a, 0x01, 0x00, 0x04, 0x00, 0x04, 0x00]),
    false,
    'malformed LDAP response: expected an ExtendedResponse, got tag 0x61',
  ],
  ['a hang-up inside the length', Buffer.from([0x30, 0x82, 0x01]), true, 'server closed the connection'],
];
for (const [what, answer, hangUp, says] of ldapAnswers) {
  test(`an LDAP server answering StartTLS with ${what} is unreachable saying so`, async (t) => {
    const server = createServer((socket) => {
      socket.once('data', () => (hangUp ? socket.end(answer) : socket.write(answer)));
      socket.on('error', () => {});
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    t.after(() => new Promise<void>((r) => server.close(() => r())));
    server.unref();
    const port = (server.address() as AddressInfo).port;
    const res = await probeEndpoints([endpointTarget(`ldap://mail.test:${port}`, { timeoutMs: TIMEOUT_MS })], {
      concurrency: 1,
      deadline: Date.now() + 10_000,
      workspace: dir,
      lookup,
    });
    assert.equal(res.findings.length, 1);
    assert.equal(said(res.findings[0]), `mail.test:${port} (127.0.0.1): STARTTLS (ldap): ${says}`);
    assert.equal(res.probes[0].error, said(res.findings[0]));
  });
}
