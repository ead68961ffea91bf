// A pull request from a fork cannot make the runner reach internal addresses:
// through the built action, a certificate whose AIA/OCSP/CRL URLs point at a
// loopback "internal" server and an endpoint the PR adds must leave that server
// untouched on the fork's event, and must reach it on a push. The "public" side
// is exercised with the base branch's `network.allow` (127.0.0.2 stands for a
// public address): contacted on the fork, and a redirect from it to the
// internal server is not followed. The PR's own `network`/`ignore` changes are
// not honoured there.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hierarchy } from '../helpers/pki.js';
import { runAction, type ActionResult } from '../helpers/run-action.js';
import { workspace, writeFiles, tempDir, removeTempDir } from '../helpers/workspace.js';
import { DAY } from '../helpers/clock.js';

const REPO = 'acme/site';
const BANNER_SECRET = 'requirepass=Banner-S3cret';

/** An HTTP server that records every connection and request; /redirect sends to `redirectTo`. */
async function recordingServer(
  host: string,
  redirectTo?: () => string,
): Promise<{ url: string; port: number; connections: number; requests: string[]; close(): Promise<void> }> {
  const state = { url: '', port: 0, connections: 0, requests: [] as string[], close: async () => {} };
  const srv = createHttpServer((req, res) => {
    state.requests.push(`${req.method} ${req.url}`);
    if (req.url === '/redirect' && redirectTo) {
      res.writeHead(302, { location: redirectTo() });
      return res.end();
    }
    res.writeHead(404);
    res.end('internal secret page');
  });
  srv.on('connection', () => state.connections++);
  await new Promise<void>((r) => srv.listen(0, host, r));
  state.port = (srv.address() as { port: number }).port;
  state.url = `http://${host}:${state.port}`;
  state.close = () =>
    new Promise<void>((r) => {
      srv.closeAllConnections();
      srv.close(() => r());
    });
  return state;
}

/** An SMTP-ish server whose greeting leaks a secret (a misconfigured internal service). */
async function bannerServer(host: string): Promise<{ port: number; connections: number; server: Server }> {
  const state = {
    port: 0,
    connections: 0,
    server: createServer((s: Socket) => {
      state.connections++;
      s.end(`554 ${BANNER_SECRET} go away\r\n`);
    }),
  };
  await new Promise<void>((r) => state.server.listen(0, host, r));
  state.port = (state.server.address() as { port: number }).port;
  return state;
}

let internal: Awaited<ReturnType<typeof recordingServer>>;
let allowed: Awaited<ReturnType<typeof recordingServer>>;
let internalBanner: Awaited<ReturnType<typeof bannerServer>>;
let allowedBanner: Awaited<ReturnType<typeof bannerServer>>;
let ws: string;
let baseSha = '';
let eventDir: string;

const git = (...a: string[]) =>
  execFileSync(
    'git',
    ['-C', ws, '-c', 'user.name=t', '-c', 'user.email=t@example.test', '-c', 'commit.gpgsign=false', ...a],
    { encoding: 'utf8' },
  ).trim();

before(async () => {
  internal = await recordingServer('127.0.0.1');
  allowed = await recordingServer('127.0.0.2', () => `${internal.url}/after-redirect`);
  internalBanner = await bannerServer('127.0.0.1');
  allowedBanner = await bannerServer('127.0.0.2');
  const now = Date.now();
  // Certificates the pull request adds: their revocation pointers aim inside.
  const inside = await hierarchy(
    {
      cn: 'inside.example',
      notBefore: new Date(now - 10 * DAY),
      notAfter: new Date(now + 60 * DAY),
      crlUrl: `${internal.url}/crl`,
      ocspUrl: `${internal.url}/ocsp`,
    },
    'Fork',
  );
  const viaAllowed = await hierarchy(
    {
      cn: 'allowed.example',
      notBefore: new Date(now - 10 * DAY),
      notAfter: new Date(now + 60 * DAY),
      crlUrl: `${allowed.url}/redirect`,
    },
    'Allowed',
  );
  const aiaOnly = await hierarchy(
    {
      cn: 'aia.example',
      notBefore: new Date(now - 10 * DAY),
      notAfter: new Date(now + 60 * DAY),
      caIssuersUrl: `${internal.url}/aia`,
      crlUrl: `${internal.url}/crl2`,
    },
    'Aia',
  );
  ws = await workspace({
    // The base branch: files only, and the one address it trusts as public.
    '.github/certwatch.yml': [
      'version: 1',
      'files:',
      '  - "certs/*.pem"',
      'network:',
      '  allow: ["127.0.0.2"]',
      '',
    ].join('\n'),
    'README.md': 'site\n',
  });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base');
  baseSha = git('rev-parse', 'HEAD');
  // The fork's pull request: certificates, endpoints, and an attempt to relax the rules.
  await writeFiles(ws, {
    '.github/certwatch.yml': [
      'version: 1',
      'files:',
      '  - "certs/*.pem"',
      'endpoints:',
      `  - "127.0.0.1:${internal.port}"`,
      `  - "smtp://127.0.0.1:${internalBanner.port}"`,
      `  - "smtp://127.0.0.2:${allowedBanner.port}"`,
      'network:',
      '  private-addresses: allow',
      '  allow: ["127.0.0.0/8"]',
      '',
    ].join('\n'),
    'certs/inside.pem': inside.leaf.chainPem,
    'certs/allowed.pem': viaAllowed.leaf.chainPem,
    'certs/aia.pem': aiaOnly.leaf.pem,
  });
  git('add', '-A');
  git('commit', '-qm', 'pull request');
  eventDir = await tempDir('certwatch-fork-event-');
});

after(async () => {
  await internal.close();
  await allowed.close();
  for (const b of [internalBanner, allowedBanner]) await new Promise<void>((r) => b.server.close(() => r()));
  await rm(ws, { recursive: true, force: true });
  await removeTempDir(eventDir);
});

function reset(): void {
  internal.connections = 0;
  internal.requests = [];
  allowed.connections = 0;
  allowed.requests = [];
  internalBanner.connections = 0;
  allowedBanner.connections = 0;
}

async function runOn(eventName: string, payload: unknown): Promise<ActionResult> {
  const eventPath = path.join(eventDir, `${eventName}.json`);
  await writeFile(eventPath, JSON.stringify(payload));
  return runAction(
    ws,
    {
      scope: 'all',
      revocation: 'soft',
      report: 'out/report.json',
      issues: 'false',
      'warn-within': '5d',
      'fail-within': '1d',
    },
    {
      GITHUB_REPOSITORY: REPO,
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REF: eventName === 'push' ? 'refs/heads/main' : 'refs/pull/7/merge',
    },
  );
}

const repository = { full_name: REPO, name: 'site', owner: { login: 'acme' }, default_branch: 'main' };
const forkPayload = () => ({
  action: 'opened',
  number: 7,
  pull_request: {
    number: 7,
    head: { ref: 'main', sha: 'feedfacefeedfacefeedfacefeedfacefeedface', repo: { full_name: 'mallory/site' } },
    base: { ref: 'main', sha: baseSha, repo: { full_name: REPO } },
  },
  repository,
});

describe('a pull request from a fork reaches no internal address', () => {
  it('the internal server receives nothing; every refusal is a not-checked notice saying why; the base config decides', async () => {
    reset();
    const r = await runOn('pull_request', forkPayload());
    const all = r.stdout + r.stderr;
    assert.equal(internal.connections, 0, `the internal server was contacted: ${internal.requests.join(', ')}\n${all}`);
    assert.equal(internalBanner.connections, 0, 'the internal banner server was contacted');
    // The base branch's allow-list is honoured: 127.0.0.2 is contacted …
    assert.ok(
      allowed.requests.includes('GET /redirect'),
      `the allowed server was asked: ${allowed.requests.join(', ')}\n${all}`,
    );
    // … and its redirect into the internal server is not followed.
    assert.ok(!internal.requests.some((q) => q.includes('after-redirect')));

    const report = JSON.parse(await readFile(path.join(ws, 'out/report.json'), 'utf8'));
    const findings = [
      ...report.problems,
      ...report.certificates.flatMap((c: { findings: unknown[] }) => c.findings),
    ] as { id: string; severity: string; message: string }[];
    const refused = findings.filter((f) => f.id === 'not-checked' && /not contacted/.test(f.message));
    assert.ok(refused.length >= 3, `not-checked notices: ${JSON.stringify(findings, null, 1)}`);
    for (const f of refused) {
      assert.equal(f.severity, 'notice');
      assert.match(f.message, /127\.0\.0\.1.*loopback.*pull request from the fork mallory\/site/);
    }
    assert.ok(
      findings.some((f) => /redirected to 127\.0\.0\.1/.test(f.message) && /not contacted/.test(f.message)),
      'the redirect refusal is reported',
    );
    assert.equal(report.run.deadlineReached, false, 'a refusal is not a partial run');
    // The PR's `private-addresses: allow` was not honoured; the log says where the rules came from.
    assert.match(
      r.stdout,
      /network, ignore, ari, revoked-serials and ca-file come from the base branch's \.github\/certwatch\.yml/,
    );
    // A server's words are not quoted on the fork's run (the allowed banner server was reached).
    assert.equal(allowedBanner.connections, 1);
    for (const text of [all, r.summary, JSON.stringify(report)])
      assert.ok(!text.includes(BANNER_SECRET), 'a banner was quoted');
    assert.match(JSON.stringify(report), /server's words are not shown/);
  });

  it('on a push the same certificates and endpoints reach the internal server (internal PKIs keep working)', async () => {
    reset();
    const r = await runOn('push', { ref: 'refs/heads/main', repository });
    assert.ok(internal.connections > 0, `the internal server was not contacted on push\n${r.stdout}`);
    assert.ok(
      internal.requests.some(
        (q) => q.startsWith('GET /crl') || q.startsWith('POST /ocsp') || q.startsWith('GET /ocsp'),
      ),
      internal.requests.join(', '),
    );
    assert.ok(internal.requests.includes('GET /aia'), 'AIA fetched');
    assert.ok(internal.requests.includes('GET /after-redirect'), 'redirects followed on trusted events');
    assert.equal(internalBanner.connections, 1, 'the endpoint was probed');
    const report = await readFile(path.join(ws, 'out/report.json'), 'utf8');
    assert.ok(!/not contacted/.test(report), 'nothing refused on push');
    assert.ok(report.includes(BANNER_SECRET), 'on a trusted event the banner is quoted, as before');
  });

  it('a same-repository pull request is trusted like a push', async () => {
    reset();
    const p = forkPayload();
    p.pull_request.head.repo.full_name = REPO;
    await runOn('pull_request', p);
    assert.ok(internal.connections > 0);
  });
});
