// The shipped JSON Schema is what editors autocomplete from and what the loader
// validates with: it must be valid draft-07, and every key the code reads must be
// declared in it (else a user could never set it without an "unknown key" error).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { parseConfigText } from '../../src/config/parse-config.js';
import { settingsFrom } from '../../src/config/settings.js';

const schemaText = await readFile(new URL('../../schema/certwatch.schema.json', import.meta.url), 'utf8');
/** A JSON Schema node, as far as these tests walk it. */
interface SchemaNode {
  $schema?: string;
  $ref?: string;
  anyOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  [keyword: string]: unknown;
}
const schema = JSON.parse(schemaText) as SchemaNode;

test('the schema compiles as draft-07 under Ajv strict mode', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  const ajv = new Ajv({ strict: true, allErrors: true });
  const validate = ajv.compile(schema);
  assert.equal(validate({ version: 1 }), true);
  assert.equal(validate({ version: 1, nonsense: true }), false);
});

type Path = (string | number)[];

/** Wrap config data so every property the code reads is recorded with its path. */
function recording(data: unknown, reads: Path[], at: Path = []): unknown {
  if (typeof data !== 'object' || data === null) return data;
  return new Proxy(data as object, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof prop === 'symbol') return v;
      if (Array.isArray(target)) {
        if (!/^\d+$/.test(prop)) return typeof v === 'function' ? v.bind(receiver) : v;
        return recording(v, reads, [...at, Number(prop)]);
      }
      reads.push([...at, prop]);
      return recording(v, reads, [...at, prop]);
    },
  });
}

function resolve(s: SchemaNode | undefined): SchemaNode | undefined {
  if (s?.$ref)
    return resolve(
      s.$ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<SchemaNode | undefined>((o, k) => o?.[k] as SchemaNode | undefined, schema),
    );
  return s;
}

/** Does the schema declare this data path? anyOf: any branch. */
function declared(path: Path): boolean {
  let nodes: (SchemaNode | undefined)[] = [resolve(schema)];
  for (const seg of path) {
    const expanded = nodes.flatMap((n) => (n?.anyOf ? n.anyOf.map(resolve) : [n]));
    nodes = expanded
      .map((n) => (typeof seg === 'number' ? resolve(n?.items) : resolve(n?.properties?.[seg])))
      .filter(Boolean);
    if (!nodes.length) return false;
  }
  return true;
}

test('every config key the code reads is declared in the schema', () => {
  // Every form at once: string and mapping items, per-target overrides.
  const text = `version: 1
defaults: { warn-within: 30d, fail-within: 7d, revocation: soft, timeout: 10s, concurrency: 8, ca-file: a.pem, cache-dir: .c, deadline: 15m }
endpoints:
  - a.example
  - { host: b.example, port: 8443, servername: s.example, starttls: smtp, all-addresses: true, optional: true, owner: "@o", ca-file: b.pem, timeout: 5s, warn-within: 20%, fail-within: 5% }
files:
  - "x/*.pem"
  - { path: "y/*.p12", password-env: PW, owner: "@o", warn-within: 10d, fail-within: 2d }
ignore:
  - { fingerprint: "sha256:${'ab'.repeat(32)}", until: 2027-01-31, reason: r }
ari: { enabled: true, directories: [{ issuer: I, directory: "https://acme.example/dir" }] }
revoked-serials: [{ path: s.txt, issuer: I, name: n }]
issues: { mode: digest, labels: [a], max-open: 3 }
`;
  const raw = parseConfigText(text, 'c.yml');
  const reads: Path[] = [];
  settingsFrom({ ...raw, data: recording(raw.data, reads) as Record<string, unknown> }, '/ws');
  assert.ok(reads.length > 30, `the code read ${reads.length} keys`);
  const undeclared = reads.filter((p) => !declared(p)).map((p) => p.join('.'));
  assert.deepEqual([...new Set(undeclared)], []);
});
