// One error type for every way a probe can fail, carrying the phase it failed
// in and its typed cause (probe-cause.ts): reports show "unreachable during
// STARTTLS" rather than a bare errno, and the sentence is written late
// (report/text/probe-cause.ts).
import type { Socket } from 'node:net';
import { isRunDeadline, type ProbeCause, type ProbeStep } from './probe-cause.js';

export type ProbePhase = 'dns' | 'tcp' | 'proxy' | 'starttls' | 'handshake';

export class ProbeError extends Error {
  constructor(
    readonly phase: ProbePhase,
    override readonly cause: ProbeCause,
  ) {
    // Not shown to users (they read the cause's sentence); says enough in a stack trace.
    super(`probe failed in the ${phase} phase: ${cause.reason}`);
  }

  /** the run's deadline (not the phase's own timeout) cut this probe short */
  get runDeadline(): boolean {
    return isRunDeadline(this.cause);
  }
}

/** The earlier of "now + per-operation timeout" and the run deadline, and which of the two it is. */
export function phaseDeadline(timeoutMs: number, runDeadline: number): { at: number; isRunDeadline: boolean } {
  const own = Date.now() + timeoutMs;
  return own < runDeadline ? { at: own, isRunDeadline: false } : { at: runDeadline, isRunDeadline: true };
}

/** What passing `deadline` `ms` after arming it means for `step`. */
export function deadlineCause(step: ProbeStep, deadline: { isRunDeadline: boolean }, ms: number): ProbeCause {
  return deadline.isRunDeadline ? { reason: 'run-deadline', step } : { reason: 'timeout', step, ms };
}

/**
 * Destroy `socket` with a ProbeError when the phase deadline passes.
 * Returns the function that disarms the timer; call it when the phase ends.
 */
export function armDeadline(
  socket: Socket,
  phase: ProbePhase,
  deadline: { at: number; isRunDeadline: boolean },
  step: ProbeStep,
): () => void {
  const ms = Math.max(0, deadline.at - Date.now());
  const timer = setTimeout(() => {
    socket.destroy(new ProbeError(phase, deadlineCause(step, deadline, ms)));
  }, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

/** A socket error during `step`: its errno code (report/text/probe-cause.ts says known ones in words) and Node's message. */
export function socketError(step: ProbeStep, e: Error): ProbeCause {
  const code = (e as NodeJS.ErrnoException).code;
  return { reason: 'socket', step, ...(code ? { code } : {}), message: e.message };
}
