// Loopback revocation and renewal peers for the demo: one HTTP server that
// serves the intermediate's CRL (with one certificate revoked for keyCompromise)
// and stands in for an ACME CA's directory, whose renewalInfo has moved one
// certificate's window into the past — how a CA announces a mass revocation.
import 'reflect-metadata';
import { KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Issued } from '../test/helpers/pki.js';
import { DAY } from '../test/helpers/clock.js';
import { buildCrl } from '../test/helpers/der-writer.js';
import { ariId } from './fixture-pki.js';

export const DEMO_CRL_PATH = '/demo-intermediate.crl';
export const DEMO_EXPLANATION_URL = 'https://status.demo.test/incidents/2026-11-ari';

/** Start listening first: certificates need the port in their CRL URL before the CRL exists. */
export async function startDemoHttp() {
  const routes = new Map<string, { type: string; body: Buffer }>();
  const server = createServer((req, res) => {
    const r = routes.get((req.url ?? '/').split('?')[0]);
    if (!r) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else res.writeHead(200, { 'content-type': r.type, 'content-length': r.body.length }).end(r.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const now = Math.floor(Date.now() / 1000) * 1000; // whole seconds, as CAs write times
  return {
    base,
    crlUrl: `${base}${DEMO_CRL_PATH}`,
    directoryUrl: `${base}/acme/directory`,
    /** The intermediate's CRL: `revoked` is on it (keyCompromise, three days ago). */
    publishCrl(intermediate: Issued, revoked: Issued) {
      const der = buildCrl({
        issuerNameDer: Buffer.from(intermediate.cert.subjectName.toArrayBuffer()),
        signingKey: KeyObject.from(intermediate.keys.privateKey),
        thisUpdate: new Date(now - DAY),
        nextUpdate: new Date(now + 6 * DAY),
        crlNumber: 42,
        entries: [
          { serial: Buffer.from(revoked.cert.serialNumber, 'hex'), revokedAt: new Date(now - 3 * DAY), reason: 1 },
        ],
      });
      routes.set(DEMO_CRL_PATH, { type: 'application/pkix-crl', body: der });
    },
    /** An ACME directory whose renewalInfo says `cert` should have been renewed already. */
    publishAri(cert: Issued) {
      routes.set('/acme/directory', {
        type: 'application/json',
        body: Buffer.from(
          JSON.stringify({ newNonce: `${base}/acme/new-nonce`, renewalInfo: `${base}/acme/renewal-info` }),
        ),
      });
      const window = {
        suggestedWindow: { start: new Date(now - 4 * DAY).toISOString(), end: new Date(now - DAY).toISOString() },
        explanationURL: DEMO_EXPLANATION_URL,
      };
      routes.set(`/acme/renewal-info/${ariId(cert)}`, {
        type: 'application/json',
        body: Buffer.from(JSON.stringify(window)),
      });
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
