// ACME Renewal Information (RFC 9773) against a loopback stand-in for an ACME
// CA: a directory advertising renewalInfo, and windows that are normal, open,
// moved into the past (the mass-revocation signal), or broken in the ways a
// server can break. Problems never crash and never land on the certificate.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ariCertId, checkRenewalInfo } from '../../../src/checks/ari/check-renewal-info.js';
import { ariCaFor } from '../../../src/checks/ari/ari-directories.js';
import {
  ARI_DEFAULT_RETRY_MS,
  ARI_MAX_RETRY_MS,
  ARI_MIN_RETRY_MS,
  parseRfc3339,
  retryAfterMs,
} from '../../../src/checks/ari/fetch-renewal-info.js';
import { closeHttp } from '../../../src/net/http-fetch.js';
import type { CertificateRecord, ObservedCertificate, Settings } from '../../../src/types.js';
import { hierarchy, issue, type Issued } from '../../helpers/pki.js';
import {
  ctxFor,
  json,
  observed,
  rec,
  send,
  settingsFor,
  startServer,
  type TestServer,
} from '../../helpers/revocation-fixtures.js';
import { said } from '../../helpers/said.js';
import { tempDir, removeTempDir } from '../../helpers/workspace.js';
import { NOW, HOUR, fixedClock } from '../../helpers/clock.js';

let srv: TestServer;
let inter: Issued;
let n = 0;

before(async () => {
  srv = await startServer();
  ({ intermediate: inter } = await hierarchy({ cn: 'unused.example' }, 'Acme'));
});
after(async () => {
  await srv.close();
  await closeHttp();
});

/** A fresh directory on the test server (its own path, so tests do not share hits). */
function directory(): { url: string; info: string } {
  const k = ++n;
  const info = `${srv.base}/acme${k}/renewal-info`;
  srv.routes.set(`/acme${k}/directory`, json({ newNonce: `${srv.base}/nonce`, renewalInfo: info }));
  return { url: `${srv.base}/acme${k}/directory`, info };
}

function settings(dir: string, o: { enabled?: boolean; cacheDir?: string; workspace?: string } = {}): Settings {
  return settingsFor({
    ari: { enabled: o.enabled ?? true, directories: [{ issuer: 'acme intermediate', directory: dir }] },
    cacheDir: o.cacheDir ?? '',
    workspace: o.workspace,
  });
}

async function leaf(cn: string, extra: { notAfter?: Date; notBefore?: Date } = {}): Promise<ObservedCertificate> {
  return observed(rec(await issue({ cn, issuer: inter, ...extra })));
}

function windowRoute(
  info: string,
  obs: ObservedCertificate,
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): string {
  const path = new URL(`${info}/${ariCertId(obs.cert)}`).pathname;
  srv.routes.set(
    path,
    typeof body === 'string' ? send(body, 'application/json', status, headers) : json(body, status, headers),
  );
  return path;
}

describe('ARI certificate identifier (RFC 9773 §4.1)', () => {
  test("the RFC's example: AKI 69:88:5B:… and serial 0x87654321 give aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE", () => {
    const stub = {
      authorityKeyId: Buffer.from('69885b6b87464041e1b37b847ba0ae2cde01c8d4', 'hex'),
      serialBytes: Buffer.from('0087654321', 'hex'),
    } as CertificateRecord;
    assert.equal(ariCertId(stub), 'aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE');
  });

  test('a real certificate with serial 87654321 keeps the 00 pad byte of its DER INTEGER', async () => {
    const c = rec(await issue({ cn: 'ari-id.example', issuer: inter, serial: '87654321' }));
    const id = ariCertId(c)!;
    assert.equal(id.split('.')[1], 'AIdlQyE');
    assert.equal(id.split('.')[0], c.authorityKeyId!.toString('base64url'));
    assert.doesNotMatch(id, /=/);
  });

  test('no AKI, no identifier', () => {
    assert.equal(ariCertId({ serialBytes: Buffer.from([1]) } as CertificateRecord), null);
  });
});

describe('ACME CA for an issuer', () => {
  test("Let's Encrypt and Google Trust Services are built in, matched by the issuer's O=", () => {
    const le = ariCaFor({ issuerO: "Let's Encrypt", issuerCN: 'R11' } as CertificateRecord, []);
    assert.equal(le?.directory, 'https://acme-v02.api.letsencrypt.org/directory');
    const gts = ariCaFor({ issuerO: 'Google Trust Services', issuerCN: 'WR1' } as CertificateRecord, []);
    assert.equal(gts?.directory, 'https://dv.acme-v02.api.pki.goog/directory');
    assert.equal(ariCaFor({ issuerO: 'DigiCert Inc', issuerCN: 'DigiCert TLS' } as CertificateRecord, []), null);
  });

  test('configured directories match a case-insensitive substring of O= or CN=, before the built-ins', () => {
    const dirs = [{ issuer: 'example private', directory: 'https://acme.example.internal/directory' }];
    assert.equal(
      ariCaFor({ issuerCN: 'Example Private CA R2' } as CertificateRecord, dirs)?.directory,
      dirs[0].directory,
    );
    assert.equal(
      ariCaFor({ issuerO: "Let's Encrypt", issuerCN: 'E7' } as CertificateRecord, [
        { issuer: 'e7', directory: 'https://x/dir' },
      ])?.directory,
      'https://x/dir',
    );
  });
});

describe('checkRenewalInfo', () => {
  test('a normal window (in the future) is recorded, with no finding; the ID goes in the path', async () => {
    const d = directory();
    const obs = await leaf('ari-normal.example');
    const start = fixedClock.at(40);
    const end = fixedClock.at(42);
    const path = windowRoute(d.info, obs, { suggestedWindow: { start: start.toISOString(), end: end.toISOString() } });
    const problems = await checkRenewalInfo([obs], ctxFor(settings(d.url), NOW));
    assert.deepEqual(problems, []);
    assert.deepEqual(obs.renewal, { windowStart: start, windowEnd: end, explanationURL: undefined });
    assert.deepEqual(obs.findings, []);
    assert.equal(srv.hits.get(path), 1);
  });

  test('an open window is a warning', async () => {
    const d = directory();
    const obs = await leaf('ari-open.example');
    windowRoute(d.info, obs, {
      suggestedWindow: {
        start: fixedClock.at(-1).toISOString(),
        end: fixedClock.at(1).toISOString(),
      },
    });
    await checkRenewalInfo([obs], ctxFor(settings(d.url), NOW));
    assert.deepEqual(
      obs.findings.map((f) => `${f.id}/${f.severity}`),
      ['renewal-window/warning'],
    );
    assert.equal(obs.findings[0].fingerprint, obs.cert.fingerprint);
  });

  test('a window moved into the past (mass revocation coming) is an error naming the explanationURL', async () => {
    const d = directory();
    const obs = await leaf('ari-past.example');
    windowRoute(d.info, obs, {
      suggestedWindow: {
        start: new Date(NOW.getTime() - HOUR).toISOString(),
        end: new Date(NOW.getTime() - 1800_000).toISOString(),
      },
      explanationURL: 'https://community.example/t/incident-2026',
    });
    await checkRenewalInfo([obs], ctxFor(settings(d.url), NOW));
    assert.deepEqual(
      obs.findings.map((f) => `${f.id}/${f.severity}`),
      ['renewal-window/error'],
    );
    assert.match(said(obs.findings[0]), /https:\/\/community\.example\/t\/incident-2026/);
    assert.equal(obs.renewal?.explanationURL, 'https://community.example/t/incident-2026');
  });

  test('404 (the CA does not know the certificate) is a notice for the run, nothing on the certificate', async () => {
    const d = directory();
    const obs = await leaf('ari-404.example');
    const problems = await checkRenewalInfo([obs], ctxFor(settings(d.url), NOW));
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'notice');
    assert.match(
      said(problems[0]),
      /^ARI for acme intermediate: renewalInfo .* does not know this certificate \(HTTP 404\)/,
    );
    assert.equal(obs.renewal, undefined);
    assert.deepEqual(obs.findings, []);
  });

  for (const [name, body, status, cause] of [
    ['500', 'oops', 500, /returned 500/],
    ['malformed JSON', '{"suggestedWindow": {"start": ', 200, /malformed JSON/],
    [
      'a window with end < start',
      { suggestedWindow: { start: '2026-12-10T00:00:00Z', end: '2026-12-01T00:00:00Z' } },
      200,
      /ends .* before it starts/,
    ],
    [
      'a window with unparseable dates',
      { suggestedWindow: { start: 'soon', end: 'later' } },
      200,
      /no valid suggestedWindow/,
    ],
    [
      'a window whose dates are not RFC 3339 (a bare year, a US date)',
      { suggestedWindow: { start: '2026', end: '12/31/2026' } },
      200,
      /no valid suggestedWindow .*RFC 3339/,
    ],
    [
      'a window with an impossible date',
      { suggestedWindow: { start: '2026-02-30T00:00:00Z', end: '2026-03-01T00:00:00Z' } },
      200,
      /no valid suggestedWindow/,
    ],
  ] as const) {
    test(`${name} is a warning for the run, nothing on the certificate`, async () => {
      const d = directory();
      const obs = await leaf(`ari-bad-${name.replace(/\W/g, '')}.example`);
      windowRoute(d.info, obs, body, status);
      const problems = await checkRenewalInfo([obs], ctxFor(settings(d.url), NOW));
      assert.equal(problems.length, 1);
      assert.equal(problems[0].severity, 'warning');
      assert.equal(problems[0].id, 'renewal-window');
      assert.match(said(problems[0]), cause);
      assert.equal(obs.renewal, undefined);
      assert.deepEqual(obs.findings, []);
    });
  }

  test('a directory returning 500 is one problem for the run, not one per certificate; read once', async () => {
    const k = ++n;
    const url = `${srv.base}/broken${k}/directory`;
    srv.routes.set(`/broken${k}/directory`, send('down', 'text/plain', 500));
    const certs = await Promise.all([leaf('ari-d1.example'), leaf('ari-d2.example'), leaf('ari-d3.example')]);
    const problems = await checkRenewalInfo(certs, ctxFor(settings(url), NOW));
    assert.equal(problems.length, 1);
    assert.equal(said(problems[0]), `ARI for acme intermediate: directory ${url} returned 500`);
    assert.equal(srv.hits.get(`/broken${k}/directory`), 1);
  });

  test('the directory is read once per run for many certificates', async () => {
    const d = directory();
    const certs = await Promise.all([leaf('ari-m1.example'), leaf('ari-m2.example'), leaf('ari-m3.example')]);
    for (const c of certs)
      windowRoute(d.info, c, {
        suggestedWindow: {
          start: fixedClock.at(1).toISOString(),
          end: fixedClock.at(2).toISOString(),
        },
      });
    await checkRenewalInfo(certs, ctxFor(settings(d.url), NOW));
    assert.equal(srv.hits.get(new URL(d.url).pathname), 1);
    assert.ok(certs.every((c) => c.renewal));
  });

  test('Retry-After is honoured across runs through the cache directory', async () => {
    const ws = await tempDir('certwatch-ari-');
    try {
      const d = directory();
      const obs = await leaf('ari-retry.example');
      const path = windowRoute(
        d.info,
        obs,
        {
          suggestedWindow: {
            start: fixedClock.at(1).toISOString(),
            end: fixedClock.at(2).toISOString(),
          },
        },
        200,
        { 'retry-after': '3600' },
      );
      await checkRenewalInfo([obs], ctxFor(settings(d.url, { workspace: ws, cacheDir: 'cache' }), NOW));
      const again = observed(obs.cert);
      await checkRenewalInfo([again], ctxFor(settings(d.url, { workspace: ws, cacheDir: 'cache' }), NOW));
      assert.equal(srv.hits.get(path), 1, 'second run within Retry-After used the cache');
      assert.deepEqual(again.renewal, obs.renewal);
    } finally {
      await removeTempDir(ws);
    }
  });

  test('Retry-After parsing: seconds, HTTP date, absent, clamped to [1 min, 1 day]', () => {
    const now = NOW.getTime();
    assert.equal(retryAfterMs('21600', now), 21600_000);
    assert.equal(retryAfterMs('Sun, 22 Nov 2026 05:00:00 GMT', now), 2 * HOUR);
    assert.equal(retryAfterMs(undefined, now), ARI_DEFAULT_RETRY_MS);
    assert.equal(retryAfterMs('0', now), ARI_MIN_RETRY_MS);
    assert.equal(retryAfterMs('9999999', now), ARI_MAX_RETRY_MS);
  });

  test('ari.enabled false asks nothing', async () => {
    const d = directory();
    const obs = await leaf('ari-off.example');
    assert.deepEqual(await checkRenewalInfo([obs], ctxFor(settings(d.url, { enabled: false }), NOW)), []);
    assert.equal(srv.hits.get(new URL(d.url).pathname), undefined);
  });

  test('expired leaves and CA certificates are not asked about', async () => {
    const d = directory();
    const expired = await leaf('ari-expired.example', {
      notBefore: fixedClock.at(-100),
      notAfter: fixedClock.at(-1),
    });
    const ca = observed(rec(await issue({ cn: 'Sub CA under acme', ca: true, issuer: inter })), {
      role: 'intermediate',
    });
    assert.deepEqual(await checkRenewalInfo([expired, ca], ctxFor(settings(d.url), NOW)), []);
    assert.equal(srv.hits.get(new URL(d.url).pathname), undefined);
  });

  test('certificates from CAs without ARI are left alone', async () => {
    const d = directory();
    const other = observed(
      rec(await issue({ cn: 'elsewhere.example', issuer: await issue({ cn: 'Other CA', ca: true }) })),
    );
    assert.deepEqual(await checkRenewalInfo([other], ctxFor(settings(d.url), NOW)), []);
    assert.equal(other.renewal, undefined);
  });
});

test('ARI windows: RFC 3339 timestamps with offsets and fractions read to the same instant; anything else is refused', async () => {
  for (const s of [
    '2026-12-01T10:00:00Z',
    '2026-12-01t10:00:00.5z',
    '2026-12-01T12:30:00+02:30',
    '2026-11-30T23:00:00-01:00',
    '2000-02-29T00:00:00Z',
  ]) {
    assert.equal(parseRfc3339(s)?.toISOString(), new Date(s.toUpperCase()).toISOString(), s);
  }
  for (const s of [
    '2026',
    '2026-12-01',
    '2026-12-01 10:00:00',
    '12/01/2026',
    'Tuesday',
    '2026-13-01T00:00:00Z',
    '2026-12-01T24:00:00Z',
    '2026-12-01T10:00:00',
  ]) {
    assert.equal(parseRfc3339(s), null, s);
  }
  assert.equal(parseRfc3339('0050-01-01T00:00:00Z')?.getUTCFullYear(), 50, 'no two-digit-year trap');
});
