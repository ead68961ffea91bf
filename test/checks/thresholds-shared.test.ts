// A certificate seen at several places with different thresholds is judged by the strictest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupObservations } from '../../src/observe/group-observations.js';
import { parseDuration } from '../../src/config/duration.js';
import { parseCertificate } from '../../src/x509/parse-certificate.js';
import { issue } from '../helpers/pki.js';
import type { Observation } from '../../src/types.js';
import { fixedClock } from '../helpers/clock.js';

const defaults = { warnWithin: parseDuration('30d'), failWithin: parseDuration('7d') };

test('a relaxed per-endpoint threshold does not hide what the defaults or a stricter place would flag', async () => {
  const c = parseCertificate(
    (
      await issue({
        cn: 'shared.thr.test',
        notBefore: fixedClock.at(-80),
        notAfter: fixedClock.at(10),
      })
    ).der,
  );
  const at = (port: number, t?: Observation['thresholds']): Observation => ({
    cert: c,
    role: 'leaf',
    location: { type: 'endpoint', host: '127.0.0.1', port, protocol: 'tls' },
    thresholds: t,
  });
  const relaxed = { warnWithin: parseDuration('5d'), failWithin: parseDuration('1d') };
  // Only the relaxed place: its thresholds apply.
  let [oc] = groupObservations([at(1, relaxed)], defaults);
  assert.deepEqual(oc.thresholds, relaxed);
  // Relaxed place + a place on defaults: the defaults (stricter) win.
  [oc] = groupObservations([at(1, relaxed), at(2)], defaults);
  assert.deepEqual(oc.thresholds, defaults);
  // Two places with own thresholds, one stricter in share-of-lifetime terms (50% of 90 days = 45 days > 30d).
  [oc] = groupObservations([at(1, relaxed), at(2, { warnWithin: parseDuration('50%') })], defaults);
  const t = oc.thresholds!;
  assert.equal(t.warnWithin?.text, '50%');
  assert.equal(t.failWithin?.text, '7d'); // the second place has no fail-within: defaults take part
});
