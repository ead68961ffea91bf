// README's "Use it in a workflow" shows exactly what `certwatch init` writes
// (with the README's `<owner>` placeholder where init names the action's
// repository), and every complete workflow in the README passes actionlint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { renderWorkflow } from '../../src/init/render-workflow.js';
import { renderConfig } from '../../src/init/render-config.js';
import { ACTION_REPOSITORY } from '../../src/init/action-ref.js';
import { tempDir, removeTempDir } from '../helpers/workspace.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const placeholder = (s: string) => s.split(ACTION_REPOSITORY).join('<owner>/certwatch');

async function blockAfter(marker: string): Promise<string> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(marker);
  assert.ok(at >= 0, `README has "${marker}"`);
  const m = /```yaml\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(m);
  return m[1];
}

test('README shows the workflow init writes', async () => {
  assert.equal(await blockAfter('The workflow it writes'), placeholder(renderWorkflow({ defaultBranch: 'main' })));
});

test('README shows the config init writes for its example repository', async () => {
  const groups = [
    { pattern: 'certs/*.pem', files: ['certs/api.pem', 'certs/www.pem'], owners: ['@acme/web'], needsPassword: false },
  ];
  assert.equal(await blockAfter('The config it writes'), placeholder(renderConfig(groups, { hasCodeowners: true })));
});

test('every complete workflow in the README passes actionlint', async () => {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const dir = await tempDir('certwatch-readme-lint-');
  try {
    await mkdir(path.join(dir, '.github/workflows'), { recursive: true });
    const files: string[] = [];
    for (const [i, m] of [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].entries()) {
      const wf = parse(m[1]);
      if (!wf || typeof wf !== 'object' || !('on' in wf) || !('jobs' in wf)) continue;
      const f = path.join(dir, `.github/workflows/readme-${i}.yml`);
      await writeFile(f, m[1]);
      files.push(f);
    }
    assert.ok(files.length >= 3, `${files.length} complete workflows`);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/lint-workflows.mjs'), ...files], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  } finally {
    await removeTempDir(dir);
  }
});
