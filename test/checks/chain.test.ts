// Chain verdicts on certificates from the test PKI, judged with the fixed clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeChain, TrustAnchors, type ChainVerdict } from '../../src/checks/chain.js';
import { chainCause, hostnameCause } from '../../src/report/text/chain-cause.js';
import { displayName, parseCertificate } from '../../src/x509/parse-certificate.js';
import { hierarchy, issue, type Issued } from '../helpers/pki.js';
import { hostileCertificate } from '../helpers/hostile-certs.js';
import { mdUntrusted, sarifUntrusted } from '../../src/report/untrusted-text.js';
import { workflowSafe } from '../../src/report/workflow-safe.js';
import { NOW, fixedClock } from '../helpers/clock.js';

const rec = (i: Issued) => parseCertificate(i.der);
/** Why the chain is not trusted, as the untrusted-chain finding says it ('' when trusted). */
const why = (v: ChainVerdict) => (v.trusted ? '' : chainCause(v.cause));

test('a complete chain to a trusted root is trusted, every certificate on the path', async () => {
  const h = await hierarchy({ cn: 'good.test' });
  const v = judgeChain([rec(h.leaf), rec(h.intermediate)], {
    anchors: new TrustAnchors([rec(h.root)]),
    name: 'good.test',
    now: NOW,
  });
  assert.equal(v.trusted, true, why(v));
  assert.deepEqual(v.path, [0, 1]);
  assert.deepEqual(v.offPath, [false, false]);
  assert.equal(v.anchor?.subjectCN, 'Test Root CA');
  assert.equal(v.hostname.ok, true);
});

test('a server whose chain misses the intermediate is untrusted: missing intermediate', async () => {
  const h = await hierarchy({ cn: 'lazy.test' });
  const v = judgeChain([rec(h.leaf)], { anchors: new TrustAnchors([rec(h.root)]), name: 'lazy.test', now: NOW });
  assert.equal(v.trusted, false);
  assert.equal(v.problem, 'missing-intermediate');
  assert.deepEqual(v.cause, {
    reason: 'intermediate-not-sent',
    leaf: 'lazy.test',
    issuer: rec(h.intermediate).subject,
  });
  assert.match(why(v), /did not send the intermediate/);
  assert.match(why(v), /no AIA issuer URL/);
});

test('a missing intermediate that AIA-fetching clients could find is called out as such', async () => {
  const h = await hierarchy({ cn: 'aia.test', caIssuersUrl: 'http://ca.example/int.cer' });
  const v = judgeChain([rec(h.leaf)], { anchors: new TrustAnchors([rec(h.root)]), name: 'aia.test', now: NOW });
  assert.equal(v.problem, 'missing-intermediate');
  assert.match(why(v), /AIA \(http:\/\/ca\.example\/int\.cer\)/);
});

test('a private CA nobody trusts: unknown issuer, or untrusted root when the root is sent', async () => {
  const h = await hierarchy({ cn: 'private.test' }, 'Private');
  const other = await issue({ cn: 'Some Public Root', ca: true });
  const anchors = new TrustAnchors([rec(other)]);
  const v = judgeChain([rec(h.leaf), rec(h.intermediate)], { anchors, name: 'private.test', now: NOW });
  assert.equal(v.problem, 'unknown-issuer');
  assert.match(why(v), /Private Root CA.*ca-file/);
  const withRoot = judgeChain([rec(h.leaf), rec(h.intermediate), rec(h.root)], {
    anchors,
    name: 'private.test',
    now: NOW,
  });
  assert.equal(withRoot.problem, 'untrusted-root');
  // …and trusted once the private root is added as an anchor (ca-file)
  const added = judgeChain([rec(h.leaf), rec(h.intermediate)], {
    anchors: new TrustAnchors([rec(other), rec(h.root)]),
    name: 'private.test',
    now: NOW,
  });
  assert.equal(added.trusted, true);
});

test('a self-signed leaf is untrusted unless it is itself a trust anchor', async () => {
  const self = await issue({ cn: 'selfie.test' });
  const v = judgeChain([rec(self)], { anchors: new TrustAnchors([]), name: 'selfie.test', now: NOW });
  assert.equal(v.problem, 'self-signed');
  assert.match(why(v), /self-signed/);
  const pinned = judgeChain([rec(self)], { anchors: new TrustAnchors([rec(self)]), name: 'selfie.test', now: NOW });
  assert.equal(pinned.trusted, true);
});

test('an expired intermediate on the path makes the chain untrusted and says when it expired', async () => {
  const h = await hierarchy({ cn: 'old-int.test' });
  const expiredInt = await issue({
    cn: 'Test Intermediate CA',
    org: 'Test PKI',
    ca: true,
    issuer: h.root,
    notBefore: fixedClock.at(-400),
    notAfter: fixedClock.at(-5),
  });
  const leaf = await issue({ cn: 'old-int.test', issuer: expiredInt });
  const v = judgeChain([rec(leaf), rec(expiredInt)], {
    anchors: new TrustAnchors([rec(h.root)]),
    name: 'old-int.test',
    now: NOW,
  });
  assert.equal(v.problem, 'expired-intermediate');
  assert.match(why(v), new RegExp(`expired on ${fixedClock.at(-5).toISOString().slice(0, 10)}`));
  // the leaf's own expiry is not a chain problem: the expiry check reports it
  const expiredLeaf = await issue({
    cn: 'old-leaf.test',
    issuer: h.intermediate,
    notBefore: fixedClock.at(-100),
    days: 90,
  });
  assert.equal(
    judgeChain([rec(expiredLeaf), rec(h.intermediate)], {
      anchors: new TrustAnchors([rec(h.root)]),
      name: 'old-leaf.test',
      now: NOW,
    }).trusted,
    true,
  );
});

test('an expired cross-signed root sent for old clients is off the path (not flagged)', async () => {
  const h = await hierarchy({ cn: 'cross.test' });
  const legacyRoot = await issue({
    cn: 'Legacy Root',
    ca: true,
    notBefore: fixedClock.at(-3000),
    days: 2500,
  });
  // same subject and key as "Test Root CA", signed by the legacy root, expired
  const cross = await issue({
    cn: 'Test Root CA',
    org: 'Test PKI',
    ca: true,
    issuer: legacyRoot,
    notBefore: fixedClock.at(-1000),
    notAfter: fixedClock.at(-30),
  });
  const served = [rec(h.leaf), rec(h.intermediate), rec(cross)];
  const v = judgeChain(served, { anchors: new TrustAnchors([rec(h.root)]), name: 'cross.test', now: NOW });
  assert.equal(v.trusted, true, why(v));
  assert.deepEqual(v.offPath, [false, false, true]);
});

test('certificates sent out of order or unrelated do not break the path, and are marked off-path', async () => {
  const h = await hierarchy({ cn: 'messy.test' });
  const stray = await issue({ cn: 'Stray CA', ca: true });
  const v = judgeChain([rec(h.leaf), rec(stray), rec(h.intermediate)], {
    anchors: new TrustAnchors([rec(h.root)]),
    name: 'messy.test',
    now: NOW,
  });
  assert.equal(v.trusted, true);
  assert.deepEqual(v.path, [0, 2]);
  assert.deepEqual(v.offPath, [false, true, false]);
});

test('a certificate for another name is a hostname mismatch; IP SANs match IP hosts', async () => {
  const h = await hierarchy({ cn: 'www.example.test', sans: ['www.example.test', '127.0.0.1'] });
  const anchors = new TrustAnchors([rec(h.root)]);
  const served = [rec(h.leaf), rec(h.intermediate)];
  const wrong = judgeChain(served, { anchors, name: 'api.example.test', now: NOW });
  assert.equal(wrong.trusted, true);
  assert.equal(wrong.hostname.ok, false);
  assert.match(
    wrong.hostname.ok ? '' : hostnameCause(wrong.hostname.cause),
    /covers www\.example\.test, 127\.0\.0\.1, not "api\.example\.test"/,
  );
  assert.equal(judgeChain(served, { anchors, name: '127.0.0.1', now: NOW }).hostname.ok, true);
  assert.equal(judgeChain(served, { anchors, name: '127.0.0.2', now: NOW }).hostname.ok, false);
  assert.equal(judgeChain(served, { anchors, name: 'WWW.Example.TEST', now: NOW }).hostname.ok, true);
});

test('an OpenSSL error we do not model (e.g. INVALID_CA) still makes the chain untrusted', async () => {
  const h = await hierarchy({ cn: 'odd.test' });
  const v = judgeChain([rec(h.leaf), rec(h.intermediate)], {
    anchors: new TrustAnchors([rec(h.root)]),
    name: 'odd.test',
    now: NOW,
    authorizationError: 'INVALID_CA',
  });
  assert.equal(v.problem, 'rejected');
  assert.match(why(v), /INVALID_CA/);
  // errors about time and issuers are ours to judge: not double-reported
  assert.equal(
    judgeChain([rec(h.leaf), rec(h.intermediate)], {
      anchors: new TrustAnchors([rec(h.root)]),
      name: 'odd.test',
      now: NOW,
      authorizationError: 'CERT_HAS_EXPIRED',
    }).trusted,
    true,
  );
});

test('hostile certificate names travel verbatim in the cause and are defused only where a medium prints them', async () => {
  const cn = '@octocat [x](https://evil.example) <img src=x> #1\n::error::pwned';
  const hostile = await hostileCertificate({
    cn,
    dnsSans: ['%0A::warning::owned', 'b.example'],
    notBefore: fixedClock.at(-1),
    notAfter: fixedClock.at(30),
    caIssuersUrl: 'http://127.0.0.1:9/@octocat/[y](z)',
  });
  const r = parseCertificate(hostile.der);
  const v = judgeChain([r], { anchors: new TrustAnchors([]), name: 'shop.example', now: NOW });
  // The data holds the certificate's own text (a program reading the JSON report sees it unchanged)…
  assert.deepEqual(v.cause, { reason: 'self-signed', leaf: displayName(r) });
  assert.match(displayName(r), /^@octocat \[x\]\(https:\/\/evil\.example\) <img src=x> #1/);
  assert.deepEqual(v.hostname.ok ? undefined : v.hostname.cause, {
    reason: 'name-not-covered',
    name: 'shop.example',
    covers: ['%0A::warning::owned', 'b.example'],
  });
  // …and every medium escapes the sentence written from it.
  const sentences = [why(v), v.hostname.ok ? '' : hostnameCause(v.hostname.cause)];
  for (const s of sentences) {
    const md = mdUntrusted(s);
    assert.doesNotMatch(md, /(^|[^\w\u200b])@octocat|\]\(https?:|<img|(^|\s)#1\b|\n/);
    for (const line of workflowSafe(s).split(/\r\n|\r|\n/)) assert.doesNotMatch(line, /^\s*::/);
    assert.doesNotMatch(sarifUntrusted(s), /(^|[^\\])\[[^\]]*\]\(|\n/);
  }
});
