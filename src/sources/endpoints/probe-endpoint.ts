// One probe: one endpoint at one address, phase by phase — TCP (direct or via
// an HTTP CONNECT proxy), the STARTTLS dialogue if any, the TLS handshake —
// each bounded by its own deadline and by the run's. Returns data, never throws.
import { isIP, type Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import type { EndpointTarget } from '../../types.js';
import { connectTcp } from './connect-tcp.js';
import { connectViaProxy } from './proxy-connect.js';
import { ProbeError, phaseDeadline } from './probe-error.js';
import { negotiateStartTls } from './starttls/index.js';
import { tlsHandshake, type TlsProbeResult } from './tls-probe.js';

export interface ProbeOutcome {
  /** the IP connected to; undefined when a proxy resolved the name */
  address?: string;
  /** "proxy.example:3128" when the probe went through a proxy */
  proxy?: string;
  tls?: TlsProbeResult;
  error?: ProbeError;
}

/** The SNI name and the name the certificate must cover: servername, else the host. */
export function nameToCheck(target: EndpointTarget): string {
  return target.servername ?? target.host;
}

export async function probeAddress(
  target: EndpointTarget,
  address: string | undefined,
  ctx: { runDeadline: number; secureContext?: SecureContext; proxy?: URL },
): Promise<ProbeOutcome> {
  const out: ProbeOutcome = { address, proxy: ctx.proxy?.host };
  let socket: Socket | undefined;
  try {
    const tcpDeadline = phaseDeadline(target.timeoutMs, ctx.runDeadline);
    if (ctx.proxy) {
      socket = await connectViaProxy(ctx.proxy, address ?? target.host, target.port, tcpDeadline);
    } else {
      socket = await connectTcp(address ?? target.host, target.port, tcpDeadline);
    }
    if (target.starttls) {
      socket = await negotiateStartTls(target.starttls, socket, {
        domain: isIP(nameToCheck(target)) ? target.host : nameToCheck(target),
        deadline: phaseDeadline(target.timeoutMs, ctx.runDeadline),
      });
    }
    out.tls = await tlsHandshake(socket, {
      servername: nameToCheck(target),
      secureContext: ctx.secureContext,
      deadline: phaseDeadline(target.timeoutMs, ctx.runDeadline),
    });
  } catch (e) {
    out.error =
      e instanceof ProbeError ? e : new ProbeError('tcp', { reason: 'failed', message: (e as Error).message });
  } finally {
    socket?.destroy();
  }
  return out;
}
