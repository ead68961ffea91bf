// Adversarial review of expiry truthfulness: a certificate must never be
// reported healthier than it is, whatever the mix of places it was seen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run } from '../../src/run.js';
import { issue } from '../helpers/pki.js';
import { settingsFor } from '../helpers/revocation-fixtures.js';
import { target } from '../helpers/file-targets.js';
import { emptyWorkspace } from '../helpers/workspace.js';
import { fixedClock } from '../helpers/clock.js';

test('an expired certificate that is "superseded" in one bundle but deployed alone elsewhere still fails as expired', async (t) => {
  const ws = await emptyWorkspace(t);
  const old = await issue({
    cn: 'svc.example',
    notBefore: fixedClock.at(-100),
    notAfter: fixedClock.at(-1),
  });
  const renewed = await issue({ cn: 'svc.example', notBefore: fixedClock.at(-2), days: 90 });
  await ws.write('certs/bundle.pem', old.pem + renewed.pem); // old copy left next to its renewal
  await ws.write('deploy/live.pem', old.pem); // …but this is what is deployed
  const settings = {
    ...settingsFor({ workspace: ws.dir, revocation: 'off' }),
    files: [target('**/*.pem')],
    ari: { enabled: false, directories: [] },
  };
  const report = await run(settings);
  const c = report.certificates.find((x) => x.serialNumber === old.cert.serialNumber.toUpperCase().replace(/^0+/, ''))!;
  assert.ok(c, 'old certificate in the report');
  assert.deepEqual(
    c.findings.filter((f) => !f.ignored).map((f) => `${f.id}/${f.severity}`),
    ['expired/error'],
  );
  assert.equal(report.summary.status, 'fail');
});

test('an old copy superseded in its only bundle is still just "superseded" (no false alarm)', async (t) => {
  const ws = await emptyWorkspace(t);
  const old = await issue({
    cn: 'svc2.example',
    notBefore: fixedClock.at(-100),
    notAfter: fixedClock.at(-1),
  });
  const renewed = await issue({ cn: 'svc2.example', notBefore: fixedClock.at(-2), days: 90 });
  await ws.write('certs/bundle.pem', old.pem + renewed.pem + old.pem); // the same old cert twice, too
  const settings = {
    ...settingsFor({ workspace: ws.dir, revocation: 'off' }),
    files: [target('**/*.pem')],
    ari: { enabled: false, directories: [] },
  };
  const report = await run(settings);
  const c = report.certificates.find((x) => x.notAfter === old.cert.notAfter.toISOString())!;
  assert.deepEqual(
    c.findings.map((f) => `${f.id}/${f.severity}`),
    ['superseded/warning'],
  );
  assert.equal(c.locations.length, 2);
});
