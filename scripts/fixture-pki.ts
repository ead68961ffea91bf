// Pieces the demo sandbox and the output recorder (record-outputs.ts) both need
// to build their fixtures: one copy each.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import forge from 'node-forge';
import type { Issued } from '../test/helpers/pki.js';

/** The ARI certificate ID (RFC 9773 §4.1): base64url(AKI keyIdentifier) "." base64url(serial DER INTEGER content). */
export function ariId(c: Issued): string {
  const aki = Buffer.from(c.cert.getExtension(x509.AuthorityKeyIdentifierExtension)!.keyId!, 'hex');
  let serial = Buffer.from(c.cert.serialNumber, 'hex');
  if (serial[0] & 0x80) serial = Buffer.concat([Buffer.from([0]), serial]);
  return `${aki.toString('base64url')}.${serial.toString('base64url')}`;
}

/** A PKCS#12 store holding `c` and its key, under `password` (RSA keys: node-forge writes PKCS#12 for RSA). */
export function pkcs12Der(c: Issued, password: string): Buffer {
  const p12 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(c.keyPem),
    [forge.pki.certificateFromPem(c.pem)],
    password,
    { algorithm: '3des' },
  );
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}
