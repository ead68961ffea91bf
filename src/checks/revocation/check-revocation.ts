// Revocation status for every certificate of the run: issuer first, then a
// stapled OCSP response, a fetched one, and the CRL. Only answers that verify
// (signature by the issuer or its delegated responder, this exact certificate,
// fresh) count; anything else is "unknown" with the cause, never "good".
//
// Order and stopping rule: a verified "revoked" from any source ends the search.
// A fetched OCSP "good" ends it too (the responder's current word). A stapled
// "good" does not: the server chose to send it and it may be days old, which is
// exactly when a mass revocation bites, so the responder / CRL are still asked and
// the staple only decides when they cannot answer.
import { markRevocationOff } from './revocation-off.js';
import { resolve } from 'node:path';
import type {
  CertificateRecord,
  Finding,
  ObservedCertificate,
  RevocationAnswer,
  RevocationProblem,
  Settings,
} from '../../types.js';
import type { RevocationSource } from '../../findings/finding-detail.js';
import { certificateNaming } from '../../findings/certificate-naming.js';
import { fetchableUrl, type UrlRefusal } from '../../net/http-fetch.js';
import { REVOCATION_CONCURRENCY } from '../../net/limits.js';
import { crlStatus, type SourceVerdict } from './crl-status.js';
import { CrlSource, causeOf } from './fetch-crl.js';
import { refusedByPolicy, type RevocationCause } from './revocation-cause.js';
import { IssuerFinder } from './find-issuer.js';
import { buildOcspRequest } from '../../x509/ocsp-request.js';
import { fetchOcsp } from '../../net/fetch-ocsp.js';
import { verifyOcsp } from './verify-ocsp.js';

export interface RevocationContext {
  settings: Settings; // defaults.revocation soft|hard|off, timeoutMs, cacheDir (relative to workspace)
  now: Date; // the clock answers are judged against
  deadline: number; // epoch ms (wall clock): no new fetch starts after it
  knownCertificates: CertificateRecord[]; // every certificate seen in the run, for issuer lookup
  /** Test hook: a smaller CRL size cap than CRL_MAX_BYTES. */
  crlMaxBytes?: number;
}

interface Session {
  ctx: RevocationContext;
  issuers: IssuerFinder;
  crls: CrlSource;
  ocsp: Map<string, Promise<SourceVerdict>>;
}

/** Run `fn` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function checkRevocation(certs: ObservedCertificate[], ctx: RevocationContext): Promise<void> {
  const d = ctx.settings.defaults;
  if (d.revocation === 'off') return markRevocationOff(certs);
  const session: Session = {
    ctx,
    issuers: new IssuerFinder(ctx.knownCertificates, { timeoutMs: d.timeoutMs, deadline: ctx.deadline }),
    crls: new CrlSource({
      cacheDir: d.cacheDir ? resolve(ctx.settings.workspace, d.cacheDir) : undefined,
      timeoutMs: d.timeoutMs,
      deadline: ctx.deadline,
      now: ctx.now,
      maxBytes: ctx.crlMaxBytes,
    }),
    ocsp: new Map(),
  };
  await eachLimited(certs, REVOCATION_CONCURRENCY, async (obs) => {
    let answer: RevocationAnswer;
    try {
      answer = await checkOne(obs, session);
    } catch (e) {
      // A bug or an unforeseen input must cost one certificate's answer, not the run.
      answer = {
        status: 'unknown',
        problems: [{ source: 'check', cause: { reason: 'check-failed', text: (e as Error).message } }],
      };
    }
    record(obs, answer, ctx);
  });
}

function record(obs: ObservedCertificate, answer: RevocationAnswer, ctx: RevocationContext): void {
  const prior = obs.revocation;
  // A published serial list already marked it revoked (revoked-serials.ts): keep that unless we have a revocation of our own.
  if (prior?.status === 'revoked' && answer.status !== 'revoked') return;
  let alsoListed: RevocationAnswer['listed'];
  if (prior?.status === 'revoked' && prior.method === 'list') {
    // The CA's own verified answer says revoked as well. Keep one `revoked`
    // finding — the CA's, with its date and reason — and name the list in it:
    // two findings counted one revoked certificate as two failures (and two
    // annotations on the same line) when a listed serial reached the CRL.
    obs.findings = obs.findings.filter((f) => f.id !== 'revoked');
    alsoListed = prior.listed;
  }
  obs.revocation = answer;
  const base = { fingerprint: obs.cert.fingerprint };
  if (answer.status === 'revoked') {
    obs.findings.push({
      ...base,
      id: 'revoked',
      severity: 'error',
      detail: {
        kind: 'revoked',
        certificate: certificateNaming(obs),
        source: sourceOf(answer),
        revokedAt: answer.revokedAt ? answer.revokedAt.toISOString() : null,
        reason: answer.reason ?? null,
        ...(alsoListed?.length ? { alsoListed } : {}),
      },
    });
  } else if (answer.status === 'not-checked' && answer.problems?.length && allRefused(answer.problems)) {
    // The network policy refused the certificate's URLs: say so, as a notice (nothing is wrong with it that we know).
    obs.findings.push({
      ...base,
      id: 'not-checked',
      severity: 'notice',
      detail: { kind: 'revocation-not-checked', certificate: certificateNaming(obs), problems: answer.problems },
    });
  } else if (answer.status === 'unknown') {
    obs.findings.push({
      ...base,
      id: 'revocation-unknown',
      severity: ctx.settings.defaults.revocation === 'hard' ? 'error' : 'warning',
      detail: { kind: 'revocation-unknown', certificate: certificateNaming(obs), problems: answer.problems ?? [] },
    } satisfies Finding);
  }
}

function sourceOf(answer: RevocationAnswer): RevocationSource {
  if ((answer.method === 'crl' || answer.method === 'ocsp') && answer.source)
    return { method: answer.method, url: answer.source };
  return { method: 'stapled' };
}

async function checkOne(obs: ObservedCertificate, s: Session): Promise<RevocationAnswer> {
  const cert = obs.cert;
  const now = s.ctx.now;
  // Only a self-SIGNED certificate has no issuer to ask. A self-issued one signed by
  // another key (a CA key rollover certificate) has a CRL like any other.
  if (cert.selfSigned)
    return { status: 'not-checked', detail: 'self-signed: trusted or not by itself, no issuer to ask' };
  if (now.getTime() >= cert.notAfter.getTime())
    return { status: 'not-checked', detail: 'expired: CAs drop expired certificates from CRLs and OCSP' };

  const skipped = new Map<string, UrlRefusal>(); // the same refusal for two URLs reads once
  const usable = (urls: string[]) =>
    urls.filter((u) => {
      const why = fetchableUrl(u);
      if (why) skipped.set(JSON.stringify(why), why);
      return !why;
    });
  const ocspUrls = usable(cert.ocspUrls);
  const crlUrls = usable(cert.crlUrls);
  if (!obs.stapledOcsp && !ocspUrls.length && !crlUrls.length) {
    // Short-lived certificates (≤ 7 days) may carry no revocation pointers at all: nothing to check, not "unknown".
    if (!skipped.size) return { status: 'not-checked', detail: 'no OCSP or CRL URL in the certificate' };
    // Pointers exist but none certwatch can follow (ldap://, file://): in hard mode the
    // user asked that an unverifiable status fail, so it is unknown there, not skipped.
    const problems: RevocationProblem[] = [
      { source: 'pointers', cause: { reason: 'no-fetchable-url', skipped: [...skipped.values()] } },
    ];
    return { status: s.ctx.settings.defaults.revocation === 'hard' ? 'unknown' : 'not-checked', problems };
  }

  const found = await s.issuers.find(obs);
  if (!found.issuer) {
    const problems: RevocationProblem[] = [
      { source: 'issuer', cause: found.missing ?? { reason: 'error', text: 'issuer not found' } },
    ];
    return refusedOnly(problems) ?? { status: 'unknown', problems };
  }
  const issuer = found.issuer;

  const problems: RevocationProblem[] = [];
  let stapledGood = false;
  if (obs.stapledOcsp) {
    const v = verifyOcsp(obs.stapledOcsp, cert, issuer, now);
    if (v.status === 'revoked')
      return {
        status: 'revoked',
        method: 'stapled',
        revokedAt: v.revokedAt,
        reason: v.reason ?? null,
        source: 'stapled',
      };
    if (v.status === 'good') stapledGood = true;
    else problems.push({ source: 'stapled', cause: v.cause });
  }
  for (const url of ocspUrls) {
    const v = await ocspVerdict(url, cert, issuer, s);
    if (v.status === 'revoked')
      return { status: 'revoked', method: 'ocsp', revokedAt: v.revokedAt, reason: v.reason ?? null, source: url };
    if (v.status === 'good') return { status: 'good', method: 'ocsp', source: url, revokedAt: null, reason: null };
    problems.push({ source: 'ocsp', url, cause: v.cause });
  }
  for (const url of crlUrls) {
    let v: SourceVerdict;
    let deltaNotApplied: RevocationCause | undefined;
    try {
      const answer = await s.crls.get(url, issuer);
      v = crlStatus(answer, cert);
      deltaNotApplied = answer.deltaProblem;
    } catch (e) {
      v = { status: 'unknown', cause: causeOf(e) };
    }
    const note = deltaNotApplied ? { deltaNotApplied } : {};
    if (v.status === 'revoked')
      return {
        status: 'revoked',
        method: 'crl',
        revokedAt: v.revokedAt,
        reason: v.reason ?? null,
        source: url,
        ...note,
      };
    if (v.status === 'good')
      return { status: 'good', method: 'crl', source: url, revokedAt: null, reason: null, ...note };
    problems.push({ source: 'crl', url, cause: v.cause });
  }
  if (stapledGood)
    return {
      status: 'good',
      method: 'stapled',
      source: 'stapled',
      revokedAt: null,
      reason: null,
      ...(problems.length ? { problems } : {}),
    };
  return refusedOnly(problems) ?? { status: 'unknown', problems };
}

/** Every source was refused by the network policy (not asked, so not "unknown"): not-checked, saying why. */
function refusedOnly(problems: RevocationProblem[]): RevocationAnswer | null {
  if (!problems.length || !allRefused(problems)) return null;
  const seen = new Set<string>();
  // The same refusal for the OCSP responder and the CRL reads once.
  const distinct = problems.filter((p) => {
    const k = JSON.stringify(p);
    return !seen.has(k) && !!seen.add(k);
  });
  return { status: 'not-checked', problems: distinct };
}

function allRefused(problems: RevocationProblem[]): boolean {
  return problems.every((p) => refusedByPolicy(p.cause));
}

/** One request per (responder, certificate) per run, however many places the certificate was seen. */
function ocspVerdict(
  url: string,
  cert: CertificateRecord,
  issuer: CertificateRecord,
  s: Session,
): Promise<SourceVerdict> {
  const key = `${url}\n${cert.fingerprint}\n${issuer.fingerprint}`;
  let p = s.ocsp.get(key);
  if (!p) {
    p = (async (): Promise<SourceVerdict> => {
      try {
        const body = await fetchOcsp(url, buildOcspRequest(cert, issuer), {
          timeoutMs: s.ctx.settings.defaults.timeoutMs,
          deadline: s.ctx.deadline,
        });
        return verifyOcsp(body, cert, issuer, s.ctx.now);
      } catch (e) {
        return { status: 'unknown', cause: causeOf(e) };
      }
    })();
    s.ocsp.set(key, p);
  }
  return p;
}
