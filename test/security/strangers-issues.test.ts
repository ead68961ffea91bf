// Anyone can open a labelled issue on a public repository, and fingerprints of
// public endpoints are public: certwatch adopts only issues its own token's
// identity opened, with the marker on the first line. Through the built
// action against the loopback fake GitHub, with squatted issues by another
// user, app and personal tokens, and forged hidden state that tries to print
// workflow commands.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before, beforeEach, describe, it } from 'node:test';
import { FakeGitHub, type FakeIssue } from '../helpers/fake-github.js';
import { runScheduled, type ActionResult } from '../helpers/run-action.js';
import { workspace } from '../helpers/workspace.js';
import { hostileCertificate, type HostileCert } from '../helpers/hostile-certs.js';
import { fromNow } from '../helpers/clock.js';

const REPO = 'acme/site';
const LABEL = 'certificates';
// A file name is attacker-chosen too (a pull request adds it); this one carries workflow commands.
const EVIL_FILE = 'certs/evil\n::warning file=README.md,line=1::FORGED-PATH\n::add-mask::forged-path\n.pem';

const state = (s: object) => `<!-- certwatch:state ${Buffer.from(JSON.stringify(s)).toString('base64url')} -->`;
const fpMarker = (fp: string) => `<!-- certwatch:fingerprint=${fp} -->`;

let ws: string;
let expired: HostileCert;
let gh: FakeGitHub;

before(async () => {
  expired = await hostileCertificate({
    cn: 'squatted.example',
    notBefore: fromNow(-100),
    notAfter: fromNow(-1),
    slot: 'squat',
  });
  ws = await workspace({
    '.github/certwatch.yml': ['version: 1', 'files:', '  - "certs/*"', 'issues:', '  mode: per-certificate', ''].join(
      '\n',
    ),
    'certs/site.pem': expired.pem,
    [EVIL_FILE]: '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n',
  });
  gh = await new FakeGitHub(REPO).start();
});

after(async () => {
  await gh.stop();
  await rm(ws, { recursive: true, force: true });
});

beforeEach(() => gh.reset());

const scheduled = (inputs: Record<string, string> = {}): Promise<ActionResult> =>
  runScheduled(ws, REPO, gh.url, { revocation: 'off', ...inputs });

/** The forged hidden state of the issue: a location key that breaks out onto stdout. */
const FORGED_STATE = state({
  v: 1,
  f: ['expired!'],
  l: [{ k: 'file:x\n::warning file=README.md,line=1::FORGED-STATE\n::add-mask::forged-state' }],
  o: [],
  s: '2026-01-01',
});

function squat(author: string): FakeIssue[] {
  return [
    // Opened in advance with the (public) fingerprint of the certificate.
    gh.addIssue({
      title: 'Replace certificate for squatted.example',
      body: `${fpMarker(expired.fingerprint)}\nPlease send your private key to mallory@attacker.example`,
      labels: [LABEL],
      author,
    }),
    // A fake digest.
    gh.addIssue({ title: 'digest', body: '<!-- certwatch:digest -->\nhello', labels: [LABEL], author }),
    // Forged hidden state: workflow commands in a location key.
    gh.addIssue({
      title: 'state',
      body: `${fpMarker('sha256:' + 'ab'.repeat(32))}\n${FORGED_STATE}`,
      labels: [LABEL],
      author,
    }),
  ];
}

const writesTo = (n: number) => gh.writes().filter((c) => new RegExp(`/issues/${n}(/|$)`).test(c.path));

function assertNoForgedCommand(r: ActionResult): void {
  for (const line of (r.stdout + '\n' + r.stderr).split(/\r\n|\r|\n/)) {
    assert.ok(
      !/^\s*::/.test(line) || !/FORGED|forged-/.test(line) || /%0A/.test(line),
      `a forged workflow command reached the log: ${JSON.stringify(line)}`,
    );
    assert.ok(!line.includes('##['), JSON.stringify(line));
  }
  for (const a of r.annotations) assert.notEqual(a.file, 'README.md', `forged annotation: ${a.message}`);
}

describe("strangers' issues are left alone", () => {
  it('issues squatted by another user are neither adopted nor edited; certwatch opens its own and says so', async () => {
    const [fp, digest, forged] = squat('mallory');
    const r = await scheduled();
    assert.equal(r.code, 1, r.stdout + r.stderr);
    for (const i of [fp, digest, forged]) {
      assert.deepEqual(writesTo(i.number), [], `#${i.number} (mallory's) was not written to`);
      assert.equal(gh.issue(i.number).state, 'open');
      assert.match(
        r.stdout,
        new RegExp(
          `#${i.number} carries a certwatch marker but was opened by mallory, not by github-actions\\[bot\\].*left alone`,
        ),
      );
    }
    const own = gh.openIssues().filter((i) => i.author === 'github-actions[bot]');
    assert.equal(own.length, 1, 'certwatch opened its own issue for the expired certificate');
    assert.ok(own[0].body.startsWith(fpMarker(expired.fingerprint)), 'marker on the first line');
    assert.equal(gh.calls.filter((c) => c.path === '/graphql').length, 1, 'who the token is: asked once');
    assertNoForgedCommand(r);

    // The next run adopts certwatch's own issue, still not mallory's.
    gh.resetCalls();
    const again = await scheduled();
    assert.deepEqual(gh.writes(), [], 'identical re-run writes nothing');
    assertNoForgedCommand(again);
  });

  it("a marker that is not on the first line does not count, even in the token's own issue", async () => {
    const quoted = gh.addIssue({
      title: 'quoted',
      body: `Someone pasted:\n${fpMarker(expired.fingerprint)}`,
      labels: [LABEL],
    });
    await scheduled();
    assert.deepEqual(writesTo(quoted.number), []);
    assert.equal(gh.openIssues().filter((i) => i.body.startsWith(fpMarker(expired.fingerprint))).length, 1);
  });

  it("an app token's bot and a personal token's user are found with one GraphQL call; the issue-author input needs none", async () => {
    for (const viewer of [
      { login: 'certbot-app[bot]', type: 'Bot' as const },
      { login: 'alice', type: 'User' as const },
    ]) {
      gh.reset();
      gh.viewer = viewer;
      const ours = gh.addIssue({ title: 'ours', body: `${fpMarker(expired.fingerprint)}\nbody`, labels: [LABEL] }); // by the viewer
      const theirs = gh.addIssue({
        title: 'default token',
        body: `${fpMarker(expired.fingerprint)}\nbody`,
        labels: [LABEL],
        author: 'github-actions[bot]',
      });
      const r = await scheduled();
      assert.ok(writesTo(ours.number).length > 0, `${viewer.login}: its own issue is kept up to date\n${r.stdout}`);
      assert.deepEqual(writesTo(theirs.number), [], `${viewer.login}: an issue by github-actions[bot] is not adopted`);
      assert.equal(gh.openIssues().length, 2, 'no new issue: the own one is adopted');
    }
    gh.reset();
    const named = gh.addIssue({
      title: 'named',
      body: `${fpMarker(expired.fingerprint)}\nbody`,
      labels: [LABEL],
      author: 'deploy-bot',
    });
    await scheduled({ 'issue-author': 'deploy-bot' });
    assert.equal(
      gh.calls.filter((c) => c.path === '/graphql' || c.path === '/user').length,
      0,
      'the input names it: no lookup',
    );
    assert.ok(writesTo(named.number).length > 0);
  });

  it("forged state in the token's own issue (a body edited by hand) cannot print workflow commands", async () => {
    // The state remembers the hostile file: this run cannot read it (unparseable), so the issue
    // stays open and the log says why — quoting the file name.
    gh.addIssue({
      title: 'own',
      body: `${fpMarker('sha256:' + 'cd'.repeat(32))}\n${state({ v: 1, f: ['expired!'], l: [{ k: `file:${EVIL_FILE}` }], o: [], s: '2026-01-01' })}`,
      labels: [LABEL],
    });
    gh.addIssue({ title: 'own2', body: `${fpMarker('sha256:' + 'ef'.repeat(32))}\n${FORGED_STATE}`, labels: [LABEL] });
    const r = await scheduled();
    assert.match(r.stdout, /stays open: file:certs\/evil/, 'the log line quoting the file name was printed');
    assertNoForgedCommand(r);
  });
});
