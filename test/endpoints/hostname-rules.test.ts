// Adversarial review of hostname verdicts: Node's checkServerIdentity is more
// lenient than the clients that matter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TrustAnchors, judgeChain } from '../../src/checks/chain.js';
import { parseCertificate } from '../../src/x509/parse-certificate.js';
import { NOW, issue } from '../helpers/pki.js';

async function hostnameOk(sans: string[], cn: string, name: string) {
  const r = parseCertificate((await issue({ cn, sans })).der);
  return judgeChain([r], { anchors: new TrustAnchors([r]), name, now: NOW }).hostname;
}

test('a certificate that names the host only in its CN (no SAN) is a hostname mismatch: browsers and Go ignore the CN', async () => {
  const h = await hostnameOk([], 'cnonly.example', 'cnonly.example');
  assert.equal(h.ok, false);
  assert.match(h.reason!, /no DNS or IP subjectAltName/);
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
  assert.match(h.reason!, /partial wildcards such as f\*\.example\.com are not honoured/);
  // A proper wildcard next to it still works.
  assert.equal((await hostnameOk(['f*.example.com', '*.example.com'], 'x', 'foo.example.com')).ok, true);
});
