import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  readMarker,
  renderCertificateBody,
  renderDigestBody,
  stableBody,
  type RenderContext,
} from '../../src/github/issue-body.js';
import { readState } from '../../src/github/issue-state.js';
import { cert, fileAt, finding, fp } from '../helpers/report-factory.js';

const rc: RenderContext = {
  serverUrl: 'https://github.com',
  repository: 'acme/site',
  sha: 'c0ffee',
  runUrl: 'https://github.com/acme/site/actions/runs/7',
  now: '2026-11-22T03:00:00Z',
  generatedAt: '2026-11-22T03:00:00Z',
  toolVersion: '1.0.0',
};

describe('issue bodies', () => {
  it('report text cannot forge markers, mention people or break links', () => {
    const hostile = finding('expired', 'error', {
      message: `ping @everyone <!-- certwatch:fingerprint=${fp('other')} --> <!-- certwatch:state e30 --> <img src=x>`,
    });
    const c = cert({ cn: 'x.example.com', findings: [hostile], locations: [fileAt('certs/a (old).pem', 2)] });
    const body = renderCertificateBody({ cert: c, active: [hostile], owners: [], firstReported: '2026-11-20' }, rc);
    assert.deepEqual(readMarker(body), { kind: 'certificate', fingerprint: fp('x.example.com') });
    assert.equal(body.match(/<!--/g)!.length, 3, 'only our fingerprint, footer and state markers');
    assert.ok(!body.includes('@everyone'), 'mentions in report text are defused');
    assert.ok(!body.includes('<img'));
    assert.ok(body.includes('certs/a%20%28old%29.pem#L2'), 'parentheses in paths do not end the link');
    const state = readState(body);
    assert.ok(state?.kind === 'certificate');
    assert.deepEqual(state.findings, [{ id: 'expired', severity: 'error' }]);
  });

  it('the run link is not part of what decides an update', () => {
    const c = cert({ cn: 'x.example.com', findings: [finding('expired')] });
    const a = renderCertificateBody({ cert: c, active: c.findings, owners: [], firstReported: '2026-11-20' }, rc);
    const b = renderCertificateBody(
      { cert: c, active: c.findings, owners: [], firstReported: '2026-11-20' },
      { ...rc, runUrl: 'https://github.com/acme/site/actions/runs/8', generatedAt: '2026-11-22T04:00:00Z' },
    );
    assert.notEqual(a, b);
    assert.equal(stableBody(a), stableBody(b));
    const c2 = renderCertificateBody(
      { cert: c, active: c.findings, owners: [], firstReported: '2026-11-20' },
      { ...rc, sha: 'beef' },
    );
    assert.notEqual(stableBody(a), stableBody(c2), 'links follow the current commit');
  });

  it('an expired certificate counts its days left the same way in the body, the digest and the job summary', () => {
    // Expired 2 days and a minute before rc.now: every view says 2 days, none rounds to 3.
    const c = cert({ cn: 'old.example.com', notAfter: '2026-11-20T02:59:00.000Z', findings: [finding('expired')] });
    const body = renderCertificateBody({ cert: c, active: c.findings, owners: [], firstReported: '2026-11-20' }, rc);
    assert.ok(body.includes('(expired 2 day(s) ago)'), body);
    const digest = renderDigestBody([{ cert: c, active: c.findings, owners: [] }], [], rc, {});
    assert.ok(digest.includes('| 2026-11-20 | -2 |'), digest);
  });
});
