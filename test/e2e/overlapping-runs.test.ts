// Overlapping runs through the BUILT action: two or three real child processes
// started at the same moment against one loopback fake GitHub whose listings
// show a new issue only seconds later (as GitHub's can), with GitHub's own
// write spacing. Whatever the interleaving, exactly one open issue per
// certificate (or one digest) remains, a duplicate lives only until the run
// that opened it ends and is closed without a comment, and owners are
// assigned and mentioned once — on the issue that stays.
import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hierarchy, issue, type Issued } from '../helpers/pki.js';
import { runAction, type ActionResult } from '../helpers/run-action.js';
import { FakeGitHub, type RecordedCall } from '../helpers/fake-github.js';
import { workspace, writeFiles, tempDir, removeTempDir } from '../helpers/workspace.js';
import { realClock } from '../helpers/clock.js';

const REPO = 'acme/site';
const LISTING_DELAY_MS = 3000; // "a few seconds", as GitHub's search-backed listings can lag
// Three runs side by side on a shared 2-core machine: a run takes seconds, but under load more than runAction's default minute.
const RUN_TIMEOUT_MS = 110_000;
const { at } = realClock();
const fp = (c: Issued) => 'sha256:' + createHash('sha256').update(c.der).digest('hex');
const DIGEST = 'digest';

let intermediate: Issued;
const ca = (async () =>
  (await hierarchy({ cn: 'unused.overlap.test', notBefore: at(-10), notAfter: at(100) }, 'Overlap')).intermediate)();
async function leaf(cn: string, fromDays: number, toDays: number): Promise<Issued> {
  intermediate ??= await ca;
  return issue({ cn, issuer: intermediate, notBefore: at(fromDays), notAfter: at(toDays) });
}

const repository = { full_name: REPO, name: 'site', owner: { login: 'acme' }, default_branch: 'main', private: false };
let runId = 5000;

interface Run {
  tag: string; // its token: the fake records it on every call
  result: ActionResult;
  endedAt: number;
}

/** Start `inputs.length` runs of dist/action.js at the same moment (one per inputs object). */
async function overlapping(
  ws: string,
  gh: FakeGitHub,
  inputs: Record<string, string>[],
  event = 'schedule',
): Promise<Run[]> {
  const dir = await tempDir('certwatch-overlap-');
  try {
    const eventPath = path.join(dir, 'event.json');
    const payload =
      event === 'schedule'
        ? { schedule: '17 3 * * *', repository }
        : { inputs: {}, ref: 'refs/heads/main', repository };
    await writeFile(eventPath, JSON.stringify(payload));
    return await Promise.all(
      inputs.map(async (extra, i) => {
        const tag = `run-${i + 1}`;
        const result = await runAction(
          ws,
          { 'github-token': tag, ...extra },
          {
            GITHUB_API_URL: gh.url,
            GITHUB_REPOSITORY: REPO,
            GITHUB_EVENT_NAME: i === 0 ? event : 'workflow_dispatch', // a nightly and manual runs, as a team would overlap them
            GITHUB_EVENT_PATH: eventPath,
            GITHUB_REF: 'refs/heads/main',
            GITHUB_RUN_ID: String(++runId),
          },
          RUN_TIMEOUT_MS,
        );
        return { tag, result, endedAt: Date.now() };
      }),
    );
  } finally {
    await removeTempDir(dir);
  }
}

const log = (runs: Run[]) =>
  runs.map((r) => `--- ${r.tag}: exit ${r.result.code}\n${r.result.stdout}\n${r.result.stderr}`).join('\n');
const keyOf = (body: string) =>
  /certwatch:fingerprint=(sha256:[0-9a-f]{64})/.exec(body)?.[1] ??
  (body.includes('<!-- certwatch:digest -->') ? DIGEST : null);
const issueOf = (c: RecordedCall) => Number(/\/issues\/(\d+)/.exec(c.path)?.[1] ?? 0);
// A live mention: "@alice" not inside a code span.
const mentions = (body: string, owner: string) =>
  new RegExp(`(^|[^\`\\w])${owner.replace('/', '\\/')}(?![\\w\`/-])`, 'm').test(body);

/** What the request log says happened, per issue. */
function ledger(gh: FakeGitHub) {
  const ok = gh.calls.filter((c) => c.status >= 200 && c.status < 300);
  const creates = ok
    .filter((c) => c.method === 'POST' && /\/issues$/.test(c.path))
    .map((c) => ({ call: c, number: c.created!, key: keyOf(c.body.body) }));
  const patches = ok.filter((c) => c.method === 'PATCH');
  return {
    creates,
    closes: patches.filter((c) => c.body?.state === 'closed'),
    comments: ok.filter((c) => c.method === 'POST' && /\/comments$/.test(c.path)),
    assignments: [
      ...patches.filter((c) => c.body?.assignees?.length),
      ...creates.filter((c) => c.call.body.assignees?.length).map((c) => c.call),
    ],
  };
}

/**
 * The invariants of every scenario: one open issue per key; every other issue
 * this round opened was withdrawn by the run that opened it, before that run
 * ended, silently; owners assigned once and mentioned only on the issue that
 * stays. Says how long each duplicate lived (the README's figure).
 */
function assertOneEach(
  t: TestContext,
  gh: FakeGitHub,
  runs: Run[],
  keys: string[],
  owners: Map<string, string[]>,
): void {
  const open = gh.openIssues();
  assert.deepEqual(
    open.map((i) => keyOf(i.body)).sort(),
    [...keys].sort(),
    `one open issue per ${keys.length === 1 && keys[0] === DIGEST ? 'digest' : 'certificate'}\n${log(runs)}`,
  );
  const l = ledger(gh);
  const lifetimes: number[] = [];
  for (const c of l.creates) {
    const issue = gh.issue(c.number);
    for (const o of owners.get(c.key!) ?? [])
      assert.ok(!mentions(c.call.body.body, o), `#${c.number} was opened mentioning ${o} before it was known to stay`);
    if (issue.state === 'open') {
      for (const o of owners.get(c.key!) ?? [])
        assert.ok(mentions(issue.body, o), `#${c.number} stays: ${o} is named for real\n${issue.body}`);
      continue;
    }
    // A withdrawn copy: closed by its own run, before that run ended, without a word.
    const close = l.closes.find((x) => issueOf(x) === c.number);
    assert.ok(close, `#${c.number} closed through the API`);
    assert.equal(close.tag, c.call.tag, `#${c.number} withdrawn by the run that opened it`);
    const run = runs.find((r) => r.tag === c.call.tag)!;
    assert.ok(close.at <= run.endedAt, `#${c.number} lived until ${close.at - run.endedAt} ms after its run ended`);
    assert.equal(issue.state_reason, 'not_planned');
    assert.deepEqual(issue.comments, [], `#${c.number}: withdrawing a duplicate notifies nobody`);
    assert.deepEqual(issue.assignees, [], `#${c.number}: a duplicate is never assigned`);
    lifetimes.push(close.at - c.call.at);
  }
  // Each owner assigned once, on the issue that stays.
  for (const i of open) {
    const assigned = l.assignments.filter((a) => (a.created ?? issueOf(a)) === i.number);
    // The digest only names owners (many people, one issue); certificate issues assign user owners (teams cannot be assignees).
    const users =
      keyOf(i.body) === DIGEST
        ? []
        : (owners.get(keyOf(i.body)!) ?? []).filter((o) => !o.includes('/')).map((o) => o.slice(1));
    assert.equal(assigned.length, users.length ? 1 : 0, `#${i.number} assigned ${assigned.length} time(s)`);
    assert.deepEqual(i.assignees, users);
  }
  const perKey = keys.map((k) => l.creates.filter((c) => c.key === k).length);
  t.diagnostic(
    `${runs.length} runs: creations per ${keys[0] === DIGEST ? 'digest' : 'certificate'} ${perKey.join(', ')}; withdrawn ${lifetimes.length}, lived (create → withdrawn) ${lifetimes.map((ms) => `${ms} ms`).join(', ') || '—'}`,
  );
}

const CONFIG = (extra = '') => `version: 1
files:
  - path: "certs/a.pem"
    owner: "@alice"
  - path: "certs/b.pem"
    owner: "@acme/web"
  - "certs/c.pem"
issues:
  labels: [certificates]
${extra}`;

let certA: Issued, certB: Issued, certC: Issued;
const ready = (async () => {
  certA = await leaf('a.overlap.test', -60, 20); // expiring: a warning with the default 30d/7d
  certB = await leaf('b.overlap.test', -90, -3); // expired
  certC = await leaf('c.overlap.test', -120, -10); // expired, no owner
})();
const ownersOf = () =>
  new Map([
    [fp(certA), ['@alice']],
    [fp(certB), ['@acme/web']],
    [DIGEST, ['@alice', '@acme/web']],
  ]);
const certFiles = () => ({ 'certs/a.pem': certA.pem, 'certs/b.pem': certB.pem, 'certs/c.pem': certC.pem });

async function repo(t: TestContext, config: string): Promise<{ gh: FakeGitHub; ws: string }> {
  await ready;
  const gh = await new FakeGitHub(REPO).start();
  gh.listingDelayMs = LISTING_DELAY_MS;
  gh.collaborators = new Set(['alice']);
  const ws = await workspace({ ...certFiles(), '.github/certwatch.yml': config });
  t.after(async () => {
    await gh.stop();
    await rm(ws, { recursive: true, force: true });
  });
  return { gh, ws };
}

// The scenarios mostly wait (GitHub's write spacing, the listing delay): run them side by side.
describe('overlapping runs', { concurrency: true }, () => {
  for (const n of [2, 3]) {
    it(`${n} runs started together open one issue per certificate and assign once${n === 2 ? '; a state change seen by both is commented once' : ''}`, async (t) => {
      const { gh, ws } = await repo(t, CONFIG());
      const runs = await overlapping(
        ws,
        gh,
        Array.from({ length: n }, () => ({})),
      );
      for (const r of runs) assert.equal(r.result.code, 1, log(runs)); // the expired certificates fail every run
      assertOneEach(t, gh, runs, [fp(certA), fp(certB), fp(certC)], ownersOf());
      assert.equal(ledger(gh).comments.length, 0, 'opening an issue needs no comment');
      if (n > 2) return; // the state-change round once is enough (it costs a listing delay and a settle)

      // The next overlapping round, once listings show everything: a.pem's
      // warning became an error (fail-within now 25d). One comment says so.
      await new Promise((r) => setTimeout(r, LISTING_DELAY_MS));
      await writeFiles(ws, { '.github/certwatch.yml': CONFIG('defaults:\n  fail-within: 25d\n') });
      gh.resetCalls();
      const again = await overlapping(
        ws,
        gh,
        Array.from({ length: n }, () => ({})),
      );
      const l = ledger(gh);
      assert.deepEqual(l.creates, [], log(again));
      assert.deepEqual(l.closes, []);
      const stays = gh.openIssues().find((i) => keyOf(i.body) === fp(certA))!;
      assert.deepEqual(
        l.comments.map((c) => [issueOf(c), c.body.body.split(':')[0]]),
        [[stays.number, 'State changed']],
        `one state-change comment however many runs saw the change\n${log(again)}`,
      );
      assert.equal(l.assignments.length, 0, 'nobody is assigned again');
    });
  }

  for (const n of [2, 3]) {
    it(`digest mode: ${n} runs started together leave one digest`, async (t) => {
      const { gh, ws } = await repo(t, CONFIG('  mode: digest\n'));
      const runs = await overlapping(
        ws,
        gh,
        Array.from({ length: n }, () => ({})),
      );
      assertOneEach(t, gh, runs, [DIGEST], ownersOf());
      assert.equal(ledger(gh).comments.length, 0);
    });
  }

  it('a matrix merge job and a nightly run syncing together leave one issue per certificate', async (t) => {
    const { gh, ws } = await repo(t, CONFIG());
    // The shard jobs (no issues), one after another as the matrix would finish them.
    for (const s of [1, 2]) {
      const r = await runAction(
        ws,
        { shard: `${s}/2`, report: `reports/shard-${s}.json`, issues: 'false' },
        { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: REPO, GITHUB_EVENT_NAME: 'schedule' },
      );
      assert.ok(r.code === 0 || r.code === 1, r.stdout + r.stderr);
    }
    assert.equal(gh.calls.length, 0, 'shard jobs never touch issues');
    const runs = await overlapping(ws, gh, [{ merge: 'reports/*.json', report: 'merged.json' }, {}]);
    assert.match(runs[0].result.stdout, /certwatch: issues: /, log(runs));
    assertOneEach(t, gh, runs, [fp(certA), fp(certB), fp(certC)], ownersOf());
  });
});
