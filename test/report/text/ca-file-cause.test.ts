// A ca-file that cannot be used, from the real loader (trust-store.ts) to the
// sentence: each cause is made by giving loadTrustStore a file that has it, so
// the cause and its words are checked together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaFileError, loadTrustStore } from '../../../src/sources/endpoints/trust-store.js';
import { caFileCause } from '../../../src/report/text/ca-file-cause.js';
import { tempDirSync } from '../../helpers/workspace.js';

async function problemOf(path: string): Promise<string> {
  try {
    await loadTrustStore(path);
  } catch (e) {
    assert.ok(e instanceof CaFileError, String(e));
    assert.equal(e.path, path);
    return caFileCause(e.path, e.cause);
  }
  assert.fail(`${path} loaded`);
}

test('a ca-file that cannot be used says why, naming the file', async (t) => {
  const dir = tempDirSync('certwatch-ca-file-', t);
  const missing = join(dir, 'missing.pem');
  assert.equal(
    await problemOf(missing),
    `cannot read ca-file ${missing}: ENOENT: no such file or directory, stat '${missing}'`,
  );
  const empty = join(dir, 'empty.pem');
  writeFileSync(empty, '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
  assert.equal(await problemOf(empty), `ca-file ${empty} holds no certificate`);
  const broken = join(dir, 'broken.pem');
  writeFileSync(broken, '-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n');
  assert.match(await problemOf(broken), new RegExp(`^ca-file ${broken}: a certificate does not parse: .+`));
  assert.equal(
    caFileCause('/w/huge.pem', { reason: 'too-large', bytes: 20971520, maxBytes: 10485760 }),
    'ca-file /w/huge.pem is 20971520 bytes, over the 10485760-byte limit for a CA bundle',
  );
});
