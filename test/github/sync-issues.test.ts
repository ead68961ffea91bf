import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { GithubEnv } from '../../src/github/context.js';
import { MAX_BODY_CHARS } from '../../src/github/body-limit.js';
import { readMarker } from '../../src/github/issue-body.js';
import { readState } from '../../src/github/issue-state.js';
import { createClient } from '../../src/github/octokit.js';
import {
  issuesEnabled,
  replacementFindings,
  syncIssues,
  syncIssuesFromAction,
  type SyncContext,
} from '../../src/github/sync-issues.js';
import { parseCodeowners } from '../../src/github/codeowners.js';
import type { IssueSettings } from '../../src/types.js';
import { FakeGitHub, capture } from '../helpers/fake-github.js';
import { cert, endpointAt, fileAt, finding, fp, report } from '../helpers/report-factory.js';
import { HOUR } from '../helpers/clock.js';

const SERVER = 'https://github.example';
const RUN = `${SERVER}/acme/site/actions/runs/7`;

function settings(o: Partial<IssueSettings> = {}): IssueSettings {
  return { mode: 'per-certificate', labels: ['certificates'], maxOpen: 50, ...o };
}

let gh: FakeGitHub;

function client() {
  // Short back-off and no write spacing: the fake answers at once, the suite stays fast.
  return createClient('t0ken', gh.url, { retries: 2, retryBaseMs: 1, spacing: 'none' });
}

function ctx(extra: Partial<SyncContext> = {}): SyncContext & { log: ReturnType<typeof capture> } {
  return {
    repository: 'acme/site',
    serverUrl: SERVER,
    sha: 'c0ffee',
    runUrl: RUN,
    settings: settings(),
    log: capture(),
    ...extra,
  } as SyncContext & { log: ReturnType<typeof capture> };
}

function env(extra: Partial<GithubEnv> = {}): GithubEnv {
  return {
    eventName: 'schedule',
    eventPayload: {},
    repository: 'acme/site',
    serverUrl: SERVER,
    apiUrl: gh.url,
    runId: '7',
    sha: 'c0ffee',
    ref: 'refs/heads/main',
    token: 't0ken',
    workspace: '/nonexistent',
    ...extra,
  };
}

// Three certificates that need replacement, two that do not.
function nightly() {
  return [
    cert({ cn: 'expired.example.com', findings: [finding('expired')], owner: '@alice' }),
    cert({
      cn: 'soon.example.com',
      findings: [finding('expiring', 'warning')],
      owner: '@acme/web',
      locations: [
        endpointAt('soon.example.com', 443, {
          address: '192.0.2.10',
          configFile: '.github/certwatch.yml',
          configLine: 4,
        }),
      ],
    }),
    cert({
      cn: 'ari.example.com',
      findings: [finding('renewal-window', 'error')],
      renewal: {
        windowStart: '2026-11-20T00:00:00Z',
        windowEnd: '2026-11-21T00:00:00Z',
        explanationURL: 'https://ca.example/incident',
      },
    }),
    cert({ cn: 'weak.example.com', findings: [finding('weak-key', 'warning')] }),
    cert({ cn: 'ocsp-down.example.com', findings: [finding('revocation-unknown', 'error')] }),
  ];
}

describe('issue sync against a fake GitHub', () => {
  before(async () => {
    gh = await new FakeGitHub('acme/site').start();
  });
  after(async () => {
    await gh.stop();
  });
  beforeEach(() => {
    gh.reset();
    gh.collaborators = new Set(['alice', 'bob']);
  });

  it('first run opens one issue per certificate that needs replacement, with labels, owners and links', async () => {
    const c = ctx();
    const res = await syncIssues(report(nightly()), client(), c);
    assert.equal(res.skipped, undefined);
    assert.equal(
      res.created.length,
      3,
      'expired, expiring (warning) and renewal-window; not weak-key nor revocation-unknown',
    );
    assert.equal(gh.openIssues().length, 3);

    const expired = gh.openIssues().find((i) => i.title.includes('expired.example.com'))!;
    assert.match(expired.title, /^Replace certificate for expired\.example\.com \(R11, expires 2026-11-30\)$/);
    assert.ok(expired.body.includes(`<!-- certwatch:fingerprint=${fp('expired.example.com')} -->`));
    assert.ok(
      expired.body.includes(`${SERVER}/acme/site/blob/c0ffee/certs/expired.example.com.pem#L1`),
      'file link at the commit',
    );
    assert.ok(expired.body.includes(RUN), 'links the run');
    assert.match(expired.body, /npx certwatch check --files certs\/expired\.example\.com\.pem/);
    assert.match(expired.body, /\(7 day\(s\) left\)/, '7 days 21 hours left counts as 7');
    assert.deepEqual(expired.assignees, ['alice'], 'a user owner is assigned');
    assert.deepEqual(expired.labels, ['certificates']);

    const soon = gh.openIssues().find((i) => i.title.includes('soon.example.com'))!;
    assert.deepEqual(soon.assignees, [], 'a team cannot be assigned');
    assert.ok(soon.body.includes('@acme/web'), 'a team is mentioned');
    assert.match(
      soon.body,
      /endpoint `soon\.example\.com:443` \(address 192\.0\.2\.10, https\) — declared in \[`\.github\/certwatch\.yml#L4`\]/,
    );

    const ari = gh.openIssues().find((i) => i.title.includes('ari.example.com'))!;
    // The CA's answer is shown as text, not as a link certwatch vouches for.
    assert.ok(ari.body.includes('https:\u200b//ca.example/incident'), "the CA's explanationURL");

    const label = gh.labels.get('certificates')!;
    assert.equal(label.color, 'b60205', 'label created with a colour');
    assert.ok(label.description);
    assert.equal(gh.writes().filter((w) => w.path.endsWith('/comments')).length, 0, 'no comments on creation');
  });

  it('a second identical run changes nothing: no create, no update, no comment', async () => {
    const r = report(nightly());
    await syncIssues(r, client(), ctx());
    gh.resetCalls();
    const res = await syncIssues(r, client(), ctx({ runUrl: `${SERVER}/acme/site/actions/runs/8` }));
    assert.deepEqual(gh.writes(), [], 'no write at all, even from a different run');
    assert.deepEqual([res.created, res.updated, res.commented, res.closed, res.reopened], [[], [], [], [], []]);
    assert.equal(res.apiCalls, 2, 'one list call, and who the token is');
    assert.equal(gh.calls.length, 2);
  });

  it('the body is edited in place when the facts change, without a comment', async () => {
    await syncIssues(report(nightly()), client(), ctx());
    const before = gh.openIssues().map((i) => i.number);
    gh.resetCalls();
    const res = await syncIssues(report(nightly(), { now: '2026-11-23T03:00:00.000Z' }), client(), ctx());
    assert.deepEqual(res.created, []);
    assert.equal(res.updated.length, 3, 'days left changed');
    assert.deepEqual(res.commented, []);
    assert.deepEqual(
      gh.openIssues().map((i) => i.number),
      before,
    );
    assert.match(
      gh.issue(res.updated[0]).body + gh.issue(res.updated[1]).body + gh.issue(res.updated[2]).body,
      /6 day\(s\) left/,
    );
  });

  it('a state change (became revoked) comments once; the re-run does not', async () => {
    const a = cert({ cn: 'a.example.com', findings: [finding('expiring', 'warning')] });
    await syncIssues(report([a]), client(), ctx());
    const revoked = cert({
      cn: 'a.example.com',
      findings: [finding('revoked'), finding('expiring', 'warning')],
      revocation: { status: 'revoked', revokedAt: '2026-11-21T00:00:00Z', reason: 'keyCompromise' },
    });
    const res = await syncIssues(report([revoked]), client(), ctx());
    assert.equal(res.commented.length, 1);
    const issue = gh.issue(res.commented[0]);
    assert.match(issue.comments[0].body, /State changed: \*\*revoked\*\*/);
    assert.match(issue.body, /\*\*revoked\*\* \(at 2026-11-21T00:00:00Z, reason: keyCompromise, via crl\)/);
    gh.resetCalls();
    const again = await syncIssues(report([revoked]), client(), ctx());
    assert.deepEqual(again.commented, []);
    assert.deepEqual(gh.writes(), []);
  });

  it('a renewed certificate closes its issue with a comment naming the replacement; a regression reopens it', async () => {
    const old = cert({
      cn: 'www.example.com',
      seed: 'old',
      findings: [finding('expiring')],
      locations: [fileAt('certs/www.pem', 3)],
    });
    const renewed = cert({
      cn: 'www.example.com',
      seed: 'new',
      notAfter: '2027-02-20T00:00:00.000Z',
      locations: [fileAt('certs/www.pem', 3)],
    });
    await syncIssues(report([old]), client(), ctx());
    const [issue] = gh.openIssues();

    const res = await syncIssues(report([renewed]), client(), ctx());
    assert.deepEqual(res.closed, [issue.number]);
    assert.equal(gh.issue(issue.number).state, 'closed');
    assert.equal(gh.issue(issue.number).state_reason, 'completed');
    const closing = gh.issue(issue.number).comments.at(-1)!.body;
    assert.ok(closing.includes(`replaced by \`${fp('new')}\``), closing);
    assert.ok(closing.includes('expiring 2027-02-20'), closing);
    assert.equal(res.created.length, 0, 'the new certificate is fine: no issue');

    // The old certificate is deployed again (a rollback): same issue, reopened.
    const back = await syncIssues(report([old]), client(), ctx());
    assert.deepEqual(back.reopened, [issue.number]);
    assert.deepEqual(back.created, []);
    assert.equal(gh.issue(issue.number).state, 'open');
    assert.match(gh.issue(issue.number).comments.at(-1)!.body, /^Reopened: this certificate needs replacement again/);
    assert.equal(gh.issues.length, 1, 'never a second issue for the same certificate');
  });

  it('a partial run does not close issues for certificates it merely did not see', async () => {
    const a = cert({ cn: 'a.example.com', findings: [finding('expired')], locations: [fileAt('certs/a.pem')] });
    const b = cert({ cn: 'b.example.com', findings: [finding('expired')], locations: [endpointAt('b.example.com')] });
    await syncIssues(report([a, b]), client(), ctx());
    gh.resetCalls();

    // Deadline reached: neither was seen.
    let res = await syncIssues(report([], { deadlineReached: true }), client(), ctx());
    assert.deepEqual(res.closed, []);
    assert.deepEqual(gh.writes(), []);

    // One shard of several.
    res = await syncIssues(report([], { shard: '2/3' }), client(), ctx());
    assert.deepEqual(res.closed, []);

    // Pull-request scope: only some files were looked at.
    res = await syncIssues(report([]), client(), ctx({ scopeFiles: ['certs/other.pem'] }));
    assert.deepEqual(res.closed, []);

    // Complete run, but the endpoint was unreachable: b stays open; a's file is gone: closed.
    const c = ctx();
    res = await syncIssues(
      report([], { problems: [finding('unreachable', 'error', { location: endpointAt('b.example.com') })] }),
      client(),
      c,
    );
    assert.equal(res.closed.length, 1);
    const closed = gh.issue(res.closed[0]);
    assert.ok(closed.title.includes('a.example.com'));
    assert.match(closed.comments.at(-1)!.body, /`certs\/a\.pem`: no longer there/);
    assert.equal(gh.openIssues().length, 1);
    assert.ok(
      c.log.lines.info.some((l) => /stays open: endpoint:b\.example\.com:443 not checked: unreachable/.test(l)),
    );
  });

  it('an outage is not a fix: a revoked certificate whose status is now unknown stays open', async () => {
    const revoked = cert({ cn: 'r.example.com', findings: [finding('revoked')], revocation: { status: 'revoked' } });
    await syncIssues(report([revoked]), client(), ctx());
    const unknown = cert({
      cn: 'r.example.com',
      findings: [finding('revocation-unknown', 'warning')],
      revocation: { status: 'unknown' },
    });
    const res = await syncIssues(report([unknown]), client(), ctx());
    assert.deepEqual(res.closed, []);
    assert.equal(gh.openIssues().length, 1);
  });

  it('an ignored certificate closes its issue and says why', async () => {
    const a = cert({ cn: 'a.example.com', findings: [finding('expiring')] });
    await syncIssues(report([a]), client(), ctx());
    const ignored = cert({
      cn: 'a.example.com',
      findings: [finding('expiring', 'error', { ignored: { reason: 'decommissioned in Q1', until: '2027-01-31' } })],
    });
    const res = await syncIssues(report([ignored]), client(), ctx());
    assert.equal(res.closed.length, 1);
    assert.match(
      gh.issue(res.closed[0]).comments.at(-1)!.body,
      /ignored by the config \("decommissioned in Q1"\) until 2027-01-31/,
    );
  });

  it('300 failing certificates respect max-open and produce one digest', async () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      cert({
        cn: `host${String(i).padStart(3, '0')}.example.com`,
        findings: [i % 10 === 0 ? finding('revoked') : finding('expiring')],
        notAfter: new Date(Date.parse('2026-11-23T00:00:00Z') + i * HOUR).toISOString(),
      }),
    );
    const c = ctx();
    const res = await syncIssues(report(many), client(), c);
    assert.equal(res.skipped, undefined);
    const open = gh.openIssues();
    assert.equal(open.length, 51, '50 certificate issues + 1 digest');
    const digests = open.filter((i) => i.body.includes('<!-- certwatch:digest -->'));
    assert.equal(digests.length, 1);
    const digest = digests[0];
    assert.ok(digest.body.length < 65_536);
    assert.match(digest.body, /## 250 certificate\(s\) need replacement/);
    assert.match(digest.body, /max-open` \(50\)/);
    const listed = readState(digest.body);
    assert.ok(listed?.kind === 'digest');
    assert.equal(listed.listed.length, 250);
    // The worst go first: all 30 revoked certificates got their own issue.
    const perCert = open.filter((i) => i !== digest);
    assert.equal(perCert.filter((i) => i.body.includes('**revoked**')).length, 30);
    assert.ok(c.log.lines.warning.some((l) => /max-open \(50\) reached; 250 more/.test(l)));
    // 1 list + 1 label check + 1 label create + 1 newest number + 1 who the token is + (a look at the next free number + a create) for 50 issues and 1 digest
    assert.equal(res.apiCalls, 107);

    gh.resetCalls();
    const again = await syncIssues(report(many), client(), ctx());
    assert.deepEqual(gh.writes(), [], 'identical re-run of 300: no writes');
    assert.equal(again.apiCalls, 2, '51 issues fit one page, + who the token is');

    // Everything renewed in place: all 51 close, digest included.
    const renewed = many.map((m, i) =>
      cert({ cn: m.subjectCN!, seed: `renewed-${i}`, notAfter: '2027-03-01T00:00:00.000Z' }),
    );
    const done = await syncIssues(report(renewed), client(), ctx());
    assert.equal(done.closed.length, 51);
    assert.equal(gh.openIssues().length, 0);
  });

  it('digest mode keeps one issue listing everything, edited in place, closed when empty', async () => {
    const c = ctx({ settings: settings({ mode: 'digest' }) });
    const r = report(nightly());
    let res = await syncIssues(r, client(), c);
    assert.equal(res.created.length, 1);
    const [digest] = gh.openIssues();
    assert.equal(digest.title, 'Certificates that need replacement (certwatch digest)');
    assert.match(digest.body, /\| expired\.example\.com/);
    assert.match(digest.body, /\| soon\.example\.com/);
    assert.doesNotMatch(digest.body, /weak\.example\.com/);
    res = await syncIssues(r, client(), c);
    assert.deepEqual([res.created, res.updated, res.commented], [[], [], []]);
    res = await syncIssues(report(nightly().filter((x) => x.subjectCN === 'expired.example.com')), client(), c);
    assert.deepEqual(res.updated, [digest.number]);
    assert.doesNotMatch(gh.issue(digest.number).body, /soon\.example\.com/);
    res = await syncIssues(report([]), client(), c);
    assert.deepEqual(res.closed, [digest.number]);
    assert.match(gh.issue(digest.number).comments.at(-1)!.body, /Nothing left to replace/);
  });

  it('a partial run keeps digest entries it did not see, and does not close the digest', async () => {
    const c = ctx({ settings: settings({ mode: 'digest' }) });
    const a = cert({ cn: 'a.example.com', findings: [finding('expired')] });
    const b = cert({ cn: 'b.example.com', findings: [finding('expired')] });
    await syncIssues(report([a, b]), client(), c);
    const [digest] = gh.openIssues();
    let res = await syncIssues(report([a], { deadlineReached: true }), client(), c);
    assert.deepEqual(res.closed, []);
    assert.ok(
      gh.issue(digest.number).body.includes(`\`sha256:${fp('b.example.com').slice(7, 23)}…\``),
      'b is carried over',
    );
    const kept = readState(gh.issue(digest.number).body);
    assert.ok(kept?.kind === 'digest');
    assert.equal(kept.listed.length, 2);
    res = await syncIssues(report([], { deadlineReached: true }), client(), c);
    assert.deepEqual(res.closed, [], 'an empty partial run is not "all clear"');
    res = await syncIssues(report([]), client(), c);
    assert.deepEqual(res.closed, [digest.number]);
  });

  it('two open issues for one certificate collapse into the oldest', async () => {
    const a = cert({ cn: 'a.example.com', findings: [finding('expired')] });
    await syncIssues(report([a]), client(), ctx());
    const [first] = gh.openIssues();
    // A racing run made a second one.
    const dup = gh.addIssue({ title: first.title, body: first.body, labels: ['certificates'] });
    const res = await syncIssues(report([a]), client(), ctx());
    assert.deepEqual(res.closed, [dup.number]);
    assert.equal(gh.issue(dup.number).state_reason, 'not_planned');
    assert.deepEqual(gh.issue(dup.number).comments, [], 'closing a duplicate notifies nobody: no comment');
    assert.match(
      gh.issue(dup.number).body,
      new RegExp(`^> \\[!NOTE\\]\\n> Closed \\(.*\\): a duplicate of issue \`${first.number}\``),
    );
    assert.equal(gh.issue(first.number).state, 'open');
    assert.deepEqual(res.created, []);
  });

  it('finds issues by the marker, never by title: a retitled issue is still updated, a look-alike title is ignored', async () => {
    const a = cert({ cn: 'a.example.com', findings: [finding('expired')] });
    await syncIssues(report([a]), client(), ctx());
    const [issue] = gh.openIssues();
    issue.title = 'URGENT: cert thing';
    gh.addIssue({ title: issue.title, body: 'handwritten, no marker', labels: ['certificates'] });
    const res = await syncIssues(report([a], { now: '2026-11-24T03:00:00.000Z' }), client(), ctx());
    assert.deepEqual(res.updated, [issue.number]);
    assert.deepEqual(res.created, []);
    assert.equal(gh.issue(issue.number).title, 'URGENT: cert thing', 'a title set by a person is kept');
  });

  it('CODEOWNERS owners are used when the report names none', async () => {
    const a = cert({ cn: 'a.example.com', findings: [finding('expired')], locations: [fileAt('deploy/prod/a.pem')] });
    const rules = parseCodeowners('* @bob\n/deploy/ @acme/platform @alice\n');
    await syncIssues(report([a]), client(), ctx({ codeowners: rules }));
    const [issue] = gh.openIssues();
    assert.deepEqual(issue.assignees, ['alice']);
    assert.ok(issue.body.includes('@acme/platform'));
  });

  it('an owner who cannot be assigned is mentioned, and the issue is still created', async () => {
    const a = cert({ cn: 'a.example.com', findings: [finding('expired')], owner: '@mallory' });
    const c = ctx();
    const res = await syncIssues(report([a]), client(), c);
    assert.equal(res.created.length, 1);
    assert.deepEqual(gh.openIssues()[0].assignees, []);
    assert.ok(c.log.lines.warning.some((l) => l.includes('@mallory cannot be assigned')));
  });

  it('bodies stay under the 65,536-character limit with thousands of locations', async () => {
    const locations = Array.from({ length: 5000 }, (_, i) =>
      fileAt(`deploy/region-${i}/very/long/path/to/the/certificate/bundle-${i}.pem`, i + 1),
    );
    const a = cert({ cn: 'everywhere.example.com', findings: [finding('expired')], locations });
    const res = await syncIssues(report([a]), client(), ctx());
    assert.equal(res.created.length, 1);
    const body = gh.issue(res.created[0]).body;
    assert.ok(body.length <= MAX_BODY_CHARS, `${body.length}`);
    assert.match(body, /…and 4950 more — see the \[run summary\]/);
    const state = readState(body);
    assert.ok(state?.kind === 'certificate');
    assert.equal(state.places.length, 200);
    assert.equal(state.placesCut, true);
  });

  it("a state marker edited on certwatch's own issue reads as no state, never as a crash", async () => {
    const gone = cert({
      cn: 'gone.example.com',
      findings: [finding('expired')],
      locations: [fileAt('certs/gone.pem')],
    });
    const fine = cert({
      cn: 'fine.example.com',
      findings: [finding('expired')],
      locations: [fileAt('certs/fine.pem')],
    });
    await syncIssues(report([gone, fine]), client(), ctx());
    // Anyone with write access can edit the body of an issue certwatch opened.
    const forged = { v: 1, f: [{}], l: [null], o: '@mallory', s: 7 };
    for (const i of gh.openIssues())
      i.body = i.body.replace(
        /<!-- certwatch:state \S+ -->/,
        `<!-- certwatch:state ${Buffer.from(JSON.stringify(forged)).toString('base64url')} -->`,
      );
    const res = await syncIssues(report([{ ...fine, findings: [] }]), client(), ctx());
    assert.equal(res.skipped, undefined);
    assert.equal(res.closed.length, 2);
    const comment = (cn: string) => gh.issues.find((i) => i.title.includes(cn))!.comments.at(-1)!.body;
    assert.match(comment('gone.example.com'), /not found anywhere in a complete run/);
    assert.match(comment('fine.example.com'), /no longer needs replacement/);
  });

  it('never writes anything beyond report fields into an issue (no environment secrets)', async () => {
    process.env.CERTWATCH_TEST_SECRET = 'hunter2-secret-value';
    try {
      await syncIssues(report(nightly()), client(), ctx());
      for (const i of gh.issues) assert.ok(!i.body.includes('hunter2'));
      for (const c of gh.calls) assert.ok(!JSON.stringify(c.body ?? '').includes('hunter2'));
    } finally {
      delete process.env.CERTWATCH_TEST_SECRET;
    }
  });
});

// Runs that overlap, in one process (the built-action scenarios are in
// test/e2e/overlapping-runs.test.ts): two syncs started together against
// listings that show a new issue 2 s late.
describe('overlapping syncs', () => {
  before(async () => {
    gh = await new FakeGitHub('acme/site').start();
  });
  after(async () => {
    await gh.stop();
  });
  beforeEach(() => {
    gh.reset();
    gh.collaborators = new Set(['alice']);
  });
  // Two runs of a workflow: each has its own run id, so its own run link in the bodies it writes.
  const together = (certs: ReturnType<typeof cert>[], s: Partial<IssueSettings> = {}) =>
    Promise.all(
      [101, 102].map((id) =>
        syncIssues(
          report(certs),
          client(),
          ctx({ settings: settings(s), runUrl: `${SERVER}/acme/site/actions/runs/${id}` }),
        ),
      ),
    );
  const failing = () => [
    cert({ cn: 'a.example.com', findings: [finding('expired')], owner: '@alice' }),
    cert({ cn: 'b.example.com', findings: [finding('expiring', 'warning')], owner: '@acme/web' }),
  ];

  it('two syncs started together leave one issue per certificate; the younger copy is withdrawn silently and never assigned', async () => {
    gh.listingDelayMs = 2000;
    const results = await together(failing());
    const open = gh.openIssues();
    assert.deepEqual(
      open
        .map((i) => readMarker(i.body))
        .map((m) => (m as { fingerprint: string }).fingerprint)
        .sort(),
      [fp('a.example.com'), fp('b.example.com')].sort(),
    );
    const withdrawn = results.flatMap((r) => r.withdrawn);
    assert.equal(results.flatMap((r) => r.created).length, 2, 'one counted creation per certificate');
    for (const n of withdrawn) {
      const i = gh.issue(n);
      assert.equal(i.state, 'closed');
      assert.equal(i.state_reason, 'not_planned');
      assert.deepEqual(i.comments, []);
      assert.deepEqual(i.assignees, []);
      assert.match(i.body, /^> \[!NOTE\]\n> Withdrawn \(.*\): a concurrent certwatch run opened issue `\d+`/);
      assert.doesNotMatch(i.body, /(^|[^`])@(alice|acme\/web)\b/m, 'a withdrawn copy never mentioned anyone');
    }
    const posts = gh.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/issues'));
    for (const p of posts) assert.equal(p.body.assignees, undefined, 'nobody is assigned at creation');
    const a = open.find((i) => i.body.includes(fp('a.example.com')))!;
    assert.deepEqual(a.assignees, ['alice']);
    assert.equal(
      gh.calls.filter((c) => c.method === 'PATCH' && c.body?.assignees?.length).length,
      1,
      'alice assigned once',
    );
    assert.match(
      open.find((i) => i !== a)!.body,
      /\| Owner \| @acme\/web \|/,
      'the team is named for real on the issue that stays',
    );
  });

  it('two syncs in digest mode leave one digest', async () => {
    gh.listingDelayMs = 2000;
    await together(failing(), { mode: 'digest' });
    const open = gh.openIssues();
    assert.equal(open.length, 1);
    assert.equal(readMarker(open[0].body)?.kind, 'digest');
    assert.match(open[0].body, /\| @alice \|/);
    for (const p of gh.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/issues')))
      assert.doesNotMatch(p.body.body, /(^|[^`])@alice\b/m);
  });

  it('a state change seen by two syncs at once is commented once', async () => {
    const before = [cert({ cn: 'a.example.com', findings: [finding('expiring', 'warning')] })];
    await syncIssues(report(before), client(), ctx());
    const revoked = [
      cert({
        cn: 'a.example.com',
        findings: [finding('revoked'), finding('expiring', 'warning')],
        revocation: { status: 'revoked', revokedAt: '2026-11-21T00:00:00Z', reason: 'keyCompromise' },
      }),
    ];
    const results = await together(revoked);
    const [issue] = gh.openIssues();
    assert.equal(issue.comments.length, 1, issue.comments.map((c) => c.body).join('\n'));
    assert.match(issue.comments[0].body, /^State changed: \*\*revoked\*\*/);
    assert.equal(results.flatMap((r) => r.commented).length, 1);
  });

  it('a regression seen by two syncs at once reopens the issue once, with one comment', async () => {
    const old = [
      cert({
        cn: 'www.example.com',
        seed: 'old',
        findings: [finding('expired')],
        locations: [fileAt('certs/www.pem', 3)],
      }),
    ];
    const renewed = [
      cert({
        cn: 'www.example.com',
        seed: 'new',
        notAfter: '2027-02-20T00:00:00.000Z',
        locations: [fileAt('certs/www.pem', 3)],
      }),
    ];
    await syncIssues(report(old), client(), ctx());
    await syncIssues(report(renewed), client(), ctx());
    const [issue] = gh.issues;
    assert.equal(issue.state, 'closed');
    const commentsBefore = issue.comments.length;
    const results = await together(old);
    assert.equal(gh.issues.length, 1, 'no new issue');
    assert.equal(issue.state, 'open');
    assert.deepEqual(
      issue.comments.slice(commentsBefore).map((c) => c.body.split(':')[0]),
      ['Reopened'],
    );
    assert.equal(results.flatMap((r) => r.commented).length, 1);
  });
});

describe('issue sync failures never throw and say what to fix', () => {
  before(async () => {
    gh = await new FakeGitHub('acme/site').start();
  });
  after(async () => {
    await gh.stop();
  });
  beforeEach(() => gh.reset());

  const opts = { clientOptions: { retries: 2, retryBaseMs: 1, spacing: 'none' as const } };

  it('403 without issues: write gives the permission message and returns', async () => {
    gh.faults.push({ method: 'POST', path: /\/issues$/, kind: 'forbidden' });
    gh.labels.set('certificates', { name: 'certificates', color: 'b60205', description: 'x' });
    const log = capture();
    const res = await syncIssuesFromAction(report(nightly()), 'auto', settings(), env(), log, opts);
    assert.ok(res.skipped);
    assert.match(res.skipped!, /403: Resource not accessible by integration/);
    assert.match(res.skipped!, /permissions: \{ issues: write \}/);
    assert.ok(log.lines.warning.some((l) => l.includes('issues: write')));
    assert.deepEqual(res.created, []);
    assert.equal(
      gh.calls.filter((c) => c.method === 'POST' && c.path !== '/graphql').length,
      1,
      'stops at the first refusal; a 403 is not retried',
    );
  });

  it('410 (issues disabled) says how to enable them or turn the input off', async () => {
    gh.faults.push({ path: /\/issues$/, kind: 'disabled' });
    const log = capture();
    const res = await syncIssuesFromAction(report(nightly()), 'true', settings(), env(), log, opts);
    assert.match(res.skipped!, /Issues are disabled for this repository/);
    assert.match(res.skipped!, /issues: false/);
  });

  it('a transient 5xx is retried; a persistent one gives up with a clear message', async () => {
    gh.faults.push({ method: 'GET', path: /\/issues$/, kind: 'server-error', times: 1 });
    let res = await syncIssuesFromAction(report(nightly()), 'true', settings(), env(), capture(), opts);
    assert.equal(res.skipped, undefined);
    assert.equal(res.created.length, 3);
    assert.equal(gh.calls.filter((c) => c.status === 502).length, 1);

    gh.faults.push({ method: 'GET', path: /\/issues$/, kind: 'server-error' });
    gh.resetCalls();
    res = await syncIssuesFromAction(report(nightly()), 'true', settings(), env(), capture(), opts);
    assert.match(res.skipped!, /GitHub API unavailable while listing certwatch issues \(HTTP 502, after retries\)/);
    assert.equal(gh.calls.length, 3, '1 try + 2 retries');
  });

  it('a secondary rate limit is waited out and retried', async () => {
    gh.faults.push({ method: 'POST', path: /\/issues$/, kind: 'secondary-rate-limit', times: 1 });
    const log = capture();
    const res = await syncIssuesFromAction(report(nightly()), 'true', settings(), env(), log, opts);
    assert.equal(res.skipped, undefined);
    assert.equal(res.created.length, 3);
    assert.ok(log.lines.info.some((l) => /secondary rate limit/.test(l)));
  });

  it('an exhausted primary rate limit stops the sync with a rate-limit message', async () => {
    gh.faults.push({ method: 'GET', path: /\/issues$/, kind: 'rate-limit' });
    const res = await syncIssuesFromAction(report(nightly()), 'true', settings(), env(), capture(), {
      clientOptions: { ...opts.clientOptions, maxRateLimitWaitSeconds: 0 },
    });
    assert.match(res.skipped!, /rate limit/i);
  });

  it("works with the default client (GitHub's write spacing) pointed at the API URL from the environment", async () => {
    gh.collaborators = new Set(['alice']);
    const one = cert({ cn: 'one.example.com', findings: [finding('expired')], owner: '@alice' });
    const res = await syncIssuesFromAction(report([one]), 'true', settings(), env(), capture());
    assert.equal(res.skipped, undefined);
    assert.equal(res.created.length, 1);
    assert.deepEqual(gh.issue(res.created[0]).assignees, ['alice']);
  });

  it('issues: true on a pull request never closes what the PR did not look at', async () => {
    const a = cert({ cn: 'a.example.com', findings: [finding('expired')] });
    await syncIssuesFromAction(report([a]), 'true', settings(), env(), capture(), opts);
    const pr = env({ eventName: 'pull_request', eventPayload: { pull_request: { number: 3 } } });
    let res = await syncIssuesFromAction(report([]), 'true', settings(), pr, capture(), opts);
    assert.deepEqual(res.closed, [], 'scope not passed: assumed narrowed');
    res = await syncIssuesFromAction(report([]), 'true', settings(), pr, capture(), {
      ...opts,
      scopeFiles: ['README.md'],
    });
    assert.deepEqual(res.closed, []);
    res = await syncIssuesFromAction(report([]), 'true', settings(), pr, capture(), { ...opts, scopeFiles: null });
    assert.equal(res.closed.length, 1, 'scope: all on a PR is a complete run');
  });

  it('issues: auto is on for schedule, dispatch and default-branch pushes, off on pull requests', async () => {
    const payload = { repository: { default_branch: 'main' } };
    assert.equal(issuesEnabled('auto', env({ eventName: 'schedule' })).on, true);
    assert.equal(issuesEnabled('auto', env({ eventName: 'workflow_dispatch' })).on, true);
    assert.equal(
      issuesEnabled('auto', env({ eventName: 'push', eventPayload: payload, ref: 'refs/heads/main' })).on,
      true,
    );
    assert.equal(
      issuesEnabled('auto', env({ eventName: 'push', eventPayload: payload, ref: 'refs/heads/feature' })).on,
      false,
    );
    assert.equal(issuesEnabled('auto', env({ eventName: 'pull_request' })).on, false);
    assert.equal(issuesEnabled('auto', env({ eventName: 'pull_request_target' })).on, false);
    assert.equal(issuesEnabled('true', env({ eventName: 'pull_request' })).on, true);
    assert.equal(issuesEnabled('false', env({ eventName: 'schedule' })).on, false);
    const res = await syncIssuesFromAction(
      report(nightly()),
      'auto',
      settings(),
      env({ eventName: 'pull_request' }),
      capture(),
      opts,
    );
    assert.equal(res.apiCalls, 0);
    assert.equal(gh.calls.length, 0);
  });
});

describe('which findings ask for a new certificate', () => {
  it('errors bound to the certificate, and expiring / renewal-window warnings; not outages, not ignored ones', () => {
    const ids = (fs: ReturnType<typeof finding>[]) =>
      replacementFindings(cert({ cn: 'x', findings: fs })).map((f) => f.id);
    assert.deepEqual(ids([finding('expiring', 'warning')]), ['expiring']);
    assert.deepEqual(ids([finding('renewal-window', 'warning')]), ['renewal-window']);
    assert.deepEqual(ids([finding('weak-key', 'warning'), finding('weak-signature', 'warning')]), []);
    assert.deepEqual(ids([finding('revocation-unknown', 'error')]), []);
    assert.deepEqual(ids([finding('expired', 'error', { ignored: { reason: 'x' } })]), []);
    assert.deepEqual(
      ids([finding('expiring', 'error'), finding('revoked', 'error'), finding('hostname-mismatch', 'error')]),
      ['revoked', 'expiring', 'hostname-mismatch'],
    );
  });
});

describe('API calls per run', () => {
  before(async () => {
    gh = await new FakeGitHub('acme/site').start();
  });
  after(async () => {
    await gh.stop();
  });

  // The formula for the README, measured: N certificates needing replacement,
  // per-certificate mode, N ≤ max-open, L configured labels (missing at first),
  // U distinct assignable user owners, I = issues carrying the label (open+closed).
  // Each new issue: a look at the next free number, the create, and (it has an
  // owner) the edit that assigns it once it is known to stay.
  for (const n of [1, 5, 20]) {
    it(`N = ${n}: first run 3 + 2L + U + 3N, identical re-run ceil(I/100) + 1, renewal of all 2 + 2N`, async () => {
      gh.reset();
      gh.collaborators = new Set(['alice']);
      const certs = Array.from({ length: n }, (_, i) =>
        cert({ cn: `h${i}.example.com`, findings: [finding('expired')], owner: '@alice' }),
      );
      const first = await syncIssues(report(certs), client(), ctx());
      const L = 1;
      const U = 1;
      assert.equal(first.apiCalls, 3 + 2 * L + U + 3 * n);
      assert.equal(gh.calls.length, first.apiCalls, 'the client counts what the server sees');
      const again = await syncIssues(report(certs), client(), ctx());
      // + 1: who the token is, asked once a run finds issues to adopt.
      assert.equal(again.apiCalls, Math.ceil(n / 100) + 1);
      const renewed = certs.map((c, i) =>
        cert({ cn: c.subjectCN!, seed: `r${i}`, notAfter: '2027-06-01T00:00:00.000Z' }),
      );
      const closing = await syncIssues(report(renewed), client(), ctx());
      assert.equal(closing.apiCalls, 2 + 2 * n, 'a comment and a close per issue');
    });
  }
});
