// 10,000 checked-in PEM files (ECDSA P-256 leaves from one EC CA, 50 folders,
// 5% expired, 5% expiring): the built CLI's `check --format json` against one
// Node process that walks the folders and reads, parses and date-checks each
// file in turn (bench/baselines/files.mjs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NODE, ROOT, distFile, alternate, timed, type Bench } from '../lib.js';
import { BENCH_DIR, fileEstate } from '../fixtures.js';

export const bench: Bench = {
  name: 'files',
  order: 20,
  async run(o) {
    const n = o.quick ? 2000 : 10_000;
    const estate = await fileEstate(n);
    const report = path.join(BENCH_DIR, 'files-report.json');
    const sides = await alternate(o.runs, {
      certwatch: () =>
        timed(
          NODE,
          [distFile('cli.js'), 'check', '--workspace', estate.dir, '--files', '**/*.pem', '--format', 'json'],
          { stdoutFile: report, okCodes: [1] },
        ),
      baseline: () =>
        timed(NODE, [path.join(ROOT, 'bench/baselines/files.mjs'), estate.dir], {
          stdoutFile: path.join(BENCH_DIR, 'files-baseline.json'),
        }),
    });
    // Correct as well as fast: every certificate, and the expired and expiring ones, found.
    const rep = JSON.parse(readFileSync(report, 'utf8')) as {
      summary: { certificates: number };
      certificates: { findings: { id: string; severity: string }[] }[];
    };
    const count = (id: string) =>
      rep.certificates.filter((c) => c.findings.some((f) => f.id === id && f.severity === 'error')).length;
    const correct =
      rep.summary.certificates === n + 0 &&
      count('expired') === estate.expired &&
      count('expiring') === estate.expiring;
    const ratio = sides.certwatch.wallMs / sides.baseline.wallMs;
    return [
      {
        row: `files: ${n.toLocaleString('en')} PEM files`,
        certwatchName: '`certwatch check --format json`',
        certwatch: sides.certwatch,
        baselineName:
          'one Node process: recursive readdir + sequential readFile + `new X509Certificate` + validTo compare',
        baseline: sides.baseline,
        ratio,
        target: '≤ 1.5×, < 150 MB',
        met: ratio <= 1.5 && sides.certwatch.rssMb < 150 && correct,
        note: correct
          ? undefined
          : `certwatch's report is wrong: ${rep.summary.certificates} certificates, ${count('expired')}/${estate.expired} expired, ${count('expiring')}/${estate.expiring} expiring`,
      },
    ];
  },
};
