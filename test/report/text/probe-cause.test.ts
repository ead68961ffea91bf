// Every way a probe can fail, rendered: the sentences are the ones the probes
// wrote themselves before their failures became data (issue 10), so reports
// read the same. The tables are keyed by every `reason` and `problem`, so the
// compiler refuses a cause added without its sentence here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  LdapDefect,
  ProbeCause,
  ProbeStep,
  ProxyConfigProblem,
  ProxyProblem,
  StartTlsProblem,
  TlsProblem,
} from '../../../src/sources/endpoints/probe-cause.js';
import { probeCause, probeFailure } from '../../../src/report/text/probe-cause.js';
import { addressRefusal, publicOnlyNotice } from '../../../src/report/text/address-refusal.js';
import { notPublic, type NotPublicRange, type PolicyRule } from '../../../src/net/address-policy.js';

type Cases<U, K extends string> = {
  [V in U as V extends Record<K, infer N extends string> ? N : never]: [V, string][];
};

const fork: PolicyRule = { rule: 'untrusted-event', event: { kind: 'fork-pull-request', fork: 'mallory/site' } };
const FORK_WORDS = 'on a pull request from the fork mallory/site (only public addresses are contacted there)';
const steps: [ProbeStep, string][] = [
  [{ step: 'resolve', host: 'db.example' }, 'resolving db.example'],
  [{ step: 'tcp' }, 'TCP connect'],
  [{ step: 'proxy-tcp', proxy: 'proxy.example:3128' }, 'TCP connect to proxy proxy.example:3128'],
  [{ step: 'proxy', proxy: 'proxy.example:3128', target: '[::1]:443' }, 'proxy proxy.example:3128 (CONNECT [::1]:443)'],
  [{ step: 'starttls', protocol: 'smtp' }, 'STARTTLS (smtp)'],
  [{ step: 'handshake' }, 'TLS handshake'],
];

const CAUSES: Cases<ProbeCause, 'reason'> = {
  'not-started': [[{ reason: 'not-started' }, 'the run deadline passed before it was started']],
  'run-deadline': steps.map(([step, said]) => [
    { reason: 'run-deadline', step },
    `${said}: stopped by the run deadline`,
  ]),
  timeout: steps.map(([step, said]) => [{ reason: 'timeout', step, ms: 1500 }, `${said}: timed out after 1500 ms`]),
  socket: [
    [
      { reason: 'socket', step: { step: 'tcp' }, code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9' },
      'TCP connect: connection refused (nothing listening on that port)',
    ],
    [
      {
        reason: 'socket',
        step: { step: 'starttls', protocol: 'imap' },
        code: 'ECONNRESET',
        message: 'read ECONNRESET',
      },
      'STARTTLS (imap): connection reset by peer',
    ],
    [
      { reason: 'socket', step: { step: 'tcp' }, code: 'EHOSTUNREACH', message: 'connect EHOSTUNREACH 10.9.9.9:443' },
      'TCP connect: host unreachable',
    ],
    [
      { reason: 'socket', step: { step: 'tcp' }, code: 'ENETUNREACH', message: 'connect ENETUNREACH 2001:db8::1:443' },
      'TCP connect: network unreachable (no route; IPv6 may be unavailable on this machine)',
    ],
    [
      { reason: 'socket', step: { step: 'tcp' }, code: 'EADDRNOTAVAIL', message: 'connect EADDRNOTAVAIL' },
      'TCP connect: address not available on this machine',
    ],
    [
      { reason: 'socket', step: { step: 'proxy-tcp', proxy: 'p:1' }, code: 'EPIPE', message: 'write EPIPE' },
      'TCP connect to proxy p:1: connection closed by peer while writing',
    ],
    // A code without words, or none: Node's own message.
    [
      { reason: 'socket', step: { step: 'handshake' }, code: 'EPROTO', message: 'write EPROTO 0A00010B' },
      'TLS handshake: write EPROTO 0A00010B',
    ],
    [{ reason: 'socket', step: { step: 'tcp' }, message: 'socket hang up' }, 'TCP connect: socket hang up'],
  ],
  dns: [
    [
      { reason: 'dns', host: 'no-such.invalid', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND no-such.invalid' },
      'resolving no-such.invalid: name does not resolve',
    ],
    [
      { reason: 'dns', host: 'v6only.example', code: 'ENODATA', message: 'getaddrinfo ENODATA v6only.example' },
      'resolving v6only.example: name does not resolve',
    ],
    [
      { reason: 'dns', host: 'flaky.example', code: 'EAI_AGAIN', message: 'getaddrinfo EAI_AGAIN flaky.example' },
      'resolving flaky.example: getaddrinfo EAI_AGAIN flaky.example',
    ],
  ],
  'no-addresses': [[{ reason: 'no-addresses', host: 'empty.example' }, 'resolving empty.example: no addresses']],
  'proxy-config': [],
  proxy: [],
  tls: [],
  starttls: [],
  'starttls-withheld': [
    [
      { reason: 'starttls-withheld', protocol: 'smtp', policy: fork },
      `the STARTTLS dialogue failed (the server's words are not shown ${FORK_WORDS})`,
    ],
    [
      { reason: 'starttls-withheld', protocol: 'xmpp', policy: { rule: 'refuse' } },
      `the STARTTLS dialogue failed (the server's words are not shown as network.private-addresses is "refuse")`,
    ],
  ],
  refused: [
    [
      {
        reason: 'refused',
        refusal: {
          reason: 'not-public',
          host: 'db.internal',
          address: '10.0.0.5',
          range: 'private',
          policy: fork,
        },
      },
      `not contacted: db.internal resolves to 10.0.0.5, a private (RFC 1918) address, ${FORK_WORDS}`,
    ],
    [
      {
        reason: 'refused',
        refusal: { reason: 'not-public', host: '127.0.0.1', address: '127.0.0.1', range: 'loopback', policy: fork },
        proxy: 'proxy.example:3128',
      },
      `not contacted: 127.0.0.1, a loopback address, ${FORK_WORDS} (through the proxy proxy.example:3128, which resolves names itself)`,
    ],
    [
      {
        reason: 'refused',
        refusal: { reason: 'unresolvable', host: 'gone.example', code: 'ENOTFOUND', policy: { rule: 'refuse' } },
      },
      'not contacted: gone.example could not be resolved to check that it is public (ENOTFOUND), as network.private-addresses is "refuse"',
    ],
  ],
  failed: [[{ reason: 'failed', message: 'boom' }, 'probe failed: boom']],
};

const PROXY_CONFIG: Cases<ProxyConfigProblem, 'problem'> = {
  'not-a-url': [
    [{ problem: 'not-a-url', value: 'http://[bad', credentials: false }, 'HTTPS_PROXY="http://[bad" is not a URL'],
    [
      { problem: 'not-a-url', value: 'http://u:***@[bad', credentials: true },
      'HTTPS_PROXY="http://u:***@[bad" is not a URL (credentials hidden; percent-encode special characters in the user name and password, e.g. # as %23)',
    ],
  ],
  'not-http': [
    [
      { problem: 'not-http', protocol: 'socks5:' },
      'HTTPS_PROXY uses socks5://; only http:// proxies (HTTP CONNECT) are supported',
    ],
  ],
  'unencoded-credentials': [
    [
      { problem: 'unencoded-credentials', value: 'http://u:***@p:1' },
      'HTTPS_PROXY="http://u:***@p:1" holds credentials with unencoded special characters; percent-encode them (e.g. # as %23)',
    ],
  ],
};

const PROXY_AT = 'proxy p.example:3128 (CONNECT db.example:443)';
const PROXY: Cases<ProxyProblem, 'problem'> = {
  closed: [[{ problem: 'closed' }, `${PROXY_AT}: proxy closed the connection before answering`]],
  'header-too-large': [
    [{ problem: 'header-too-large', maxBytes: 16384 }, `${PROXY_AT}: proxy reply header exceeds 16384 bytes`],
  ],
  'not-http': [
    [{ problem: 'not-http', statusLine: 'SSH-2.0-"x"' }, `${PROXY_AT}: not an HTTP reply: "SSH-2.0-\\"x\\""`],
  ],
  refused: [
    [
      { problem: 'refused', status: '407', text: 'Proxy Authentication Required' },
      `${PROXY_AT}: proxy refused: 407 Proxy Authentication Required`,
    ],
    [{ problem: 'refused', status: '403', text: '' }, `${PROXY_AT}: proxy refused: 403`],
  ],
};

const TLS: Cases<TlsProblem, 'problem'> = {
  'too-many-bytes': [
    [
      { problem: 'too-many-bytes', maxBytes: 262144 },
      'TLS handshake: server sent more than 262144 bytes without completing the handshake',
    ],
  ],
  'too-many-certificates': [
    [
      { problem: 'too-many-certificates', max: 20 },
      'TLS handshake: server sent more than 20 certificates; refusing to judge such a chain',
    ],
  ],
  'no-certificate': [[{ problem: 'no-certificate' }, 'TLS handshake: server presented no certificate']],
  closed: [[{ problem: 'closed' }, 'TLS handshake: server closed the connection during the TLS handshake']],
  'oversized-message': [
    [
      { problem: 'oversized-message' },
      'TLS handshake: server sent a handshake message larger than OpenSSL accepts (oversized certificate chain)',
    ],
  ],
  'not-tls': [
    [
      { problem: 'not-tls' },
      'TLS handshake: server does not speak TLS on this port (got something else, e.g. plain HTTP)',
    ],
  ],
  openssl: [
    [
      { problem: 'openssl', code: 'ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR', message: 'tlsv1 alert internal error' },
      'TLS handshake: TLS error: tlsv1 alert internal error',
    ],
  ],
};

const S = 'STARTTLS (smtp)';
const STARTTLS: Cases<StartTlsProblem, 'problem'> = {
  'too-many-bytes': [
    [
      { problem: 'too-many-bytes', maxBytes: 65536 },
      `${S}: server sent more than 65536 bytes without completing the STARTTLS dialogue`,
    ],
  ],
  closed: [[{ problem: 'closed' }, `${S}: server closed the connection`]],
  'line-too-long': [[{ problem: 'line-too-long', maxBytes: 4096 }, `${S}: server sent a line longer than 4096 bytes`]],
  'too-many-lines': [
    [
      { problem: 'too-many-lines', maxLines: 100, first: '250-a "b"' },
      `${S}: server reply exceeds 100 lines (first: "250-a \\"b\\"")`,
    ],
  ],
  'bytes-after-go-ahead': [
    [
      { problem: 'bytes-after-go-ahead', bytes: 12 },
      `${S}: server sent 12 unexpected bytes after agreeing to start TLS`,
    ],
  ],
  'not-a-reply': [
    [{ problem: 'not-a-reply', dialect: 'SMTP', said: 'hello' }, `${S}: not an SMTP reply: hello`],
    [{ problem: 'not-a-reply', dialect: 'FTP', said: 'hello' }, `${S}: not an FTP reply: hello`],
  ],
  'bad-greeting': [
    [
      { problem: 'bad-greeting', expected: '220', said: '554 go away' },
      `${S}: server greeting is not 220: 554 go away`,
    ],
    [{ problem: 'bad-greeting', expected: '* OK', said: '* BYE' }, `${S}: server greeting is not "* OK": * BYE`],
    [{ problem: 'bad-greeting', expected: '+OK', said: '-ERR' }, `${S}: server greeting is not "+OK": -ERR`],
  ],
  preauth: [
    [
      { problem: 'preauth', said: '* PREAUTH hi' },
      `${S}: server greeted with PREAUTH, which forbids STARTTLS: * PREAUTH hi`,
    ],
  ],
  'ehlo-rejected': [[{ problem: 'ehlo-rejected', said: '502 no' }, `${S}: EHLO rejected: 502 no`]],
  'not-offered': [
    [
      { problem: 'not-offered', evidence: 'EHLO reply', said: 'mail.test | SIZE 1000' },
      `${S}: server does not offer STARTTLS (EHLO reply: mail.test | SIZE 1000)`,
    ],
    [
      { problem: 'not-offered', evidence: 'capabilities', said: 'IMAP4rev1' },
      `${S}: server does not offer STARTTLS (capabilities: IMAP4rev1)`,
    ],
    [{ problem: 'not-offered', evidence: 'CAPA', said: 'USER' }, `${S}: server does not offer STARTTLS (CAPA: USER)`],
    [
      { problem: 'not-offered', evidence: 'stream features', said: '<stream:features/>' },
      `${S}: server does not offer STARTTLS (stream features: <stream:features/>)`,
    ],
  ],
  'auth-tls-not-offered': [
    [{ problem: 'auth-tls-not-offered', said: '502 no' }, `${S}: server does not offer STARTTLS (AUTH TLS): 502 no`],
  ],
  refused: [[{ problem: 'refused', said: '454 4.7.0 not now' }, `${S} refused by server: 454 4.7.0 not now`]],
  'stream-closed': [
    [{ problem: 'stream-closed', said: '<stream:error/>' }, `${S}: server closed the stream: <stream:error/>`],
  ],
  'ldap-result': [
    [
      { problem: 'ldap-result', resultCode: 2, diagnostic: '' },
      `${S}: server does not offer STARTTLS: protocolError (2)`,
    ],
    [
      { problem: 'ldap-result', resultCode: 12, diagnostic: 'no' },
      `${S}: server does not offer STARTTLS: unavailableCriticalExtension (12): no`,
    ],
    [
      { problem: 'ldap-result', resultCode: 53, diagnostic: 'busy' },
      `${S} refused by server: unwillingToPerform (53): busy`,
    ],
    [{ problem: 'ldap-result', resultCode: 99, diagnostic: '' }, `${S} refused by server: resultCode 99 (99)`],
  ],
  'not-ldap': [
    [{ problem: 'not-ldap', firstByte: 0x48, said: 'HT' }, `${S}: not an LDAP server (first byte 0x48: HT)`],
  ],
  'malformed-ldap': [
    ...(
      [
        [{ defect: 'truncated-element' }, 'truncated BER element'],
        [{ defect: 'unsupported-length' }, 'unsupported BER length'],
        [{ defect: 'truncated-length' }, 'truncated BER length'],
        [{ defect: 'overrun' }, 'BER element overruns its container'],
        [{ defect: 'not-extended-response', tag: 0x65 }, 'expected an ExtendedResponse, got tag 0x65'],
        [{ defect: 'no-result-code' }, 'missing resultCode'],
      ] as [LdapDefect, string][]
    ).map(([defect, why]): [{ problem: 'malformed-ldap'; defect: LdapDefect }, string] => [
      { problem: 'malformed-ldap', defect },
      `${S}: malformed LDAP response: ${why}`,
    ]),
  ],
  'ldap-too-large': [
    [{ problem: 'ldap-too-large', bytes: 70000, maxBytes: 16384 }, `${S}: LDAP response of 70000 bytes exceeds 16384`],
  ],
  'postgres-ssl-off': [
    [{ problem: 'postgres-ssl-off' }, `${S}: server does not offer STARTTLS (SSLRequest answered "N": SSL is off)`],
  ],
  'postgres-error-response': [
    [{ problem: 'postgres-error-response' }, `${S} refused by server: error response to SSLRequest`],
  ],
  'not-postgres': [
    [
      { problem: 'not-postgres', answer: 0x0a, said: '?' },
      `${S}: not a PostgreSQL server (SSLRequest answered 0x0a ?)`,
    ],
  ],
};

// The causes that carry a problem get theirs from the problem tables.
CAUSES['proxy-config'] = Object.values(PROXY_CONFIG)
  .flat()
  .map(([problem, said]) => [{ reason: 'proxy-config', problem }, said]);
CAUSES.proxy = Object.values(PROXY)
  .flat()
  .map(([problem, said]) => [{ reason: 'proxy', proxy: 'p.example:3128', target: 'db.example:443', problem }, said]);
CAUSES.tls = Object.values(TLS)
  .flat()
  .map(([problem, said]) => [{ reason: 'tls', problem }, said]);
CAUSES.starttls = Object.values(STARTTLS)
  .flat()
  .map(([problem, said]) => [{ reason: 'starttls', protocol: 'smtp', problem }, said]);

test('every probe cause renders to the sentence probes have always written', () => {
  let n = 0;
  for (const [reason, cases] of Object.entries(CAUSES)) {
    assert.ok(cases.length > 0, `a case for ${reason}`);
    for (const [cause, says] of cases as [ProbeCause, string][]) {
      assert.equal(probeCause(cause), says, JSON.stringify(cause));
      n++;
    }
  }
  for (const table of [PROXY_CONFIG, PROXY, TLS, STARTTLS])
    for (const [problem, cases] of Object.entries(table)) assert.ok(cases.length > 0, `a case for ${problem}`);
  assert.ok(n > 60, `${n} cases`);
});

test("a probe's error in the JSON report names the endpoint it reached, else says the cause alone", () => {
  const cause: ProbeCause = { reason: 'socket', step: { step: 'tcp' }, code: 'ECONNREFUSED', message: 'x' };
  assert.equal(
    probeFailure({ cause, at: { host: '127.0.0.1', port: 9, servername: 'down.test' } }),
    'down.test via 127.0.0.1:9: TCP connect: connection refused (nothing listening on that port)',
  );
  assert.equal(
    probeFailure({ cause, at: { host: 'shop.example', port: 443, address: '::1' } }),
    'shop.example:443 (::1): TCP connect: connection refused (nothing listening on that port)',
  );
  assert.equal(probeFailure({ cause }), 'TCP connect: connection refused (nothing listening on that port)');
});

test("the network policy's refusal names the kind of address, as its table always did", () => {
  const words: [string, NotPublicRange, string][] = [
    ['0.1.2.3', 'this-network', '"this network"'],
    ['10.1.2.3', 'private', 'private (RFC 1918)'],
    ['172.16.0.1', 'private', 'private (RFC 1918)'],
    ['192.168.1.1', 'private', 'private (RFC 1918)'],
    ['100.64.0.1', 'carrier-grade-nat', 'carrier-grade NAT (RFC 6598)'],
    ['127.0.0.1', 'loopback', 'loopback'],
    ['::1', 'loopback', 'loopback'],
    ['169.254.169.254', 'ipv4-link-local', 'link-local (cloud metadata lives here)'],
    ['fe80::1', 'link-local', 'link-local'],
    ['192.0.0.8', 'ietf-protocol', 'IETF protocol assignments'],
    ['192.0.2.1', 'documentation', 'documentation'],
    ['2001:db8::1', 'documentation', 'documentation'],
    ['192.88.99.1', '6to4-relay', '6to4 relay'],
    ['198.18.0.1', 'benchmarking', 'benchmarking'],
    ['224.0.0.1', 'multicast', 'multicast'],
    ['ff02::1', 'multicast', 'multicast'],
    ['240.0.0.1', 'reserved', 'reserved'],
    ['::', 'unspecified', 'unspecified'],
    ['100::1', 'discard', 'discard'],
    ['2001:10::1', 'orchid', 'ORCHID'],
    ['fd00::1', 'unique-local', 'unique-local'],
    ['fec0::1', 'site-local', 'site-local'],
    ['not-an-address', 'not-an-ip', 'not an IP address'],
  ];
  for (const [address, range, word] of words) {
    assert.equal(notPublic(address), range, address);
    assert.equal(
      addressRefusal({ reason: 'not-public', host: 'h.example', address, range, policy: { rule: 'refuse' } }),
      `not contacted: h.example resolves to ${address}, a ${word} address, as network.private-addresses is "refuse"`,
    );
  }
  assert.equal(notPublic('93.184.216.34'), null);
});

test("the network policy's refusal and the run's notice say which rule applies", () => {
  assert.equal(
    addressRefusal({
      reason: 'not-public',
      host: '::1',
      address: '::1',
      range: 'loopback',
      policy: { rule: 'untrusted-event', event: null },
    }),
    'not contacted: ::1, a loopback address, on this event (only public addresses are contacted there)',
  );
  assert.equal(
    publicOnlyNotice(fork),
    'network: only public addresses are contacted on a pull request from the fork mallory/site',
  );
  assert.equal(
    publicOnlyNotice({ rule: 'untrusted-event', event: { kind: 'unknown-head-pull-request' } }),
    'network: only public addresses are contacted on a pull request whose head repository is unknown (a deleted fork?)',
  );
  assert.equal(
    publicOnlyNotice({ rule: 'refuse' }),
    'network: only public addresses are contacted as network.private-addresses is "refuse"',
  );
});
