// The config file's TypeScript types are generated from schema/certwatch.schema.json
// (the file editors and the validator use), so the two cannot drift apart.
// `node scripts/gen-config-types.mjs` writes src/config/config-file.ts;
// `--check` (run by npm test, like the dist freshness check) fails when that
// file is not what the schema generates.
import { readFile, writeFile } from 'node:fs/promises';
import { compile } from 'json-schema-to-typescript';

const out = new URL('../src/config/config-file.ts', import.meta.url);
const schema = JSON.parse(await readFile(new URL('../schema/certwatch.schema.json', import.meta.url), 'utf8'));
const { title: _title, $id: _id, ...untitled } = schema; // the root type is named here, not by its title
const ts = await compile(untitled, 'CertwatchConfig', {
  bannerComment:
    '// Generated from schema/certwatch.schema.json by scripts/gen-config-types.mjs — do not edit.\n' +
    '// The shape of .github/certwatch.yml once it has passed schema validation.',
  additionalProperties: false,
  style: { singleQuote: true, printWidth: 120 },
  unreachableDefinitions: false,
});
if (process.argv.includes('--check')) {
  const current = await readFile(out, 'utf8').catch(() => '');
  if (current !== ts) {
    console.error('src/config/config-file.ts is stale: run `node scripts/gen-config-types.mjs` and commit it.');
    process.exit(1);
  }
} else {
  await writeFile(out, ts);
}
