import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { readGithubEnv, type GithubEnv } from '../../src/github/context.js';
import { resolveScope } from '../../src/github/pr-scope.js';
import { FakeGitHub, capture, type PrFile } from '../helpers/fake-github.js';
import { tempDir, removeTempDir } from '../helpers/workspace.js';

const fast = { clientOptions: { retries: 1, retryBaseMs: 1, spacing: 'none' as const } };

let gh: FakeGitHub;

function prEnv(extra: Partial<GithubEnv> = {}, pr: Record<string, unknown> = {}): GithubEnv {
  return {
    eventName: 'pull_request',
    eventPayload: {
      number: 42,
      pull_request: { number: 42, base: { sha: 'a'.repeat(40) }, head: { sha: 'b'.repeat(40) }, ...pr },
    },
    repository: 'acme/site',
    serverUrl: 'https://github.example',
    apiUrl: gh.url,
    token: 't0ken',
    workspace: '/nonexistent',
    ...extra,
  };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-C', cwd, '-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args],
    { encoding: 'utf8' },
  ).trim();
}

describe('pull-request scope', () => {
  before(async () => {
    gh = await new FakeGitHub('acme/site').start();
  });
  after(async () => {
    await gh.stop();
  });
  beforeEach(() => gh.reset());

  it('lists a 250-file PR over 3 pages and keeps added, modified and renamed files', async () => {
    const files: PrFile[] = Array.from({ length: 250 }, (_, i) => ({
      filename: `certs/f${String(i).padStart(3, '0')}.pem`,
      status: 'modified',
    }));
    files[0].status = 'added';
    files[1].status = 'renamed';
    files[2].status = 'removed';
    files[249] = { filename: '.github/certwatch.yml', status: 'modified' };
    gh.prFiles.set(42, files);
    const res = await resolveScope('auto', prEnv(), '.github/certwatch.yml', capture(), fast);
    assert.equal(res.files!.length, 249, 'the removed file has nothing to check');
    assert.ok(
      res.files!.includes('certs/f000.pem') &&
        res.files!.includes('certs/f001.pem') &&
        !res.files!.includes('certs/f002.pem'),
    );
    assert.ok(res.files!.includes('certs/f248.pem'), 'the last page was read');
    assert.equal(res.configChanged, true);
    const pages = gh.calls.filter((c) => c.path === '/repos/acme/site/pulls/42/files');
    assert.deepEqual(
      pages.map((p) => [p.query.page ?? '1', p.query.per_page]),
      [
        ['1', '100'],
        ['2', '100'],
        ['3', '100'],
      ],
    );
  });

  it('an absolute config path is compared relative to the workspace; an untouched config is not "changed"', async () => {
    gh.prFiles.set(42, [{ filename: 'certs/a.pem', status: 'added' }]);
    const res = await resolveScope('auto', prEnv({ workspace: '/ws' }), '/ws/.github/certwatch.yml', capture(), fast);
    assert.deepEqual(res.files, ['certs/a.pem']);
    assert.equal(res.configChanged, false);
    gh.prFiles.set(42, [{ filename: '.github/certwatch.yml', status: 'modified' }]);
    const res2 = await resolveScope(
      'changed',
      prEnv({ workspace: '/ws' }),
      '/ws/.github/certwatch.yml',
      capture(),
      fast,
    );
    assert.equal(res2.configChanged, true);
  });

  it('scope all, and auto outside pull requests, check everything without calling the API', async () => {
    assert.deepEqual(await resolveScope('all', prEnv(), '.github/certwatch.yml', capture(), fast), {
      files: null,
      configChanged: false,
      reason: 'scope: all — checking everything',
    });
    const push = await resolveScope('auto', prEnv({ eventName: 'push' }), '.github/certwatch.yml', capture(), fast);
    assert.equal(push.files, null);
    const sched = await resolveScope(
      'auto',
      prEnv({ eventName: 'schedule' }),
      '.github/certwatch.yml',
      capture(),
      fast,
    );
    assert.equal(sched.files, null);
    assert.equal(gh.calls.length, 0);
  });

  it('pull_request_target counts as a pull request', async () => {
    gh.prFiles.set(42, [{ filename: 'certs/a.pem', status: 'added' }]);
    const res = await resolveScope(
      'auto',
      prEnv({ eventName: 'pull_request_target' }),
      '.github/certwatch.yml',
      capture(),
      fast,
    );
    assert.deepEqual(res.files, ['certs/a.pem']);
  });

  describe('when the API fails', () => {
    let repo: string;
    let base: string;
    let head: string;
    before(async () => {
      repo = await tempDir('certwatch-scope-');
      git(repo, 'init', '-q', '-b', 'main');
      await mkdir(join(repo, 'certs'));
      await writeFile(join(repo, 'certs/old.pem'), 'old\n');
      await writeFile(join(repo, 'certs/gone.pem'), 'gone\n');
      git(repo, 'add', '.');
      git(repo, 'commit', '-q', '-m', 'base');
      base = git(repo, 'rev-parse', 'HEAD');
      await writeFile(join(repo, 'certs/new.pem'), 'new\n');
      await writeFile(join(repo, 'certs/old.pem'), 'changed\n');
      git(repo, 'rm', '-q', 'certs/gone.pem');
      git(repo, 'add', '.');
      git(repo, 'commit', '-q', '-m', 'head');
      head = git(repo, 'rev-parse', 'HEAD');
    });
    after(async () => {
      await removeTempDir(repo);
    });

    it('uses git diff base...head when the history is there', async () => {
      gh.faults.push({ path: /pulls\/42\/files/, kind: 'forbidden' });
      const log = capture();
      const res = await resolveScope(
        'auto',
        prEnv({ workspace: repo }, { base: { sha: base }, head: { sha: head } }),
        '.github/certwatch.yml',
        log,
        fast,
      );
      assert.deepEqual(res.files, ['certs/new.pem', 'certs/old.pem']);
      assert.match(res.reason, /git diff/);
      assert.ok(
        log.lines.info.some((l) => /pull-requests: read/.test(l)),
        'says which permission the API needed',
      );
    });

    it('falls back to everything, with a warning, when neither works', async () => {
      gh.faults.push({ path: /pulls\/42\/files/, kind: 'server-error' });
      const log = capture();
      const res = await resolveScope(
        'auto',
        prEnv({ workspace: repo }, { base: { sha: 'c'.repeat(40) }, head: { sha: head } }),
        '.github/certwatch.yml',
        log,
        fast,
      );
      assert.equal(res.files, null);
      assert.ok(log.lines.warning.some((l) => /fetch-depth: 0/.test(l)));
    });

    it('scope changed on a push diffs before..after', async () => {
      const res = await resolveScope(
        'changed',
        { ...prEnv({ workspace: repo }), eventName: 'push', eventPayload: { before: base, after: head } },
        '.github/certwatch.yml',
        capture(),
        fast,
      );
      assert.deepEqual(res.files, ['certs/new.pem', 'certs/old.pem']);
    });
  });
});

describe('readGithubEnv', () => {
  it('reads the runner variables and the event payload file', async () => {
    const dir = await tempDir('certwatch-env-');
    try {
      await writeFile(
        join(dir, 'event.json'),
        JSON.stringify({ pull_request: { number: 7 }, repository: { default_branch: 'main' } }),
      );
      const env = readGithubEnv('tok', {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        GITHUB_REPOSITORY: 'acme/site',
        GITHUB_SERVER_URL: 'https://ghe.example/',
        GITHUB_RUN_ID: '99',
        GITHUB_SHA: 'abc',
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_WORKSPACE: dir,
      });
      assert.equal(env.eventPayload.pull_request?.number, 7);
      assert.equal(env.serverUrl, 'https://ghe.example');
      assert.equal(env.apiUrl, 'https://ghe.example/api/v3', 'GHES API path when GITHUB_API_URL is unset');
      assert.equal(env.runId, '99');
      assert.equal(env.workspace, dir);
      const missing = readGithubEnv('tok', { GITHUB_EVENT_PATH: join(dir, 'nope.json') });
      assert.deepEqual(missing.eventPayload, {});
      assert.equal(missing.apiUrl, 'https://api.github.com');
    } finally {
      await removeTempDir(dir);
    }
  });
});
