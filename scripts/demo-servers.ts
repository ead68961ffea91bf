// Loopback TLS servers for the demo: a healthy endpoint, one probed under a name
// its certificate does not cover, and one that forgets its intermediate.
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { Issued } from '../test/helpers/pki.js';

export async function startDemoServers(p: { intermediate: Issued; healthy: Issued; soon: Issued }) {
  const servers: tls.Server[] = [];
  const listen = async (cert: string, key: string) => {
    const s = tls.createServer({ cert, key }, (sock) => sock.end());
    s.on('tlsClientError', () => {});
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    servers.push(s);
    return (s.address() as AddressInfo).port;
  };
  const good = await listen(p.healthy.pem + p.intermediate.pem, p.healthy.keyPem);
  const noChain = await listen(p.soon.pem, p.soon.keyPem);
  const configLines = `endpoints:
  - host: 127.0.0.1
    port: ${good}
    servername: www.demo.test
    owner: "@demo/web"
  - host: 127.0.0.1
    port: ${good}
    servername: shop.demo.test          # the certificate does not cover this name
  - host: 127.0.0.1
    port: ${noChain}
    servername: api.demo.test           # serves the leaf without its intermediate
  - host: 127.0.0.1
    port: 9                             # nothing listens: unreachable, but optional
    optional: true`;
  return {
    configLines,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
  };
}
