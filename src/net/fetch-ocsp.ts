// Asking an OCSP responder (RFC 6960): the request built by x509/ocsp-request.ts goes by GET or POST.
import { FetchError, httpFetch, type OcspGetProblem } from './http-fetch.js';
import { OCSP_MAX_BYTES } from './limits.js';
import { OCSP_GET_MAX_BASE64 } from '../x509/ocsp-request.js';

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
  let getProblem: OcspGetProblem | undefined;
  if (b64.length < OCSP_GET_MAX_BASE64) {
    const getUrl = `${url.endsWith('/') ? url : url + '/'}${encodeURIComponent(b64)}`;
    try {
      // Messages name the responder, not the URL-encoded request appended to it.
      const res = await httpFetch(getUrl, { ...common, what: 'OCSP GET to', shownUrl: url });
      if (successfulOcspResponse(res.body)) return res.body;
      getProblem = { reason: 'not-successful' };
    } catch (e) {
      if (!(e instanceof FetchError) || (e.kind !== 'http' && e.kind !== 'too-large')) throw e;
      getProblem = { reason: 'fetch', failure: e.failure };
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
    // The POST's failure says what the GET before it came to (report/text/fetch-failure.ts words both).
    if (getProblem && e instanceof FetchError)
      throw new FetchError({ ...e.failure, afterGet: getProblem }, e.url, e.headers);
    throw e;
  }
}
