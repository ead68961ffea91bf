// Real servers on loopback for endpoint tests: Node TLS servers, openssl
// s_server (an independent TLS implementation), one small STARTTLS server per
// protocol, hostile servers, and an HTTP CONNECT proxy. Every server tracks its
// sockets and `close()` destroys them, so tests can always stop what they start.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import tls from 'node:tls';
import type { EndpointTarget, StartTlsProtocol } from '../../src/types.js';
import { parseEndpointSpec } from '../../src/sources/endpoints/endpoint-spec.js';
import { tempDirSync } from './workspace.js';

export const LOOPBACK = '127.0.0.1';

export interface Running {
  port: number;
  host: string;
  close(): Promise<void>;
  /** connections accepted so far */
  accepted(): number;
}

function track(server: Server, host: string): Running {
  const sockets = new Set<Socket>();
  let accepted = 0;
  server.on('connection', (s: Socket) => {
    accepted++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {}); // clients vanish mid-handshake on purpose in these tests
  });
  return {
    host,
    get port() {
      return (server.address() as AddressInfo).port;
    },
    accepted: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function listen(server: Server, host = LOOPBACK, port = 0): Promise<Running> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve(track(server, host));
    });
  });
}

export interface TlsServerOptions {
  key: string;
  /** PEM: the leaf followed by whatever the server should send */
  cert: string;
  host?: string;
  port?: number;
  /** DER OCSP response to staple */
  ocsp?: Buffer;
  /** per-SNI certificates */
  sni?: Record<string, { key: string; cert: string }>;
}

/** A Node TLS server that completes handshakes and then closes. */
export async function startTlsServer(o: TlsServerOptions): Promise<Running & { servernames: string[] }> {
  const servernames: string[] = []; // SNI names seen (the SNI callback runs only when one is sent)
  const server = tls.createServer({
    key: o.key,
    cert: o.cert,
    minVersion: 'TLSv1.2',
    SNICallback: (name, cb) => {
      servernames.push(name);
      const s = o.sni?.[name];
      cb(null, s ? tls.createSecureContext({ key: s.key, cert: s.cert }) : undefined);
    },
  });
  if (o.ocsp) server.on('OCSPRequest', (_cert, _issuer, cb) => cb(null, o.ocsp!));
  server.on('secureConnection', (s) => s.end());
  server.on('tlsClientError', () => {});
  const running = await listen(server, o.host, o.port);
  return Object.assign(running, { servernames });
}

/** An EndpointTarget as the config loader would build it from a spec string. */
export function endpointTarget(spec: string, extra: Partial<EndpointTarget> = {}): EndpointTarget {
  const p = parseEndpointSpec(spec);
  return {
    id: spec,
    host: p.host,
    port: p.port,
    protocol: p.protocol,
    ...(p.starttls ? { starttls: p.starttls } : {}),
    allAddresses: false,
    optional: false,
    timeoutMs: 2000,
    ...extra,
  };
}

// ---- openssl s_server -------------------------------------------------------

export interface OpenSslPki {
  dir: string;
  rootPem: string;
  /** leaf followed by the intermediate */
  chainFile: string;
  leafFile: string;
  keyFile: string;
  rootFile: string;
  cleanup(): void;
}

/**
 * root → intermediate → leaf made by `openssl req` / `openssl x509`, valid
 * around the real clock (OpenSSL verifies the handshake with it).
 */
export function opensslPki(cn: string): OpenSslPki {
  const dir = tempDirSync('certwatch-ossl-');
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  writeFileSync(
    join(dir, 'ca.ext'),
    'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
  writeFileSync(
    join(dir, 'leaf.ext'),
    `basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:${cn}\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n`,
  );
  run([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
    '-subj',
    '/CN=OpenSSL Test Root/O=certwatch tests',
    '-days',
    '30',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  run([
    'req',
    ...ec,
    '-keyout',
    'int.key',
    '-out',
    'int.csr',
    '-subj',
    '/CN=OpenSSL Test Intermediate/O=certwatch tests',
  ]);
  run([
    'x509',
    '-req',
    '-in',
    'int.csr',
    '-CA',
    'root.pem',
    '-CAkey',
    'root.key',
    '-CAcreateserial',
    '-out',
    'int.pem',
    '-days',
    '20',
    '-extfile',
    'ca.ext',
  ]);
  run(['req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', `/CN=${cn}`]);
  run([
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'int.pem',
    '-CAkey',
    'int.key',
    '-CAcreateserial',
    '-out',
    'leaf.pem',
    '-days',
    '10',
    '-extfile',
    'leaf.ext',
  ]);
  execFileSync('sh', ['-c', 'cat leaf.pem int.pem > chain.pem'], { cwd: dir });
  return {
    dir,
    rootPem: execFileSync('cat', ['root.pem'], { cwd: dir }).toString(),
    chainFile: join(dir, 'chain.pem'),
    leafFile: join(dir, 'leaf.pem'),
    keyFile: join(dir, 'leaf.key'),
    rootFile: join(dir, 'root.pem'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// s_server prints "ACCEPT host:port" once listening; 10 s covers a slow CI box.
const OPENSSL_START_TIMEOUT_MS = 10_000;

/** `openssl s_server` on a loopback port; `extra` is appended to the command line (e.g. ['-starttls', …] is client-only, so not here). */
export async function startOpenSslServer(args: {
  certFile: string;
  keyFile: string;
  extra?: string[];
}): Promise<Running> {
  const child: ChildProcess = spawn(
    'openssl',
    [
      's_server',
      '-accept',
      `${LOOPBACK}:0`,
      '-cert',
      args.certFile,
      '-key',
      args.keyFile,
      '-naccept',
      '1000',
      ...(args.extra ?? []),
    ],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`openssl s_server did not start: ${out}`)),
      OPENSSL_START_TIMEOUT_MS,
    );
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /ACCEPT [^\s]*:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`openssl s_server exited (${code}): ${out}`));
    });
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    host: LOOPBACK,
    port,
    accepted: () => -1,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// ---- STARTTLS servers -------------------------------------------------------

export type StartTlsBehaviour = 'ok' | 'refuse' | 'not-offered' | 'endless-banner' | 'inject';

/**
 * A plaintext server speaking just enough of one protocol to upgrade to TLS
 * with `key`/`cert`, or to misbehave as asked.
 */
export async function startStartTlsServer(
  protocol: StartTlsProtocol,
  behaviour: StartTlsBehaviour,
  cred: { key: string; cert: string },
): Promise<Running> {
  const ctx = tls.createSecureContext({ key: cred.key, cert: cred.cert });
  const server = net.createServer((socket) => {
    let buf = '';
    let done = false;
    const upgrade = () => {
      done = true;
      socket.removeAllListeners('data');
      const t = new tls.TLSSocket(socket, { isServer: true, secureContext: ctx });
      t.on('error', () => {});
      t.on('secure', () => t.end());
    };
    const send = (s: string | Buffer) => socket.write(s);
    let banner: NodeJS.Timeout | undefined;
    socket.on('close', () => clearInterval(banner));
    const endless = (line: string) => {
      // one continuation line every ms until the client gives up
      banner = setInterval(() => send(line), 1);
    };
    const onLine = (line: string) => {
      switch (protocol) {
        case 'smtp':
          if (/^EHLO/i.test(line)) {
            if (behaviour === 'endless-banner') return endless('250-PIPELINING\r\n');
            send(
              `250-fake.test greets you\r\n250-SIZE 1000\r\n${behaviour === 'not-offered' ? '' : '250-STARTTLS\r\n'}250 8BITMIME\r\n`,
            );
          } else if (/^STARTTLS/i.test(line)) {
            if (behaviour === 'refuse') return send('454 4.7.0 TLS not available due to temporary reason\r\n');
            send(behaviour === 'inject' ? '220 2.0.0 Ready\r\n250 injected\r\n' : '220 2.0.0 Ready to start TLS\r\n');
            upgrade();
          }
          return;
        case 'imap':
          if (/^a1 CAPABILITY/i.test(line))
            send(
              `* CAPABILITY IMAP4rev1 ${behaviour === 'not-offered' ? '' : 'STARTTLS '}LOGINDISABLED\r\na1 OK done\r\n`,
            );
          else if (/^a2 STARTTLS/i.test(line)) {
            if (behaviour === 'refuse') return send('a2 NO [UNAVAILABLE] TLS temporarily disabled\r\n');
            send('a2 OK Begin TLS negotiation now\r\n');
            upgrade();
          }
          return;
        case 'pop3':
          if (/^CAPA/i.test(line))
            send(`+OK Capability list follows\r\nUSER\r\n${behaviour === 'not-offered' ? '' : 'STLS\r\n'}.\r\n`);
          else if (/^STLS/i.test(line)) {
            if (behaviour === 'refuse') return send('-ERR TLS not available\r\n');
            send('+OK Begin TLS negotiation\r\n');
            upgrade();
          }
          return;
        case 'ftp':
          if (/^AUTH TLS/i.test(line)) {
            if (behaviour === 'not-offered') return send('502 Command not implemented\r\n');
            if (behaviour === 'refuse') return send('431 Unable to accept security mechanism\r\n');
            send('234 AUTH TLS successful\r\n');
            upgrade();
          }
          return;
      }
    };
    const greet = () => {
      switch (protocol) {
        case 'smtp':
          if (behaviour === 'endless-banner') return endless('220-fake.test ESMTP, and more banner\r\n');
          return send('220 fake.test ESMTP ready\r\n');
        case 'imap':
          return send('* OK fake IMAP ready\r\n');
        case 'pop3':
          return send('+OK fake POP3 ready\r\n');
        case 'ftp':
          if (behaviour === 'endless-banner') return endless('220-welcome, and welcome again\r\n');
          return send('220-fake FTP\r\n220-second line of the banner\r\n220 ready\r\n');
      }
    };
    socket.on('data', (chunk) => {
      if (done) return;
      if (protocol === 'postgres') {
        if (chunk.length === 8 && chunk.readUInt32BE(4) === 80877103) {
          if (behaviour === 'not-offered') return void send('N');
          if (behaviour === 'inject') send('SX');
          else send('S');
          upgrade();
        } else socket.destroy();
        return;
      }
      if (protocol === 'ldap') {
        // the StartTLS ExtendedRequest; reply with an ExtendedResponse
        const code = behaviour === 'refuse' ? 53 : behaviour === 'not-offered' ? 2 : 0;
        const diag = Buffer.from(code ? 'StartTLS not supported here' : '');
        const result = Buffer.concat([Buffer.from([0x0a, 1, code, 0x04, 0]), Buffer.from([0x04, diag.length]), diag]);
        const op = Buffer.concat([Buffer.from([0x78, result.length]), result]);
        const msg = Buffer.concat([Buffer.from([0x02, 1, 1]), op]);
        send(Buffer.concat([Buffer.from([0x30, msg.length]), msg]));
        if (code === 0) upgrade();
        return;
      }
      if (protocol === 'xmpp') {
        buf += chunk.toString('latin1');
        if (buf.includes('<stream:stream') && !buf.includes('#features-sent')) {
          buf += '#features-sent';
          send(
            `<?xml version='1.0'?><stream:stream from='fake.test' id='1' version='1.0' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>` +
              `<stream:features>${behaviour === 'not-offered' ? '' : "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"}<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms></stream:features>`,
          );
        }
        if (buf.includes('<starttls')) {
          if (behaviour === 'refuse')
            return void send("<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:stream>");
          send("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
          upgrade();
        }
        return;
      }
      buf += chunk.toString('latin1');
      let nl: number;
      while (!done && (nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).replace(/\r$/, '');
        buf = buf.slice(nl + 1);
        onLine(line);
      }
    });
    greet();
  });
  return listen(server);
}

// ---- hostile servers --------------------------------------------------------

export type HostileKind = 'silent' | 'http' | 'garbage' | 'close-mid-handshake' | 'drip';

/** A server that accepts TCP and then misbehaves in one specific way. */
export async function startHostileServer(kind: HostileKind): Promise<Running> {
  const timers = new Set<NodeJS.Timeout>();
  const server = net.createServer((socket) => {
    switch (kind) {
      case 'silent':
        return; // accepts, reads, never answers
      case 'http':
        socket.once('data', () =>
          socket.write(
            'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nnot TLS!!\r\n',
          ),
        );
        return;
      case 'garbage':
        socket.once('data', () => socket.write(Buffer.alloc(4096, 0x5a)));
        return;
      case 'close-mid-handshake':
        // read the ClientHello, send the first bytes of a ServerHello record, then vanish
        socket.once('data', () => {
          socket.write(Buffer.from([0x16, 0x03, 0x03, 0x00, 0x5a, 0x02, 0x00, 0x00]));
          setImmediate(() => socket.destroy());
        });
        return;
      case 'drip': {
        // a plausible TLS record header, one byte per second: never completes in time
        const bytes = [0x16, 0x03, 0x03, 0x40, 0x00, 0x02, 0x00, 0x3f, 0xfc];
        let i = 0;
        const t = setInterval(() => {
          if (i < bytes.length) socket.write(Buffer.from([bytes[i++]]));
          else socket.write(Buffer.from([0]));
        }, 1000);
        timers.add(t);
        socket.on('close', () => {
          clearInterval(t);
          timers.delete(t);
        });
        return;
      }
    }
  });
  const running = await listen(server);
  const close = running.close;
  running.close = async () => {
    for (const t of timers) clearInterval(t);
    await close();
  };
  return running;
}

/** A loopback port with nothing listening (bound, then released). */
export async function refusedPort(): Promise<number> {
  const r = await listen(net.createServer());
  const port = r.port;
  await r.close();
  return port;
}

// ---- HTTP CONNECT proxy -----------------------------------------------------

/** A minimal CONNECT proxy that records the targets it was asked for. */
export async function startConnectProxy(opts: { refuse?: boolean } = {}): Promise<Running & { requests: string[] }> {
  const requests: string[] = [];
  const upstreams = new Set<Socket>();
  const server = net.createServer((client) => {
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.removeListener('data', onData);
      const m = /^CONNECT (\S+) HTTP\/1\.[01]\r\n/.exec(head);
      if (!m) return void client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n');
      requests.push(m[1]);
      if (opts.refuse) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      const target = m[1];
      const idx = target.lastIndexOf(':');
      const host = target.slice(0, idx).replace(/^\[|\]$/g, '');
      const upstream = net.connect(Number(target.slice(idx + 1)), host);
      upstreams.add(upstream);
      upstream.on('close', () => upstreams.delete(upstream));
      upstream.on('error', () => client.destroy());
      upstream.once('connect', () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        const rest = Buffer.from(head.slice(end + 4), 'latin1');
        if (rest.length) upstream.write(rest);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      client.on('close', () => upstream.destroy());
    };
    client.on('data', onData);
  });
  const running = await listen(server);
  const close = running.close;
  running.close = async () => {
    for (const u of upstreams) u.destroy();
    await close();
  };
  return Object.assign(running, { requests });
}
