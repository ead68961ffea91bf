// Test PKI: certificates generated at test time with @peculiar/x509 (one encoder)
// and, in openssl.ts, with the openssl CLI (an independent one). Never fetched.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import { DAY, fixedClock } from './clock.js';

type CryptoKeyPair = webcrypto.CryptoKeyPair;
type RsaHashedKeyGenParams = webcrypto.RsaHashedKeyGenParams;
type EcKeyGenParams = webcrypto.EcKeyGenParams;
type EcdsaParams = webcrypto.EcdsaParams;
type Algorithm = webcrypto.Algorithm;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export type KeyKind = 'ec256' | 'ec384' | 'rsa2048' | 'rsa1024' | 'ed25519';

export interface Issued {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
  der: Buffer;
  pem: string;
  keyPem: string; // PKCS#8 PEM of the private key (for TLS servers)
  /** Chain PEM: this certificate followed by its issuers up to (excluding) the root. */
  chainPem: string;
  issuer?: Issued;
}

export interface IssueOptions {
  cn: string;
  sans?: string[]; // DNS names; IP literals become IP SANs
  notBefore?: Date;
  notAfter?: Date;
  days?: number; // lifetime from notBefore when notAfter is absent
  issuer?: Issued; // absent = self-signed
  ca?: boolean;
  key?: KeyKind;
  serial?: string; // hex
  ocspUrl?: string;
  caIssuersUrl?: string;
  crlUrl?: string;
  hash?: 'SHA-256' | 'SHA-1' | 'SHA-384';
  org?: string;
  ocspSigning?: boolean; // id-kp-OCSPSigning EKU (delegated responder)
}

let serialCounter = 0x1000;

function algFor(
  kind: KeyKind,
  hash: string,
): { gen: RsaHashedKeyGenParams | EcKeyGenParams | Algorithm; sign: Algorithm | EcdsaParams } {
  switch (kind) {
    case 'ec256':
      return { gen: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash } as EcdsaParams };
    case 'ec384':
      return { gen: { name: 'ECDSA', namedCurve: 'P-384' }, sign: { name: 'ECDSA', hash } as EcdsaParams };
    case 'rsa2048':
    case 'rsa1024':
      return {
        gen: {
          name: 'RSASSA-PKCS1-v1_5',
          hash,
          publicExponent: new Uint8Array([1, 0, 1]),
          modulusLength: kind === 'rsa2048' ? 2048 : 1024,
        } as RsaHashedKeyGenParams,
        sign: { name: 'RSASSA-PKCS1-v1_5' },
      };
    case 'ed25519':
      return { gen: { name: 'Ed25519' }, sign: { name: 'Ed25519' } };
  }
}

const keyCache = new Map<string, CryptoKeyPair>();
/** Key generation dominates test time; one key pair per kind and slot is plenty. */
export async function keyPair(kind: KeyKind = 'ec256', slot = 'default', hash = 'SHA-256'): Promise<CryptoKeyPair> {
  const k = `${kind}/${slot}/${hash}`;
  let kp = keyCache.get(k);
  if (!kp) {
    const { gen } = algFor(kind, hash);
    kp = (await webcrypto.subtle.generateKey(gen as EcKeyGenParams, true, ['sign', 'verify'])) as CryptoKeyPair;
    keyCache.set(k, kp);
  }
  return kp;
}

function pemBlock(label: string, der: ArrayBuffer | Buffer): string {
  const b64 = Buffer.from(der as ArrayBuffer).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}

export async function issue(o: IssueOptions): Promise<Issued> {
  const hash = o.hash ?? 'SHA-256';
  const kind = o.key ?? 'ec256';
  // distinct keys per CN so that chains verify by key, not by accident
  const keys = await keyPair(kind, o.cn, kind.startsWith('rsa') ? hash : 'SHA-256');
  const notBefore = o.notBefore ?? fixedClock.at(-10);
  const notAfter = o.notAfter ?? new Date(notBefore.getTime() + (o.days ?? 90) * DAY);
  const issuerKeys = o.issuer?.keys ?? keys;
  const issuerKind: KeyKind = o.issuer ? ((o.issuer as Issued & { kind?: KeyKind }).kind ?? 'ec256') : kind;
  const name = `CN=${o.cn}${o.org ? `, O=${o.org}` : ''}`;
  const exts: x509.Extension[] = [];
  if (o.ca) {
    exts.push(new x509.BasicConstraintsExtension(true, undefined, true));
    exts.push(
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature,
        true,
      ),
    );
  } else {
    exts.push(new x509.BasicConstraintsExtension(false, undefined, true));
    exts.push(
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
    );
    exts.push(new x509.ExtendedKeyUsageExtension(o.ocspSigning ? ['1.3.6.1.5.5.7.3.9'] : ['1.3.6.1.5.5.7.3.1'], false));
  }
  const sans = o.sans ?? (o.ca ? [] : [o.cn]);
  if (sans.length) {
    exts.push(
      new x509.SubjectAlternativeNameExtension(
        sans.map((s) =>
          /^[\d.]+$|:/.test(s) ? { type: 'ip' as const, value: s } : { type: 'dns' as const, value: s },
        ),
      ),
    );
  }
  exts.push(await x509.SubjectKeyIdentifierExtension.create(keys.publicKey));
  if (o.issuer) exts.push(await x509.AuthorityKeyIdentifierExtension.create(o.issuer.cert));
  else exts.push(await x509.AuthorityKeyIdentifierExtension.create(keys.publicKey));
  exts.push(...pointerExtensions(o));
  const { sign } = algFor(issuerKind, hash);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: o.serial ?? (serialCounter++).toString(16).padStart(6, '0') + '0a',
    subject: name,
    issuer: o.issuer ? o.issuer.cert.subject : name,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: issuerKeys.privateKey,
    signingAlgorithm: sign.name === 'ECDSA' || sign.name.startsWith('RSA') ? { ...sign, hash } : sign,
    extensions: exts,
  });
  const der = Buffer.from(cert.rawData);
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const pem = pemBlock('CERTIFICATE', der);
  let chainPem = pem;
  // stop before the root: servers send leaf + intermediates
  for (let p = o.issuer; p && p.issuer; p = p.issuer) chainPem += p.pem;
  const out: Issued & { kind: KeyKind } = {
    cert,
    keys,
    der,
    pem,
    keyPem: pemBlock('PRIVATE KEY', pkcs8),
    chainPem,
    issuer: o.issuer,
    kind,
  };
  return out;
}

/** CRL distribution point and AIA (OCSP, caIssuers) extensions for the URLs given. */
export function pointerExtensions(o: { crlUrl?: string; ocspUrl?: string; caIssuersUrl?: string }): x509.Extension[] {
  const exts: x509.Extension[] = [];
  if (o.crlUrl) exts.push(new x509.CRLDistributionPointsExtension([o.crlUrl]));
  if (o.ocspUrl || o.caIssuersUrl) {
    exts.push(
      new x509.AuthorityInfoAccessExtension({
        ocsp: o.ocspUrl ? [new x509.GeneralName('url', o.ocspUrl)] : [],
        caIssuers: o.caIssuersUrl ? [new x509.GeneralName('url', o.caIssuersUrl)] : [],
      }),
    );
  }
  return exts;
}

/** A root → intermediate → leaf hierarchy, the shape most tests need. */
export async function hierarchy(
  leaf: Omit<IssueOptions, 'issuer'>,
  prefix = 'Test',
): Promise<{ root: Issued; intermediate: Issued; leaf: Issued }> {
  const root = await issue({
    cn: `${prefix} Root CA`,
    ca: true,
    days: 3650,
    notBefore: fixedClock.at(-365),
    org: `${prefix} PKI`,
  });
  const intermediate = await issue({
    cn: `${prefix} Intermediate CA`,
    ca: true,
    days: 1825,
    issuer: root,
    notBefore: fixedClock.at(-300),
    org: `${prefix} PKI`,
  });
  const l = await issue({ ...leaf, issuer: intermediate });
  return { root, intermediate, leaf: l };
}

export { pemBlock };
