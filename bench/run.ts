// `npm run bench`: every speed and memory target, each row measured against a
// baseline in the same run, on generated data, loopback only. Prints one table.
// Needs a built dist/ (`npm run build`) for the file and cold-start rows.
import os from 'node:os';
import { benchEndpoints } from './endpoints.js';
import { benchFiles, benchColdStart } from './files.js';
import { benchCrl } from './crl.js';
import { printTable, type Row } from './lib.js';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const rows: Row[] = [];

if (want('endpoints')) rows.push(...(await benchEndpoints(1000)).rows);
if (want('files')) rows.push(...(await benchFiles(10_000)));
if (want('crl')) {
  const crl = await benchCrl([1_000_000]);
  for (const r of crl) {
    const cw = { wallMs: r.certwatchMs, rssMb: r.certwatchRssMB };
    const base = { wallMs: r.opensslMs ?? NaN, rssMb: r.opensslRssMB ?? NaN };
    rows.push({
      row: `CRL with ${r.entries.toLocaleString('en')} entries, one lookup`,
      certwatch: cw,
      baselineName: '`openssl crl -noout` (wall incl. process start)',
      baseline: base,
      target: '≤ 1× baseline, < 1 s, < 250 MB',
      met: r.found && cw.wallMs <= base.wallMs && cw.wallMs < 1000 && cw.rssMb < 250,
    });
  }
}
if (want('cold-start')) rows.push(...(await benchColdStart()));

console.log(`certwatch benchmarks — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
console.log(printTable(rows));
const missed = rows.filter((r) => !r.met);
if (missed.length) console.log(`\ntargets missed: ${missed.map((r) => r.row).join('; ')} (the machine is noisy: re-run before concluding)`);
