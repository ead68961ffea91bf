// Adversarial review of the revocation path: answers that must never count as
// "good" (or must not hide a revocation). Loopback HTTP only.
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkRevocation } from '../../../src/checks/revocation/check-revocation.js';
import { closeHttp } from '../../../src/net/http-fetch.js';
import type { ObservedCertificate } from '../../../src/types.js';
import { hierarchy, issue, type Issued } from '../../helpers/pki.js';
import { buildCrl, type CrlSpec } from '../../helpers/der-writer.js';
import {
  ctxFor,
  observed,
  privateKey,
  rec,
  send,
  settingsFor,
  startServer,
  type TestServer,
} from '../../helpers/revocation-fixtures.js';
import { revocationSaid } from '../../helpers/said.js';
import { tempDir, removeTempDir } from '../../helpers/workspace.js';
import { DAY, NOW, fixedClock } from '../../helpers/clock.js';

let srv: TestServer;
let inter: Issued;

before(async () => {
  srv = await startServer();
  ({ intermediate: inter } = await hierarchy({ cn: 'unused.example' }, 'Review'));
});
after(async () => {
  await srv.close();
  await closeHttp();
});

async function leaf(path: string, serial: string): Promise<Issued> {
  return issue({ cn: `leaf${path.replace(/\W/g, '-')}.example`, issuer: inter, crlUrl: srv.base + path, serial });
}

function crl(o: Partial<CrlSpec> = {}): Buffer {
  return buildCrl({
    issuerNameDer: rec(inter).subjectNameDer,
    signingKey: privateKey(inter),
    thisUpdate: fixedClock.at(-1),
    nextUpdate: fixedClock.at(6),
    crlNumber: 7,
    ...o,
  });
}

async function check(l: Issued, o: { cacheDir?: string; workspace?: string } = {}): Promise<ObservedCertificate> {
  const obs = observed(rec(l), { companions: [rec(inter)] });
  const settings = settingsFor({
    revocation: 'soft',
    cacheDir: o.cacheDir ?? '',
    workspace: o.workspace,
    timeoutMs: 1500,
  });
  await checkRevocation([obs], ctxFor(settings, NOW));
  return obs;
}

describe('delta CRLs', () => {
  test('a delta CRL older than the complete CRL (delta number ≤ base number) is not applied over it', async () => {
    // RFC 5280 §5.2.4 (d): combine only when the complete CRL's number is LESS
    // than the delta's. Here the complete CRL #25 put the certificate on hold
    // again after an older delta #22 (base #20) had released it: applying the
    // old delta's removeFromCRL would turn a revoked certificate into "good".
    const l = await leaf('/rv-base.crl', '0f0f01');
    srv.routes.set(
      '/rv-base.crl',
      send(
        crl({
          crlNumber: 25,
          freshestUrls: [srv.base + '/rv-delta.crl'],
          entries: [{ serial: 0x0f0f01, revokedAt: NOW, reason: 6 }],
        }),
      ),
    );
    srv.routes.set(
      '/rv-delta.crl',
      send(crl({ crlNumber: 22, deltaBase: 20, entries: [{ serial: 0x0f0f01, revokedAt: NOW, reason: 8 }] })),
    );
    const obs = await check(l);
    assert.equal(obs.revocation?.status, 'revoked', JSON.stringify(obs.revocation));
    assert.match(revocationSaid(obs), /delta CRL not applied/);
  });
});

describe('CRL disk cache', () => {
  test('a cache entry whose fetch time lies in the future is not taken as fresh (it would pin an old CRL until nextUpdate)', async () => {
    const ws = await tempDir('cw-review-');
    try {
      const l = await leaf('/rv-cache.crl', '0f0f02');
      srv.routes.set('/rv-cache.crl', send(crl()));
      assert.equal((await check(l, { workspace: ws, cacheDir: '.cache' })).revocation?.status, 'good');
      // The CA revokes it and reissues the CRL; the cache metadata claims a fetch in the future.
      srv.routes.set(
        '/rv-cache.crl',
        send(crl({ crlNumber: 8, entries: [{ serial: 0x0f0f02, revokedAt: NOW, reason: 1 }] })),
      );
      const dir = join(ws, '.cache', 'crl');
      const meta = (await readdir(dir)).find((f) => f.endsWith('.json'))!;
      const m = JSON.parse(await readFile(join(dir, meta), 'utf8'));
      m.fetchedAt = Date.now() + 365 * DAY;
      await writeFile(join(dir, meta), JSON.stringify(m));
      const obs = await check(l, { workspace: ws, cacheDir: '.cache' });
      assert.equal(obs.revocation?.status, 'revoked', JSON.stringify(obs.revocation));
    } finally {
      await removeTempDir(ws);
    }
  });
});

describe('CRL without nextUpdate, server down', () => {
  test('a cached copy fetched recently answers; one fetched a month ago does not (it has no expiry of its own)', async () => {
    const ws = await tempDir('cw-nonext-');
    try {
      const l = await leaf('/rv-nonext.crl', '0f0f09');
      srv.routes.set('/rv-nonext.crl', send(crl({ nextUpdate: undefined })));
      assert.equal((await check(l, { workspace: ws, cacheDir: '.cache' })).revocation?.status, 'good');
      srv.routes.set('/rv-nonext.crl', send('down', 'text/plain', 503));
      const dir = join(ws, '.cache', 'crl');
      const meta = (await readdir(dir)).find((f) => f.endsWith('.json'))!;
      const setAge = async (ms: number) => {
        const m = JSON.parse(await readFile(join(dir, meta), 'utf8'));
        m.fetchedAt = Date.now() - ms;
        await writeFile(join(dir, meta), JSON.stringify(m));
      };
      await setAge(2 * DAY);
      assert.equal((await check(l, { workspace: ws, cacheDir: '.cache' })).revocation?.status, 'good');
      await setAge(30 * DAY);
      const obs = await check(l, { workspace: ws, cacheDir: '.cache' });
      assert.equal(obs.revocation?.status, 'unknown', JSON.stringify(obs.revocation));
    } finally {
      await removeTempDir(ws);
    }
  });
});

describe('stale answers still prove revocation (never good)', () => {
  test('a verified CRL past its nextUpdate that lists the certificate makes it revoked, not merely unknown', async () => {
    const l = await leaf('/rv-stale.crl', '0f0f03');
    srv.routes.set(
      '/rv-stale.crl',
      send(
        crl({
          thisUpdate: fixedClock.at(-12),
          nextUpdate: fixedClock.at(-2),
          entries: [{ serial: 0x0f0f03, revokedAt: fixedClock.at(-13), reason: 1 }],
        }),
      ),
    );
    const obs = await check(l);
    assert.equal(obs.revocation?.status, 'revoked', JSON.stringify(obs.revocation));
    assert.equal(obs.revocation?.reason, 'keyCompromise');
    assert.deepEqual(
      obs.findings.map((f) => f.id),
      ['revoked'],
    );
  });

  test('…but a stale CRL that does not list it is unknown, and a stale hold is unknown too', async () => {
    const a = await leaf('/rv-stale2.crl', '0f0f04');
    const b = await leaf('/rv-stale2.crl', '0f0f05');
    srv.routes.set(
      '/rv-stale2.crl',
      send(
        crl({
          thisUpdate: fixedClock.at(-12),
          nextUpdate: fixedClock.at(-2),
          entries: [{ serial: 0x0f0f05, revokedAt: NOW, reason: 6 }],
        }),
      ),
    );
    for (const l of [a, b]) {
      const obs = await check(l);
      assert.equal(obs.revocation?.status, 'unknown', JSON.stringify(obs.revocation));
      assert.match(revocationSaid(obs), /CRL is stale: nextUpdate/);
    }
  });
});

describe('stale OCSP', () => {
  test('a verified but stale OCSP "revoked" counts as revoked; a stale "good" or stale hold never counts', async () => {
    const { verifyOcsp } = await import('../../../src/checks/revocation/verify-ocsp.js');
    const { buildOcspResponse } = await import('../../helpers/ocsp-builder.js');
    const l = await issue({ cn: 'stale-ocsp.example', issuer: inter, serial: '0f0f06' });
    const base = {
      issuer: rec(inter),
      serialBytes: rec(l).serialBytes,
      signingKey: privateKey(inter),
      thisUpdate: fixedClock.at(-10),
      nextUpdate: fixedClock.at(-3),
    };
    const revoked = verifyOcsp(buildOcspResponse({ ...base, status: 'revoked', reason: 1 }), rec(l), rec(inter), NOW);
    assert.equal(revoked.status, 'revoked');
    assert.equal(verifyOcsp(buildOcspResponse({ ...base, status: 'good' }), rec(l), rec(inter), NOW).status, 'unknown');
    assert.equal(
      verifyOcsp(buildOcspResponse({ ...base, status: 'revoked', reason: 6 }), rec(l), rec(inter), NOW).status,
      'unknown',
    );
  });
});
