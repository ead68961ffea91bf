// Discovery rows (issue 13), through the built CLI:
// 1. one PEM bundle of 1,400 certificates against the same 1,400 certificates as
//    separate files — grouping must be linear (target ≤ 1.5×; it took 14 s against
//    1.5 s before companions were shared);
// 2. discovery by content over a real-sized git tree (this repository's node_modules,
//    ≈4,000 files / ≈100 MB, plus 100 certificates, each in Go source and as base64 in YAML)
//    against `git grep -l -e '-----BEGIN' -e 'LS0tLS1CRUdJTi'` over the same tree
//    (target ≤ 2×).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { NODE, ROOT, distFile, alternate, timed, type Bench } from '../lib.js';
import { BENCH_DIR, fileEstate } from '../fixtures.js';
import { issue } from '../../test/helpers/pki.js';
import { DAY } from '../../test/helpers/clock.js';

const exec = promisify(execFile);
const BUNDLE = 1400;

async function bundleOf(dir: string): Promise<string> {
  const out = path.join(BENCH_DIR, `bundle-${path.basename(dir)}`);
  const file = path.join(out, 'ca-bundle.pem');
  if (existsSync(file)) return out;
  await mkdir(out, { recursive: true });
  const pems: string[] = [];
  for (const e of (await readdir(dir, { recursive: true, withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (e.isFile() && e.name.endsWith('.pem')) pems.push(await readFile(path.join(e.parentPath, e.name), 'utf8'));
  }
  await writeFile(file, pems.join(''));
  return out;
}

async function contentTree(): Promise<string> {
  const dir = path.join(BENCH_DIR, 'content-tree');
  if (existsSync(path.join(dir, '.git'))) return dir;
  await mkdir(dir, { recursive: true });
  // A real project's worth of files; named so that discovery does not skip it as node_modules.
  await cp(path.join(ROOT, 'node_modules'), path.join(dir, 'vendored'), { recursive: true, verbatimSymlinks: true });
  const now = Date.now();
  for (let i = 0; i < 100; i++) {
    const c = await issue({
      cn: `svc-${i}.tree.test`,
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 200 * DAY),
    });
    await mkdir(path.join(dir, `services/svc-${i}`), { recursive: true });
    await writeFile(path.join(dir, `services/svc-${i}/tls.go`), `package svc\n\nvar ca = \`${c.pem}\`\n`);
    await writeFile(
      path.join(dir, `services/svc-${i}/values.yaml`),
      `tls:\n  ca: ${Buffer.from(c.pem).toString('base64')}\n`,
    );
  }
  await exec('git', ['init', '-q'], { cwd: dir });
  await exec('git', ['add', '-A'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  return dir;
}

export const bench: Bench = {
  name: 'discovery',
  order: 25,
  async run(o) {
    const estate = await fileEstate(BUNDLE);
    const bundle = await bundleOf(estate.dir);
    const report = path.join(BENCH_DIR, 'discovery-report.json');
    const check = (ws: string, files: string, out: string) =>
      timed(
        NODE,
        [distFile('cli.js'), 'check', '--workspace', ws, '--files', files, '--revocation', 'off', '--format', 'json'],
        { stdoutFile: out, okCodes: [0, 1] },
      );
    const grouping = await alternate(o.runs, {
      certwatch: () => check(bundle, '*.pem', report),
      baseline: () => check(estate.dir, '**/*.pem', path.join(BENCH_DIR, 'discovery-files-report.json')),
    });
    const one = JSON.parse(readFileSync(report, 'utf8')) as { summary: { certificates: number } };

    const tree = await contentTree();
    const treeReport = path.join(BENCH_DIR, 'discovery-tree-report.json');
    const scan = await alternate(o.runs, {
      certwatch: () =>
        timed(NODE, [distFile('cli.js'), 'check', '--workspace', tree, '--revocation', 'off', '--format', 'json'], {
          stdoutFile: treeReport,
          okCodes: [0, 1],
        }),
      baseline: () =>
        timed('git', ['grep', '-l', '-e', '-----BEGIN', '-e', 'LS0tLS1CRUdJTi'], {
          cwd: tree,
          stdoutFile: path.join(BENCH_DIR, 'discovery-grep.txt'),
          okCodes: [0, 1],
        }),
    });
    const found = (JSON.parse(readFileSync(treeReport, 'utf8')) as { summary: { certificates: number } }).summary
      .certificates;
    const gRatio = grouping.certwatch.wallMs / grouping.baseline.wallMs;
    const sRatio = scan.certwatch.wallMs / scan.baseline.wallMs;
    return [
      {
        row: `discovery: one PEM bundle of ${BUNDLE.toLocaleString('en')} certificates`,
        certwatchName: '`certwatch check --files ca-bundle.pem`',
        certwatch: grouping.certwatch,
        baselineName: `the same ${BUNDLE.toLocaleString('en')} certificates as separate files, \`certwatch check\``,
        baseline: grouping.baseline,
        ratio: gRatio,
        target: '≤ 1.5×',
        met: gRatio <= 1.5 && one.summary.certificates === BUNDLE,
        note:
          one.summary.certificates === BUNDLE
            ? undefined
            : `the bundle gave ${one.summary.certificates} certificates, not ${BUNDLE}`,
      },
      {
        row: 'discovery: content scan of a ≈4,000-file git tree',
        certwatchName: '`certwatch check` (no config: discovery by content)',
        certwatch: scan.certwatch,
        baselineName: "`git grep -l -e '-----BEGIN' -e 'LS0tLS1CRUdJTi'`",
        baseline: scan.baseline,
        ratio: sRatio,
        target: '≤ 2×',
        met: sRatio <= 2 && found >= 100,
        note: `${found} distinct certificates found (100 planted twice each, plus any the vendored packages carry)`,
      },
    ];
  },
};
