// Name → addresses. One address (the system resolver's first choice, as a
// client would use) or, for `all-addresses`, every A and AAAA record so a
// stale backend behind a round-robin name is seen too.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ProbeError, deadlineCause } from './probe-error.js';

/** IPv4 before IPv6, then numerically: a stable order for reports whatever DNS returns. */
export function compareAddresses(a: string, b: string): number {
  const fa = isIP(a);
  const fb = isIP(b);
  if (fa !== fb) return fa - fb;
  if (fa === 4) {
    const na = a.split('.').map(Number);
    const nb = b.split('.').map(Number);
    for (let i = 0; i < 4; i++) if (na[i] !== nb[i]) return na[i] - nb[i];
    return 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Resolve `host` before `deadline.at`. The system resolver cannot be cancelled
 * (getaddrinfo runs on the libuv thread pool), so the race only stops waiting.
 */
export type Lookup = (host: string, opts: { all: true }) => Promise<{ address: string; family: number }[]>;

export async function resolveAddresses(
  host: string,
  all: boolean,
  deadline: { at: number; isRunDeadline: boolean },
  lookupFn: Lookup = lookup,
): Promise<string[]> {
  if (isIP(host)) return [host];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const ms = Math.max(0, deadline.at - Date.now());
    timer = setTimeout(() => reject(new ProbeError('dns', deadlineCause({ step: 'resolve', host }, deadline, ms))), ms);
  });
  try {
    const found = await Promise.race([lookupFn(host, { all: true }), timeout]);
    if (found.length === 0) throw new ProbeError('dns', { reason: 'no-addresses', host });
    const addresses = [...new Set(found.map((f) => f.address))];
    return all ? addresses.sort(compareAddresses) : [addresses[0]];
  } catch (e) {
    if (e instanceof ProbeError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ProbeError('dns', { reason: 'dns', host, ...(code ? { code } : {}), message: (e as Error).message });
  } finally {
    clearTimeout(timer);
  }
}
