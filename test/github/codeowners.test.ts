import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ownersFor, parseCodeowners, readCodeowners } from '../../src/github/codeowners.js';
import { tempDir, removeTempDir } from '../helpers/workspace.js';

// The examples from GitHub's "About code owners" page, applied to certificate paths.
const FILE = `
# Global owners, overridden below.
*       @global-owner1 @global-owner2
*.pem   @pem-owner                 # a comment after the owners
/build/logs/ @doctocat
docs/*  docs@example.com
apps/   @octocat
/certs/  @acme/platform
/certs/legacy/
**/k8s/secrets @acme/k8s
deploy/**/tls.crt @acme/deploy
/scripts/a?c.pem @qmark
path\\ with\\ space.pem @spacey
!negated.pem @nobody
`;

describe('CODEOWNERS', () => {
  const rules = parseCodeowners(FILE);

  it('the last matching rule wins', () => {
    assert.deepEqual(ownersFor(rules, 'README.md'), ['@global-owner1', '@global-owner2']);
    assert.deepEqual(
      ownersFor(rules, 'anywhere/site.pem'),
      ['@pem-owner'],
      'an unanchored pattern matches at any depth',
    );
    assert.deepEqual(ownersFor(rules, 'certs/site.pem'), ['@acme/platform'], 'a later directory rule beats *.pem');
  });

  it('a rule without owners clears ownership', () => {
    assert.deepEqual(ownersFor(rules, 'certs/legacy/old.pem'), []);
  });

  it('a leading slash anchors at the root; a trailing slash means everything below', () => {
    assert.deepEqual(ownersFor(rules, 'build/logs/x/y.log'), ['@doctocat']);
    assert.deepEqual(ownersFor(rules, 'src/build/logs/y.log'), ['@global-owner1', '@global-owner2']);
    assert.deepEqual(ownersFor(rules, 'x/apps/y/z.txt'), ['@octocat'], '`apps/` matches an apps directory anywhere');
    assert.deepEqual(ownersFor(rules, 'subdir/certs/site.pem'), ['@pem-owner'], '/certs/ is anchored');
  });

  it('`docs/*` owns direct children only', () => {
    assert.deepEqual(ownersFor(rules, 'docs/getting-started.md'), ['docs@example.com']);
    assert.deepEqual(ownersFor(rules, 'docs/build-app/troubleshooting.md'), ['@global-owner1', '@global-owner2']);
  });

  it('`**` crosses directories and `?` matches one character', () => {
    assert.deepEqual(ownersFor(rules, 'a/b/k8s/secrets/web.yaml'), ['@acme/k8s']);
    assert.deepEqual(ownersFor(rules, 'k8s/secrets/web.yaml'), ['@acme/k8s']);
    assert.deepEqual(ownersFor(rules, 'deploy/tls.crt'), ['@acme/deploy']);
    assert.deepEqual(ownersFor(rules, 'deploy/eu/west/tls.crt'), ['@acme/deploy']);
    assert.deepEqual(ownersFor(rules, 'scripts/abc.pem'), ['@qmark']);
    assert.deepEqual(ownersFor(rules, 'scripts/abbc.pem'), ['@pem-owner']);
  });

  it('escaped spaces work; negation lines are skipped as GitHub does', () => {
    assert.deepEqual(ownersFor(rules, 'path with space.pem'), ['@spacey']);
    assert.deepEqual(ownersFor(rules, 'negated.pem'), ['@pem-owner']);
    assert.ok(!rules.some((r) => r.pattern.startsWith('!')));
  });

  it('dots in patterns are literal', () => {
    const r = parseCodeowners('*.pem @p\n');
    assert.deepEqual(ownersFor(r, 'certs/sitexpem'), []);
  });

  it('readCodeowners prefers .github/, then the root, then docs/', async () => {
    const dir = await tempDir('certwatch-codeowners-');
    try {
      assert.equal(await readCodeowners(dir), null);
      await mkdir(join(dir, 'docs'));
      await writeFile(join(dir, 'docs/CODEOWNERS'), '* @docs\n');
      assert.equal(await readCodeowners(dir), '* @docs\n');
      await writeFile(join(dir, 'CODEOWNERS'), '* @root\n');
      assert.equal(await readCodeowners(dir), '* @root\n');
      await mkdir(join(dir, '.github'));
      await writeFile(join(dir, '.github/CODEOWNERS'), '* @dotgithub\n');
      assert.equal(await readCodeowners(dir), '* @dotgithub\n');
    } finally {
      await removeTempDir(dir);
    }
  });
});
