// The issue-sync planner without any server: reports and tracked issues as
// data in, typed actions out. The tracked issues are made the way GitHub would
// hold them — from the bodies an earlier plan wrote — so the round trip
// through the hidden markers is exercised too. End to end (with the loopback
// fake GitHub) lives in sync-issues.test.ts and test/e2e/action-github*.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIGEST_MARKER, fingerprintMarker, type RenderContext } from '../../src/github/issue-body.js';
import { planIssueSync, type IssueAction, type PlanInput } from '../../src/github/issue-plan.js';
import { asTracked, type IssueData, type TrackedIssue } from '../../src/github/tracked-issue.js';
import type { Report } from '../../src/report/report-types.js';
import type { IssueSettings } from '../../src/types.js';
import { cert, endpointAt, fileAt, finding, fp, report } from '../helpers/report-factory.js';
import { NOW_ISO } from '../helpers/clock.js';

const ME = 'github-actions[bot]';
const RUN = 'https://github.example/acme/site/actions/runs/7';

function render(r: Report): RenderContext {
  return {
    serverUrl: 'https://github.example',
    repository: 'acme/site',
    sha: 'c0ffee',
    runUrl: RUN,
    now: r.run.now,
    generatedAt: r.generatedAt,
    toolVersion: r.tool.version,
    configPath: r.run.configPath,
  };
}

function plan(
  r: Report,
  tracked: TrackedIssue[] = [],
  settings: Partial<IssueSettings> = {},
  extra: Partial<PlanInput> = {},
) {
  return planIssueSync({
    report: r,
    tracked,
    settings: { mode: 'per-certificate', labels: ['certificates'], maxOpen: 50, ...settings },
    render: render(r),
    ...extra,
  });
}

/** An issue as GitHub would list it, made from a body certwatch wrote. */
function listed(number: number, body: string, o: Partial<IssueData> = {}): IssueData {
  return {
    number,
    state: 'open',
    state_reason: null,
    title: 'Replace certificate',
    body,
    user: { login: ME },
    labels: [{ name: 'certificates' }],
    assignees: [],
    ...o,
  };
}

function tracked(number: number, body: string, o: Partial<IssueData> = {}): TrackedIssue {
  const t = asTracked(listed(number, body, o), ME, 'certificates');
  assert.ok(t, `#${number} should count as certwatch's`);
  return t;
}

/** The body an earlier run opened the issue with (owners named). */
function openedBody(r: Report): string {
  const [a] = plan(r);
  assert.equal(a.kind, 'create');
  return a.kind === 'create' ? (a.named?.body ?? a.body) : '';
}

function only<K extends IssueAction['kind']>(actions: IssueAction[], kind: K): Extract<IssueAction, { kind: K }> {
  assert.deepEqual(
    actions.map((a) => a.kind),
    [kind],
  );
  return actions[0] as Extract<IssueAction, { kind: K }>;
}

const expired = () => cert({ cn: 'expired.example.com', findings: [finding('expired')], owner: '@alice' });

describe('issue planner', () => {
  it('a certificate that needs replacement and has no issue: create, owners named only once it stays', () => {
    const c = expired();
    const a = only(plan(report([c])), 'create');
    assert.equal(a.key, c.fingerprint);
    assert.match(a.title, /^Replace certificate for expired\.example\.com \(R11, expires 2026-11-30\)$/);
    assert.equal(a.body.split('\n')[0], fingerprintMarker(c.fingerprint));
    assert.ok(a.named, 'an owner is named once the issue is known to stay');
    assert.deepEqual(a.named.assign, ['alice']);
    assert.ok(a.body.includes('| Owner | `@alice` |'), 'the first body names the owner without mentioning them');
    assert.ok(a.named.body.includes('| Owner | @alice |'));

    const teamOnly = cert({ cn: 'team.example.com', findings: [finding('expired')], owner: '@acme/web' });
    assert.deepEqual(only(plan(report([teamOnly])), 'create').named?.assign, [], 'teams are mentioned, not assigned');
    const nobody = cert({ cn: 'nobody.example.com', findings: [finding('expired')] });
    assert.equal(only(plan(report([nobody])), 'create').named, undefined);
  });

  it('findings that do not ask for a new certificate plan nothing', () => {
    const c = cert({
      cn: 'x.example.com',
      findings: [finding('revocation-unknown'), finding('unreachable'), finding('weak-key', 'warning')],
    });
    assert.deepEqual(plan(report([c])), []);
  });

  it('an identical re-run plans no write at all', () => {
    const c = expired();
    const r = report([c]);
    assert.deepEqual(plan(r, [tracked(3, openedBody(r), { assignees: [{ login: 'alice' }] })]), []);
  });

  it('resolved (seen and fine): comment, close, and the outcome on top of the body', () => {
    const c = expired();
    const body = openedBody(report([c]));
    const fixed = { ...c, findings: [] };
    const a = only(plan(report([fixed]), [tracked(3, body)]), 'close');
    assert.equal(a.issue, 3);
    assert.equal(
      a.comment,
      `Resolved: it no longer needs replacement (no expiry, revocation or renewal problem in this run). Closing ([run](${RUN})).`,
    );
    assert.equal(a.body, `> [!NOTE]\n> Resolved (${NOW_ISO.slice(0, 10)}): ${a.comment}\n\n${body}`);
  });

  it('replaced at its place: closed naming the successor; not seen in a partial run: stays open untouched', () => {
    const c = cert({
      cn: 'site.example.com',
      findings: [finding('expired')],
      locations: [fileAt('certs/site.pem', 4)],
    });
    const body = openedBody(report([c]));
    const successor = cert({ cn: 'site.example.com', seed: 'new', locations: [fileAt('certs/site.pem', 4)] });
    const close = only(plan(report([successor]), [tracked(5, body)]), 'close');
    assert.match(close.comment, /`certs\/site\.pem`: replaced by `sha256:[0-9a-f]{64}` \(site\.example\.com\)/);
    assert.ok(close.comment.includes(successor.fingerprint));

    const keep = only(plan(report([], { shard: '1/2' }), [tracked(5, body)]), 'keep-open');
    assert.deepEqual(keep, {
      kind: 'keep-open',
      issue: 5,
      key: c.fingerprint,
      why: 'file:certs/site.pem not checked: the run checked shard 1/2 only',
    });
    // Gone from a complete run: closed.
    assert.match(
      only(plan(report([]), [tracked(5, body)]), 'close').comment,
      /no longer there \(the file no longer holds it\)/,
    );
  });

  it('more places than the issue remembers: replaced everywhere it remembers still stays open in a partial run', () => {
    const places = Array.from({ length: 201 }, (_, i) => fileAt(`certs/many-${i}.pem`, 1));
    const c = cert({ cn: 'many.example.com', findings: [finding('expired')], locations: places });
    const body = openedBody(report([c]));
    const successor = cert({ cn: 'many.example.com', seed: 'many-new', locations: places });
    assert.deepEqual(plan(report([successor], { shard: '1/2' }), [tracked(5, body)]), [
      {
        kind: 'keep-open',
        issue: 5,
        key: c.fingerprint,
        why: 'it had more places than the issue remembers, and the run checked shard 1/2 only',
      },
    ]);
    assert.equal(only(plan(report([successor]), [tracked(5, body)]), 'close').issue, 5);
  });

  it('revoked, then revocation unknown: an outage is not a fix', () => {
    const c = cert({ cn: 'r.example.com', findings: [finding('revoked')], locations: [endpointAt('r.example.com')] });
    const body = openedBody(report([c]));
    const outage = {
      ...c,
      findings: [finding('revocation-unknown')],
      revocation: { ...c.revocation, status: 'unknown' as const },
    };
    assert.deepEqual(plan(report([outage]), [tracked(2, body)]), [
      { kind: 'keep-open', issue: 2, key: c.fingerprint, why: 'revocation status is unknown in this run' },
    ]);
  });

  it('needs replacement again after it was closed: reopen, with a comment', () => {
    const c = expired();
    const body = openedBody(report([c]));
    const a = only(plan(report([c]), [tracked(4, body, { state: 'closed', state_reason: 'completed' })]), 'reopen');
    assert.equal(a.issue, 4);
    assert.equal(a.key, c.fingerprint);
    assert.deepEqual(a.assign, [], 'alice was an owner already');
    assert.match(a.comment, /^Reopened: this certificate needs replacement again — \*\*expired\*\* \(error\)/);
    // The issue that carried the history is reopened, not a duplicate closed as not planned.
    const dup = tracked(9, body, { state: 'closed', state_reason: 'not_planned' });
    const again = only(
      plan(report([c]), [tracked(4, body, { state: 'closed', state_reason: 'completed' }), dup]),
      'reopen',
    );
    assert.equal(again.issue, 4);
  });

  it('an owner added: edit the body and assign only the new owner; a new finding: a state-change comment', () => {
    const c = expired();
    const body = openedBody(report([c]));
    const issue = tracked(3, body, { assignees: [{ login: 'alice' }] });
    const more = { ...c, owner: '@alice @bob' };
    const edit = only(plan(report([more]), [issue]), 'edit');
    assert.deepEqual(edit.assign, ['bob']);
    assert.deepEqual(edit.assignees, ['alice']);
    assert.ok(edit.body?.includes('@bob'));
    assert.equal(edit.comment, undefined, 'an owner change is not a state change');

    const worse = { ...c, findings: [finding('revoked'), finding('expired')] };
    const changed = only(plan(report([worse]), [issue]), 'edit');
    assert.deepEqual(changed.assign, []);
    assert.deepEqual(changed.comment?.findings, [{ id: 'revoked', severity: 'error' }]);
    assert.equal(changed.comment?.text, `State changed: **revoked** (error): revoked (error) ([run](${RUN})).`);
  });

  it('ignored by the config: the open issue closes with the reason; no issue is opened for it', () => {
    const c = expired();
    const body = openedBody(report([c]));
    const ignored = { ...c, findings: [finding('expired', 'error', { ignored: { reason: 'decommissioned' } })] };
    const a = only(plan(report([ignored]), [tracked(3, body)]), 'close');
    assert.match(a.comment, /^Resolved: it is now ignored by the config \("decommissioned"\)\. Closing/);
    assert.deepEqual(plan(report([ignored])), []);
  });

  it('digest mode: one digest issue, edited when its list changes, closed when nothing is left', () => {
    const a = expired();
    const b = cert({ cn: 'soon.example.com', findings: [finding('expiring', 'warning')] });
    const create = only(plan(report([a, b]), [], { mode: 'digest' }), 'digest-create');
    assert.equal(create.body.split('\n')[0], DIGEST_MARKER);
    assert.ok(create.body.includes('`@alice`'), 'owners shown, not mentioned, until the digest is known to stay');
    assert.ok(create.named?.includes('@alice') && !create.named.includes('`@alice`'));
    const digest = tracked(1, create.named ?? create.body);
    assert.deepEqual(plan(report([a, b]), [digest], { mode: 'digest' }), []);
    const edit = only(plan(report([b]), [digest], { mode: 'digest' }), 'digest-edit');
    assert.ok(!edit.body.includes('expired.example.com'));
    assert.match(only(plan(report([]), [digest], { mode: 'digest' }), 'close').comment, /^Nothing left to replace/);
  });

  it('max-open reached: the worst certificates get issues, the rest go to the digest', () => {
    const revoked = cert({ cn: 'revoked.example.com', findings: [finding('revoked')] });
    const soon = cert({ cn: 'soon.example.com', findings: [finding('expiring', 'warning')] });
    const actions = plan(report([soon, revoked]), [], { maxOpen: 1 });
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['create', 'warn', 'digest-create'],
    );
    assert.equal(actions[0].kind === 'create' && actions[0].key, revoked.fingerprint);
    assert.ok(actions[2].kind === 'digest-create' && actions[2].body.includes('soon.example.com'));
  });

  it('two open issues with one marker: the younger is closed silently as a duplicate', () => {
    const c = expired();
    const r = report([c]);
    const body = openedBody(r);
    const actions = plan(r, [tracked(3, body, { assignees: [{ login: 'alice' }] }), tracked(8, body)]);
    const dup = only(actions, 'close-duplicate');
    assert.equal(dup.issue, 8);
    assert.match(dup.body ?? '', /^> \[!NOTE\]\n> Closed \(2026-11-22\): a duplicate of issue `3`/);
  });

  it("strangers' issues are never planned on, even with a valid marker", () => {
    const c = expired();
    const r = report([c]);
    const body = openedBody(r);
    const stranger = listed(6, body, { user: { login: 'mallory' } });
    const markerNotFirst = listed(7, `Please look at this\n${body}`);
    const pr = listed(8, body, { pull_request: {} });
    const unlabelled = listed(9, body, { labels: [] });
    assert.equal(asTracked(stranger, ME, 'certificates'), null);
    assert.equal(asTracked(markerNotFirst, ME, 'certificates'), null);
    assert.equal(asTracked(pr, ME, 'certificates'), null);
    assert.equal(asTracked(unlabelled, ME, 'certificates'), null);
    assert.ok(asTracked(listed(10, body, { user: { login: 'GitHub-Actions[bot]' } }), ME, 'certificates'));
    // Only what passed the rules reaches the planner: it opens certwatch's own issue.
    const ours = [stranger, markerNotFirst, pr, unlabelled].flatMap((i) => asTracked(i, ME, 'certificates') ?? []);
    const a = only(plan(r, ours), 'create');
    assert.equal(a.key, fp('expired.example.com'));
  });
});
