// Shared benchmark plumbing: run a Node child several times, take medians of wall
// time and peak RSS, print one table. Loopback and local files only.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
const PROBE = path.join(ROOT, 'bench/rss-probe.mjs');

export interface Sample {
  wallMs: number;
  rssMb: number;
}

export async function measureNode(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Sample> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', PROBE, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
  const code = await new Promise<number | null>((r) => child.on('close', r));
  clearTimeout(timer);
  const wallMs = performance.now() - t0;
  const m = /__BENCH_MAXRSS_KB=(\d+)/.exec(err);
  if (!m) throw new Error(`benchmark child failed (exit ${code}): ${err.slice(-500)}`);
  return { wallMs, rssMb: Number(m[1]) / 1024 };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export async function medianOf(n: number, f: () => Promise<Sample>): Promise<Sample> {
  const samples: Sample[] = [];
  for (let i = 0; i < n; i++) samples.push(await f());
  return { wallMs: median(samples.map((s) => s.wallMs)), rssMb: median(samples.map((s) => s.rssMb)) };
}

export interface Row {
  row: string;
  certwatch: Sample;
  baselineName: string;
  baseline: Sample;
  target: string;
  /** true when every part of the target is met */
  met: boolean;
}

export function printTable(rows: Row[]): string {
  const lines = [
    '| row | certwatch wall | certwatch peak RSS | baseline (same run) | baseline wall | baseline RSS | ratio | target | met |',
    '|---|---:|---:|---|---:|---:|---:|---|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.row} | ${r.certwatch.wallMs.toFixed(0)} ms | ${r.certwatch.rssMb.toFixed(0)} MB | ${r.baselineName} | ${r.baseline.wallMs.toFixed(0)} ms | ${r.baseline.rssMb.toFixed(0)} MB | ${(r.certwatch.wallMs / r.baseline.wallMs).toFixed(2)}× | ${r.target} | ${r.met ? 'yes' : 'NO'} |`,
    );
  }
  return lines.join('\n');
}
