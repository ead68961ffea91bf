import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EndpointSpecError, defaultPort, parseEndpointSpec } from '../../../src/sources/endpoints/endpoint-spec.js';

test('a bare host is probed with TLS on 443', () => {
  assert.deepEqual(parseEndpointSpec('Example.COM'), { host: 'example.com', port: 443, protocol: 'tls' });
});

test('host:port, [v6]:port and a bare IPv6 literal give host and port', () => {
  assert.deepEqual(parseEndpointSpec('example.com:8443'), { host: 'example.com', port: 8443, protocol: 'tls' });
  assert.deepEqual(parseEndpointSpec('[::1]:8443'), { host: '::1', port: 8443, protocol: 'tls' });
  assert.deepEqual(parseEndpointSpec('[2001:DB8::1]'), { host: '2001:db8::1', port: 443, protocol: 'tls' });
  assert.deepEqual(parseEndpointSpec('2001:db8::1'), { host: '2001:db8::1', port: 443, protocol: 'tls' });
  assert.deepEqual(parseEndpointSpec('10.1.2.3:636'), { host: '10.1.2.3', port: 636, protocol: 'tls' });
});

test('an https URL ignores path, query and credentials', () => {
  assert.deepEqual(parseEndpointSpec('https://user:secret@api.example.com:8443/v1/x?y=1#z'), {
    host: 'api.example.com',
    port: 8443,
    protocol: 'https',
  });
  assert.deepEqual(parseEndpointSpec('https://api.example.com/'), {
    host: 'api.example.com',
    port: 443,
    protocol: 'https',
  });
});

test('STARTTLS schemes name the dialect and their default port', () => {
  const cases: [string, number, string][] = [
    ['smtp://mail.example.com', 25, 'smtp'],
    ['submission://mail.example.com', 587, 'smtp'],
    ['imap://mail.example.com', 143, 'imap'],
    ['pop3://mail.example.com', 110, 'pop3'],
    ['ftp://files.example.com', 21, 'ftp'],
    ['ldap://dir.example.com', 389, 'ldap'],
    ['postgres://db.example.com', 5432, 'postgres'],
    ['xmpp://chat.example.com', 5222, 'xmpp'],
  ];
  for (const [spec, port, dialect] of cases) {
    const p = parseEndpointSpec(spec);
    assert.equal(p.port, port, spec);
    assert.equal(p.starttls, dialect, spec);
  }
  assert.equal(parseEndpointSpec('smtp://mail.example.com:2525').port, 2525);
});

test('implicit-TLS schemes have no STARTTLS and their own default ports', () => {
  for (const [spec, port] of [
    ['smtps://m.example.com', 465],
    ['imaps://m.example.com', 993],
    ['pop3s://m.example.com', 995],
    ['ldaps://d.example.com', 636],
    ['tls://h.example.com:853', 853],
  ] as const) {
    const p = parseEndpointSpec(spec);
    assert.equal(p.port, port, spec);
    assert.equal(p.starttls, undefined, spec);
  }
});

test('defaultPort serves the object form (starttls: smtp without a port)', () => {
  assert.equal(defaultPort('smtp'), 25);
  assert.equal(defaultPort('submission'), 587);
  assert.equal(defaultPort('imaps'), 993);
  assert.equal(defaultPort('https'), 443);
  assert.equal(defaultPort('postgres'), 5432);
  assert.throws(() => defaultPort('gopher'), EndpointSpecError);
});

test('bad specs fail with a message that says what is wrong', () => {
  const bad: [string, RegExp][] = [
    ['', /empty endpoint/],
    ['gopher://x.example.com', /unknown scheme "gopher:\/\/"/],
    ['example.com:http', /port "http" is not a number/],
    ['example.com:70000', /outside 1–65535/],
    ['fe80::1:99999', /IPv6 address with a port needs brackets/],
    ['[::1', /without a closing/],
    ['[example.com]:443', /not an IPv6 address/],
    ['exa mple.com', /whitespace/],
    ['-bad-.example.com', /not a valid host name/],
    ['https://:443', /has no host/],
  ];
  for (const [spec, re] of bad)
    assert.throws(
      () => parseEndpointSpec(spec),
      (e: Error) => e instanceof EndpointSpecError && re.test(e.message),
      spec,
    );
});
