// CRL path: certificates whose CRL distribution point is served by a loopback
// HTTP server, with CRLs built byte by byte (including the forms real CAs
// publish and broken servers return). Every bad input must end as
// "revocation-unknown" with its cause — never "good", never a thrown error.
import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkRevocation } from '../../../src/checks/revocation/check-revocation.js';
import { scanCrl } from '../../../src/x509/crl-lookup.js';
import { closeHttp } from '../../../src/net/http-fetch.js';
import type { ObservedCertificate } from '../../../src/types.js';
import { hierarchy, issue, pemBlock, type Issued } from '../../helpers/pki.js';
import { buildCrl, type CrlSpec } from '../../helpers/der-writer.js';
import {
  assertUnknown,
  ctxFor,
  findingIds,
  observed,
  privateKey,
  rec,
  send,
  settingsFor,
  startServer,
  type TestServer,
} from '../../helpers/revocation-fixtures.js';
import { revocationSaid, said } from '../../helpers/said.js';
import { tempDir, removeTempDir } from '../../helpers/workspace.js';
import { NOW, fixedClock } from '../../helpers/clock.js';

let srv: TestServer;
let root: Issued;
let inter: Issued;

before(async () => {
  srv = await startServer();
  ({ root, intermediate: inter } = await hierarchy({ cn: 'unused.example' }, 'Crl'));
});
after(async () => {
  await srv.close();
  await closeHttp();
});

/** A leaf under the test intermediate whose CRL DP is `path` on the test server. */
async function leaf(
  path: string,
  extra: { serial?: string; cn?: string; notAfter?: Date; notBefore?: Date } = {},
): Promise<Issued> {
  return issue({
    cn: extra.cn ?? `leaf${path.replace(/\W/g, '-')}.example`,
    issuer: inter,
    crlUrl: srv.base + path,
    serial: extra.serial,
    notAfter: extra.notAfter,
    notBefore: extra.notBefore,
  });
}

function crlBy(signer: Issued, nameOf: Issued, o: Partial<CrlSpec> = {}): Buffer {
  return buildCrl({
    issuerNameDer: rec(nameOf).subjectNameDer,
    signingKey: privateKey(signer),
    thisUpdate: fixedClock.at(-1),
    nextUpdate: fixedClock.at(6),
    crlNumber: 7,
    ...o,
  });
}

async function check(
  l: Issued,
  o: {
    mode?: 'soft' | 'hard' | 'off';
    cacheDir?: string;
    workspace?: string;
    crlMaxBytes?: number;
    known?: Issued[];
    companions?: Issued[];
  } = {},
): Promise<ObservedCertificate> {
  const obs = observed(rec(l), { companions: (o.companions ?? [inter]).map(rec) });
  const settings = settingsFor({
    revocation: o.mode ?? 'soft',
    cacheDir: o.cacheDir ?? '',
    workspace: o.workspace,
    timeoutMs: 1500,
  });
  await checkRevocation([obs], ctxFor(settings, NOW, (o.known ?? []).map(rec), { crlMaxBytes: o.crlMaxBytes }));
  return obs;
}

describe('scanCrl', () => {
  test('finds serials as integers: a redundant leading 00 matches, a short serial does not match a longer one ending the same', () => {
    const crl = scanCrl(
      crlBy(inter, inter, {
        entries: [
          { serial: Buffer.from('0a0b0c', 'hex'), revokedAt: fixedClock.at(-2), reason: 1 },
          { serial: Buffer.from('ffee', 'hex'), revokedAt: fixedClock.at(-3) }, // encoded 00 ff ee
          { rawSerial: Buffer.from('000011', 'hex'), serial: 0, revokedAt: NOW }, // non-minimal encoding seen in the wild
        ],
      }),
    );
    assert.equal(crl.count, 3);
    assert.equal(crl.find(Buffer.from('0a0b0c', 'hex'))?.reason, 'keyCompromise');
    assert.equal(crl.find(Buffer.from('000a0b0c', 'hex'))?.reason, 'keyCompromise');
    assert.ok(crl.find(Buffer.from('00ffee', 'hex')), 'serial with a sign pad byte');
    assert.equal(crl.find(Buffer.from('00ffee', 'hex'))?.revokedAt.toISOString(), fixedClock.at(-3).toISOString());
    assert.equal(crl.find(Buffer.from('ffee', 'hex')), null, 'FF EE is −18, not +65518: the sign counts');
    assert.ok(crl.find(Buffer.from('11', 'hex')), 'entry whose INTEGER had redundant zeros');
    assert.equal(crl.find(Buffer.from('0b0c', 'hex')), null, 'a suffix is not the same serial');
    assert.equal(
      crl.find(Buffer.from('010a0b0c', 'hex')),
      null,
      'a longer serial with the same suffix is not the same serial',
    );
  });

  test('the hash index (used past 64 entries) agrees with the linear scan', () => {
    const entries = Array.from({ length: 500 }, (_, i) => ({
      serial: BigInt(i * 7919 + 1),
      revokedAt: NOW,
      reason: i % 11 === 0 ? 4 : undefined,
    }));
    const crl = scanCrl(crlBy(inter, inter, { entries }));
    assert.equal(crl.count, 500);
    for (let i = 0; i < 500; i++)
      assert.ok(
        crl.find(
          Buffer.from(
            BigInt(i * 7919 + 1)
              .toString(16)
              .padStart(8, '0'),
            'hex',
          ),
        ),
        `entry ${i}`,
      );
    assert.equal(crl.find(Buffer.from([0x02])), null);
    assert.equal(crl.find(Buffer.from('0000000000', 'hex')), null);
  });

  test('a truncated CRL is refused, not read as a shorter list', () => {
    const der = crlBy(inter, inter, { entries: [{ serial: 5, revokedAt: NOW }] });
    assert.throws(() => scanCrl(der.subarray(0, der.length - 20)), /malformed CRL|runs past/);
  });
});

describe('checkRevocation via CRL', () => {
  test('a revoked leaf fails with `revoked`, its reason and date', async () => {
    const l = await leaf('/r1.crl', { serial: '7f0001' });
    const revokedAt = fixedClock.at(-2);
    srv.routes.set(
      '/r1.crl',
      send(
        crlBy(inter, inter, {
          entries: [
            { serial: 0x7f0001, revokedAt, reason: 1 },
            { serial: 99, revokedAt },
          ],
        }),
      ),
    );
    const obs = await check(l);
    assert.equal(obs.revocation?.status, 'revoked');
    assert.equal(obs.revocation?.method, 'crl');
    assert.equal(obs.revocation?.reason, 'keyCompromise');
    assert.equal(obs.revocation?.revokedAt?.toISOString(), revokedAt.toISOString());
    assert.deepEqual(findingIds(obs), ['revoked/error']);
    assert.match(said(obs.findings[0]), /keyCompromise/);
    assert.match(said(obs.findings[0]), new RegExp(revokedAt.toISOString().slice(0, 10)));
    assert.match(said(obs.findings[0]), /CRL http:\/\/127\.0\.0\.1/);
  });

  test('a leaf not on a valid CRL is good, with no finding', async () => {
    const l = await leaf('/g1.crl');
    srv.routes.set('/g1.crl', send(crlBy(inter, inter, { entries: [{ serial: 12345, revokedAt: NOW }] })));
    const obs = await check(l);
    assert.equal(obs.revocation?.status, 'good');
    assert.equal(obs.revocation?.method, 'crl');
    assert.deepEqual(obs.findings, []);
  });

  test('a CRL without nextUpdate is valid and its entries count (the library that loses them must not be used)', async () => {
    const l = await leaf('/nonext.crl', { serial: '0abc01' });
    srv.routes.set(
      '/nonext.crl',
      send(crlBy(inter, inter, { nextUpdate: undefined, entries: [{ serial: 0x0abc01, revokedAt: NOW, reason: 4 }] })),
    );
    const obs = await check(l);
    assert.equal(obs.revocation?.status, 'revoked');
    assert.equal(obs.revocation?.reason, 'superseded');
  });

  test('a PEM-encoded CRL is read too', async () => {
    const l = await leaf('/pem.crl', { serial: '0abc02' });
    srv.routes.set(
      '/pem.crl',
      send(
        pemBlock('X509 CRL', crlBy(inter, inter, { entries: [{ serial: 0x0abc02, revokedAt: NOW }] })),
        'application/x-pem-file',
      ),
    );
    assert.equal((await check(l)).revocation?.status, 'revoked');
  });

  test('a CRL signed by the wrong key is unknown, even when it lists nothing', async () => {
    const l = await leaf('/wrongkey.crl');
    const impostor = await issue({ cn: 'Impostor CA', ca: true });
    srv.routes.set('/wrongkey.crl', send(crlBy(impostor, inter)));
    assertUnknown(await check(l), /not signed by .*signature does not verify/);
  });

  test('a truncated CRL is unknown', async () => {
    const l = await leaf('/trunc.crl');
    const der = crlBy(inter, inter, {
      entries: Array.from({ length: 50 }, (_, i) => ({ serial: i + 1000, revokedAt: NOW })),
    });
    srv.routes.set('/trunc.crl', send(der.subarray(0, Math.floor(der.length * 0.6))));
    assertUnknown(await check(l), /unreadable: malformed CRL/);
  });

  test('a CRL 10× over the size cap is refused before it is held in memory', async () => {
    const l = await leaf('/huge.crl');
    const cap = 4096;
    // stream it without a content-length, so the cap must cut the stream itself
    srv.routes.set('/huge.crl', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pkix-crl' });
      for (let i = 0; i < 10; i++) res.write(Buffer.alloc(cap, 0x30));
      res.end();
    });
    assertUnknown(await check(l, { crlMaxBytes: cap }), /exceeds the 4096-byte limit/);
  });

  test('a CRL announced bigger than the cap is refused from its content-length', async () => {
    const l = await leaf('/huge2.crl');
    srv.routes.set('/huge2.crl', send(Buffer.alloc(40_960, 0x30)));
    assertUnknown(await check(l, { crlMaxBytes: 4096 }), /40960 bytes exceeds the 4096-byte limit/);
  });

  test('a CRL that is not yet valid is unknown', async () => {
    const l = await leaf('/future.crl');
    srv.routes.set(
      '/future.crl',
      send(
        crlBy(inter, inter, {
          thisUpdate: fixedClock.at(1),
          nextUpdate: fixedClock.at(8),
        }),
      ),
    );
    assertUnknown(await check(l), /not yet valid: thisUpdate/);
  });

  test('a stale CRL is unknown, naming its nextUpdate', async () => {
    const l = await leaf('/stale.crl');
    const nextUpdate = fixedClock.at(-2);
    srv.routes.set('/stale.crl', send(crlBy(inter, inter, { thisUpdate: fixedClock.at(-9), nextUpdate })));
    assertUnknown(await check(l), new RegExp(`CRL is stale: nextUpdate ${nextUpdate.toISOString()}`));
  });

  test('the wrong shard of a sharded CRL is unknown (Issuing Distribution Point names another URL)', async () => {
    const l = await leaf('/shard/3.crl', { serial: '0d0d0d' });
    // The CRL of shard 7: its entries say nothing about certificates of shard 3.
    srv.routes.set('/shard/3.crl', send(crlBy(inter, inter, { idpUrls: [srv.base + '/shard/7.crl'] })));
    assertUnknown(await check(l), /wrong CRL shard/);
  });

  test('the right shard is accepted', async () => {
    const l = await leaf('/shard/4.crl', { serial: '0d0d0e' });
    srv.routes.set(
      '/shard/4.crl',
      send(
        crlBy(inter, inter, {
          idpUrls: [srv.base + '/shard/4.crl'],
          entries: [{ serial: 0x0d0d0e, revokedAt: NOW, reason: 5 }],
        }),
      ),
    );
    const obs = await check(l);
    assert.equal(obs.revocation?.status, 'revoked');
    assert.equal(obs.revocation?.reason, 'cessationOfOperation');
  });

  test('a CRL with a critical extension we cannot process is not used', async () => {
    const l = await leaf('/crit.crl');
    srv.routes.set('/crit.crl', send(crlBy(inter, inter, { criticalUnknownExtension: true })));
    assertUnknown(await check(l), /critical extensions/);
  });

  test('a CRL server returning 500 is unknown with the HTTP status', async () => {
    const l = await leaf('/e500.crl');
    srv.routes.set('/e500.crl', send('oops', 'text/plain', 500));
    assertUnknown(await check(l), /fetching CRL http:\/\/127\.0\.0\.1:\d+\/e500\.crl: HTTP 500/);
  });

  test('hard mode makes unknown an error', async () => {
    const l = await leaf('/hard.crl');
    srv.routes.set('/hard.crl', send('oops', 'text/plain', 503));
    const obs = await check(l, { mode: 'hard' });
    assert.deepEqual(findingIds(obs), ['revocation-unknown/error']);
  });

  test('mode off checks nothing', async () => {
    const l = await leaf('/off.crl');
    const obs = await check(l, { mode: 'off' });
    assert.equal(obs.revocation?.status, 'not-checked');
    assert.equal(srv.hits.get('/off.crl'), undefined);
    assert.deepEqual(obs.findings, []);
  });

  test('a revoked intermediate fails too (its issuer, the root, among the known certificates)', async () => {
    const mid = await issue({
      cn: 'Crl Revoked Intermediate',
      ca: true,
      issuer: root,
      crlUrl: srv.base + '/root.crl',
      serial: '4242',
      days: 900,
    });
    srv.routes.set('/root.crl', send(crlBy(root, root, { entries: [{ serial: 0x4242, revokedAt: NOW, reason: 2 }] })));
    const obs = observed(rec(mid), { role: 'intermediate' });
    await checkRevocation([obs], ctxFor(settingsFor(), NOW, [rec(root)]));
    assert.equal(obs.revocation?.status, 'revoked');
    assert.equal(obs.revocation?.reason, 'cACompromise');
  });

  test('each CRL URL is fetched once however many certificates point at it', async () => {
    const leaves = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        issue({ cn: `shared${i}.example`, issuer: inter, crlUrl: srv.base + '/shared.crl' }),
      ),
    );
    srv.routes.set(
      '/shared.crl',
      send(crlBy(inter, inter, { entries: [{ serial: rec(leaves[2]).serialBytes, revokedAt: NOW }] })),
    );
    const obs = leaves.map((l) => observed(rec(l), { companions: [rec(inter)] }));
    await checkRevocation(obs, ctxFor(settingsFor(), NOW));
    assert.equal(srv.hits.get('/shared.crl'), 1);
    assert.deepEqual(
      obs.map((o) => o.revocation?.status),
      ['good', 'good', 'revoked', 'good', 'good', 'good'],
    );
  });

  test('the disk cache saves the download on the next run, and a tampered cache file is not trusted', async () => {
    const ws = await tempDir('certwatch-crlcache-');
    try {
      const l = await leaf('/cached.crl', { serial: '0c0c0c' });
      srv.routes.set('/cached.crl', send(crlBy(inter, inter, { entries: [{ serial: 0x0c0c0c, revokedAt: NOW }] })));
      assert.equal((await check(l, { workspace: ws, cacheDir: '.cache' })).revocation?.status, 'revoked');
      assert.equal((await check(l, { workspace: ws, cacheDir: '.cache' })).revocation?.status, 'revoked');
      assert.equal(srv.hits.get('/cached.crl'), 1, 'second run read the cache');
      // Forge the cached copy: an empty CRL signed by someone else.
      const impostor = await issue({ cn: 'Cache Impostor', ca: true });
      const dir = join(ws, '.cache', 'crl');
      const file = (await readdir(dir)).find((f) => f.endsWith('.crl'))!;
      await writeFile(join(dir, file), crlBy(impostor, inter));
      assert.equal((await check(l, { workspace: ws, cacheDir: '.cache' })).revocation?.status, 'revoked');
      assert.equal(srv.hits.get('/cached.crl'), 2, 'the forged cache entry was refetched');
    } finally {
      await removeTempDir(ws);
    }
  });

  test('a delta CRL named by FreshestCRL is applied: revoked since the base was issued', async () => {
    const l = await leaf('/base.crl', { serial: '0e0e01' });
    srv.routes.set('/base.crl', send(crlBy(inter, inter, { crlNumber: 10, freshestUrls: [srv.base + '/delta.crl'] })));
    srv.routes.set(
      '/delta.crl',
      send(
        crlBy(inter, inter, {
          crlNumber: 11,
          deltaBase: 10,
          entries: [{ serial: 0x0e0e01, revokedAt: NOW, reason: 1 }],
        }),
      ),
    );
    const obs = await check(l);
    assert.equal(obs.revocation?.status, 'revoked');
    assert.equal(obs.revocation?.reason, 'keyCompromise');
  });

  test('a delta CRL removeFromCRL releases a certificateHold from the base', async () => {
    const l = await leaf('/base2.crl', { serial: '0e0e02' });
    srv.routes.set(
      '/base2.crl',
      send(
        crlBy(inter, inter, {
          crlNumber: 20,
          freshestUrls: [srv.base + '/delta2.crl'],
          entries: [{ serial: 0x0e0e02, revokedAt: NOW, reason: 6 }],
        }),
      ),
    );
    srv.routes.set(
      '/delta2.crl',
      send(
        crlBy(inter, inter, {
          crlNumber: 21,
          deltaBase: 20,
          entries: [{ serial: 0x0e0e02, revokedAt: NOW, reason: 8 }],
        }),
      ),
    );
    assert.equal((await check(l)).revocation?.status, 'good');
  });

  test('a forged delta CRL is ignored (base answer stands, with a note)', async () => {
    const l = await leaf('/base3.crl', { serial: '0e0e03' });
    const impostor = await issue({ cn: 'Delta Impostor', ca: true });
    srv.routes.set(
      '/base3.crl',
      send(crlBy(inter, inter, { crlNumber: 30, freshestUrls: [srv.base + '/delta3.crl'] })),
    );
    srv.routes.set(
      '/delta3.crl',
      send(
        crlBy(impostor, inter, {
          crlNumber: 31,
          deltaBase: 30,
          entries: [{ serial: 0x0e0e03, revokedAt: NOW, reason: 1 }],
        }),
      ),
    );
    const obs = await check(l);
    assert.equal(obs.revocation?.status, 'good');
    assert.match(revocationSaid(obs), /delta CRL not applied/);
  });

  test('a certificate without OCSP or CRL URLs is not-checked, not unknown', async () => {
    const l = await issue({ cn: 'short-lived.example', issuer: inter, days: 6 });
    const obs = await check(l);
    assert.equal(obs.revocation?.status, 'not-checked');
    assert.deepEqual(obs.findings, []);
  });

  test('an ldap:// CRL URL is skipped with a reason, not fetched', async () => {
    const l = await issue({ cn: 'ldap.example', issuer: inter, crlUrl: 'ldap://ldap.example/cn=CRL' });
    const obs = await check(l);
    assert.equal(obs.revocation?.status, 'not-checked');
    assert.match(revocationSaid(obs), /ldap:\/\/ URLs are not fetched/);
    // In hard mode an unverifiable status must fail, so ldap-only pointers are unknown (an error).
    const hard = await check(l, { mode: 'hard' });
    assert.equal(hard.revocation?.status, 'unknown');
    assert.deepEqual(
      hard.findings.map((f) => `${f.id}/${f.severity}`),
      ['revocation-unknown/error'],
    );
  });

  test('an expired certificate is not checked', async () => {
    const l = await leaf('/expired.crl', {
      notBefore: fixedClock.at(-100),
      notAfter: fixedClock.at(-1),
    });
    const obs = await check(l);
    assert.equal(obs.revocation?.status, 'not-checked');
    assert.equal(srv.hits.get('/expired.crl'), undefined);
  });

  test('a root is not checked', async () => {
    const obs = observed(rec(root), { role: 'root' });
    await checkRevocation([obs], ctxFor(settingsFor(), NOW));
    assert.equal(obs.revocation?.status, 'not-checked');
  });

  test('the issuer is fetched from AIA caIssuers when not in the chain, and verified', async () => {
    const l = await issue({
      cn: 'aia-good.example',
      issuer: inter,
      crlUrl: srv.base + '/aia.crl',
      caIssuersUrl: srv.base + '/inter.der',
      serial: '0a1a01',
    });
    srv.routes.set('/inter.der', send(inter.der, 'application/pkix-cert'));
    srv.routes.set('/aia.crl', send(crlBy(inter, inter, { entries: [{ serial: 0x0a1a01, revokedAt: NOW }] })));
    assert.equal((await check(l, { companions: [] })).revocation?.status, 'revoked');
  });

  test('an AIA issuer URL returning the wrong certificate gives unknown', async () => {
    const l = await issue({
      cn: 'aia-wrong.example',
      issuer: inter,
      crlUrl: srv.base + '/aia2.crl',
      caIssuersUrl: srv.base + '/wrong.der',
    });
    const other = await issue({ cn: 'Crl Intermediate CA', ca: true, issuer: root, key: 'ec384' }); // same name, other key
    srv.routes.set('/wrong.der', send(other.der, 'application/pkix-cert'));
    srv.routes.set('/aia2.crl', send(crlBy(inter, inter)));
    const obs = await check(l, { companions: [] });
    assertUnknown(
      obs,
      /AIA issuer URL .*wrong\.der returned CN=Crl Intermediate CA.*which did not sign this certificate/,
    );
    assert.equal(srv.hits.get('/aia2.crl'), undefined, 'no CRL is judged without a verified issuer');
  });
});
