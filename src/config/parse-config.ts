// Parsing and validating config text: YAML with positions, checked against the
// shipped JSON Schema, problems named by file, line and key. Loaded on demand by
// load-config.ts (and by the PR-scope code that compares two configs).
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node, type Document } from 'yaml';
import schema from '../../schema/certwatch.schema.json' with { type: 'json' };
import { nearest } from './suggest.js';
import { ConfigError, type RawConfig } from './load-config.js';

// Compiled on first use: a run without a config file should not pay for it (cold start).
let compiled: ReturnType<Ajv['compile']> | undefined;
function validator(): ReturnType<Ajv['compile']> {
  return (compiled ??= new Ajv({ allErrors: true, strict: false }).compile(schema));
}

export function parseConfigText(text: string, file: string): RawConfig {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new ConfigError(
      doc.errors.slice(0, 10).map((e) => ({
        file,
        line: lc.linePos(e.pos[0]).line,
        key: '',
        message: `invalid YAML: ${yamlMessage(e.message, e.code)}`,
      })),
    );
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const lineOf = (path: (string | number)[]) => lineOfPath(doc, lc, path);
  if (data === null || data === undefined) {
    throw new ConfigError([
      { file, line: 1, key: '', message: 'the config file is empty; it needs at least `version: 1`' },
    ]);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError([
      {
        file,
        line: 1,
        key: '',
        message: 'the config must be a mapping of keys (version, defaults, endpoints, files, …)',
      },
    ]);
  }
  const validate = validator();
  if (!validate(data))
    throw new ConfigError(
      explain(validate.errors ?? [], data, file, lineOf, (path, key) => keyLine(doc, lc, path, key)),
    );
  return { file, data: data as Record<string, unknown>, lineOf };
}

function yamlMessage(msg: string, code: string): string {
  const first = msg.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
  if (code === 'TAB_AS_INDENT' || /tab/i.test(first)) return `${first} (YAML indentation must use spaces, not tabs)`;
  return first;
}

function nodeAt(doc: Document, path: (string | number)[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const seg of path) {
    if (isMap(node)) node = node.get(seg, true);
    else if (isSeq(node)) node = node.get(Number(seg), true);
    else return undefined;
  }
  return node as Node | undefined;
}

function lineOfPath(doc: Document, lc: LineCounter, path: (string | number)[]): number {
  // Walk up until a node with a position is found.
  for (let n = path.length; n >= 0; n--) {
    const parentPath = path.slice(0, n);
    const node = nodeAt(doc, parentPath);
    if (node?.range) return lc.linePos(node.range[0]).line;
  }
  return 1;
}

function keyLine(doc: Document, lc: LineCounter, path: (string | number)[], key: string): number {
  const parent = nodeAt(doc, path);
  if (isMap(parent)) {
    for (const pair of parent.items) {
      if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range)
        return lc.linePos(pair.key.range[0]).line;
    }
  }
  return lineOfPath(doc, lc, path);
}

function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let v = data as Record<string | number, unknown> | undefined;
  for (const s of path) v = v?.[s] as Record<string | number, unknown> | undefined;
  return v;
}

type SchemaNode = Record<string, unknown>;

function resolveRef(s: SchemaNode | undefined): SchemaNode | undefined {
  const ref = s?.$ref;
  if (typeof ref !== 'string') return s;
  let r: unknown = schema;
  for (const p of ref.replace(/^#\//, '').split('/')) r = (r as SchemaNode | undefined)?.[p];
  return resolveRef(r as SchemaNode | undefined);
}

/** The object schema a data path lands on (an anyOf item resolves to its mapping branch). */
function objectSchemaAt(path: (string | number)[]): SchemaNode | undefined {
  const objectBranch = (s: SchemaNode | undefined): SchemaNode | undefined => {
    const r = resolveRef(s);
    const any = r?.anyOf as SchemaNode[] | undefined;
    return any ? any.map(resolveRef).find((b) => b?.type === 'object') : r;
  };
  let s = objectBranch(schema as unknown as SchemaNode);
  for (const seg of path) {
    s =
      typeof seg === 'number'
        ? objectBranch(s?.items as SchemaNode)
        : objectBranch((s?.properties as Record<string, SchemaNode> | undefined)?.[seg]);
  }
  return s;
}

// Ajv reports errors inside a $ref'd definition with schema paths relative to that
// definition ("#/additionalProperties", "#/type"), so the allowed keys and the anyOf
// branch that applies are worked out from the data path and the value instead.
function allowedKeys(path: (string | number)[]): string[] {
  return Object.keys((objectSchemaAt(path)?.properties as Record<string, unknown>) ?? {});
}

function explain(
  errors: ErrorObject[],
  data: unknown,
  file: string,
  lineOf: (p: (string | number)[]) => number,
  lineOfKey: (path: (string | number)[], key: string) => number,
): ConfigError['problems'] {
  const out: ConfigError['problems'] = [];
  const seen = new Set<string>();
  // Values validated against "a string or a mapping" (endpoints and files items).
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const e of errors) {
    const path = pathOf(e.instancePath);
    const value = valueAt(data, path);
    if (e.keyword === 'anyOf') continue;
    if (e.keyword === 'type' && anyOfPaths.has(e.instancePath)) {
      // A string or a mapping failed for another reason (reported by its own error);
      // anything else is the wrong type for both branches: say that once.
      if (typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value))) continue;
      const key = path.join('.');
      const msg = 'must be a string or a mapping';
      if (!seen.has(key + msg)) {
        seen.add(key + msg);
        out.push({ file, line: lineOf(path), key, message: `${msg} (found ${describe(value)})` });
      }
      continue;
    }
    let key = path.join('.');
    let line = lineOf(path);
    let message: string;
    switch (e.keyword) {
      case 'additionalProperties': {
        const extra = String((e.params as { additionalProperty: string }).additionalProperty);
        const allowed = allowedKeys(path);
        const guess = nearest(extra, allowed);
        key = [...path, extra].join('.');
        line = lineOfKey(path, extra);
        message = `unknown key "${extra}"${guess ? ` — did you mean "${guess}"?` : ''} (allowed here: ${allowed.join(', ')})`;
        break;
      }
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        message = `missing required key "${missing}"${missing === 'version' ? ' (add `version: 1` as the first line)' : ''}`;
        break;
      }
      case 'pattern':
        message = patternMessage(String(path[path.length - 1] ?? ''), value);
        break;
      case 'enum': {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
        const guess = typeof value === 'string' ? nearest(value, allowed) : undefined;
        message = `"${String(value)}" is not one of ${allowed.join(', ')}${guess ? ` — did you mean "${guess}"?` : ''}`;
        break;
      }
      case 'const':
        message = `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)} (found ${describe(value)})`;
        break;
      case 'type':
        message = `must be ${TYPE_WORDS[(e.params as { type: string }).type] ?? (e.params as { type: string }).type} (found ${describe(value)})`;
        break;
      default:
        message = `${e.message ?? 'is invalid'}${value !== undefined && typeof value !== 'object' ? ` (found ${describe(value)})` : ''}`;
    }
    const id = `${key}|${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ file, line, key, message });
  }
  return out.length ? out : [{ file, line: 1, key: '', message: 'the config does not match the schema' }];
}

// JSON Schema type names, as someone writing YAML calls them.
const TYPE_WORDS: Record<string, string> = {
  array: 'a list (lines starting with "- ")',
  object: 'a mapping (key: value lines)',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
};

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `"${v}"`;
  return String(v);
}

function patternMessage(key: string, value: unknown): string {
  const v = String(value);
  if (key === 'warn-within' || key === 'fail-within') {
    if (v.trim().startsWith('-')) return `"${v}" is negative; durations count time left, like 30d`;
    return `"${v}" is not a duration; use 90m, 12h, 30d, 2w or a share of lifetime like 20%`;
  }
  if (key === 'timeout' || key === 'deadline') return `"${v}" is not a timeout; use 500ms, 10s or 2m`;
  if (key === 'until') return `"${v}" is not a date; use YYYY-MM-DD`;
  if (key === 'fingerprint') return `"${v}" is not a SHA-256 fingerprint; copy it from the report (sha256:<64 hex>)`;
  if (key === 'password-env') return `"${v}" is not an environment variable name`;
  if (key === 'directory') return `"${v}" must be an http(s) URL of an ACME directory`;
  return `"${v}" has the wrong form`;
}
