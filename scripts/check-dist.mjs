// Fails when the committed dist/ differs from a fresh build of the sources:
// the action runs dist/, so stale dist/ means users run code nobody tested.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const out = mkdtempSync(path.join(tmpdir(), 'certwatch-dist-'));
try {
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', out], { stdio: 'inherit' });
  const list = (d) =>
    readdirSync(d, { recursive: true })
      .filter((f) => statSync(path.join(d, f)).isFile())
      .sort();
  const fresh = list(out);
  const committed = existsSync('dist') ? list('dist') : [];
  const stale = [];
  if (fresh.join() !== committed.join()) stale.push(`files differ: built [${fresh}] vs dist/ [${committed}]`);
  for (const f of fresh) {
    if (committed.includes(f) && !readFileSync(path.join(out, f)).equals(readFileSync(path.join('dist', f))))
      stale.push(`dist/${f} differs from a fresh build`);
  }
  if (stale.length) {
    console.error(`dist/ is stale — run \`npm run build\` and commit dist/:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log('dist/ is up to date');
} finally {
  rmSync(out, { recursive: true, force: true });
}
