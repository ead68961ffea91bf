// The incident (issue 15): 10,000 checked-in certificates and a CA's list of
// 3,000,000 random 16-byte serials (≈100 MB) of which 50 are ours. certwatch's
// figure is `check` with the list minus the same run without it; the baseline
// is the hash join anyone would write in awk. Second row: the same list gzip'd
// and served by URL (a loopback HTTP server in this process), against
// `gzip -dc | awk`.
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { NODE, distFile, alternate, timed, type Bench, type Row, type Sample } from '../lib.js';
import { BENCH_DIR, fileEstate, incidentList } from '../fixtures.js';

const AWK_JOIN = 'NR==FNR{a[tolower($1)];next} tolower($1) in a';

export const bench: Bench = {
  name: 'incident',
  order: 10,
  async run(o) {
    const n = o.quick ? 2000 : 10_000;
    const lines = o.quick ? 300_000 : 3_000_000;
    const estate = await fileEstate(n);
    const list = await incidentList(estate, lines);
    const server = createServer((req, res) => {
      if (req.url !== '/affected.txt.gz') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/gzip' }); // no ETag: every run downloads it
      createReadStream(list.gz).pipe(res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/affected.txt.gz`;
      const config = (name: string, extra: string[]) => {
        const file = path.join(BENCH_DIR, `incident-${name}.yml`);
        writeFileSync(file, ['version: 1', 'files:', '  - "**/*.pem"', `  # ${name}`, ...extra, ''].join('\n'));
        return file;
      };
      const cfg = {
        without: config('without', []),
        file: config('file', ['revoked-serials:', `  - path: ${list.plain}`, '    name: bench incident']),
        url: config('url', ['revoked-serials:', `  - url: ${url}`, '    name: bench incident']),
      };
      const out = (k: string) => path.join(BENCH_DIR, `incident-${k}.out`);
      const cw = (k: keyof typeof cfg) => () =>
        timed(NODE, [distFile('cli.js'), 'check', '--workspace', estate.dir, '--config', cfg[k], '--format', 'json'], {
          stdoutFile: out(k),
          okCodes: [1],
          env: { ...process.env, NO_PROXY: '127.0.0.1' },
        });
      const sides = await alternate(o.runs, {
        withList: cw('file'),
        without: cw('without'),
        awk: () => timed('awk', [AWK_JOIN, list.ours, list.plain], { stdoutFile: out('awk') }),
        withUrl: cw('url'),
        gzipAwk: () =>
          timed('sh', ['-c', `gzip -dc '${list.gz}' | awk '${AWK_JOIN}' '${list.ours}' -`], {
            stdoutFile: out('gzip-awk'),
          }),
      });
      const found = (k: string) =>
        (
          JSON.parse(readFileSync(out(k), 'utf8')) as { certificates: { findings: { id: string }[] }[] }
        ).certificates.filter((c) => c.findings.some((f) => f.id === 'revoked')).length;
      const awkFound = (k: string) => readFileSync(out(k), 'utf8').split('\n').filter(Boolean).length;
      const mb = (list.bytes / 1e6).toFixed(0);
      const row = (name: string, w: Sample, baselineName: string, b: Sample, hits: number, bHits: number): Row => {
        const extra: Sample = { wallMs: w.wallMs - sides.without.wallMs, rssMb: w.rssMb };
        const ratio = extra.wallMs / b.wallMs;
        return {
          row: name,
          certwatchName: `\`check\` on ${n.toLocaleString('en')} files with the list − without (${Math.round(w.wallMs)} − ${Math.round(sides.without.wallMs)} ms; RSS: with the list)`,
          certwatch: extra,
          baselineName,
          baseline: b,
          ratio,
          target: '≤ 1.5×, < 200 MB, all 50 found',
          met: ratio <= 1.5 && w.rssMb < 200 && hits === list.planted.length,
          note: `certwatch found ${hits} of ${list.planted.length}, the baseline ${bHits}`,
        };
      };
      return [
        row(
          `incident list: ${lines.toLocaleString('en')} serials (${mb} MB) in a file`,
          sides.withList,
          '`awk` hash join of our serials and the list',
          sides.awk,
          found('file'),
          awkFound('awk'),
        ),
        row(
          `incident list: the same, gzip'd, by URL`,
          sides.withUrl,
          '`gzip -dc list.gz | awk` (the same join)',
          sides.gzipAwk,
          found('url'),
          awkFound('gzip-awk'),
        ),
      ];
    } finally {
      server.closeAllConnections();
      server.close();
    }
  },
};
