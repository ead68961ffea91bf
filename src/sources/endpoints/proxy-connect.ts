// Open a TCP stream to host:port through an HTTP proxy with CONNECT (RFC 9110
// §9.3.6). Written by hand over net: all we need is one request and the status
// line, and the socket must stay a plain net.Socket so STARTTLS and TLS can run
// inside it exactly as on a direct connection.
import type { Socket } from 'node:net';
import { connectTcp } from './connect-tcp.js';
import type { ProxyProblem } from './probe-cause.js';
import { ProbeError, armDeadline, socketError } from './probe-error.js';

// A CONNECT reply is a status line and a few headers; proxies that answer with
// an error page put it in the body, which we never read. 16 KiB bounds a
// hostile or broken proxy that never ends its header block.
const MAX_PROXY_RESPONSE_HEADER_BYTES = 16 * 1024;

function authority(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Connect to the proxy, ask it to CONNECT to host:port, and return the tunnelled socket. */
export async function connectViaProxy(
  proxy: URL,
  host: string,
  port: number,
  deadline: { at: number; isRunDeadline: boolean },
): Promise<Socket> {
  const proxyHost = proxy.hostname.replace(/^\[|\]$/g, '');
  const proxyPort = proxy.port ? Number(proxy.port) : 80;
  const target = authority(host, port);
  const step = { step: 'proxy' as const, proxy: proxy.host, target };
  let socket: Socket;
  try {
    socket = await connectTcp(proxyHost, proxyPort, deadline, { step: 'proxy-tcp', proxy: proxy.host });
  } catch (e) {
    throw new ProbeError('proxy', (e as ProbeError).cause);
  }
  let request = `CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n`;
  if (proxy.username) {
    const creds = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    request += `Proxy-Authorization: Basic ${Buffer.from(creds).toString('base64')}\r\n`;
  }
  request += '\r\n';

  return new Promise<Socket>((resolve, reject) => {
    const disarm = armDeadline(socket, 'proxy', deadline, step);
    let buf = Buffer.alloc(0);
    const cleanup = () => {
      disarm();
      socket.removeListener('data', onData);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
    };
    const fail = (e: ProbeError) => {
      cleanup();
      socket.destroy();
      reject(e);
    };
    const failWith = (problem: ProxyProblem) =>
      fail(new ProbeError('proxy', { reason: 'proxy', proxy: proxy.host, target, problem }));
    const onError = (e: Error) => fail(e instanceof ProbeError ? e : new ProbeError('proxy', socketError(step, e)));
    const onClose = () => failWith({ problem: 'closed' });
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) {
        if (buf.length > MAX_PROXY_RESPONSE_HEADER_BYTES)
          failWith({ problem: 'header-too-large', maxBytes: MAX_PROXY_RESPONSE_HEADER_BYTES });
        return;
      }
      const statusLine = buf.subarray(0, buf.indexOf('\r\n')).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(statusLine);
      if (!m) return failWith({ problem: 'not-http', statusLine: statusLine.slice(0, 80) });
      if (m[1] !== '200') return failWith({ problem: 'refused', status: m[1], text: m[2] ?? '' });
      cleanup();
      socket.pause();
      // Bytes after the header already belong to the tunnelled server (a STARTTLS greeting).
      const rest = buf.subarray(end + 4);
      if (rest.length) socket.unshift(rest);
      resolve(socket);
    };
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.write(request);
  });
}
