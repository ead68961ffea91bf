// `npm run demo`: build a local sandbox (certificates generated on the spot,
// loopback servers, no internet) and run `certwatch check` on it, so a newcomer
// sees every kind of finding in one screen.
// `npm run demo -- --sandbox-only DIR` only writes the sandbox's files into DIR
// (relative to the current directory, which stays the workspace: the config's
// globs name DIR/…) and starts no server: the CI self-test runs the action
// (`uses: ./`) on it. Without servers the CRL and OCSP answers are unknown.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pkcs12Der } from './fixture-pki.js';
import { hierarchy, issue } from '../test/helpers/pki.js';
import { DAY } from '../test/helpers/clock.js';
import { main } from '../src/cli.js';
import { startDemoServers } from './demo-servers.js';
import { startDemoHttp } from './demo-revocation.js';

const now = new Date();
const at = (days: number) => new Date(now.getTime() + days * DAY);

const only = process.argv.indexOf('--sandbox-only');
const sandboxOnly = only > 0 ? process.argv[only + 1] : undefined;
if (only > 0 && !sandboxOnly) throw new Error('--sandbox-only needs a folder, like --sandbox-only demo-sandbox');
const dir = sandboxOnly ? path.resolve(sandboxOnly) : await mkdtemp(path.join(tmpdir(), 'certwatch-demo-'));
// Paths in the config are relative to the workspace: the sandbox itself, or the current directory with --sandbox-only.
const rel = (p: string) =>
  sandboxOnly ? path.posix.join(path.relative(process.cwd(), dir).split(path.sep).join('/'), p) : p;
const w = async (rel: string, text: string | Buffer) => {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), text);
};

const {
  root,
  intermediate,
  leaf: healthy,
} = await hierarchy({ cn: 'www.demo.test', notBefore: at(-30), notAfter: at(60) }, 'Demo');
const soon = await issue({ cn: 'api.demo.test', issuer: intermediate, notBefore: at(-87), notAfter: at(3) });
const month = await issue({ cn: 'billing.demo.test', issuer: intermediate, notBefore: at(-70), notAfter: at(20) });
const expired = await issue({ cn: 'legacy.demo.test', issuer: intermediate, notBefore: at(-100), notAfter: at(-10) });
// A 6-day certificate at 80% of its life: only a share-of-lifetime threshold judges it sensibly.
const shortLived = await issue({
  cn: 'edge.demo.test',
  issuer: intermediate,
  notBefore: new Date(now.getTime() - 4.8 * DAY),
  notAfter: new Date(now.getTime() + 1.2 * DAY),
});
const weak = await issue({
  cn: 'old-appliance.demo.test',
  key: 'rsa1024',
  hash: 'SHA-1',
  notBefore: at(-10),
  notAfter: at(300),
});

// Revocation and renewal signals, all on loopback: a certificate on its CA's CRL,
// one whose OCSP responder cannot be reached (status unknown: a warning in soft
// mode), and one whose ACME CA moved the renewal window into the past (ARI).
const http = sandboxOnly ? null : await startDemoHttp();
const revoked = await issue({
  cn: 'intranet.demo.test',
  issuer: intermediate,
  notBefore: at(-20),
  notAfter: at(70),
  crlUrl: http?.crlUrl ?? 'http://127.0.0.1:9/demo.crl',
});
http?.publishCrl(intermediate, revoked);
const noResponder = await issue({
  cn: 'vpn.demo.test',
  issuer: intermediate,
  notBefore: at(-20),
  notAfter: at(70),
  ocspUrl: 'http://127.0.0.1:9/ocsp',
});
const acmeCa = await issue({ cn: 'Demo ACME CA', org: 'Demo ACME', ca: true, notBefore: at(-200), notAfter: at(1000) });
const acmeLeaf = await issue({ cn: 'status.demo.test', issuer: acmeCa, notBefore: at(-30), notAfter: at(60) });
http?.publishAri(acmeLeaf);

await w('certs/www.pem', healthy.pem + intermediate.pem);
await w('certs/api.pem', soon.pem);
await w('certs/billing.crt', month.pem);
await w('certs/legacy/legacy.pem', expired.pem);
await w('certs/appliance.pem', weak.pem);
await w('short-lived/edge.pem', shortLived.pem);
await w('certs/broken.pem', healthy.pem.slice(0, 200)); // truncated PEM
await w('certs/site-key.pem', healthy.keyPem); // a committed private key (never printed)
await w('certs/root.pem', root.pem);
await w('certs/intranet.pem', revoked.pem);
await w('certs/vpn.pem', noResponder.pem);
await w('certs/status.pem', acmeLeaf.pem);

// PKCS#12 with a password from the environment (RSA: node-forge writes PKCS#12 for RSA keys).
const rsa = await issue({
  cn: 'payments.demo.test',
  key: 'rsa2048',
  issuer: intermediate,
  notBefore: at(-10),
  notAfter: at(120),
});
await w('deploy/payments.p12', pkcs12Der(rsa, 'demo-password'));
process.env.DEMO_P12_PASSWORD = 'demo-password';

// A Kubernetes TLS Secret manifest (data: base64).
await w(
  'k8s/ingress-tls.yaml',
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ingress-tls\n  namespace: web\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${Buffer.from(month.pem + intermediate.pem).toString('base64')}\n`,
);

const servers = sandboxOnly ? null : await startDemoServers({ intermediate, healthy, soon });

await w(
  sandboxOnly ? 'certwatch.yml' : '.github/certwatch.yml',
  `# yaml-language-server: $schema=../schema/certwatch.schema.json
version: 1
defaults:
  warn-within: 30d
  fail-within: 7d
  timeout: 3s
  revocation: soft          # revoked fails; an unverifiable status only warns
  ca-file: ${rel('certs/root.pem')}
files:
  - "${rel('certs/**/*.{pem,crt}')}"
  - path: "${rel('short-lived/*.pem')}"
    warn-within: 33%          # 6-day certificates: judge by share of lifetime
    fail-within: 10%
  - path: "${rel('deploy/*.p12')}"
    password-env: DEMO_P12_PASSWORD
    owner: "@demo/payments"
  - path: "${rel('k8s/*.yaml')}"
    owner: "@demo/platform"
${servers?.configLines ?? ''}
${
  http
    ? `ari:
  directories:
    - issuer: "Demo ACME"     # a private ACME CA offering renewal information (RFC 9773)
      directory: ${http.directoryUrl}`
    : ''
}
ignore:
  - fingerprint: "sha256:${createHash('sha256').update(weak.der).digest('hex')}"
    until: ${at(30).toISOString().slice(0, 10)}
    reason: "appliance is replaced next month"
`,
);

if (sandboxOnly) {
  process.stderr.write(`certwatch demo sandbox written to ${dir} (config: ${rel('certwatch.yml')})\n`);
  process.exit(0);
}
process.stderr.write(`certwatch demo sandbox: ${dir}\n$ certwatch check --workspace ${dir}\n\n`);
try {
  const code = await main(['check', '--workspace', dir]);
  process.stderr.write(
    `\n(certwatch exited with status ${code}: ${code === 1 ? 'failures found — in CI this step would fail' : code === 0 ? 'no failures' : 'usage error'})\n`,
  );
  process.stderr.write(`Try: npx certwatch inventory --workspace ${dir} --format markdown\n`);
} finally {
  await Promise.all([servers?.close(), http?.close()]);
}
