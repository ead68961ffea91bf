// What a repository commits cannot make certwatch read or write outside it: a
// symbolic link to a file elsewhere on the runner is not followed (a notice says
// so), and `defaults.cache-dir` must stay inside the workspace or $RUNNER_TEMP.
// Through the built CLI and action.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { issue } from '../helpers/pki.js';
import { runAction } from '../helpers/run-action.js';
import { workspace, tempDir, removeTempDir } from '../helpers/workspace.js';
import { DAY } from '../helpers/clock.js';

const exec = promisify(execFile);
const CLI = path.resolve('dist/cli.js');
let outside: string;

before(async () => {
  outside = await tempDir('certwatch-outside-');
});
after(async () => {
  await removeTempDir(outside);
});

async function cli(ws: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(process.execPath, [CLI, ...args], { cwd: ws, timeout: 60_000 });
    return { code: 0, ...r };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

/** A certificate to leave outside the workspace and one to keep inside it. */
async function twoCertificates(tag: string) {
  const now = Date.now();
  const valid = { notBefore: new Date(now - DAY), notAfter: new Date(now + 90 * DAY) };
  return {
    secret: await issue({ cn: `outside${tag}.example`, ...valid }),
    inside: await issue({ cn: `inside${tag}.example`, ...valid }),
  };
}

test('a committed symbolic link that leaves the workspace is not followed; one inside it is', async () => {
  const { secret, inside } = await twoCertificates('');
  await writeFile(path.join(outside, 'server.pem'), secret.pem);
  const ws = await workspace({ 'real/inside.pem': inside.pem });
  try {
    await mkdir(path.join(ws, 'certs'));
    await symlink(path.join(outside, 'server.pem'), path.join(ws, 'certs/outside.pem'));
    await symlink('../real/inside.pem', path.join(ws, 'certs/inside.pem'));
    await symlink(outside, path.join(ws, 'linked-dir'));
    await writeFile(
      path.join(ws, 'certwatch.yml'),
      ['version: 1', 'files:', '  - "certs/*.pem"', '  - "linked-dir/server.pem"', ''].join('\n'),
    );
    const r = await cli(ws, ['check', '--config', 'certwatch.yml', '--format', 'json', '--revocation', 'off']);
    const report = JSON.parse(r.stdout);
    const names = report.certificates.map((c: { subject: string }) => c.subject).join(' ');
    assert.match(names, /inside\.example/, 'a link inside the workspace is read');
    assert.doesNotMatch(names, /outside\.example/, 'nothing outside the workspace is read');
    for (const p of ['certs/outside.pem', 'linked-dir/server.pem']) {
      const f = report.problems.find((x: { location?: { path: string } }) => x.location?.path === p);
      assert.ok(f, `${p} is reported: ${JSON.stringify(report.problems)}`);
      assert.equal(f.severity, 'notice');
      assert.match(f.message, /symbolic link to a file outside the workspace; not followed/);
    }
  } finally {
    await rm(ws, { recursive: true, force: true });
  }
});

test('discovery in a git checkout: a tracked link, or a tracked folder replaced by a link, that leaves the workspace is not followed', async () => {
  const { secret, inside } = await twoCertificates('-d');
  await mkdir(path.join(outside, 'd'), { recursive: true });
  await writeFile(path.join(outside, 'd/server.pem'), secret.pem);
  const ws = await workspace({ 'real/inside.pem': inside.pem, 'vendored/server.pem': 'placeholder\n' });
  try {
    await mkdir(path.join(ws, 'links'));
    await symlink(path.join(outside, 'd/server.pem'), path.join(ws, 'links/outside.pem'));
    await symlink('../real/inside.pem', path.join(ws, 'links/inside.pem'));
    const git = (...a: string[]) => exec('git', a, { cwd: ws });
    await git('init', '-q');
    await git('add', '-A');
    // After the checkout, a step swaps a tracked folder for a link out of the workspace:
    // git still lists vendored/server.pem, and opening it would read the outside file.
    await rm(path.join(ws, 'vendored'), { recursive: true });
    await symlink(path.join(outside, 'd'), path.join(ws, 'vendored'));
    const r = await cli(ws, ['check', '--format', 'json', '--revocation', 'off']);
    const report = JSON.parse(r.stdout);
    const names = report.certificates.map((c: { subject: string }) => c.subject).join(' ');
    assert.match(names, /inside-d\.example/, 'a link inside the workspace is read');
    assert.doesNotMatch(names, /outside-d\.example/, 'nothing outside the workspace is read');
    for (const p of ['links/outside.pem', 'vendored/server.pem']) {
      const f = report.problems.find((x: { location?: { path: string } }) => x.location?.path === p);
      assert.ok(f, `${p} is reported: ${JSON.stringify(report.problems)}`);
      assert.equal(f.severity, 'notice');
      assert.match(f.message, /symbolic link to a file outside the workspace; not followed/);
    }
  } finally {
    await rm(ws, { recursive: true, force: true });
  }
});

test('cache-dir outside the workspace and $RUNNER_TEMP is a config error naming the line; inside $RUNNER_TEMP is fine', async () => {
  const ws = await workspace({
    '.github/certwatch.yml': ['version: 1', 'defaults:', '  cache-dir: ../../home/runner/.ssh', ''].join('\n'),
  });
  const temp = await tempDir('certwatch-runner-temp-');
  try {
    const r = await cli(ws, ['check', '--revocation', 'off']);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /certwatch\.yml:3.*defaults\.cache-dir.*outside the workspace/s);
    const a = await runAction(ws, { revocation: 'off', issues: 'false' }, { RUNNER_TEMP: temp });
    assert.equal(a.code, 1);
    assert.ok(
      a.annotations.some(
        (x) =>
          x.file === '.github/certwatch.yml' &&
          x.line === 3 &&
          /outside the workspace and \$RUNNER_TEMP/.test(x.message),
      ),
      a.stdout,
    );
    await writeFile(
      path.join(ws, '.github/certwatch.yml'),
      ['version: 1', 'defaults:', `  cache-dir: ${path.join(temp, 'certwatch-cache')}`, ''].join('\n'),
    );
    const ok = await runAction(ws, { revocation: 'off', issues: 'false' }, { RUNNER_TEMP: temp });
    assert.equal(ok.code, 0, ok.stdout);
  } finally {
    await rm(ws, { recursive: true, force: true });
    await removeTempDir(temp);
  }
});
