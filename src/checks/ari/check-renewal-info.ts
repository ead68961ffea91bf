// ACME Renewal Information (RFC 9773) for the run's leaf certificates: when the
// CA's suggested window has opened, renew (warning); when it has closed — which
// is how a CA announces a coming mass revocation, moving the window into the
// past — replace now (error). Problems talking to the CA never crash the run and
// never land on the certificate: they come back as run-level findings.
import { resolve } from 'node:path';
import type { Finding, ObservedCertificate } from '../../types.js';
import type { RevocationContext } from '../revocation/check-revocation.js';
import { ariCertId } from './ari-cert-id.js';
import { AriClient, AriError, type AriCause } from './fetch-renewal-info.js';
import { certificateNaming } from '../../findings/certificate-naming.js';
import { renewalInfoQuestions } from './renewal-info-questions.js';

export { ariCertId };

/** Certificates whose windows are fetched at once; the CA's servers are shared by everyone. */
const ARI_CONCURRENCY = 4;

export async function checkRenewalInfo(certs: ObservedCertificate[], ctx: RevocationContext): Promise<Finding[]> {
  const settings = ctx.settings;
  if (!settings.ari.enabled) return [];
  const d = settings.defaults;
  const client = new AriClient({
    cacheDir: d.cacheDir ? resolve(settings.workspace, d.cacheDir) : undefined,
    timeoutMs: d.timeoutMs,
    deadline: ctx.deadline,
  });
  const problems = new Map<string, Finding>(); // by CA and reason: a directory outage is one problem, not one per certificate
  const now = ctx.now.getTime();

  const work = renewalInfoQuestions(certs, settings, ctx.now);
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const { obs, ca, id } = work[next++];
      try {
        const w = await client.window(ca.directory, id);
        obs.renewal = { windowStart: w.start, windowEnd: w.end, explanationURL: w.explanationURL };
        const state = now > w.end.getTime() ? 'closed' : now >= w.start.getTime() ? 'open' : null;
        if (state)
          obs.findings.push({
            id: 'renewal-window',
            severity: state === 'closed' ? 'error' : 'warning',
            fingerprint: obs.cert.fingerprint,
            detail: {
              kind: 'renewal-window',
              certificate: certificateNaming(obs),
              state,
              ca: ca.label,
              windowStart: w.start.toISOString(),
              windowEnd: w.end.toISOString(),
              ...(w.explanationURL ? { explanationURL: w.explanationURL } : {}),
            },
          });
      } catch (e) {
        const severity = e instanceof AriError ? e.severity : 'warning';
        const cause: AriCause = e instanceof AriError ? e.why : { reason: 'error', text: (e as Error).message };
        const refused = e instanceof AriError && e.refused;
        const detail = { kind: 'ari-problem' as const, ca: ca.label, refused, cause };
        // Refused by the network policy: not asked, so a notice that it was not checked, not a warning.
        const finding: Finding = refused
          ? { id: 'not-checked', severity: 'notice', detail }
          : { id: 'renewal-window', severity, detail };
        const key = `${ca.label}\n${JSON.stringify(cause)}`;
        if (!problems.has(key)) problems.set(key, finding);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(ARI_CONCURRENCY, work.length) }, worker));
  return [...problems.values()];
}
