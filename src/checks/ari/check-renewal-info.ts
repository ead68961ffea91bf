// ACME Renewal Information (RFC 9773) for the run's leaf certificates: when the
// CA's suggested window has opened, renew (warning); when it has closed — which
// is how a CA announces a coming mass revocation, moving the window into the
// past — replace now (error). Problems talking to the CA never crash the run and
// never land on the certificate: they come back as run-level findings.
import { displayName } from '../../x509/parse-certificate.js';
import { readableTime } from '../readable-time.js';
import { resolve } from 'node:path';
import type { Finding, ObservedCertificate } from '../../types.js';
import type { RevocationContext } from '../revocation/check-revocation.js';
import { ariCertId } from './ari-cert-id.js';
import { ariCaFor } from './ari-directories.js';
import { AriClient, AriError } from './fetch-renewal-info.js';
import { NOT_CONTACTED } from '../../net/address-policy.js';

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
  const problems = new Map<string, Finding>(); // by message: a directory outage is one problem, not one per certificate
  const now = ctx.now.getTime();

  const work = certs.filter((o) => o.role === 'leaf' && !o.cert.isCA && now < o.cert.notAfter.getTime()); // §4: don't ask about expired ones
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const obs = work[next++];
      const ca = ariCaFor(obs.cert, settings.ari.directories);
      if (!ca) continue;
      const id = ariCertId(obs.cert);
      if (!id) continue; // no AKI: no ARI identifier can be formed
      try {
        const w = await client.window(ca.directory, id);
        obs.renewal = { windowStart: w.start, windowEnd: w.end, explanationURL: w.explanationURL };
        const see = w.explanationURL ? `; see ${w.explanationURL}` : '';
        const span = `${readableTime(w.start)} – ${readableTime(w.end)}`;
        if (now > w.end.getTime()) {
          obs.findings.push({
            id: 'renewal-window',
            severity: 'error',
            fingerprint: obs.cert.fingerprint,
            message: `${ca.label} asks for certificate ${displayName(obs.cert)} to be replaced: its renewal window (${span}) has closed, which is how a CA announces an imminent revocation${see}`,
          });
        } else if (now >= w.start.getTime()) {
          obs.findings.push({
            id: 'renewal-window',
            severity: 'warning',
            fingerprint: obs.cert.fingerprint,
            message: `${ca.label}'s suggested renewal window (${span}) is open: renew certificate ${displayName(obs.cert)} now${see}`,
          });
        }
      } catch (e) {
        const severity = e instanceof AriError ? e.severity : 'warning';
        const message = `ARI for ${ca.label}: ${(e as Error).message}`;
        // Refused by the network policy: not asked, so a notice that it was not checked, not a warning.
        const finding: Finding = message.includes(NOT_CONTACTED)
          ? { id: 'not-checked', severity: 'notice', message }
          : { id: 'renewal-window', severity, message };
        if (!problems.has(message)) problems.set(message, finding);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(ARI_CONCURRENCY, work.length) }, worker));
  return [...problems.values()];
}
