// The openssl CLI as an independent encoder and as the reference reader: the
// certificates it makes are not shaped by @peculiar/x509, and what `openssl x509`
// prints is what certwatch must agree with (@peculiar/x509 and Node's X509Certificate each
// have their own readings of odd encodings; openssl is the reference).
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from './workspace.js';

const exec = promisify(execFile);

// One openssl call takes ~10 ms; anything near this means a hung prompt.
const OPENSSL_TIMEOUT_MS = 20_000;

export class OpenSsl {
  private n = 0;
  private readonly keys = new Map<string, string>();
  private constructor(readonly dir: string) {}

  static async create(): Promise<OpenSsl> {
    return new OpenSsl(await tempDir('certwatch-openssl-'));
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  /** Run openssl in the temp dir; stdin closed so a password prompt fails instead of hanging. */
  async run(args: string[], input?: string): Promise<string> {
    const child = exec('openssl', args, {
      cwd: this.dir,
      timeout: OPENSSL_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
      encoding: 'utf8',
    });
    // openssl may exit before reading stdin: an EPIPE then is expected, not a failure.
    child.child.stdin?.on('error', () => {});
    child.child.stdin?.end(input ?? '');
    const { stdout } = await child;
    return stdout;
  }

  file(name: string): string {
    return path.join(this.dir, name);
  }

  private fresh(prefix: string): string {
    return `${prefix}-${++this.n}`;
  }

  /** A private key (PEM path), cached per name: key generation dominates the cost. */
  async key(kind: 'rsa2048' | 'rsa1024' | 'ec256' | 'ec384' | 'ed25519' = 'ec256', name = 'default'): Promise<string> {
    const id = `${kind}-${name}`;
    const cached = this.keys.get(id);
    if (cached) return cached;
    const out = this.file(`key-${id.replace(/[^A-Za-z0-9.-]/g, '_')}.pem`);
    const alg =
      kind === 'rsa2048'
        ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']
        : kind === 'rsa1024'
          ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']
          : kind === 'ec256'
            ? ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']
            : kind === 'ec384'
              ? ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384']
              : ['-algorithm', 'ED25519'];
    await this.run(['genpkey', ...alg, '-out', out]);
    this.keys.set(id, out);
    return out;
  }

  /**
   * A certificate made by openssl. Self-signed (`req -x509`) unless `issuer` is given,
   * then a CSR signed with `x509 -req`. Returns paths and the PEM/DER bytes.
   */
  async cert(o: {
    subject: string; // openssl -subj form: "/CN=x/O=y"
    days?: number;
    serial?: string; // decimal or 0x-hex, passed to -set_serial (may be negative)
    san?: string; // "DNS:a.example,IP:10.0.0.1,IP:2001:db8::1"
    key?: 'rsa2048' | 'rsa1024' | 'ec256' | 'ec384' | 'ed25519';
    keyName?: string;
    ca?: boolean;
    digest?: 'sha256' | 'sha1' | 'sha384';
    issuer?: { certPath: string; keyPath: string };
  }): Promise<{ certPath: string; keyPath: string; pem: string; der: Buffer }> {
    const keyPath = await this.key(o.key ?? 'ec256', o.keyName ?? o.subject);
    const base = this.fresh('cert');
    const certPath = this.file(`${base}.pem`);
    const digest = o.digest && o.key !== 'ed25519' ? [`-${o.digest}`] : [];
    const exts: string[] = [];
    if (o.san) exts.push('-addext', `subjectAltName=${o.san}`);
    if (o.ca)
      exts.push('-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    if (!o.issuer) {
      await this.run([
        'req',
        '-x509',
        '-new',
        '-key',
        keyPath,
        '-subj',
        o.subject,
        '-days',
        String(o.days ?? 90),
        ...(o.serial !== undefined ? ['-set_serial', o.serial] : []),
        ...digest,
        ...exts,
        '-out',
        certPath,
      ]);
    } else {
      const csr = this.file(`${base}.csr`);
      await this.run(['req', '-new', '-key', keyPath, '-subj', o.subject, ...exts, '-out', csr]);
      await this.run([
        'x509',
        '-req',
        '-in',
        csr,
        '-CA',
        o.issuer.certPath,
        '-CAkey',
        o.issuer.keyPath,
        '-days',
        String(o.days ?? 90),
        ...(o.serial !== undefined ? ['-set_serial', o.serial] : ['-CAcreateserial']),
        ...digest,
        '-copy_extensions',
        'copyall',
        '-out',
        certPath,
      ]);
    }
    const pem = await readFile(certPath, 'utf8');
    await this.run(['x509', '-in', certPath, '-outform', 'DER', '-out', `${base}.der`]);
    const der = await readFile(this.file(`${base}.der`));
    return { certPath, keyPath, pem, der };
  }

  /** PKCS#7 certs-only bundle (`crl2pkcs7 -nocrl`), PEM or DER. */
  async pkcs7(certPaths: string[], outform: 'PEM' | 'DER'): Promise<Buffer> {
    const out = this.file(`${this.fresh('p7')}.p7b`);
    await this.run([
      'crl2pkcs7',
      '-nocrl',
      ...certPaths.flatMap((c) => ['-certfile', c]),
      '-outform',
      outform,
      '-out',
      out,
    ]);
    return readFile(out);
  }

  /** PKCS#12: OpenSSL 3 defaults (PBES2/AES-256, PBKDF2, SHA-256 MAC) or the legacy 3DES/SHA-1 form. */
  async pkcs12(o: {
    certPath: string;
    keyPath?: string;
    chain?: string[];
    password: string;
    legacy?: boolean;
  }): Promise<Buffer> {
    const out = this.file(`${this.fresh('p12')}.p12`);
    const args = ['pkcs12', '-export', '-in', o.certPath, '-passout', `pass:${o.password}`, '-out', out];
    if (o.keyPath) args.push('-inkey', o.keyPath);
    else args.push('-nokeys');
    for (const c of o.chain ?? []) args.push('-certfile', c);
    if (o.legacy) args.push('-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1');
    await this.run(args);
    return readFile(out);
  }

  /** What `openssl x509` says about a certificate: the reference certwatch must match. */
  async read(der: Buffer): Promise<OpenSslView> {
    const f = this.file(`${this.fresh('read')}.der`);
    await writeFile(f, der);
    const text = await this.run([
      'x509',
      '-inform',
      'DER',
      '-in',
      f,
      '-noout',
      '-dates',
      '-serial',
      '-subject',
      '-nameopt',
      'RFC2253',
      '-ext',
      'subjectAltName',
    ]);
    return parseView(text);
  }
}

export interface OpenSslView {
  notBefore: Date;
  notAfter: Date;
  serial: string; // as openssl prints it: uppercase hex, "-" for negative
  subject: string; // RFC 2253
  sans: string[];
}

function parseView(text: string): OpenSslView {
  const field = (name: string) => {
    const m = new RegExp(`^${name}=\\s*(.*)$`, 'm').exec(text);
    if (!m) throw new Error(`openssl output has no ${name}: ${text}`);
    return m[1].trim();
  };
  // openssl prints "-" followed by hex for negative serials; the odd "0x" form never on 3.x
  const serial = field('serial');
  const sanBlock = /X509v3 Subject Alternative Name:[^\n]*\n\s*(.*)/.exec(text);
  const sans = sanBlock
    ? sanBlock[1]
        .split(', ')
        .map((s) =>
          s
            .replace(/^DNS:/, '')
            .replace(/^IP Address:/, '')
            .trim(),
        )
        .filter(Boolean)
    : [];
  return {
    notBefore: new Date(field('notBefore')),
    notAfter: new Date(field('notAfter')),
    serial: serial.toUpperCase(),
    subject: field('subject'),
    sans,
  };
}
