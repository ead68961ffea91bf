// Certificate files as they sit in repositories: PEM bundles, DER, PKCS#7,
// PKCS#12 and Kubernetes Secrets, each certificate with the file and line a
// person would open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { collectFiles } from '../../../src/sources/files/collect-files.js';
import { DISCOVERY_PATTERNS } from '../../../src/config/settings.js';
import type { Observation } from '../../../src/types.js';
import { hierarchy, issue } from '../../helpers/pki.js';
import { OpenSsl } from '../../helpers/openssl.js';
import { CONFIG, target } from '../../helpers/file-targets.js';
import { emptyWorkspace } from '../../helpers/workspace.js';
import { said } from '../../helpers/said.js';
import { fixedClock } from '../../helpers/clock.js';

const sha256Hex = (d: Buffer) => createHash('sha256').update(d).digest('hex');
const where = (o: Observation) => (o.location.type === 'file' ? `${o.location.path}:${o.location.line}` : '');

test('a PEM bundle of leaf and intermediate gives two observations on their BEGIN lines, each the other’s companion', async (t) => {
  const ws = await emptyWorkspace(t);
  const { leaf, intermediate } = await hierarchy({ cn: 'shop.example' });
  await ws.write('certs/shop.pem', `# shop.example, renewed by certbot\n${leaf.pem}${intermediate.pem}`);
  const r = await collectFiles([target('certs/*.pem')], { workspace: ws.dir });
  assert.deepEqual(r.findings, []);
  assert.deepEqual(r.observations.map(where), [
    'certs/shop.pem:2',
    `certs/shop.pem:${2 + leaf.pem.split('\n').length - 1}`,
  ]);
  const [l, i] = r.observations;
  assert.equal(l.role, 'leaf');
  assert.equal(i.role, 'intermediate');
  // One array per file, shared by its certificates (linear for big bundles): it holds each certificate itself too.
  const others = (o: Observation) => o.companions?.filter((c) => c !== o.cert).map((c) => c.fingerprint);
  assert.deepEqual(others(l), [i.cert.fingerprint]);
  assert.deepEqual(others(i), [l.cert.fingerprint]);
  assert.equal(l.companions, i.companions, 'the bundle shares one companion list');
  assert.equal(r.filesRead, 1);
});

test('a DER certificate (.der, .cer) reads as one certificate on line 1', async (t) => {
  const ws = await emptyWorkspace(t);
  const c = await issue({ cn: 'der.example' });
  await ws.write('certs/a.der', c.der);
  await ws.write('certs/b.cer', c.der);
  const r = await collectFiles([target('certs/*')], { workspace: ws.dir });
  assert.deepEqual(r.findings, []);
  assert.deepEqual(r.observations.map(where), ['certs/a.der:1', 'certs/b.cer:1']);
  assert.equal(r.observations[0].cert.subjectCN, 'der.example');
});

test('PKCS#7 bundles made by openssl read in PEM (.p7b) and DER (.p7c) form', async (t) => {
  const ws = await emptyWorkspace(t);
  const ossl = await OpenSsl.create();
  t.after(() => ossl.dispose());
  const ca = await ossl.cert({ subject: '/CN=P7 Root', ca: true, days: 3650 });
  const leaf = await ossl.cert({ subject: '/CN=p7.example', issuer: ca, san: 'DNS:p7.example' });
  await ws.write('p7/chain.p7b', await ossl.pkcs7([leaf.certPath, ca.certPath], 'PEM'));
  await ws.write('p7/chain.p7c', await ossl.pkcs7([leaf.certPath, ca.certPath], 'DER'));
  const r = await collectFiles([target('p7/*')], { workspace: ws.dir });
  assert.deepEqual(r.findings, []);
  assert.equal(r.observations.length, 4);
  const fps = (file: string) =>
    r.observations
      .filter((o) => o.location.type === 'file' && o.location.path === file)
      .map((o) => o.cert.fingerprint)
      .sort();
  const expected = [leaf.der, ca.der].map((d) => 'sha256:' + sha256Hex(d)).sort();
  assert.deepEqual(fps('p7/chain.p7b'), expected);
  assert.deepEqual(fps('p7/chain.p7c'), expected);
});

test('PKCS#12 with its password from password-env yields the certificates, byte-identical to their PEM (OpenSSL 3 AES and legacy 3DES)', async (t) => {
  const ws = await emptyWorkspace(t);
  const ossl = await OpenSsl.create();
  t.after(() => ossl.dispose());
  const ca = await ossl.cert({ subject: '/CN=P12 Root', ca: true, days: 3650, key: 'rsa2048' });
  const leaf = await ossl.cert({ subject: '/CN=p12.example', issuer: ca, san: 'DNS:p12.example', key: 'ec256' });
  await ws.write(
    'deploy/modern.p12',
    await ossl.pkcs12({
      certPath: leaf.certPath,
      keyPath: leaf.keyPath,
      chain: [ca.certPath],
      password: 'correct horse',
    }),
  );
  await ws.write(
    'deploy/legacy.pfx',
    await ossl.pkcs12({
      certPath: leaf.certPath,
      keyPath: leaf.keyPath,
      chain: [ca.certPath],
      password: 'correct horse',
      legacy: true,
    }),
  );
  await ws.write('deploy/leaf.pem', leaf.pem);
  const r = await collectFiles(
    [target('deploy/*.{p12,pfx}', 7, { passwordEnv: 'P12_PASSWORD' }), target('deploy/*.pem', 8)],
    {
      workspace: ws.dir,
      env: { P12_PASSWORD: 'correct horse' },
    },
  );
  assert.deepEqual(r.findings, []);
  const pemFp = r.observations.find((o) => where(o).startsWith('deploy/leaf.pem'))!.cert.fingerprint;
  for (const file of ['deploy/modern.p12', 'deploy/legacy.pfx']) {
    const got = r.observations.filter((o) => o.location.type === 'file' && o.location.path === file);
    assert.equal(got.length, 2, file);
    assert.ok(
      got.some((o) => o.cert.fingerprint === pemFp),
      `${file}: same fingerprint as the PEM of the same certificate`,
    );
    assert.ok(
      got.some((o) => o.cert.fingerprint === 'sha256:' + sha256Hex(ca.der)),
      `${file}: the CA certificate too`,
    );
    assert.ok(got.every((o) => o.location.type === 'file' && o.location.detail?.startsWith('PKCS#12')));
  }
});

test('PKCS#12 with a wrong password, a missing variable, or no password configured is a clear finding, never a crash', async (t) => {
  const ws = await emptyWorkspace(t);
  const ossl = await OpenSsl.create();
  t.after(() => ossl.dispose());
  const leaf = await ossl.cert({ subject: '/CN=locked.example' });
  const p12 = await ossl.pkcs12({ certPath: leaf.certPath, keyPath: leaf.keyPath, password: 'the real one' });
  await ws.write('wrong/a.p12', p12);
  await ws.write('unset/a.p12', p12);
  await ws.write('none/a.p12', p12);
  const healthy = await issue({ cn: 'healthy.example' });
  await ws.write('none/healthy.pem', healthy.pem);
  const r = await collectFiles(
    [
      target('wrong/*.p12', 3, { passwordEnv: 'WRONG_PW' }),
      target('unset/*.p12', 4, { passwordEnv: 'UNSET_PW' }),
      target('none/*', 5),
    ],
    { workspace: ws.dir, env: { WRONG_PW: 'a guess' } },
  );
  const by = (p: string) => r.findings.filter((f) => f.location?.type === 'file' && f.location.path === p);
  assert.equal(by('wrong/a.p12').length, 1);
  assert.equal(by('wrong/a.p12')[0].id, 'unparseable');
  assert.equal(by('wrong/a.p12')[0].severity, 'error');
  assert.match(said(by('wrong/a.p12')[0]), /password from \$WRONG_PW is wrong/);
  assert.match(said(by('unset/a.p12')[0]), /\$UNSET_PW is not set/);
  assert.equal(by('none/a.p12')[0].severity, 'warning');
  assert.match(said(by('none/a.p12')[0]), /no password is configured.*password-env/);
  const all = JSON.stringify(r.findings);
  assert.ok(!all.includes('the real one') && !all.includes('a guess'), 'passwords never appear in findings');
  assert.deepEqual(r.observations.map(where), ['none/healthy.pem:1'], 'the healthy file next to them is still read');
});

const secretYaml = (crtB64: string, caPem: string) => `# TLS for the web tier
apiVersion: v1
kind: ConfigMap
metadata:
  name: not-a-secret
data:
  tls.crt: "this is not looked at"
---
apiVersion: v1
kind: Secret
type: kubernetes.io/tls
metadata:
  name: web-tls
  namespace: shop
data:
  tls.crt: ${crtB64}
  tls.key: ${Buffer.from('-----BEGIN PRIVATE KEY-----\nTUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFFRkFBU0NCS2N3Z2dTakFnRUFBb0lCQVFD\n-----END PRIVATE KEY-----\n').toString('base64')}
---
apiVersion: v1
kind: Secret
metadata:
  name: ca
stringData:
  ca.crt: |
${caPem
  .trimEnd()
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
`;

test('Kubernetes Secrets in multi-document YAML: data (base64) and stringData, on the line of their key; tls.key is a notice without content', async (t) => {
  const ws = await emptyWorkspace(t);
  const { leaf, root } = await hierarchy({ cn: 'web.shop.example' });
  const yaml = secretYaml(Buffer.from(leaf.pem).toString('base64'), root.pem);
  await ws.write('k8s/web.yaml', yaml);
  const r = await collectFiles([target('k8s/**/*.yaml')], { workspace: ws.dir });
  const lines = yaml.split('\n');
  const lineOf = (s: string) => lines.findIndex((l) => l.trimStart().startsWith(s) && lines.indexOf(l) > 8) + 1;
  assert.deepEqual(r.observations.map(where), [
    `k8s/web.yaml:${lineOf('tls.crt:')}`,
    `k8s/web.yaml:${lineOf('ca.crt:')}`,
  ]);
  assert.equal(r.observations[0].cert.subjectCN, 'web.shop.example');
  assert.equal(r.observations[1].role, 'root');
  assert.match((r.observations[0].location as { detail?: string }).detail ?? '', /shop\/web-tls/);
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0].id, 'private-key');
  assert.equal(r.findings[0].severity, 'notice');
  assert.equal(r.findings[0].location?.type === 'file' && r.findings[0].location.line, lineOf('tls.key:'));
  assert.ok(!JSON.stringify(r.findings).includes('TUlJRXZRSUJBREFOQmdr'), 'the key content is never in a finding');
});

test('discovery finds certificate files and TLS secrets, skipping node_modules, .git and ordinary YAML', async (t) => {
  const ws = await emptyWorkspace(t);
  const c = await issue({ cn: 'found.example' });
  await ws.write('a/found.crt', c.pem);
  await ws.write('node_modules/pkg/test/fixture.pem', 'not even a certificate');
  await ws.write('.git/objects/x.pem', 'junk');
  await ws.write('deep/nested/node_modules/x/ca.pem', c.pem);
  await ws.write('.github/workflows/ci.yml', 'on: push\njobs: {}\n');
  await ws.write('docker-compose.yaml', 'services:\n  web:\n    image: nginx\n');
  await ws.write('broken.yaml', 'a: [unclosed\n');
  await ws.write(
    'k8s/secret.yml',
    `kind: Secret\nmetadata:\n  name: s\nstringData:\n  tls.crt: |\n${c.pem
      .trimEnd()
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n')}\n`,
  );
  const r = await collectFiles(
    DISCOVERY_PATTERNS.map((pattern) => ({ pattern, discovered: true })),
    { workspace: ws.dir },
  );
  assert.deepEqual(r.findings, []);
  assert.deepEqual(r.observations.map(where).sort(), ['a/found.crt:1', 'k8s/secret.yml:5']);
});

test('a bundle holding an old certificate next to its renewal says which is superseded', async (t) => {
  const ws = await emptyWorkspace(t);
  const old = await issue({ cn: 'renewed.example', notBefore: fixedClock.at(-80), days: 90 });
  const fresh = await issue({ cn: 'renewed.example', notBefore: fixedClock.at(-5), days: 90 });
  await ws.write('bundle.pem', old.pem + fresh.pem);
  const r = await collectFiles([target('bundle.pem')], { workspace: ws.dir });
  const [o, n] = r.observations;
  assert.equal(o.cert.fingerprint, 'sha256:' + sha256Hex(old.der));
  assert.equal(o.supersededBy?.serial, n.cert.serialNumber);
  assert.equal(n.supersededBy, undefined, 'the newer one is not marked');
});

test('a configured glob that matches nothing is a no-match notice naming the config line', async (t) => {
  const ws = await emptyWorkspace(t);
  const r = await collectFiles([target('certs/**/*.pem', 17)], { workspace: ws.dir });
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0].id, 'no-match');
  assert.equal(r.findings[0].severity, 'notice');
  assert.deepEqual(r.findings[0].location, { type: 'file', path: CONFIG, line: 17 });
  assert.match(said(r.findings[0]), /certs\/\*\*\/\*\.pem/);
});

test('shard and pull-request scope pick files by path', async (t) => {
  const ws = await emptyWorkspace(t);
  const c = await issue({ cn: 'scope.example' });
  await ws.write('a.pem', c.pem);
  await ws.write('b.pem', c.pem);
  const only = await collectFiles([target('*.pem')], { workspace: ws.dir, only: new Set(['b.pem']) });
  assert.deepEqual(only.observations.map(where), ['b.pem:1']);
  const shard = await collectFiles([target('*.pem')], { workspace: ws.dir, inShard: (p) => p === 'a.pem' });
  assert.deepEqual(shard.observations.map(where), ['a.pem:1']);
});

test('an OpenSSL TRUSTED CERTIFICATE (trust settings appended) reads as the certificate itself', async (t) => {
  const ws = await emptyWorkspace(t);
  const ossl = await OpenSsl.create();
  t.after(() => ossl.dispose());
  const ca = await ossl.cert({ subject: '/CN=Trusted Root', ca: true, days: 3650 });
  await ossl.run(['x509', '-in', ca.certPath, '-addtrust', 'serverAuth', '-trustout', '-out', 'trusted.pem']);
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(ossl.file('trusted.pem'), 'utf8');
  assert.match(text, /BEGIN TRUSTED CERTIFICATE/);
  await ws.write('roots/trusted.pem', text);
  const r = await collectFiles([target('roots/*.pem')], { workspace: ws.dir });
  assert.deepEqual(r.findings, []);
  assert.equal(r.observations.length, 1);
  assert.equal(
    r.observations[0].cert.fingerprint,
    'sha256:' + sha256Hex(ca.der),
    'fingerprint of the certificate, not of cert + trust settings',
  );
});
