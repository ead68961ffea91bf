// A repository that commits certificates in every form discovery must find, built once
// per suite with openssl and keytool — the independent truth: for each certificate we
// keep where we put it (path, line, form, entry/key) and what openssl reads from it.
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { OpenSsl } from '../../helpers/openssl.js';
import { hierarchy } from '../../helpers/pki.js';
import { tempDir } from '../../helpers/workspace.js';
import { fromNow } from '../../helpers/clock.js';

const exec = promisify(execFile);
// keytool starts a JVM (~0.5 s); a hung prompt must not hang the suite.
const KEYTOOL_TIMEOUT_MS = 60_000;

export interface Expected {
  name: string; // what the case is about
  path: string;
  line: number;
  form?: string; // absent for a plain PEM file (the contract's plain location)
  key?: string;
  entry?: string;
  fingerprint: string; // sha256:<hex> as openssl computes it
  notAfter: Date; // as openssl prints it
  notBefore: Date;
}

export interface GeneratedRepo {
  dir: string;
  expected: Expected[];
  /** certificates that must not be found (untracked file) */
  absent: string[];
  /** a certificate under test/fixtures that is expired on purpose */
  fixtureFingerprint: string;
  keytool: boolean;
  dispose(): Promise<void>;
}

export async function haveKeytool(): Promise<boolean> {
  try {
    await exec('keytool', ['-help'], { timeout: KEYTOOL_TIMEOUT_MS });
    return true;
  } catch {
    return false;
  }
}

async function keytool(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await exec('keytool', args, { cwd, timeout: KEYTOOL_TIMEOUT_MS, encoding: 'utf8' });
  return stdout;
}

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`generated file lacks ${needle}`);
  return text.slice(0, i).split('\n').length;
}

export async function generateRepo(): Promise<GeneratedRepo> {
  const ossl = await OpenSsl.create();
  const dir = await tempDir('certwatch-discovery-');
  const expected: Expected[] = [];
  const write = async (rel: string, content: string | Buffer) => {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  };
  /** openssl's own view of a PEM/DER certificate: fingerprint and dates. */
  const truth = async (der: Buffer) => {
    const f = ossl.file(`truth-${expected.length}-${Math.random().toString(36).slice(2)}.der`);
    await writeFile(f, der);
    const out = await ossl.run(['x509', '-inform', 'DER', '-in', f, '-noout', '-fingerprint', '-sha256', '-dates']);
    const fp = /Fingerprint=([0-9A-F:]+)/.exec(out)![1].replace(/:/g, '').toLowerCase();
    return {
      fingerprint: `sha256:${fp}`,
      notBefore: new Date(/notBefore=(.*)/.exec(out)![1]),
      notAfter: new Date(/notAfter=(.*)/.exec(out)![1]),
    };
  };
  let n = 0;
  const cert = async (days = 200) => ossl.cert({ subject: `/CN=form-${++n}.discovery.test/O=Discovery`, days });
  const expect = async (e: Omit<Expected, 'fingerprint' | 'notAfter' | 'notBefore'>, der: Buffer) =>
    expected.push({ ...e, ...(await truth(der)) });
  const body = (pem: string) => pem.trim().split('\n');

  // 1. A plain PEM file, and one named .cert.
  {
    const c = await cert();
    await write('certs/site.pem', c.pem);
    await expect({ name: 'PEM file', path: 'certs/site.pem', line: 1 }, c.der);
    const d = await cert();
    await write('certs/legacy.cert', `# issued 2026\n${d.pem}`);
    await expect({ name: '.cert file', path: 'certs/legacy.cert', line: 2 }, d.der);
  }
  // 2. Go source: PEM mid-line in a raw string literal.
  {
    const c = await cert();
    const text = `package tls\n\n// caPEM is pinned.\nvar caPEM = \`${c.pem.trim()}\`\n`;
    await write('internal/tls/ca.go', text);
    await expect(
      { name: 'Go raw string, mid-line', path: 'internal/tls/ca.go', line: 4, form: 'pem-in-source' },
      c.der,
    );
  }
  // 3. Java: string concatenation with escaped newlines.
  {
    const c = await cert();
    const lines = body(c.pem).map((l) => `      "${l}\\n"`);
    const text = `package app;\n\nclass Certs {\n  static final String CA =\n${lines.join(' +\n')};\n}\n`;
    await write('src/main/java/app/Certs.java', text);
    await expect(
      { name: 'Java concatenated literal', path: 'src/main/java/app/Certs.java', line: 5, form: 'pem-in-source' },
      c.der,
    );
  }
  // 4. Python: one string with escaped \n.
  {
    const c = await cert();
    const text = `import ssl\n\nCA = "${body(c.pem).join('\\n')}\\n"\n`;
    await write('app/certs.py', text);
    await expect({ name: 'Python escaped string', path: 'app/certs.py', line: 3, form: 'pem-in-source' }, c.der);
  }
  // 5. JSON with an escaped PEM under a nested key.
  {
    const c = await cert();
    const text = JSON.stringify({ name: 'svc', tls: { ca: c.pem } }, null, 2) + '\n';
    await write('config/settings.json', text);
    await expect(
      { name: 'JSON string', path: 'config/settings.json', line: lineOf(text, '"ca"'), form: 'json', key: 'tls.ca' },
      c.der,
    );
  }
  // 6. TOML multi-line string under a section.
  {
    const c = await cert();
    const text = `[server]\nport = 8443\n\n[tls]\nca = """\n${c.pem}"""\n`;
    await write('proxy.toml', text);
    await expect({ name: 'TOML multi-line string', path: 'proxy.toml', line: 6, form: 'toml', key: 'tls.ca' }, c.der);
  }
  // 7. Terraform heredoc.
  {
    const c = await cert();
    const text = `resource "tls_cert" "ca" {\n  pem = <<EOT\n${c.pem}EOT\n}\n`;
    await write('infra/main.tf', text);
    await expect({ name: 'Terraform heredoc', path: 'infra/main.tf', line: 3, form: 'pem-in-source' }, c.der);
  }
  // 8. Markdown code fence.
  {
    const c = await cert();
    const text = `# Setup\n\nTrust this CA:\n\n\`\`\`\n${c.pem}\`\`\`\n`;
    await write('docs/setup.md', text);
    await expect({ name: 'Markdown fence', path: 'docs/setup.md', line: 6, form: 'pem-in-source' }, c.der);
  }
  // 9. A Helm template that is not valid YAML.
  {
    const c = await cert();
    const indented = c.pem
      .trim()
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
    const text = `{{- if .Values.tls.enabled }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-ca\ndata:\n  ca.crt: |\n${indented}\n{{- end }}\n`;
    await write('chart/templates/ca.yaml', text);
    await expect(
      { name: 'Helm template (not YAML)', path: 'chart/templates/ca.yaml', line: 8, form: 'template', key: 'ca.crt' },
      c.der,
    );
  }
  // 10. Helm values: base64 of a PEM under a key.
  {
    const c = await cert();
    const text = `replicas: 2\ntls:\n  caBundle: ${Buffer.from(c.pem).toString('base64')}\n`;
    await write('chart/values.yaml', text);
    await expect(
      { name: 'base64 PEM in values.yaml', path: 'chart/values.yaml', line: 3, form: 'yaml', key: 'tls.caBundle' },
      c.der,
    );
  }
  // 11. A kubeconfig without extension: CA and client certificate data, and a client key.
  {
    const ca = await cert();
    const client = await cert();
    const keyPem = await readFile(client.keyPath, 'utf8');
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const text = [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: prod',
      '  cluster:',
      '    server: https://10.0.0.1:6443',
      `    certificate-authority-data: ${b64(ca.pem)}`,
      'users:',
      '- name: admin',
      '  user:',
      `    client-certificate-data: ${b64(client.pem)}`,
      `    client-key-data: ${b64(keyPem)}`,
      '',
    ].join('\n');
    await write('deploy/kubeconfig', text);
    await expect(
      {
        name: 'kubeconfig CA',
        path: 'deploy/kubeconfig',
        line: 7,
        form: 'kubeconfig',
        key: 'clusters[0].cluster.certificate-authority-data',
      },
      ca.der,
    );
    await expect(
      {
        name: 'kubeconfig client',
        path: 'deploy/kubeconfig',
        line: 11,
        form: 'kubeconfig',
        key: 'users[0].user.client-certificate-data',
      },
      client.der,
    );
  }
  // 12. .env with base64 PEM; properties with base64 DER.
  {
    const c = await cert();
    await write('.env', `PORT=8080\nTLS_CA_B64=${Buffer.from(c.pem).toString('base64')}\n`);
    await expect({ name: '.env base64 PEM', path: '.env', line: 2, form: 'env', key: 'TLS_CA_B64' }, c.der);
    const d = await cert();
    await write('conf/app.properties', `# app\nssl.trust.cert=${d.der.toString('base64')}\n`);
    await expect(
      {
        name: 'properties base64 DER',
        path: 'conf/app.properties',
        line: 2,
        form: 'properties',
        key: 'ssl.trust.cert',
      },
      d.der,
    );
  }
  // 13. DER, concatenated DER, PKCS#7 as .p7b (DER), .p7s, .spc.
  {
    const c = await cert();
    await write('certs/root.cer', c.der);
    await expect({ name: 'DER .cer', path: 'certs/root.cer', line: 1, form: 'der' }, c.der);
    const a = await cert();
    const b = await cert();
    await write('certs/chain.der', Buffer.concat([a.der, b.der]));
    await expect({ name: 'concatenated DER 1', path: 'certs/chain.der', line: 1, form: 'der' }, a.der);
    await expect({ name: 'concatenated DER 2', path: 'certs/chain.der', line: 1, form: 'der' }, b.der);
    const p = await cert();
    const p7 = await ossl.pkcs7([p.certPath], 'DER');
    await write('signing/publisher.spc', p7);
    await expect({ name: 'PKCS#7 .spc', path: 'signing/publisher.spc', line: 1, form: 'pkcs7' }, p.der);
    const s = await cert();
    await writeFile(ossl.file('payload.txt'), 'signed payload\n');
    await ossl.run([
      'cms',
      '-sign',
      '-binary',
      '-nodetach',
      '-in',
      'payload.txt',
      '-signer',
      s.certPath,
      '-inkey',
      s.keyPath,
      '-outform',
      'DER',
      '-out',
      'payload.p7s',
    ]);
    await write('signing/payload.p7s', await readFile(ossl.file('payload.p7s')));
    await expect({ name: 'CMS signature .p7s', path: 'signing/payload.p7s', line: 1, form: 'pkcs7' }, s.der);
    // PKCS#12 with an empty password, named .jks (what modern Java writes to .jks).
    const q = await cert();
    await ossl.run(['pkcs12', '-export', '-in', q.certPath, '-nokeys', '-passout', 'pass:', '-out', 'modern.p12']);
    await write('keystores/modern.jks', await readFile(ossl.file('modern.p12')));
    await expect({ name: 'PKCS#12 named .jks', path: 'keystores/modern.jks', line: 1, form: 'pkcs12' }, q.der);
    // A private key in DER (noticed, never shown).
    await ossl.run(['pkey', '-in', q.keyPath, '-outform', 'DER', '-out', 'q.key.der']);
    await write('keys/server.key', await readFile(ossl.file('q.key.der')));
  }
  // 14. Java keystores made by keytool: JKS with a trusted entry and a key entry, JCEKS.
  const kt = await haveKeytool();
  if (kt) {
    const c = await cert();
    const kdir = ossl.dir;
    await keytool(kdir, [
      '-importcert',
      '-noprompt',
      '-storetype',
      'JKS',
      '-keystore',
      'trust.jks',
      '-storepass',
      'changeit',
      '-alias',
      'corp-root',
      '-file',
      c.certPath,
    ]);
    await keytool(kdir, [
      '-genkeypair',
      '-storetype',
      'JKS',
      '-keystore',
      'trust.jks',
      '-storepass',
      'changeit',
      '-keypass',
      'changeit',
      '-alias',
      'server',
      '-keyalg',
      'EC',
      '-groupname',
      'secp256r1',
      '-dname',
      'CN=server.discovery.test',
      '-validity',
      '120',
    ]);
    const serverPem = await keytool(kdir, [
      '-exportcert',
      '-rfc',
      '-keystore',
      'trust.jks',
      '-storepass',
      'changeit',
      '-alias',
      'server',
    ]);
    await write('keystores/trust.jks', await readFile(path.join(kdir, 'trust.jks')));
    await expect(
      { name: 'JKS trusted entry', path: 'keystores/trust.jks', line: 1, form: 'jks', entry: 'corp-root' },
      c.der,
    );
    await expect(
      { name: 'JKS key entry', path: 'keystores/trust.jks', line: 1, form: 'jks', entry: 'server' },
      pemToDer(serverPem),
    );
    const d = await cert();
    await keytool(kdir, [
      '-importcert',
      '-noprompt',
      '-storetype',
      'JCEKS',
      '-keystore',
      'app.jceks',
      '-storepass',
      'changeit',
      '-alias',
      'partner',
      '-file',
      d.certPath,
    ]);
    await write('config/app.jceks', await readFile(path.join(kdir, 'app.jceks')));
    await expect(
      { name: 'JCEKS trusted entry', path: 'config/app.jceks', line: 1, form: 'jceks', entry: 'partner' },
      d.der,
    );
  }

  // Noise: a placeholder Secret, a binary that happens to hold nothing, a fixture.
  await write(
    'k8s/placeholder-secret.yaml',
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: web-tls\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ""\n  tls.key: ""\n',
  );
  await write(
    'assets/logo.png',
    Buffer.from([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      0x0d,
      ...Array.from({ length: 512 }, (_, i) => i % 251),
    ]),
  );
  await write(
    'README.md',
    'Put your certificate between -----BEGIN CERTIFICATE----- and -----END CERTIFICATE----- lines.\n',
  );
  const { leaf: expiredLeaf } = await hierarchy(
    {
      cn: 'expired.fixture.test',
      notBefore: fromNow(-400),
      notAfter: fromNow(-30),
    },
    'Fixture',
  );
  await write('test/fixtures/expired.pem', expiredLeaf.pem);
  const fixtureFingerprint = (await truth(expiredLeaf.der)).fingerprint;

  // Tracked = what counts; an untracked file is not discovery's business.
  await exec('git', ['init', '-q'], { cwd: dir });
  await exec('git', ['add', '-A'], { cwd: dir });
  const stray = await cert();
  await write('scratch/untracked.pem', stray.pem);
  const absent = [(await truth(stray.der)).fingerprint];

  await ossl.dispose();
  return {
    dir,
    expected,
    absent,
    fixtureFingerprint,
    keytool: kt,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

function pemToDer(pem: string): Buffer {
  const b64 = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem)![1].replace(/\s+/g, '');
  return Buffer.from(b64, 'base64');
}
