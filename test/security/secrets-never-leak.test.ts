// Secrets never leave certwatch: PKCS#12 passwords (right and wrong ones, from
// `password-env`) and private-key material must appear in no output — the JSON
// report, every CLI format, the action's log, annotations, outputs, job summary,
// SARIF file and the issues it writes. Inputs are built to provoke messages from
// node-forge, the YAML parser and the PEM reader around the secrets.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { FakeGitHub } from '../helpers/fake-github.js';
import { OpenSsl } from '../helpers/openssl.js';
import { issue, type Issued } from '../helpers/pki.js';
import { runAction } from '../helpers/run-action.js';
import { tempDir, removeTempDir } from '../helpers/workspace.js';
import { DAY } from '../helpers/clock.js';

const exec = promisify(execFile);
const CLI = path.resolve('dist/cli.js');
const PASSWORD = 'Tr0ub4dor&3-p12-secret';
const WRONG_PASSWORD = 'hunter2-wrong-p12-secret';
const now = Date.now();

let ws: string;
let ossl: OpenSsl;
let leaf: Issued;
/** Strings none of which may appear anywhere certwatch writes. */
const secrets: string[] = [PASSWORD, WRONG_PASSWORD];

function keySecrets(keyPem: string): string[] {
  const b64 = keyPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const der = Buffer.from(b64, 'base64');
  // Chunks of the key in the encodings it could leak in: base64 lines, hex, the k8s base64-of-PEM.
  return [
    b64.slice(8, 40),
    b64.slice(-40, -8),
    der.subarray(8, 24).toString('hex'),
    Buffer.from(keyPem).toString('base64').slice(8, 48),
  ];
}

function assertClean(where: string, text: string): void {
  for (const s of secrets) {
    assert.ok(!text.includes(s), `${where} contains secret material ${JSON.stringify(s.slice(0, 12))}…`);
    assert.ok(!text.toLowerCase().includes(s.toLowerCase()), `${where} contains secret material (case-folded)`);
  }
}

before(async () => {
  ossl = await OpenSsl.create();
  ws = await tempDir('certwatch-secrets-');
  leaf = await issue({
    cn: 'secret-leaf.example',
    notBefore: new Date(now - 100 * DAY),
    notAfter: new Date(now - DAY),
  });
  const other = await issue({
    cn: 'secret-other.example',
    notBefore: new Date(now - 10 * DAY),
    notAfter: new Date(now + 3 * DAY),
  });
  secrets.push(...keySecrets(leaf.keyPem), ...keySecrets(other.keyPem));
  await writeFile(ossl.file('leaf.pem'), leaf.pem);
  await writeFile(ossl.file('leaf.key'), leaf.keyPem);
  const p12 = await ossl.pkcs12({
    certPath: ossl.file('leaf.pem'),
    keyPath: ossl.file('leaf.key'),
    password: PASSWORD,
  });
  const legacy = await ossl.pkcs12({
    certPath: ossl.file('leaf.pem'),
    keyPath: ossl.file('leaf.key'),
    password: PASSWORD,
    legacy: true,
  });
  const truncated = p12.subarray(0, Math.floor(p12.length * 0.7));
  const mislabelled = `-----BEGIN CERTIFICATE-----\n${leaf.keyPem.replace(/-----[^-]+-----/g, '').trim()}\n-----END CERTIFICATE-----\n`;
  const brokenKey = leaf.keyPem.replace('-----END PRIVATE KEY-----', '').replace(/\n([A-Za-z0-9+/]{10})/, '\n$1!!');
  const k8s = [
    'apiVersion: v1',
    'kind: Secret',
    'metadata: { name: web-tls, namespace: prod }',
    'type: kubernetes.io/tls',
    'data:',
    `  tls.crt: ${Buffer.from(leaf.pem).toString('base64')}`,
    `  tls.key: ${Buffer.from(other.keyPem).toString('base64')}`,
    '',
  ].join('\n');
  // YAML that does not parse, with key material right at the error.
  const brokenYaml = [
    'kind: Secret',
    'stringData:',
    '  tls.crt: |',
    '    x',
    '  tls.key: "' + other.keyPem.split('\n')[1] + '',
    '   : - [ ' + other.keyPem.split('\n')[2],
    '',
  ].join('\n');
  const files: Record<string, string | Buffer> = {
    '.github/certwatch.yml': [
      'version: 1',
      'files:',
      '  - "certs/**/*.pem"',
      '  - path: "deploy/*.p12"',
      '    password-env: P12_PASSWORD',
      '  - path: "deploy/*.pfx"',
      '    password-env: P12_PASSWORD',
      '  - path: "wrong/*.p12"',
      '    password-env: WRONG_PW',
      '  - path: "nopw/*.p12"',
      '  - path: "k8s/*.yaml"',
      'issues:',
      '  mode: per-certificate',
      '',
    ].join('\n'),
    'certs/with-key.pem': leaf.pem + leaf.keyPem,
    'certs/other.pem': other.pem + other.keyPem,
    'certs/mislabelled.pem': mislabelled,
    'certs/broken-key.pem': other.pem + brokenKey,
    'deploy/site.p12': p12,
    'deploy/legacy.pfx': legacy,
    'deploy/truncated.p12': truncated,
    'wrong/site.p12': p12,
    'nopw/site.p12': p12,
    'k8s/secret.yaml': k8s,
    'k8s/broken.yaml': brokenYaml,
  };
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(ws, rel)), { recursive: true });
    await writeFile(path.join(ws, rel), content);
  }
});

after(async () => {
  await removeTempDir(ws);
  await ossl.dispose();
});

const env = () => ({ ...process.env, P12_PASSWORD: PASSWORD, WRONG_PW: WRONG_PASSWORD, NO_COLOR: '1' });

async function cli(args: string[]): Promise<string> {
  try {
    const r = await exec(process.execPath, [CLI, ...args], {
      cwd: ws,
      env: env(),
      timeout: 60_000,
      maxBuffer: 32 * 1024 * 1024,
    });
    return r.stdout + r.stderr;
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; code?: number };
    if (typeof x.code !== 'number') throw e;
    return (x.stdout ?? '') + (x.stderr ?? ''); // exit 1: failures found (expected)
  }
}

test('no CLI output format contains a password or key material', async () => {
  const outputs: Record<string, string> = {};
  for (const f of ['text', 'json', 'markdown', 'sarif'])
    outputs[`check --format ${f}`] = await cli(['check', '--revocation', 'off', '--format', f]);
  for (const f of ['text', 'json', 'csv', 'markdown', 'ics', 'html'])
    outputs[`inventory --format ${f}`] = await cli(['inventory', '--revocation', 'off', '--format', f]);
  await cli(['check', '--revocation', 'off', '--report', 'out/report.json']);
  outputs['report file'] = await readFile(path.join(ws, 'out/report.json'), 'utf8');
  // The inputs did provoke the messages this test is about.
  const json = outputs['check --format json'];
  assert.match(json, /password from \$WRONG_PW is wrong/);
  assert.match(json, /deploy\/truncated\.p12/);
  assert.match(json, /k8s\/broken\.yaml/);
  assert.match(json, /mislabelled\.pem/);
  assert.match(json, /secret-leaf\.example/);
  for (const [where, text] of Object.entries(outputs)) assertClean(where, text);
});

test('no action output (log, annotations, outputs, summary, report, SARIF, issues) contains a password or key material', async () => {
  const gh = await new FakeGitHub('acme/site').start();
  const dir = await tempDir('certwatch-secrets-event-');
  try {
    const eventPath = path.join(dir, 'event.json');
    await writeFile(
      eventPath,
      JSON.stringify({
        schedule: '17 3 * * *',
        repository: { full_name: 'acme/site', name: 'site', owner: { login: 'acme' }, default_branch: 'main' },
      }),
    );
    const r = await runAction(
      ws,
      { report: 'out/action-report.json', sarif: 'out/action.sarif', revocation: 'off' },
      {
        P12_PASSWORD: PASSWORD,
        WRONG_PW: WRONG_PASSWORD,
        GITHUB_API_URL: gh.url,
        GITHUB_REPOSITORY: 'acme/site',
        GITHUB_EVENT_NAME: 'schedule',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REF: 'refs/heads/main',
      },
    );
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.ok(gh.issues.length > 0, 'issues were written');
    const issuesText = JSON.stringify(gh.issues) + JSON.stringify(gh.calls);
    // `::add-mask::` is the one place a secret must be written: the runner consumes
    // the command and masks the value in every later log line.
    const masked = r.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
    for (const pw of [PASSWORD, WRONG_PASSWORD])
      assert.ok(
        masked.some((l) => l === `::add-mask::${pw}`),
        `${pw.slice(0, 6)}… is masked`,
      );
    assertClean(
      'action stdout (log + annotations)',
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    );
    assertClean('action stderr', r.stderr);
    assertClean('action outputs', JSON.stringify(r.outputs));
    assertClean('job summary', r.summary);
    assertClean('action report', await readFile(path.join(ws, 'out/action-report.json'), 'utf8'));
    assertClean('action SARIF', await readFile(path.join(ws, 'out/action.sarif'), 'utf8'));
    assertClean('issues', issuesText);
  } finally {
    await gh.stop();
    await removeTempDir(dir);
  }
});
