// 10,000 checked-in PEM files: certwatch (the bundled CLI, end to end) against a
// bare loop that reads every file and parses it with crypto.X509Certificate.
import { mkdir, writeFile, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { issue, DAY } from '../test/helpers/pki.js';
import { ROOT, measureNode, medianOf, type Row } from './lib.js';

const RUNS = 3;

async function estate(n: number): Promise<string> {
  const dir = path.join(tmpdir(), 'certwatch-bench', `files-${n}`);
  const marker = path.join(dir, '.complete');
  if (existsSync(marker)) return dir;
  await mkdir(dir, { recursive: true });
  const now = Date.now();
  for (let i = 0; i < n; i++) {
    const c = await issue({ cn: `host-${i}.bench.test`, notBefore: new Date(now - 10 * DAY), notAfter: new Date(now + ((i % 120) + 1) * DAY) });
    const sub = path.join(dir, `team-${i % 50}`);
    if (i < 50) await mkdir(sub, { recursive: true });
    await writeFile(path.join(sub, `cert-${i}.pem`), c.pem);
  }
  await writeFile(marker, '');
  return dir;
}

const BASELINE = `
import { readdir, readFile } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import path from 'node:path';
const dir = process.argv[1];
let n = 0;
for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
  if (!e.isFile() || !e.name.endsWith('.pem')) continue;
  const c = new X509Certificate(await readFile(path.join(e.parentPath ?? e.path, e.name)));
  if (c.validTo) n++;
}
if (n === 0) throw new Error('no certificates parsed');
`;

export async function benchFiles(n = 10_000): Promise<Row[]> {
  const dir = await estate(n);
  const cli = path.join(ROOT, 'dist/cli.js');
  const certwatch = await medianOf(RUNS, () =>
    measureNode([cli, 'check', '--workspace', dir, '--files', '**/*.pem', '--revocation', 'off', '--format', 'json', '--output', path.join(tmpdir(), 'certwatch-bench', 'files-report.json')], { cwd: dir }),
  );
  const baseline = await medianOf(RUNS, () => measureNode(['--input-type=module', '-e', BASELINE, dir]));
  const ratio = certwatch.wallMs / baseline.wallMs;
  return [
    {
      row: `${n.toLocaleString('en')} checked-in PEM files`,
      certwatch,
      baselineName: 'bare crypto.X509Certificate read+parse loop',
      baseline,
      target: '≤ 2× baseline, < 3 s, < 300 MB',
      met: ratio <= 2 && certwatch.wallMs < 3000 && certwatch.rssMb < 300,
    },
  ];
}

export async function benchColdStart(): Promise<Row[]> {
  const empty = path.join(tmpdir(), 'certwatch-bench', 'empty');
  await mkdir(empty, { recursive: true });
  void stat;
  void readdir;
  const action = path.join(ROOT, 'dist/action.js');
  const env = { GITHUB_WORKSPACE: empty, 'INPUT_ISSUES': 'false', 'INPUT_SCOPE': 'all', 'INPUT_CONFIG': '.github/certwatch.yml', GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '' };
  const certwatch = await medianOf(5, () => measureNode([action], { cwd: empty, env }));
  const baseline = await medianOf(5, () => measureNode(['-e', '0']));
  return [
    {
      row: 'action cold start, nothing to check',
      certwatch,
      baselineName: '`node -e 0`',
      baseline,
      target: '≤ 4× baseline',
      met: certwatch.wallMs / baseline.wallMs <= 4,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./lib.js');
  console.log(printTable([...(await benchFiles()), ...(await benchColdStart())]));
}
