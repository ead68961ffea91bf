// Hostile certificates, generated at test time: subject/issuer attributes and
// SANs hold whatever bytes an attacker would put there (Markdown, HTML,
// mentions, references, line breaks, workflow commands), and the AIA/CRL URLs
// point wherever the test says. The subject is given as attribute values, not
// as a DN string, so no character needs escaping and none is lost.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import { keyPair, pemBlock, pointerExtensions } from './pki.js';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export interface HostileOptions {
  cn: string;
  o?: string;
  ou?: string;
  /** dNSName SANs, verbatim (line breaks included) */
  dnsSans?: string[];
  notBefore: Date;
  notAfter: Date;
  ocspUrl?: string;
  caIssuersUrl?: string;
  crlUrl?: string;
  /** distinct keys per slot so that two hostile certificates have distinct fingerprints */
  slot?: string;
}

export interface HostileCert {
  pem: string;
  der: Buffer;
  fingerprint: string; // sha256:<hex>
}

let serial = 0x5000;

export async function hostileCertificate(o: HostileOptions): Promise<HostileCert> {
  const keys = await keyPair('ec256', `hostile/${o.slot ?? o.cn}`);
  const name: x509.JsonName = [{ CN: [o.cn] }];
  if (o.o) name.push({ O: [o.o] });
  if (o.ou) name.push({ OU: [o.ou] });
  const exts: x509.Extension[] = [new x509.BasicConstraintsExtension(false, undefined, true)];
  if (o.dnsSans?.length)
    exts.push(new x509.SubjectAlternativeNameExtension(o.dnsSans.map((value) => ({ type: 'dns' as const, value }))));
  exts.push(...pointerExtensions(o));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16).padStart(6, '0') + '0b',
    subject: new x509.Name(name),
    issuer: new x509.Name(name),
    notBefore: o.notBefore,
    notAfter: o.notAfter,
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } as webcrypto.EcdsaParams,
    extensions: exts,
  });
  const der = Buffer.from(cert.rawData);
  const digest = Buffer.from(await webcrypto.subtle.digest('SHA-256', der)).toString('hex');
  return { pem: pemBlock('CERTIFICATE', der), der, fingerprint: `sha256:${digest}` };
}

/** What an attacker puts in a name: every kind of live GitHub markup at once. */
export const HOSTILE_CN =
  '@acme/everyone ![b](https://attacker.example/beacon.png) [Renew now](https://attacker.example/phish) octo/other#2 #1 GH-3 <!-- hidden --> <https://attacker.example/auto> www.attacker.example mallory@attacker.example <img src=x onerror=alert(1)> $x$ **bold** | pipe \\ fixes #4';
export const HOSTILE_O = '@acme/admins';
/** SANs with line breaks: a new Markdown block, and workflow commands on stdout. */
export const HOSTILE_SANS = [
  'evil.example\n## Injected heading\n@acme/admins',
  '@acme/admins',
  'x.example\n::warning file=README.md,line=1::FORGED-SAN\n::add-mask::forged-mask\n##[error]FORGED-LEGACY',
];
