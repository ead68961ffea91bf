// Shared fixtures for the revocation tests: a minimal Settings, observed
// certificates, private keys as KeyObjects, and a loopback HTTP server whose
// routes the tests set (CRL distribution points, AIA, OCSP, ACME directory).
import assert from 'node:assert/strict';
import { KeyObject } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CertificateRecord, CertificateRole, ObservedCertificate, Settings } from '../../src/types.js';
import { parseCertificate } from '../../src/x509/parse-certificate.js';
import type { RevocationContext } from '../../src/checks/revocation/check-revocation.js';
import type { Issued } from './pki.js';
import { revocationSaid, said } from './said.js';
import { DAY, NOW } from './clock.js';

export function settingsFor(
  o: Partial<Settings['defaults']> & {
    workspace?: string;
    ari?: Settings['ari'];
    revokedSerials?: Settings['revokedSerials'];
  } = {},
): Settings {
  const { workspace, ari, revokedSerials, ...defaults } = o;
  const dur = { kind: 'absolute' as const, ms: 30 * DAY, text: '30d' };
  return {
    workspace: workspace ?? '/nonexistent-workspace',
    defaults: {
      warnWithin: dur,
      failWithin: { kind: 'absolute', ms: 7 * DAY, text: '7d' },
      revocation: 'soft',
      timeoutMs: 2000,
      concurrency: 4,
      cacheDir: '',
      deadlineMs: 60_000,
      ...defaults,
    },
    endpoints: [],
    files: [],
    ignore: [],
    ari: ari ?? { enabled: true, directories: [] },
    revokedSerials: revokedSerials ?? [],
    issues: { mode: 'per-certificate', labels: [], maxOpen: 50 },
    shard: { index: 1, count: 1 },
    now: NOW,
  };
}

export function ctxFor(
  settings: Settings,
  now: Date,
  known: CertificateRecord[] = [],
  extra: Partial<RevocationContext> = {},
): RevocationContext {
  return { settings, now, deadline: Date.now() + 60_000, knownCertificates: known, ...extra };
}

export function rec(x: Issued | Buffer): CertificateRecord {
  return parseCertificate(Buffer.isBuffer(x) ? x : x.der);
}

export function observed(
  cert: CertificateRecord,
  o: { role?: CertificateRole; companions?: CertificateRecord[]; stapledOcsp?: Buffer } = {},
): ObservedCertificate {
  return {
    cert,
    locations: [],
    role: o.role ?? (cert.isCA ? 'intermediate' : 'leaf'),
    owners: [],
    companions: o.companions ?? [],
    notes: [],
    findings: [],
    stapledOcsp: o.stapledOcsp,
  };
}

export function privateKey(x: Issued): KeyObject {
  return KeyObject.from(x.keys.privateKey);
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

export interface TestServer {
  base: string; // http://127.0.0.1:PORT
  routes: Map<string, Handler>; // by path (no query); "/ocsp/*" style prefixes via prefix routes
  prefixes: Map<string, Handler>;
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const prefixes = new Map<string, Handler>();
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0];
      hits.set(path, (hits.get(path) ?? 0) + 1);
      let h = routes.get(path);
      if (!h) for (const [p, ph] of prefixes) if (path.startsWith(p)) h = ph;
      if (!h) {
        res.writeHead(404).end('not found');
        return;
      }
      Promise.resolve(h(req, res, Buffer.concat(chunks))).catch(() => res.destroy());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    routes,
    prefixes,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const send =
  (
    body: Buffer | string,
    type = 'application/octet-stream',
    status = 200,
    headers: Record<string, string> = {},
  ): Handler =>
  (_req, res) => {
    const b = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(status, { 'content-type': type, 'content-length': String(b.length), ...headers }).end(b);
  };

export const json = (value: unknown, status = 200, headers: Record<string, string> = {}): Handler =>
  send(JSON.stringify(value), 'application/json', status, headers);

/** Answers only after `ms` — to exceed the client's timeout. */
export const slow =
  (ms: number, h: Handler): Handler =>
  async (req, res, body) => {
    await new Promise((r) => setTimeout(r, ms).unref());
    if (!res.destroyed) await h(req, res, body);
  };

/** "id/severity" of each finding, for comparing a certificate's findings at a glance. */
export function findingIds(obs: ObservedCertificate): string[] {
  return obs.findings.map((f) => `${f.id}/${f.severity}`);
}

/** The answer is "unknown" with a cause matching `cause`, and one warning says so, naming the cause. */
export function assertUnknown(obs: ObservedCertificate, cause: RegExp): void {
  assert.equal(obs.revocation?.status, 'unknown', `expected unknown, got ${JSON.stringify(obs.revocation)}`);
  assert.match(revocationSaid(obs), cause);
  assert.deepEqual(findingIds(obs), ['revocation-unknown/warning']);
  assert.match(said(obs.findings[0]), cause);
}

/**
 * Forward `<prefix>[/…]` to an `openssl ocsp` responder on loopback, keeping the
 * method: POST carries the request in the body (path "/"), GET in the path.
 * `port` is read per request because responders start after the routes are set.
 */
export function forwardToOcspResponder(
  port: () => number,
  prefix: string,
  onRequest?: (method: string) => void,
): Handler {
  return (req, res, body) =>
    new Promise<void>((resolve) => {
      onRequest?.(req.method ?? '');
      const path = '/' + (req.url ?? '/').slice(prefix.length + 1);
      const up = request(
        {
          host: '127.0.0.1',
          port: port(),
          method: req.method,
          path,
          headers:
            req.method === 'POST' ? { 'content-type': 'application/ocsp-request', 'content-length': body.length } : {},
        },
        (ur) => {
          const chunks: Buffer[] = [];
          ur.on('data', (c: Buffer) => chunks.push(c));
          ur.on('end', () => {
            const b = Buffer.concat(chunks);
            res
              .writeHead(ur.statusCode ?? 502, {
                'content-type': 'application/ocsp-response',
                'content-length': b.length,
              })
              .end(b);
            resolve();
          });
        },
      );
      up.on('error', () => {
        res.writeHead(502).end();
        resolve();
      });
      up.end(body.length ? body : undefined);
    });
}
