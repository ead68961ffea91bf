// The workflow `certwatch init` writes, run as the runner would: each job's
// certwatch step through the BUILT action (dist/action.js) with its `with:` as
// INPUT_*, the event its `if:` names, and a loopback GitHub API. The outputs
// must be what the sample repository's certificates say (dates read back with
// openssl), issues must be opened once, and a PR check must see only its files.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { runAction, type ActionResult } from '../helpers/run-action.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { ACTION_REF } from '../../src/init/action-ref.js';
import { opensslNotAfter, sampleRepo, type SampleRepo } from './sample-repo.js';
import type { Workflow } from '../helpers/workflow-yaml.js';

const REPO = 'acme/site';

describe('certwatch init, then its workflow', () => {
  let repo: SampleRepo;
  let ws: string, workflow: string;
  before(async () => {
    repo = await sampleRepo();
    ({ ws, workflow } = repo);
  });
  after(() => repo.dispose());

  describe("the generated workflow's steps, run through the built action", () => {
    let gh: FakeGitHub;
    before(async () => {
      gh = await new FakeGitHub(REPO).start();
    });
    after(() => gh.stop());

    const repository = {
      full_name: REPO,
      name: 'site',
      owner: { login: 'acme' },
      default_branch: 'trunk',
      private: false,
    };
    const events: Record<string, { name: string; payload: unknown; ref: string }> = {
      push: { name: 'push', payload: { ref: 'refs/heads/trunk', repository }, ref: 'refs/heads/trunk' },
      nightly: { name: 'schedule', payload: { schedule: '17 3 * * *', repository }, ref: 'refs/heads/trunk' },
      'pull-request': {
        name: 'pull_request',
        payload: {
          number: 7,
          pull_request: {
            number: 7,
            head: { sha: 'f'.repeat(40), repo: { full_name: REPO } },
            base: { ref: 'trunk', sha: 'b'.repeat(40), repo: { full_name: REPO } },
          },
          repository,
        },
        ref: 'refs/pull/7/merge',
      },
    };

    async function runJob(job: string): Promise<ActionResult> {
      const wf = parse(workflow) as Workflow;
      const step = wf.jobs[job].steps.find((s) => s.uses === ACTION_REF);
      // The job's `if:` names the event it runs on; check we run it on that one.
      assert.match(wf.jobs[job].if ?? '', new RegExp(`github\\.event_name == '${events[job].name}'`));
      const inputs = Object.fromEntries(Object.entries(step?.with ?? {}).map(([k, v]) => [k, String(v)]));
      for (const v of Object.values(inputs))
        assert.doesNotMatch(v, /\$\{\{/, 'inputs the test passes verbatim hold no expressions');
      const eventPath = path.join(ws, '..', `${path.basename(ws)}-${job}-event.json`);
      await writeFile(eventPath, JSON.stringify(events[job].payload));
      try {
        return await runAction(ws, inputs, {
          GITHUB_API_URL: gh.url,
          GITHUB_REPOSITORY: REPO,
          GITHUB_EVENT_NAME: events[job].name,
          GITHUB_EVENT_PATH: eventPath,
          GITHUB_REF: events[job].ref,
        });
      } finally {
        await rm(eventPath, { force: true });
      }
    }

    it('nightly: fails on the expired and the 3-day certificate, opens an issue for each, writes the report and the inventory', async () => {
      const r = await runJob('nightly');
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.equal(r.outputs.status, 'fail');
      assert.equal(r.outputs.failures, '2');
      assert.equal(r.outputs.certificates, '4');
      assert.equal(Date.parse(r.outputs['next-expiry']), Date.parse(await opensslNotAfter(repo.old.pem)));
      assert.equal(r.outputs['report-path'], path.join(ws, 'certwatch-report.json'));
      assert.equal(r.outputs['html-path'], path.join(ws, 'certwatch-inventory.html'));
      const report = JSON.parse(await readFile(path.join(ws, 'certwatch-report.json'), 'utf8'));
      assert.equal(report.summary.failures, 2);
      const open = gh.openIssues();
      assert.equal(open.length, 2, JSON.stringify(open.map((i) => i.title)));
      assert.ok(
        open.some((i) => i.body.includes('old.acme.test')) && open.some((i) => i.body.includes('legacy.acme.test')),
      );
    });

    it('push to the default branch: the same verdict, and the issues stay as they are', async () => {
      gh.resetCalls();
      const r = await runJob('push');
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.equal(r.outputs.status, 'fail');
      assert.equal(r.outputs.failures, '2');
      assert.equal(gh.openIssues().length, 2);
      assert.equal(gh.writes().length, 0, 'nothing changed since the nightly run: no issue writes');
    });

    it('pull request: only the file the PR changes is checked', async () => {
      gh.prFiles.set(7, [{ filename: 'certs/site.pem', status: 'modified' }]);
      gh.resetCalls();
      const r = await runJob('pull-request');
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(r.outputs.status, 'ok');
      assert.equal(r.outputs.failures, '0');
      assert.equal(r.outputs.certificates, '1');
      assert.equal(Date.parse(r.outputs['next-expiry']), Date.parse(await opensslNotAfter(repo.site.pem)));
      assert.equal(gh.writes().length, 0, 'a pull-request check never writes issues');
    });
  });
});
