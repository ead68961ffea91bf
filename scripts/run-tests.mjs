// Runs every test file under test/, at any depth (test/ mirrors src/, so folders nest:
// test/sources/endpoints/, test/checks/revocation/ …). Node 20's `--test` takes no
// globs and the shell's `test/*/*.test.ts` sees one depth only, so a file one folder
// deeper would be dropped without a word; listing them here cannot miss one.
//   node scripts/run-tests.mjs                 every test file
//   node scripts/run-tests.mjs test/net …      only the files under these folders or paths
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

function testFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.test.ts')) found.push(full);
  }
  return found;
}

const roots = process.argv.slice(2).map((p) => path.resolve(ROOT, p));
const files = (roots.length ? roots : [path.join(ROOT, 'test')])
  .flatMap((p) => (statSync(p).isDirectory() ? testFiles(p) : [p]))
  .map((f) => path.relative(ROOT, f))
  .sort();
if (files.length === 0) {
  console.error(`run-tests: no *.test.ts file under ${roots.length ? process.argv.slice(2).join(' ') : 'test/'}`);
  process.exit(1);
}
console.log(`run-tests: ${files.length} test files`);

const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=120000', ...files],
  { cwd: ROOT, stdio: 'inherit' },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
