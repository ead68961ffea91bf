// The TLS phase: handshake over an already-connected socket (direct, proxied
// or after STARTTLS) and record what the server presented. We never reject
// here: trust and hostname are judged afterwards (src/checks/chain.ts) so a bad
// certificate still yields a full record.
import type { Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type SecureContext, type TLSSocket } from 'node:tls';
import { isIP, type Socket as NetSocket } from 'node:net';
import type { X509Certificate } from 'node:crypto';
import { ProbeError, armDeadline, socketError } from './probe-error.js';
import type { ProbeCause, TlsProblem } from './probe-cause.js';
import { verifyErrorName } from '../../shared/openssl-verify-errors.js';

// Real chains are 2–4 certificates; cross-signs push a few to 5–6. Beyond 20 a
// server is broken or hostile, and judging such a chain is not meaningful.
export const MAX_SERVED_CERTS = 20;
// OpenSSL already refuses a handshake message over its max_cert_list (100 KB
// by default, measured: it stops at 64 KiB read); this is our own ceiling on
// bytes read from one connection during the handshake, in case that changes.
export const MAX_HANDSHAKE_BYTES = 256 * 1024;
// How often the byte ceiling is checked while a handshake is in flight. Loopback
// handshakes finish in a few ms, so most probes never see the timer fire.
const BYTE_CHECK_INTERVAL_MS = 100;

export interface TlsProbeResult {
  /** DER certificates exactly as the server sent them, leaf first */
  chain: Buffer[];
  /** the same certificates as Node objects (already built by Node: reused for signature checks) */
  peer: X509Certificate[];
  /** "TLSv1.3", "TLSv1.2", … */
  tlsVersion?: string;
  /** OpenSSL cipher name */
  cipher?: string;
  /** OpenSSL's verdict against the trust store in use (real clock) */
  authorized: boolean;
  /** OpenSSL's verification error code when not authorized, e.g. UNABLE_TO_GET_ISSUER_CERT_LOCALLY */
  authorizationError?: string;
  /** DER OCSP response the server stapled, if any */
  stapledOcsp?: Buffer;
}

/** Why a handshake failed, from the error Node raised. */
function tlsErrorCause(e: Error): ProbeCause {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const tls = (problem: TlsProblem): ProbeCause => ({ reason: 'tls', problem });
  if (code === 'ERR_SSL_EXCESSIVE_MESSAGE_SIZE') return tls({ problem: 'oversized-message' });
  if (
    code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
    code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG' ||
    code === 'ERR_SSL_RECORD_LAYER_FAILURE'
  )
    return tls({ problem: 'not-tls' });
  if (code === 'ECONNRESET' || /socket disconnected before secure TLS connection/i.test(e.message))
    return tls({ problem: 'closed' });
  if (code.startsWith('ERR_SSL_'))
    return tls({
      problem: 'openssl',
      code,
      // OpenSSL's reason without its "error:0A000126:SSL routines:func:" prefix and source path
      message: e.message.replace(/^[0-9A-F]+:error:[0-9A-F]+:SSL routines:[^:]*:/, '').replace(/:\.\.\/deps\/.*$/, ''),
    });
  return socketError({ step: 'handshake' }, e);
}

/** Walk the peer chain in the order it was sent (Node's issuerCertificate links on the X509 object follow SSL_get_peer_cert_chain). */
function sentChain(s: TLSSocket): X509Certificate[] {
  const out: X509Certificate[] = [];
  let c: X509Certificate | undefined = s.getPeerX509Certificate();
  while (c && out.length <= MAX_SERVED_CERTS) {
    out.push(c);
    c = c.issuerCertificate;
  }
  return out;
}

/** Handshake on `socket` (already connected), returning what was presented. The socket is destroyed on return. */
export function tlsHandshake(
  socket: Socket,
  opts: { servername: string; secureContext?: SecureContext; deadline: { at: number; isRunDeadline: boolean } },
): Promise<TlsProbeResult> {
  return new Promise((resolve, reject) => {
    let stapled: Buffer | undefined;
    let settled = false;
    // requestOCSP is a TLSSocket option tls.connect passes through; @types/node omits it from ConnectionOptions.
    const options: ConnectionOptions & { requestOCSP: boolean } = {
      socket,
      // SNI carries names only (RFC 6066 §3); an IP as servername is deprecated (DEP0123).
      servername: isIP(opts.servername) ? undefined : opts.servername,
      secureContext: opts.secureContext,
      rejectUnauthorized: false,
      requestOCSP: true,
      // The hostname is judged in checks/chain.ts against servername-or-host. Node's own
      // check would use "localhost" for an IP endpoint reached over a passed-in socket,
      // and its error would replace OpenSSL's chain verdict in authorizationError.
      checkServerIdentity: () => undefined,
    };
    const tls = tlsConnect(options);
    // When OpenSSL verified the chain, Node builds the legacy certificate object of the
    // whole chain (getPeerCertificate(true)) only to hand it to checkServerIdentity,
    // which is a no-op above: ~1.2 ms per handshake, 1.2 s of a 1,000-endpoint run's
    // CPU profile (issue 15). This socket's own getPeerCertificate answers that one
    // call with nothing until the handshake is done, then the real method is back.
    const own = tls as { getPeerCertificate?: () => object };
    own.getPeerCertificate = () => ({});
    const disarm = armDeadline(tls as unknown as NetSocket, 'handshake', opts.deadline, { step: 'handshake' });
    const failed = (problem: TlsProblem) => new ProbeError('handshake', { reason: 'tls', problem });
    const byteCheck = setInterval(() => {
      if (socket.bytesRead > MAX_HANDSHAKE_BYTES) {
        tls.destroy(failed({ problem: 'too-many-bytes', maxBytes: MAX_HANDSHAKE_BYTES }));
      }
    }, BYTE_CHECK_INTERVAL_MS);
    byteCheck.unref();
    const finish = (err?: Error, result?: TlsProbeResult) => {
      if (settled) return;
      settled = true;
      disarm();
      clearInterval(byteCheck);
      tls.destroy();
      socket.destroy();
      if (err) reject(err instanceof ProbeError ? err : new ProbeError('handshake', tlsErrorCause(err)));
      else resolve(result!);
    };
    tls.on('OCSPResponse', (r: Buffer | null | undefined) => {
      // Node reports "no staple" as null (measured) or undefined (documented).
      if (r && r.length) stapled = Buffer.from(r);
    });
    tls.once('secureConnect', () => {
      delete own.getPeerCertificate; // the prototype's method again
      try {
        const peer = sentChain(tls);
        const chain = peer.map((c) => c.raw);
        if (chain.length > MAX_SERVED_CERTS) {
          return finish(failed({ problem: 'too-many-certificates', max: MAX_SERVED_CERTS }));
        }
        if (chain.length === 0) return finish(failed({ problem: 'no-certificate' }));
        const cipher = tls.getCipher();
        const authErr = tls.authorizationError as unknown as Error | string | null | undefined;
        const authCode = authErr ? String((authErr as { code?: string }).code ?? authErr) : undefined;
        // Node says "UNSPECIFIED" for every OpenSSL error it has no name for; OpenSSL's
        // reason text is still on the handle (an internal of node:tls, read defensively).
        const handle = (tls as unknown as { _handle?: { verifyError?: () => Error | null } })._handle;
        const reasonText = authCode === 'UNSPECIFIED' ? safeCall(() => handle?.verifyError?.()?.message) : undefined;
        finish(undefined, {
          chain,
          peer,
          tlsVersion: tls.getProtocol() ?? undefined,
          cipher: cipher?.standardName ?? cipher?.name,
          authorized: tls.authorized,
          authorizationError: authCode ? verifyErrorName(authCode, reasonText) : undefined,
          stapledOcsp: stapled,
        });
      } catch (e) {
        finish(e as Error);
      }
    });
    tls.once('error', (e) => finish(e));
    tls.once('close', () => finish(failed({ problem: 'closed' })));
  });
}

function safeCall<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
