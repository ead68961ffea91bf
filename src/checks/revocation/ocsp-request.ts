// Asking an OCSP responder (RFC 6960) about one certificate.
import { createHash } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { CertID, OCSPRequest, Request, TBSRequest } from '@peculiar/asn1-ocsp';
import type { CertificateRecord } from '../../types.js';
import { FetchError, httpFetch } from '../../net/http-fetch.js';
import { OCSP_MAX_BYTES } from '../../net/limits.js';
import { certFields } from './cert-fields.js';

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
  const f = certFields(issuer);
  const certId = new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: SHA1, parameters: null }),
    issuerNameHash: new OctetString(createHash('sha1').update(f.subjectDer).digest()),
    issuerKeyHash: new OctetString(createHash('sha1').update(f.publicKeyBits).digest()),
    serialNumber: new Uint8Array(cert.serialBytes).buffer,
  });
  const req = new OCSPRequest({ tbsRequest: new TBSRequest({ requestList: [new Request({ reqCert: certId })] }) });
  return Buffer.from(AsnConvert.serialize(req));
}

export interface OcspFetchOptions {
  timeoutMs: number;
  deadline: number;
}

/** Does this look like an OCSPResponse with status successful? (A cheap check: full verification comes later.) */
function successfulOcspResponse(b: Buffer): boolean {
  // SEQUENCE { ENUMERATED 0, [0] … }: 30 len 0a 01 00
  if (b.length < 5 || b[0] !== 0x30) return false;
  let p = 2;
  if (b[1] & 0x80) p += b[1] & 0x7f;
  return b[p] === 0x0a && b[p + 1] === 0x01 && b[p + 2] === 0x00;
}

/**
 * GET first (RFC 6960 Appendix A.1; cacheable) when the request is small, then
 * POST. Some responders are janky — they 404 or answer HTML to GET, or mangle the
 * URL-encoded base64 — so a GET that brought back an HTTP error or anything but a
 * successful OCSPResponse is retried by POST, which every responder must support.
 * A GET that failed to connect or timed out is not retried: POST would only spend
 * the same time again against a server that is down.
 */
export async function fetchOcsp(url: string, request: Buffer, o: OcspFetchOptions): Promise<Buffer> {
  const common = {
    timeoutMs: o.timeoutMs,
    deadline: o.deadline,
    maxBytes: OCSP_MAX_BYTES,
    headers: { accept: 'application/ocsp-response' },
  };
  const b64 = request.toString('base64');
  let getProblem: string | undefined;
  if (b64.length < OCSP_GET_MAX_BASE64) {
    const getUrl = `${url.endsWith('/') ? url : url + '/'}${encodeURIComponent(b64)}`;
    try {
      // Messages name the responder, not the URL-encoded request appended to it.
      const res = await httpFetch(getUrl, { ...common, what: 'OCSP GET to', shownUrl: url });
      if (successfulOcspResponse(res.body)) return res.body;
      getProblem = 'GET did not return a successful OCSP response';
    } catch (e) {
      if (!(e instanceof FetchError) || (e.kind !== 'http' && e.kind !== 'too-large')) throw e;
      getProblem = e.message;
    }
  }
  try {
    const res = await httpFetch(url, {
      ...common,
      what: 'OCSP POST to',
      method: 'POST',
      body: request,
      headers: { ...common.headers, 'content-type': 'application/ocsp-request' },
    });
    return res.body;
  } catch (e) {
    if (getProblem && e instanceof Error) e.message += ` (after ${getProblem})`;
    throw e;
  }
}
