// Java keystores made by keytool (the independent writer): certificates are read without
// the password; with a password the integrity digest is checked; damage is said clearly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { collectFiles } from '../../../src/sources/files/collect-files.js';
import { extractJavaKeystore } from '../../../src/sources/files/java-keystore.js';
import { readerProblem } from '../../../src/report/text/reader-problem.js';
import { OpenSsl } from '../../helpers/openssl.js';
import { target } from '../../helpers/file-targets.js';
import { emptyWorkspace } from '../../helpers/workspace.js';
import { said } from '../../helpers/said.js';

const exec = promisify(execFile);
const hasKeytool = await exec('keytool', ['-help']).then(
  () => true,
  () => false,
);
const skip = hasKeytool ? false : 'keytool missing (Debian openjdk-17-jre-headless, installed by scripts/test-deps.sh)';

async function makeStore(type: 'JKS' | 'JCEKS'): Promise<{ store: Buffer; der: Buffer }> {
  const ossl = await OpenSsl.create();
  try {
    const c = await ossl.cert({ subject: `/CN=${type.toLowerCase()}.keystore.test` });
    await exec(
      'keytool',
      [
        '-importcert',
        '-noprompt',
        '-storetype',
        type,
        '-keystore',
        'ks',
        '-storepass',
        'right-pw',
        '-alias',
        'partner',
        '-file',
        c.certPath,
      ],
      { cwd: ossl.dir, timeout: 60_000 },
    );
    return { store: await readFile(path.join(ossl.dir, 'ks')), der: c.der };
  } finally {
    await ossl.dispose();
  }
}

test('a JKS keystore: read without a password; the right password verifies; a wrong one is said; a truncated one is said', {
  skip,
}, async (t) => {
  const { store, der } = await makeStore('JKS');
  const open = extractJavaKeystore(store);
  assert.deepEqual(open.problems, []);
  assert.equal(open.certificates.length, 1);
  assert.ok(open.certificates[0].der.equals(der), 'the same bytes openssl wrote');
  assert.equal(open.certificates[0].entry, 'partner');
  assert.deepEqual(extractJavaKeystore(store, { password: 'right-pw' }).problems, []);
  const wrong = extractJavaKeystore(store, { password: 'nope', passwordEnv: 'KS_PW' });
  assert.match(
    wrong.problems[0] ? readerProblem(wrong.problems[0].problem) : '',
    /integrity check failed: the password from \$KS_PW is wrong, or the file was altered/,
  );
  const cut = extractJavaKeystore(store.subarray(0, 40));
  assert.match(
    cut.problems[0] ? readerProblem(cut.problems[0].problem) : '',
    /JKS keystore is truncated or damaged after 0 of its entries/,
  );

  // Through the file source, with the password from the environment as configured.
  const ws = await emptyWorkspace(t);
  await ws.write('java/trust.keystore', store);
  const r = await collectFiles([target('java/*.keystore', 5, { passwordEnv: 'KS_PW' })], {
    workspace: ws.dir,
    env: { KS_PW: 'nope' },
  });
  assert.equal(r.observations.length, 1, 'certificates are still listed');
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0].severity, 'error');
  assert.match(said(r.findings[0]), /^java\/trust\.keystore:1: JKS keystore integrity check failed/);
});

test('a JCEKS keystore is read by its magic, whatever its name', { skip }, async (t) => {
  const { store, der } = await makeStore('JCEKS');
  const ws = await emptyWorkspace(t);
  await ws.write('conf/secrets.bin', store);
  const r = await collectFiles([target('conf/*')], { workspace: ws.dir });
  assert.deepEqual(r.findings, []);
  assert.equal(r.observations.length, 1);
  assert.ok(r.observations[0].cert.der.equals(der));
  assert.deepEqual(r.observations[0].location, {
    type: 'file',
    path: 'conf/secrets.bin',
    line: 1,
    detail: 'JCEKS entry "partner"',
    form: 'jceks',
    entry: 'partner',
  });
});
