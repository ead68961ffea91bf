// Shared benchmark plumbing. Every figure is the wall time of a whole process,
// spawn to exit (what a user or a runner waits for), with its peak RSS from
// GNU time (`/usr/bin/time -f %M`, Debian package `time`); each row runs
// certwatch and its baseline alternately, several times, and keeps medians, so
// drift in machine load hits both sides alike.
//
// A row file in bench/rows/ exports `bench: Bench`; bench/run.ts finds it there.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, openSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const GNU_TIME = '/usr/bin/time';

export interface Sample {
  wallMs: number;
  rssMb: number;
}

export interface BenchOptions {
  /** smaller fixtures, for a quick look (`npm run bench -- --quick`) */
  quick: boolean;
  /** runs per side (median of these) */
  runs: number;
}

export interface Row {
  row: string;
  /** what certwatch ran, in a few words */
  certwatchName: string;
  certwatch: Sample;
  baselineName: string;
  baseline: Sample;
  /** certwatch ÷ baseline wall time (a row may define it otherwise and say so in `note`) */
  ratio: number;
  target: string;
  met: boolean;
  note?: string;
}

export interface Bench {
  name: string; // for `npm run bench -- <name>…`
  order: number; // place in the table
  run(o: BenchOptions): Promise<Row[]>;
}

export interface Timed extends Sample {
  code: number | null;
  stderr: string;
}

/**
 * Run one process under GNU time; wall time is measured here (spawn → exit,
 * time(1)'s own exec included on both sides alike). stdout goes to `stdoutFile`
 * or nowhere: a benchmark must not be slowed by a pipe nobody reads.
 */
export async function timed(
  cmd: string,
  args: string[],
  o: { cwd?: string; env?: NodeJS.ProcessEnv; stdoutFile?: string; timeoutMs?: number; okCodes?: number[] } = {},
): Promise<Timed> {
  if (!existsSync(GNU_TIME))
    throw new Error(`${GNU_TIME} is missing: install the Debian package \`time\` (scripts/test-deps.sh does)`);
  const out = o.stdoutFile ? openSync(o.stdoutFile, 'w') : 'ignore';
  const t0 = performance.now();
  const child = spawn(GNU_TIME, ['-f', '__CWRSS_KB=%M', cmd, ...args], {
    cwd: o.cwd ?? ROOT,
    env: o.env ?? process.env,
    stdio: ['ignore', out, 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 300_000);
  const code = await new Promise<number | null>((r) => child.on('close', r));
  const wallMs = performance.now() - t0;
  clearTimeout(timer);
  if (typeof out === 'number') closeSync(out);
  const m = /__CWRSS_KB=(\d+)/.exec(stderr);
  const okCodes = o.okCodes ?? [0];
  if (!m || code === null || !okCodes.includes(code))
    throw new Error(`${path.basename(cmd)} ${args.slice(0, 3).join(' ')} failed (exit ${code}): ${stderr.slice(-800)}`);
  return { wallMs, rssMb: Number(m[1]) / 1024, code, stderr: stderr.replace(/__CWRSS_KB=\d+\n?/, '') };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function medianSample(samples: Sample[]): Sample {
  return { wallMs: median(samples.map((s) => s.wallMs)), rssMb: median(samples.map((s) => s.rssMb)) };
}

/**
 * Run each side once per round, in turn (certwatch, baseline, certwatch, …),
 * `runs` rounds, after one unmeasured warm-up round (page cache, disk); medians per side.
 */
export async function alternate<K extends string>(
  runs: number,
  sides: Record<K, () => Promise<Sample>>,
): Promise<Record<K, Sample>> {
  const names = Object.keys(sides) as K[];
  for (const k of names) await sides[k]();
  const got = Object.fromEntries(names.map((k) => [k, [] as Sample[]])) as unknown as Record<K, Sample[]>;
  for (let i = 0; i < runs; i++) for (const k of names) got[k].push(await sides[k]());
  return Object.fromEntries(names.map((k) => [k, medianSample(got[k])])) as Record<K, Sample>;
}

let dist = path.join(ROOT, 'dist');

/**
 * Measure a copy of dist/ taken when the bench starts: a rebuild during a
 * ten-minute bench (another terminal, a test run) must not change what is measured
 * halfway, or break it. Returns a clean-up function.
 */
export function snapshotDist(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'certwatch-bench-dist-'));
  cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
  dist = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

/** A file of the built action/CLI, e.g. distFile('cli.js'). */
export function distFile(name: string): string {
  return path.join(dist, name);
}

/** Node's own binary, for children: the bench runs under the Node it was started with. */
export const NODE = process.execPath;

export function printTable(rows: Row[]): string {
  const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
  const mb = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} MB` : 'n/a');
  const lines = [
    '| row | certwatch | wall | peak RSS | baseline (same run) | wall | peak RSS | ratio | target | met |',
    '|---|---|---:|---:|---|---:|---:|---:|---|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.row} | ${r.certwatchName} | ${ms(r.certwatch.wallMs)} | ${mb(r.certwatch.rssMb)} | ${r.baselineName} | ${ms(r.baseline.wallMs)} | ${mb(r.baseline.rssMb)} | ${r.ratio.toFixed(2)}× | ${r.target} | ${r.met ? 'yes' : 'NO'} |`,
    );
  }
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.row}: ${r.note}`);
  return lines.join('\n') + (notes.length ? `\n\n${notes.join('\n')}` : '');
}
