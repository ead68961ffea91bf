// The TCP phase: one connection to one address, bounded by the phase deadline.
import { connect, type Socket } from 'node:net';
import type { ProbeStep } from './probe-cause.js';
import { ProbeError, armDeadline, socketError } from './probe-error.js';

/** Connect to `address:port`; the socket returned is connected and has no listeners of ours left. */
export function connectTcp(
  address: string,
  port: number,
  deadline: { at: number; isRunDeadline: boolean },
  step: ProbeStep = { step: 'tcp' },
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address, port });
    // Probes are short and many: don't let Nagle delay the STARTTLS commands or ClientHello.
    socket.setNoDelay(true);
    const disarm = armDeadline(socket, 'tcp', deadline, step);
    const onError = (e: Error) => {
      disarm();
      socket.destroy();
      reject(e instanceof ProbeError ? e : new ProbeError('tcp', socketError(step, e)));
    };
    socket.once('error', onError);
    socket.once('connect', () => {
      disarm();
      socket.removeListener('error', onError);
      resolve(socket);
    });
  });
}
