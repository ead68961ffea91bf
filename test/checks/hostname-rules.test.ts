// Adversarial review of hostname verdicts: Node's checkServerIdentity is more
// lenient than the clients that matter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TrustAnchors, judgeChain } from '../../src/checks/chain.js';
import type { HostnameVerdict } from '../../src/checks/hostname.js';
import { hostnameCause } from '../../src/report/text/chain-cause.js';
import { parseCertificate } from '../../src/x509/parse-certificate.js';
import { issue } from '../helpers/pki.js';
import { NOW } from '../helpers/clock.js';

/** Why the name is not covered, as the hostname-mismatch finding says it ('' when it is). */
const why = (h: HostnameVerdict) => (h.ok ? '' : hostnameCause(h.cause));

async function hostnameOk(sans: string[], cn: string, name: string) {
  const r = parseCertificate((await issue({ cn, sans })).der);
  return judgeChain([r], { anchors: new TrustAnchors([r]), name, now: NOW }).hostname;
}

test('a certificate that names the host only in its CN (no SAN) is a hostname mismatch: browsers and Go ignore the CN', async () => {
  const h = await hostnameOk([], 'cnonly.example', 'cnonly.example');
  assert.equal(h.ok, false);
  assert.match(why(h), /no DNS or IP subjectAltName/);
});

test('wildcards cover exactly one label; IP SANs match IP hosts only; case is ignored', async () => {
  assert.equal((await hostnameOk(['*.example.com'], 'x', 'a.b.example.com')).ok, false);
  assert.equal((await hostnameOk(['*.example.com'], 'x', 'example.com')).ok, false);
  assert.equal((await hostnameOk(['*.example.com'], 'x', 'A.EXAMPLE.COM')).ok, true);
  assert.equal((await hostnameOk(['::1'], 'x', '0:0:0:0:0:0:0:1')).ok, true);
  assert.equal((await hostnameOk(['example.com'], '127.0.0.1', '127.0.0.1')).ok, false);
  assert.equal((await hostnameOk(['*'], 'x', 'localhost')).ok, false);
});

test('partial wildcards (f*.example.com) are not honoured, as browsers do not honour them', async () => {
  const h = await hostnameOk(['f*.example.com'], 'x', 'foo.example.com');
  assert.equal(h.ok, false);
  assert.match(why(h), /partial wildcards such as f\*\.example\.com are not honoured/);
  // A proper wildcard next to it still works.
  assert.equal((await hostnameOk(['f*.example.com', '*.example.com'], 'x', 'foo.example.com')).ok, true);
});

test('typed names: a dNSName never covers an address, one dNSName with ", DNS:" is one name, RFC 6125 edge cases', async () => {
  const { dnsNameMatches } = await import('../../src/checks/hostname.js');
  const ipAsDns = await hostnameOk(['www.example.test'], 'x', '127.0.0.1');
  assert.equal(ipAsDns.ok, false);
  // A dNSName spelled like an address (made by openssl, which types it as DNS) does not cover the address.
  const { OpenSsl } = await import('../helpers/openssl.js');
  const ossl = await OpenSsl.create();
  try {
    const dnsIp = parseCertificate((await ossl.cert({ subject: '/CN=dns-ip', san: 'DNS:127.0.0.1' })).der);
    assert.deepEqual(dnsIp.subjectAltNames, [{ type: 'dNSName', value: '127.0.0.1' }]);
    const v = judgeChain([dnsIp], { anchors: new TrustAnchors([dnsIp]), name: '127.0.0.1', now: NOW }).hostname;
    assert.equal(v.ok, false);
    assert.match(why(v), /only as a DNS name/);
  } finally {
    await ossl.dispose();
  }
  assert.equal(dnsNameMatches('other.invalid, DNS:www.example.test', 'www.example.test'), false);
  assert.equal(dnsNameMatches('www.example.test.', 'WWW.example.test'), true, 'trailing dot and case');
  assert.equal(dnsNameMatches('*.com', 'example.com'), false, 'no wildcard over a TLD');
  assert.equal(dnsNameMatches('*.example.com', 'xn--bcher-kva.example.com'), false, 'no wildcard over an A-label');
  assert.equal(dnsNameMatches('www.exa mple.com', 'www.exa mple.com'), false, 'blanks never match');
  assert.equal(dnsNameMatches('a..example.com', 'a..example.com'), false, 'empty labels never match');
});
