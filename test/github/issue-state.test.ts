// The state marker an issue body carries: its text is a wire format (issues
// already on GitHub carry it), so the JSON below is written out by hand as
// earlier versions wrote it, not produced by the encoder under test. Anyone who
// can edit the issue can edit the marker: whatever it holds decodes to a
// typed state or to none, never to a crash.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GITHUB_MAX_BODY_CHARS } from '../../src/github/body-limit.js';
import { encodeState, readState, rememberPlaces, type TrackedState } from '../../src/github/issue-state.js';
import { cert, endpointAt, fileAt } from '../helpers/report-factory.js';

const marker = (json: string) => `<!-- certwatch:state ${Buffer.from(json).toString('base64url')} -->`;
const body = (m: string) => `<!-- certwatch:fingerprint=sha256:${'ab'.repeat(32)} -->\n## x\n\n---\nfooter\n${m}`;

// As the encoder has written them since the first release (field order included).
const WRITTEN: { json: string; state: TrackedState }[] = [
  {
    json: '{"v":1,"f":["revoked!"],"l":[{"k":"file:certs/mail.pem","n":1,"cn":"mail.rec.test"}],"o":[],"s":"2026-12-03"}',
    state: {
      kind: 'certificate',
      findings: [{ id: 'revoked', severity: 'error' }],
      places: [{ place: { type: 'file', path: 'certs/mail.pem' }, slot: 1, subjectCN: 'mail.rec.test' }],
      placesCut: false,
      owners: [],
      firstReported: '2026-12-03',
    },
  },
  {
    json: '{"v":1,"f":["expired!","expiring"],"l":[{"k":"endpoint:2001:db8::1:8443","n":0},{"k":"file:a --> b.pem"}],"lt":true,"o":["@alice","@acme/web"],"s":"2026-11-20"}',
    state: {
      kind: 'certificate',
      findings: [
        { id: 'expired', severity: 'error' },
        { id: 'expiring', severity: 'warning' },
      ],
      places: [
        { place: { type: 'endpoint', host: '2001:db8::1', port: 8443 }, slot: 0 },
        { place: { type: 'file', path: 'a --> b.pem' } },
      ],
      placesCut: true,
      owners: ['@alice', '@acme/web'],
      firstReported: '2026-11-20',
    },
  },
  {
    json: '{"v":1,"f":[],"l":[],"o":[],"s":"","d":["0123456789abcdef","fedcba9876543210"]}',
    state: { kind: 'digest', listed: ['0123456789abcdef', 'fedcba9876543210'] },
  },
];

describe('issue state marker', () => {
  it('reads what earlier versions wrote, and writes it back byte for byte', () => {
    for (const { json, state } of WRITTEN) {
      assert.deepEqual(readState(body(marker(json))), state, json);
      assert.equal(encodeState(state), marker(json), json);
    }
  });

  it('a state built from a certificate survives the trip through a body', () => {
    const c = cert({
      cn: 'www.example.com',
      locations: [fileAt('certs/www.pem', 3), fileAt('certs/www.pem', 9), endpointAt('www.example.com', 443)],
    });
    const state: TrackedState = {
      kind: 'certificate',
      findings: [{ id: 'expired', severity: 'error' }],
      ...rememberPlaces(c),
      owners: ['@alice'],
      firstReported: '2026-11-22',
    };
    assert.equal(state.kind === 'certificate' && state.places.length, 2, 'one place per file, whatever the line');
    assert.deepEqual(readState(body(encodeState(state))), state);
  });

  it('keeps 200 places and says it cut the rest', () => {
    const c = cert({ cn: 'many.example.com', locations: Array.from({ length: 250 }, (_, i) => fileAt(`c/${i}.pem`)) });
    const { places, placesCut } = rememberPlaces(c);
    assert.equal(places.length, 200);
    assert.equal(placesCut, true);
  });

  it('a marker of the wrong shape is no state, never a crash', () => {
    const good = { v: 1, f: ['expired!'], l: [{ k: 'file:certs/a.pem', n: 1 }], o: [], s: '2026-11-20' };
    const hostile: Record<string, unknown> = {
      'another version': { ...good, v: 2 },
      'an array': [good],
      null: null,
      'f missing': { ...good, f: undefined },
      'f not a list': { ...good, f: 'expired!' },
      'a finding that is not text': { ...good, f: [{}] },
      'a finding id with markup': { ...good, f: ['<img src=x>!'] },
      'l missing': { ...good, l: undefined },
      'a place that is null': { ...good, l: [null] },
      'a place key that is not text': { ...good, l: [{ k: 42 }] },
      'a place key this module never wrote': { ...good, l: [{ k: 'ftp:example.com' }] },
      'a line that is not a number': { ...good, l: [{ k: 'file:a.pem', n: '1' }] },
      'a negative line': { ...good, l: [{ k: 'file:a.pem', n: -1 }] },
      'a CN that is not text': { ...good, l: [{ k: 'file:a.pem', cn: ['x'] }] },
      'more places than are ever written': { ...good, l: Array.from({ length: 201 }, (_, i) => ({ k: `file:${i}` })) },
      'lt not a flag': { ...good, lt: 'yes' },
      'o missing': { ...good, o: undefined },
      'owners that are not text': { ...good, o: [1] },
      'o as text': { ...good, o: '@alice' },
      's missing': { ...good, s: undefined },
      's not a date': { ...good, s: '[click](https://evil.example)' },
      'd not a list': { v: 1, f: [], l: [], o: [], s: '', d: 'abc' },
      'd with markup': { v: 1, f: [], l: [], o: [], s: '', d: ['`](https://evil.example)'] },
      'd with numbers': { v: 1, f: [], l: [], o: [], s: '', d: [1234567890123456] },
    };
    for (const [why, wire] of Object.entries(hostile))
      assert.equal(readState(body(marker(JSON.stringify(wire)))), null, why);
    assert.equal(readState(body(marker('{"v":1,'))), null, 'not JSON');
    assert.equal(readState(body(marker(`${'['.repeat(20_000)}${']'.repeat(20_000)}`))), null, 'deeply nested');
    assert.equal(readState(body('<!-- certwatch:state ### -->')), null, 'not base64url');
    assert.equal(readState(''), null);
    assert.equal(readState(null), null);
    // Longer than any body GitHub stores: not even decoded.
    const huge = JSON.stringify({ ...good, o: Array.from({ length: 20_000 }, () => '@x') });
    assert.ok(Buffer.from(huge).toString('base64url').length > GITHUB_MAX_BODY_CHARS);
    assert.equal(readState(body(marker(huge))), null, 'over the body limit');
    // Fields the encoder does not write are left alone (a later version may add some).
    assert.equal(readState(body(marker(JSON.stringify({ ...good, x: { y: 1 } }))))?.kind, 'certificate');
  });
});
