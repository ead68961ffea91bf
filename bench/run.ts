// `npm run bench`: every speed target of issue 15, each against a plain
// baseline measured in the same run, on generated fixtures, loopback only.
// Prints one Markdown table (both sides of every ratio) with the machine and its
// load average. Needs a built dist/ (`npm run build`).
//
//   npm run bench                      all rows (≈ 5 minutes on 2 cores, first run longer: fixtures)
//   npm run bench -- --quick           smaller fixtures, 3 runs a side
//   npm run bench -- files endpoints   only these rows (names: see bench/rows/*.ts)
//   npm run bench -- --runs 7          more runs a side
//
// A row is a file in bench/rows/ exporting `bench: Bench` (bench/lib.ts); this
// file finds it there, so adding a row touches nothing else.
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, printTable, snapshotDist, type Bench, type Row } from './lib.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : quick ? 3 : 5;
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');

if (!existsSync(path.join(ROOT, 'dist/cli.js'))) throw new Error('dist/ is missing: run `npm run build` first');

const dir = path.join(ROOT, 'bench/rows');
const benches: Bench[] = [];
for (const f of readdirSync(dir)
  .filter((f) => /\.(ts|mjs|js)$/.test(f))
  .sort()) {
  const m = (await import(pathToFileURL(path.join(dir, f)).href)) as { bench?: Bench };
  if (m.bench) benches.push(m.bench);
}
benches.sort((a, b) => a.order - b.order);
const unknown = only.filter((n) => !benches.some((b) => b.name === n));
if (unknown.length)
  throw new Error(`unknown bench row ${unknown.join(', ')}; rows: ${benches.map((b) => b.name).join(', ')}`);

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
const loadBefore = load();
const started = Date.now();
const rows: Row[] = [];
const cleanUp = snapshotDist();
try {
  for (const b of benches) {
    if (only.length && !only.includes(b.name)) continue;
    process.stderr.write(`bench: ${b.name}…\n`);
    rows.push(...(await b.run({ quick, runs })));
  }
} finally {
  cleanUp();
}
const cpu = os.cpus();
console.log(
  `certwatch bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
);
console.log(
  `load average (1/5/15 min): ${loadBefore} before, ${load()} after; ${runs} runs a side, alternating, medians; ${quick ? 'QUICK fixtures; ' : ''}${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);
console.log(printTable(rows));
const missed = rows.filter((r) => !r.met);
console.log(missed.length ? `\ntargets missed: ${missed.map((r) => r.row).join('; ')}` : '\nevery target met');
if (Number(loadBefore.split(' / ')[0]) > cpu.length * 0.5)
  console.log(
    `(the machine was busy — load ${loadBefore} on ${cpu.length} cores: ratios are same-run, but re-run on an idle machine before concluding)`,
  );
