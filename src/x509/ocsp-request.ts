// The OCSP request (RFC 6960) that asks a responder about one certificate; fetching it is net/fetch-ocsp.ts.
import { createHash } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { CertID, OCSPRequest, Request, TBSRequest } from '@peculiar/asn1-ocsp';
import type { CertificateRecord } from '../types.js';
import { publicKeyOf } from './parse-certificate.js';

const SHA1 = '1.3.14.3.2.26';

/** RFC 5019 §5: requests whose base64 form is under 255 bytes go by GET, which CDNs can cache. */
export const OCSP_GET_MAX_BASE64 = 255;

/**
 * A single-certificate request with a SHA-1 CertID: RFC 5019 §2.1.1 makes SHA-1
 * the one every responder understands (it names a certificate here; no collision
 * resistance is relied on — the answer's signature is what is trusted). No nonce:
 * high-volume responders ignore them (RFC 5019 §2.1.2) and freshness is judged
 * from thisUpdate/nextUpdate instead.
 */
export function buildOcspRequest(cert: CertificateRecord, issuer: CertificateRecord): Buffer {
  const certId = new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: SHA1, parameters: null }),
    issuerNameHash: new OctetString(createHash('sha1').update(issuer.subjectNameDer).digest()),
    issuerKeyHash: new OctetString(createHash('sha1').update(issuer.publicKeyBits).digest()),
    serialNumber: new Uint8Array(cert.serialBytes).buffer,
  });
  const req = new OCSPRequest({ tbsRequest: new TBSRequest({ requestList: [new Request({ reqCert: certId })] }) });
  return Buffer.from(AsnConvert.serialize(req));
}
