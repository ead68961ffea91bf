// Read `.github/certwatch.yml`: YAML with positions, validated by the shipped JSON
// Schema (schema/certwatch.schema.json — the same file editors use for
// autocompletion), with errors that name the file, the line and the key.
// The parser (yaml, ajv and the schema: a third of the start-up bundle) is in
// parse-config.ts and loaded only when there is a file to parse (issue 15).
import { readFile } from 'node:fs/promises';

export class ConfigError extends Error {
  constructor(readonly problems: { file: string; line: number; key: string; message: string }[]) {
    // Inputs and flags have no lines: "(inputs) warn-within: …" rather than a made-up line 1.
    super(
      problems
        .map(
          (p) =>
            `${p.file.startsWith('(') ? `${p.file} ` : `${p.file}:${p.line}: `}${p.key ? `${p.key}: ` : ''}${p.message}`,
        )
        .join('\n'),
    );
  }
}

/** The config as parsed, plus a way to find the line of any path in it. */
export interface RawConfig {
  file: string;
  data: Record<string, unknown>;
  lineOf(path: (string | number)[]): number;
}

// Config files are hand-written YAML; anything this large is a mistake, not a config.
const MAX_CONFIG_BYTES = 1024 * 1024;

export async function loadConfig(absPath: string, displayPath: string): Promise<RawConfig | null> {
  let text: string;
  try {
    const buf = await readFile(absPath);
    if (buf.length > MAX_CONFIG_BYTES)
      throw new ConfigError([
        {
          file: displayPath,
          line: 1,
          key: '',
          message: `config file is ${buf.length} bytes, more than the ${MAX_CONFIG_BYTES}-byte limit`,
        },
      ]);
    text = buf.toString('utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return null;
    if (e instanceof ConfigError) throw e;
    throw new ConfigError([
      { file: displayPath, line: 1, key: '', message: `cannot read the config file (${err.code ?? err.message})` },
    ]);
  }
  const { parseConfigText } = await import('./parse-config.js');
  return parseConfigText(text, displayPath);
}
