// The endpoints baseline (issue 15): tls.connect to each endpoint, 64 at once,
// reading the peer certificate (with its chain) and judging nothing.
import { readFileSync } from 'node:fs';
import tls from 'node:tls';

const fixture = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const concurrency = Number(process.argv[3] ?? 64);
let next = 0;
let ok = 0;
async function worker() {
  while (next < fixture.endpoints.length) {
    const e = fixture.endpoints[next++];
    await new Promise((resolve) => {
      const s = tls.connect({ host: e.host, port: e.port, servername: e.servername, rejectUnauthorized: false });
      s.setTimeout(10_000, () => s.destroy());
      s.once('secureConnect', () => {
        if (s.getPeerCertificate(true).raw) ok++;
        s.destroy();
        resolve();
      });
      s.once('error', resolve);
      s.once('close', resolve);
    });
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
process.stdout.write(JSON.stringify({ ok }) + '\n');
if (ok !== fixture.endpoints.length) process.exitCode = 1;
