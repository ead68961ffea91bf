// A run's HTTP downloads have a total cap (network.max-download-mb): a set of
// certificates whose CRL URLs each serve a large body cannot make the runner
// download without end. Through the built CLI against a loopback server.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { hierarchy, issue } from '../helpers/pki.js';
import { workspace } from '../helpers/workspace.js';
import { DAY } from '../helpers/clock.js';

const exec = promisify(execFile);
const CLI = path.resolve('dist/cli.js');
const BODY_BYTES = 700 * 1024;

test('the run stops downloading at network.max-download-mb and says so', async () => {
  const served: string[] = [];
  const srv = createServer((req, res) => {
    served.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/pkix-crl', 'content-length': String(BODY_BYTES) });
    res.end(Buffer.alloc(BODY_BYTES, 0x41));
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(srv.address() as { port: number }).port}`;
  const now = Date.now();
  const { intermediate, leaf: a } = await hierarchy(
    {
      cn: 'a.budget.example',
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 60 * DAY),
      crlUrl: `${base}/a.crl`,
    },
    'Budget',
  );
  const b = await issue({
    cn: 'b.budget.example',
    issuer: intermediate,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 60 * DAY),
    crlUrl: `${base}/b.crl`,
  });
  const ws = await workspace({
    '.github/certwatch.yml': ['version: 1', 'files:', '  - "certs/*.pem"', 'network:', '  max-download-mb: 1', ''].join(
      '\n',
    ),
    'certs/a.pem': a.chainPem,
    'certs/b.pem': b.chainPem,
  });
  try {
    const out = await exec(
      process.execPath,
      [CLI, 'check', '--format', 'json', '--revocation', 'soft', '--warn-within', '5d', '--fail-within', '1d'],
      { cwd: ws, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
    ).catch((e) => e as { stdout: string });
    const report = JSON.parse(out.stdout);
    const details = report.certificates
      .map((c: { revocation: { detail?: string } }) => c.revocation.detail ?? '')
      .join('\n');
    assert.equal(served.length, 2, 'both CRLs were asked for');
    assert.match(details, /download budget of 1 MB \(network\.max-download-mb\) is used up/, details);
  } finally {
    await new Promise<void>((r) => srv.close(() => r()));
    await rm(ws, { recursive: true, force: true });
  }
});
