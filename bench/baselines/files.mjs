// The files baseline (issue 15): one Node process, recursive readdir, then for
// each .pem file sequentially readFile + new X509Certificate + a validTo
// compare. What a person would write in ten lines; prints what it found.
import { readdir, readFile } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import path from 'node:path';

const dir = process.argv[2];
const soon = Date.now() + 7 * 86_400_000;
let expired = 0;
let expiring = 0;
let n = 0;
for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
  if (!e.isFile() || !e.name.endsWith('.pem')) continue;
  const c = new X509Certificate(await readFile(path.join(e.parentPath ?? e.path, e.name)));
  const end = Date.parse(c.validTo);
  if (end < Date.now()) expired++;
  else if (end < soon) expiring++;
  n++;
}
process.stdout.write(JSON.stringify({ n, expired, expiring }) + '\n');
