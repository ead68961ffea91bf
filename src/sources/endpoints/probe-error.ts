// One error type for every way a probe can fail, carrying the phase it failed
// in: reports show "unreachable during STARTTLS" rather than a bare errno.
import type { Socket } from 'node:net';

export type ProbePhase = 'dns' | 'tcp' | 'proxy' | 'starttls' | 'handshake';

export class ProbeError extends Error {
  constructor(
    readonly phase: ProbePhase,
    message: string,
    /** the run's deadline (not the phase's own timeout) cut this probe short */
    readonly runDeadline = false,
  ) {
    super(message);
  }
}

/** The earlier of "now + per-operation timeout" and the run deadline, and which of the two it is. */
export function phaseDeadline(timeoutMs: number, runDeadline: number): { at: number; isRunDeadline: boolean } {
  const own = Date.now() + timeoutMs;
  return own < runDeadline ? { at: own, isRunDeadline: false } : { at: runDeadline, isRunDeadline: true };
}

/**
 * Destroy `socket` with a ProbeError when the phase deadline passes.
 * Returns the function that disarms the timer; call it when the phase ends.
 */
export function armDeadline(
  socket: Socket,
  phase: ProbePhase,
  deadline: { at: number; isRunDeadline: boolean },
  what: string,
): () => void {
  const ms = Math.max(0, deadline.at - Date.now());
  const timer = setTimeout(() => {
    const msg = deadline.isRunDeadline ? `${what}: stopped by the run deadline` : `${what}: timed out after ${ms} ms`;
    socket.destroy(new ProbeError(phase, msg, deadline.isRunDeadline));
  }, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

/** Errno codes a user can act on, in words. */
export function describeSocketError(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (nothing listening on that port)';
    case 'ECONNRESET':
      return 'connection reset by peer';
    case 'EHOSTUNREACH':
      return 'host unreachable';
    case 'ENETUNREACH':
      return 'network unreachable (no route; IPv6 may be unavailable on this machine)';
    case 'EADDRNOTAVAIL':
      return 'address not available on this machine';
    case 'EPIPE':
      return 'connection closed by peer while writing';
    default:
      return e.message;
  }
}
