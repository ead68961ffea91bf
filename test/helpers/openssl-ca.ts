// An independent CA for the revocation tests: `openssl req` / `openssl ca` in a
// temporary directory, revocation with `openssl ca -revoke -crl_reason`, CRLs from
// `openssl ca -gencrl`, and `openssl ocsp` as the OCSP responder (issuer-signed or
// through a delegated responder certificate). Nothing here is certwatch code, so
// the tests check certwatch against another implementation, not against itself.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDirSync } from './workspace.js';

export interface OpensslCert {
  name: string;
  pem: string;
  der: Buffer;
  path: string;
}

function run(args: string[], cwd: string): string {
  return execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
}

function derOf(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

export class OpensslCa {
  readonly dir: string;
  readonly ca: OpensslCert;
  private responders: ChildProcess[] = [];

  /** urls: what goes into issued certificates' CRL DP / AIA. */
  constructor(readonly urls: { crl: string; ocsp: string; ocspDelegated: string; caIssuers: string }) {
    this.dir = tempDirSync('certwatch-openssl-ca-');
    const d = this.dir;
    writeFileSync(join(d, 'index.txt'), '');
    writeFileSync(join(d, 'serial'), '1000\n');
    writeFileSync(join(d, 'crlnumber'), '1000\n');
    execFileSync('mkdir', ['-p', join(d, 'newcerts')]);
    writeFileSync(
      join(d, 'ca.cnf'),
      `[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = placeholder
[ v3_ca ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign,digitalSignature
subjectKeyIdentifier = hash
[ ca ]
default_ca = CA_default
[ CA_default ]
dir = ${d}
database = $dir/index.txt
new_certs_dir = $dir/newcerts
certificate = $dir/ca.pem
private_key = $dir/ca.key
serial = $dir/serial
crlnumber = $dir/crlnumber
default_md = sha256
default_days = 20
default_crl_days = 7
policy = policy_any
unique_subject = no
copy_extensions = none
crl_extensions = crl_ext
[ policy_any ]
commonName = supplied
[ crl_ext ]
authorityKeyIdentifier = keyid
[ leaf_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:${this.urls.crl}
authorityInfoAccess = OCSP;URI:${this.urls.ocsp},caIssuers;URI:${this.urls.caIssuers}
[ leaf_delegated_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
authorityInfoAccess = OCSP;URI:${this.urls.ocspDelegated}
[ leaf_crl_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:${this.urls.crl}
[ ocsp_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = critical,OCSPSigning
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`,
    );
    run(
      [
        'req',
        '-x509',
        '-config',
        'ca.cnf',
        '-extensions',
        'v3_ca',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        'ca.key',
        '-out',
        'ca.pem',
        '-subj',
        '/O=Revo Test/CN=Revo Test CA',
        '-days',
        '60',
      ],
      d,
    );
    const pem = readFileSync(join(d, 'ca.pem'), 'utf8');
    this.ca = { name: 'ca', pem, der: derOf(pem), path: join(d, 'ca.pem') };
  }

  /** Issue a certificate with one of the extension sections of ca.cnf. */
  issue(name: string, ext: 'leaf_ext' | 'leaf_delegated_ext' | 'leaf_crl_ext' | 'ocsp_ext'): OpensslCert {
    const d = this.dir;
    run(
      [
        'req',
        '-new',
        '-config',
        'ca.cnf',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.csr`,
        '-subj',
        `/CN=${name}`,
      ],
      d,
    );
    run(
      ['ca', '-batch', '-config', 'ca.cnf', '-extensions', ext, '-notext', '-in', `${name}.csr`, '-out', `${name}.pem`],
      d,
    );
    const pem = readFileSync(join(d, `${name}.pem`), 'utf8');
    return { name, pem, der: derOf(pem), path: join(d, `${name}.pem`) };
  }

  revoke(cert: OpensslCert, reason = 'keyCompromise'): void {
    run(['ca', '-config', 'ca.cnf', '-revoke', cert.path, '-crl_reason', reason], this.dir);
  }

  /** `openssl ca -gencrl`, as DER. */
  crlDer(): Buffer {
    run(['ca', '-config', 'ca.cnf', '-gencrl', '-out', 'ca.crl.pem'], this.dir);
    run(['crl', '-in', 'ca.crl.pem', '-outform', 'DER', '-out', 'ca.crl'], this.dir);
    return readFileSync(join(this.dir, 'ca.crl'));
  }

  /** A self-signed certificate + key unrelated to this CA (a forger). */
  selfSigned(name: string): OpensslCert {
    run(
      [
        'req',
        '-x509',
        '-config',
        'ca.cnf',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.pem`,
        '-subj',
        `/CN=${name}`,
        '-days',
        '30',
      ],
      this.dir,
    );
    const pem = readFileSync(join(this.dir, `${name}.pem`), 'utf8');
    return { name, pem, der: derOf(pem), path: join(this.dir, `${name}.pem`) };
  }

  /**
   * Start `openssl ocsp` on an ephemeral loopback-reachable port, signing with
   * `signer` (the CA itself, a delegated responder, or a forger). Resolves with the
   * port once it accepts connections (bounded wait).
   */
  async startResponder(signer: OpensslCert | 'ca'): Promise<number> {
    const [cert, key] = signer === 'ca' ? ['ca.pem', 'ca.key'] : [`${signer.name}.pem`, `${signer.name}.key`];
    const child = spawn(
      'openssl',
      [
        'ocsp',
        '-index',
        'index.txt',
        '-port',
        '0',
        '-rsigner',
        cert,
        '-rkey',
        key,
        '-CA',
        'ca.pem',
        '-nmin',
        '10',
        '-ignore_err',
      ],
      {
        cwd: this.dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.responders.push(child);
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`openssl ocsp did not start within 10 s: ${out}`)), 10_000);
      const onData = (b: Buffer) => {
        out += b.toString();
        const m = /ACCEPT .*:(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`openssl ocsp exited (${code}): ${out}`));
      });
    });
    // ACCEPT is printed once the socket listens. No probe connection: the responder
    // is single-threaded and a probe that sends nothing would stall it.
    return port;
  }

  stop(): void {
    for (const c of this.responders) if (c.exitCode === null) c.kill('SIGTERM');
    this.responders = [];
    rmSync(this.dir, { recursive: true, force: true });
  }
}
