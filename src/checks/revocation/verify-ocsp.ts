// Turning an OCSP response (fetched or stapled) into a verdict for one
// certificate — only after it proves itself (RFC 6960 §3.2): signed by the
// issuer or by a responder the issuer delegated to (§4.2.2.2), about this exact
// certificate (CertID), and fresh. Anything less is "unknown" with the reason;
// a forged, mismatched or stale "good" must never count as good.
import { createHash } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { BasicOCSPResponse, OCSPResponse, OCSPResponseStatus, type SingleResponse } from '@peculiar/asn1-ocsp';
import type { CertificateRecord } from '../../types.js';
import { CLOCK_SKEW_MS } from '../../net/limits.js';
import { children, content, oidText, readTlv } from '../../x509/der.js';
import { isIssuedBy, parseCertificate, publicKeyOf } from '../../x509/parse-certificate.js';
import { CRL_REASONS } from '../../x509/crl-lookup.js';
import type { SourceVerdict } from './crl-status.js';
import type { OcspDefect, OcspSignerProblem } from './revocation-cause.js';
import { sameSerial } from '../../x509/serial.js';
import { HASH_BY_OID, checkSignature } from '../../x509/signature.js';

const ID_PKIX_OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';
const ID_KP_OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';

/**
 * A response without nextUpdate means "newer information is always available"
 * (RFC 6960 §4.2.2.1), which gives no expiry of its own. Accept it while
 * thisUpdate is at most this old: the CA/B Forum Baseline Requirements cap OCSP
 * validity at 10 days and require refresh at least every 4 days, so a
 * conforming responder never serves anything older.
 */
export const OCSP_NO_NEXT_UPDATE_MAX_AGE_MS = 4 * 86_400_000;

const STATUS_NAMES: Record<number, string> = {
  [OCSPResponseStatus.malformedRequest]: 'malformedRequest',
  [OCSPResponseStatus.internalError]: 'internalError',
  [OCSPResponseStatus.tryLater]: 'tryLater',
  [OCSPResponseStatus.sigRequired]: 'sigRequired',
  [OCSPResponseStatus.unauthorized]: 'unauthorized',
};

function unknown(defect: OcspDefect): SourceVerdict {
  return { status: 'unknown', cause: { reason: 'ocsp', defect } };
}

function looksLikeText(b: Buffer): 'HTML' | 'text' | null {
  const head = b.subarray(0, 256).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('<')) return 'HTML';
  if (b.length && /^[\x09\x0a\x0d\x20-\x7e]+$/.test(head)) return 'text';
  return null;
}

/** The SingleResponse about `cert`, matching every part of the CertID (hash algorithm, issuer name and key hashes, serial). */
function matchingResponse(
  responses: SingleResponse[],
  cert: CertificateRecord,
  issuer: CertificateRecord,
): SingleResponse | OcspDefect {
  const seen: string[] = [];
  for (const r of responses) {
    const id = r.certID;
    const hash = HASH_BY_OID[id.hashAlgorithm.algorithm];
    seen.push(Buffer.from(id.serialNumber).toString('hex'));
    if (!hash) continue;
    const nameHash = createHash(hash).update(issuer.subjectNameDer).digest();
    const keyHash = createHash(hash).update(issuer.publicKeyBits).digest();
    if (!nameHash.equals(Buffer.from(id.issuerNameHash.buffer))) continue;
    if (!keyHash.equals(Buffer.from(id.issuerKeyHash.buffer))) continue;
    if (!sameSerial(new Uint8Array(id.serialNumber), cert.serialBytes)) continue;
    return r;
  }
  return { reason: 'other-certificate', serialsSeen: seen, wanted: cert.serialNumber };
}

/** Who signed: the issuer itself, or a delegated responder certificate carried in the response. */
function checkSigner(
  tbs: Buffer,
  algOid: string,
  params: Buffer | undefined,
  signature: Buffer,
  certsDer: Buffer[],
  issuer: CertificateRecord,
  now: Date,
): OcspDefect | null {
  if (checkSignature(algOid, params, tbs, signature, publicKeyOf(issuer)) === null) return null;
  const reasons: OcspSignerProblem[] = [];
  for (const der of certsDer) {
    let responder: CertificateRecord;
    try {
      responder = parseCertificate(der);
    } catch {
      continue;
    }
    if (checkSignature(algOid, params, tbs, signature, publicKeyOf(responder)) !== null) continue;
    // §4.2.2.2: the issuer signed the responder's certificate, which carries id-kp-OCSPSigning.
    if (!isIssuedBy(responder, issuer)) {
      reasons.push({ reason: 'not-issued-by-issuer', responder: responder.subject, issuer: issuer.subject });
      continue;
    }
    if (!responder.extKeyUsage?.includes(ID_KP_OCSP_SIGNING)) {
      reasons.push({ reason: 'not-ocsp-signer', responder: responder.subject });
      continue;
    }
    const t = now.getTime();
    if (t < responder.notBefore.getTime() - CLOCK_SKEW_MS || t > responder.notAfter.getTime() + CLOCK_SKEW_MS) {
      reasons.push({
        reason: 'outside-validity',
        responder: responder.subject,
        notBefore: responder.notBefore.toISOString(),
        notAfter: responder.notAfter.toISOString(),
      });
      continue;
    }
    return null;
  }
  return reasons.length
    ? { reason: 'signer-rejected', why: reasons }
    : { reason: 'not-signed-by-issuer', issuer: issuer.subject };
}

/** Verdict of one DER OCSPResponse for `cert` issued by `issuer`, judged at `now`. */
export function verifyOcsp(der: Buffer, cert: CertificateRecord, issuer: CertificateRecord, now: Date): SourceVerdict {
  let resp: OCSPResponse;
  try {
    resp = AsnConvert.parse(der, OCSPResponse);
  } catch {
    const text = looksLikeText(der);
    return unknown({ reason: 'not-ocsp', ...(text ? { looksLike: text } : {}), bytes: der.length });
  }
  if (resp.responseStatus !== OCSPResponseStatus.successful) {
    return unknown({
      reason: 'responder-status',
      status: STATUS_NAMES[resp.responseStatus] ?? `status ${resp.responseStatus}`,
    });
  }
  if (!resp.responseBytes || resp.responseBytes.responseType !== ID_PKIX_OCSP_BASIC)
    return unknown({ reason: 'not-basic' });
  const basicDer = Buffer.from(resp.responseBytes.response.buffer);
  let basic: BasicOCSPResponse;
  let tbs: Buffer;
  let algOid: string;
  let params: Buffer | undefined;
  let signature: Buffer;
  const certsDer: Buffer[] = [];
  try {
    basic = AsnConvert.parse(basicDer, BasicOCSPResponse);
    // The signature covers tbsResponseData exactly as sent: take its raw bytes, never a re-encoding.
    const parts = children(basicDer, readTlv(basicDer, 0));
    tbs = basicDer.subarray(parts[0].start, parts[0].end);
    const alg = children(basicDer, parts[1]);
    algOid = oidText(content(basicDer, alg[0]));
    params = alg[1] ? basicDer.subarray(alg[1].start, alg[1].end) : undefined;
    if (basicDer[parts[2].contentStart] !== 0) return unknown({ reason: 'unused-signature-bits' });
    signature = basicDer.subarray(parts[2].contentStart + 1, parts[2].end);
    const certsT = parts.find((p) => p.tag === 0xa0);
    if (certsT) {
      for (const c of children(basicDer, readTlv(basicDer, certsT.contentStart, certsT.end)))
        certsDer.push(basicDer.subarray(c.start, c.end));
    }
  } catch (e) {
    return unknown({ reason: 'malformed', detail: (e as Error).message });
  }
  const signer = checkSigner(tbs, algOid, params, signature, certsDer, issuer, now);
  if (signer) return unknown(signer);
  const single = matchingResponse(basic.tbsResponseData.responses, cert, issuer);
  if ('reason' in single) return unknown(single);
  const t = now.getTime();
  if (single.thisUpdate.getTime() > t + CLOCK_SKEW_MS)
    return unknown({ reason: 'not-yet-valid', thisUpdate: single.thisUpdate.toISOString() });
  let stale: OcspDefect | null = null;
  if (single.nextUpdate) {
    if (t > single.nextUpdate.getTime() + CLOCK_SKEW_MS)
      stale = { reason: 'stale', nextUpdate: single.nextUpdate.toISOString() };
  } else if (t - single.thisUpdate.getTime() > OCSP_NO_NEXT_UPDATE_MAX_AGE_MS) {
    stale = { reason: 'stale-without-next-update', thisUpdate: single.thisUpdate.toISOString() };
  }
  // good and unknown are NULL-valued CHOICE arms: test which one is present, not truthiness.
  const cs = single.certStatus;
  if (cs.revoked) {
    const code = cs.revoked.revocationReason?.reason;
    // A stale, verified "revoked" still counts — revocation is permanent — except a
    // hold (reason 6), which may have been released since. Stale never counts as good.
    if (stale && code === 6) return unknown(stale);
    return {
      status: 'revoked',
      revokedAt: cs.revoked.revocationTime,
      reason: code === undefined ? undefined : (CRL_REASONS[code] ?? `reason ${code}`),
    };
  }
  if (stale) return unknown(stale);
  if (cs.good !== undefined) return { status: 'good' };
  return unknown({ reason: 'status-unknown' });
}
