// Proxy credentials and the token never leave certwatch: an HTTPS_PROXY with an
// unencoded '#' in its password (no URL parser reads it as meant, and the value
// used to come back in the error: annotation, summary, JSON report twice) and the
// github-token appear in no output of the built action or CLI, and the action
// masks them with `::add-mask::`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { FakeGitHub } from '../helpers/fake-github.js';
import { issue } from '../helpers/pki.js';
import { runAction } from '../helpers/run-action.js';
import { tempDir, removeTempDir } from '../helpers/workspace.js';
import { DAY } from '../helpers/clock.js';

const exec = promisify(execFile);
const CLI = path.resolve('dist/cli.js');
const now = Date.now();
const PROXY_PASSWORD = 'S3cr3t#x-proxy';
const TOKEN = 'ghs_Secr3tT0kenForTheLeakTest0123456789';

test('proxy credentials and the token appear in no output; the proxy password and token are masked', async () => {
  const gh = await new FakeGitHub('acme/site').start();
  const dir = await tempDir('certwatch-proxy-secret-');
  const pws = await tempDir('certwatch-proxy-ws-');
  try {
    const expiring = await issue({
      cn: 'proxied.example',
      notBefore: new Date(now - 100 * DAY),
      notAfter: new Date(now - DAY),
      crlUrl: 'http://crl.invalid/1.crl',
      ocspUrl: 'http://ocsp.invalid/',
    });
    await mkdir(path.join(pws, '.github'), { recursive: true });
    await mkdir(path.join(pws, 'certs'), { recursive: true });
    await writeFile(
      path.join(pws, '.github/certwatch.yml'),
      [
        'version: 1',
        'files:',
        '  - "certs/*.pem"',
        'endpoints:',
        '  - "127.0.0.1:9"',
        'issues:',
        '  mode: per-certificate',
        '',
      ].join('\n'),
    );
    await writeFile(path.join(pws, 'certs/site.pem'), expiring.pem);
    const eventPath = path.join(dir, 'event.json');
    await writeFile(
      eventPath,
      JSON.stringify({
        schedule: '17 3 * * *',
        repository: { full_name: 'acme/site', name: 'site', owner: { login: 'acme' }, default_branch: 'main' },
      }),
    );
    const proxy = `http://alice:${PROXY_PASSWORD}@proxy.invalid:3128`;
    const proxyEnv = { HTTPS_PROXY: proxy, HTTP_PROXY: proxy, NO_PROXY: '' };
    const r = await runAction(
      pws,
      {
        report: 'out/report.json',
        sarif: 'out/c.sarif',
        html: 'out/c.html',
        revocation: 'soft',
        'github-token': TOKEN,
      },
      {
        ...proxyEnv,
        GITHUB_API_URL: gh.url,
        GITHUB_REPOSITORY: 'acme/site',
        GITHUB_EVENT_NAME: 'schedule',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REF: 'refs/heads/main',
      },
    );
    assert.equal(r.code, 1, r.stdout + r.stderr);
    // The run did meet the proxy: the endpoint's error names it (without the credentials).
    const report = await readFile(path.join(pws, 'out/report.json'), 'utf8');
    assert.match(
      report,
      /HTTPS_PROXY=\\"http:\/\/\*\*\*@proxy\.invalid:3128\\"/,
      'the proxy problem is reported, redacted',
    );
    const masked = r.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
    for (const s of [PROXY_PASSWORD, TOKEN])
      assert.ok(masked.includes(`::add-mask::${s}`), `${s.slice(0, 6)}… is masked`);
    const csv = await exec(process.execPath, [CLI, 'inventory', '--format', 'csv', '--revocation', 'soft'], {
      cwd: pws,
      env: { ...process.env, ...proxyEnv },
      timeout: 60_000,
    }).catch((e) => e as { stdout: string; stderr: string });
    const outputs: Record<string, string> = {
      stdout: r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
      stderr: r.stderr,
      annotations: JSON.stringify(r.annotations),
      summary: r.summary,
      GITHUB_OUTPUT: JSON.stringify(r.outputs),
      'JSON report': report,
      SARIF: await readFile(path.join(pws, 'out/c.sarif'), 'utf8'),
      HTML: await readFile(path.join(pws, 'out/c.html'), 'utf8'),
      'CLI csv': csv.stdout + csv.stderr,
      issues: JSON.stringify(gh.issues),
      // The token itself is meant to reach the API (the fake keeps it as each call's tag); every
      // other part of every request must not carry a secret.
      'API calls': JSON.stringify(gh.calls.map(({ tag: _token, ...call }) => call)),
    };
    assert.ok(gh.issues.length > 0, 'issues were written');
    for (const [where, text] of Object.entries(outputs)) {
      for (const s of [PROXY_PASSWORD, 'S3cr3t', TOKEN])
        assert.ok(!text.includes(s), `${where} contains ${s.slice(0, 6)}…`);
    }
  } finally {
    await gh.stop();
    await removeTempDir(dir);
    await removeTempDir(pws);
  }
});
