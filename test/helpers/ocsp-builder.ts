// OCSP responses built by hand for the cases openssl will not produce on
// demand: stale, not yet valid, for another serial, signed by an unrelated key,
// from an undelegated responder, non-successful statuses.
import { createHash, type KeyObject } from 'node:crypto';
import type { CertificateRecord } from '../../src/types.js';
import {
  SIG_ALG_ID,
  bitString,
  ctx,
  enumerated,
  generalizedTime,
  int,
  nul,
  octet,
  oid,
  rawInt,
  seq,
  sigAlgFor,
  signWith,
  tlv,
} from './der-writer.js';

export interface OcspSpec {
  issuer: CertificateRecord; // whose name/key hashes go into the CertID
  serialBytes: Buffer; // raw INTEGER content of the serial answered for
  status: 'good' | 'revoked' | 'unknown';
  revokedAt?: Date;
  reason?: number;
  thisUpdate: Date;
  nextUpdate?: Date;
  signingKey: KeyObject;
  certs?: Buffer[]; // DER certificates to include (delegated responder)
  hash?: 'sha1' | 'sha256';
}

const HASH_OID = { sha1: '1.3.14.3.2.26', sha256: '2.16.840.1.101.3.4.2.1' };

export function buildOcspResponse(s: OcspSpec): Buffer {
  const f = s.issuer;
  const h = s.hash ?? 'sha1';
  const certId = seq(
    seq(oid(HASH_OID[h]), nul()),
    octet(createHash(h).update(f.subjectNameDer).digest()),
    octet(createHash(h).update(f.publicKeyBits).digest()),
    rawInt(s.serialBytes),
  );
  const status =
    s.status === 'good'
      ? Buffer.from([0x80, 0x00])
      : s.status === 'unknown'
        ? Buffer.from([0x82, 0x00])
        : tlv(
            0xa1,
            generalizedTime(s.revokedAt ?? s.thisUpdate),
            ...(s.reason !== undefined ? [ctx(0, enumerated(s.reason))] : []),
          );
  const single = seq(
    certId,
    status,
    generalizedTime(s.thisUpdate),
    ...(s.nextUpdate ? [ctx(0, generalizedTime(s.nextUpdate))] : []),
  );
  const responderKeyHash = createHash('sha1').update(f.publicKeyBits).digest();
  const tbs = seq(ctx(2, octet(responderKeyHash)), generalizedTime(s.thisUpdate), seq(single));
  const alg = SIG_ALG_ID[sigAlgFor(s.signingKey)];
  const basic = seq(
    tbs,
    alg,
    bitString(signWith(s.signingKey, tbs)),
    ...(s.certs?.length ? [ctx(0, seq(...s.certs))] : []),
  );
  return seq(enumerated(0), ctx(0, seq(oid('1.3.6.1.5.5.7.48.1.1'), octet(basic))));
}

/** OCSPResponse with a non-successful status and no body (RFC 6960 §4.2.1). */
export function ocspStatusOnly(status: number): Buffer {
  return seq(enumerated(status));
}

export { int };
