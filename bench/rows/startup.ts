// Start-up: the bundled action as the runner starts it (every input default
// from action.yml passed as INPUT_*, a push event, output and summary files)
// in a workspace with nothing to check, against `node -e 0`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { NODE, ROOT, distFile, alternate, timed, type Bench } from '../lib.js';
import { BENCH_DIR } from '../fixtures.js';

export const bench: Bench = {
  name: 'start-up',
  order: 40,
  async run(o) {
    const ws = path.join(BENCH_DIR, 'empty-workspace');
    mkdirSync(ws, { recursive: true });
    const out = path.join(BENCH_DIR, 'startup-output');
    const summary = path.join(BENCH_DIR, 'startup-summary');
    const manifest = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_WORKSPACE: ws,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/feature',
      GITHUB_REPOSITORY: 'example/repo',
      GITHUB_API_URL: 'http://127.0.0.1:9', // nothing listens: a start-up that calls GitHub fails loudly
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: summary,
    };
    for (const [name, spec] of Object.entries(manifest.inputs)) {
      if (spec.default !== undefined)
        env[`INPUT_${name.toUpperCase()}`] = String(spec.default).replace('${{ github.token }}', 'bench-token');
    }
    env.INPUT_ISSUES = 'false'; // a branch push: nothing to sync
    const sides = await alternate(Math.max(o.runs, 5), {
      certwatch: () => {
        writeFileSync(out, '');
        writeFileSync(summary, '');
        return timed(NODE, [distFile('action.js')], { cwd: ws, env });
      },
      baseline: () => timed(NODE, ['-e', '0']),
    });
    const ratio = sides.certwatch.wallMs / sides.baseline.wallMs;
    return [
      {
        row: 'start-up: the action with nothing to check',
        certwatchName: '`node dist/action.js` (runner inputs, empty workspace)',
        certwatch: sides.certwatch,
        baselineName: '`node -e 0`',
        baseline: sides.baseline,
        ratio,
        target: '≤ 3×',
        met: ratio <= 3,
      },
    ];
  },
};
