// The JSON report written in pieces: exactly the text of
// `JSON.stringify(value, null, 2) + '\n'`, produced member by member two levels
// deep (each certificate, finding, probe on its own), so a 10,000-certificate
// report never exists as one 15 MB string plus its escaped and encoded copies
// (issue 15: the files row's peak memory was the report being serialised).
import { open } from 'node:fs/promises';

const SPLIT_DEPTH = 2;
// Pieces are gathered to about this size and cut at a line end before writing.
const FLUSH_AT = 64 * 1024;

/** The pieces of `JSON.stringify(value, null, 2) + '\n'`, in order. */
export function* jsonPieces(value: unknown): Generator<string> {
  yield* pieces(value, '', SPLIT_DEPTH);
  yield '\n';
}

function* pieces(v: unknown, indent: string, depth: number): Generator<string> {
  const isSplittable =
    depth > 0 &&
    v !== null &&
    typeof v === 'object' &&
    typeof (v as { toJSON?: unknown }).toJSON !== 'function' &&
    (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
  if (!isSplittable) {
    // Strings in JSON text never hold a raw newline, so re-indenting is a plain replace.
    const text = JSON.stringify(v, null, 2) ?? 'null';
    yield indent ? text.replace(/\n/g, `\n${indent}`) : text;
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    yield '[';
    for (let i = 0; i < v.length; i++) {
      yield `${i ? ',' : ''}\n${inner}`;
      yield* pieces(v[i], inner, depth - 1);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    // JSON.stringify leaves out members it cannot write (undefined, functions, symbols).
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `;
    first = false;
    yield* pieces(x, inner, depth - 1);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/**
 * Gather pieces into chunks that end at a line end (so a per-line filter such as
 * workflowSafe sees whole lines, as it would on the whole text) and pass each on.
 */
export async function inLineChunks(
  parts: Iterable<string>,
  write: (chunk: string) => Promise<void> | void,
): Promise<void> {
  let pending = '';
  for (const p of parts) {
    pending += p;
    if (pending.length < FLUSH_AT) continue;
    const cut = pending.lastIndexOf('\n');
    if (cut < 0) continue;
    await write(pending.slice(0, cut + 1));
    pending = pending.slice(cut + 1);
  }
  if (pending) await write(pending);
}

class ReaderGone extends Error {}

/**
 * Write a value as pretty JSON to a stream, waiting when it is full. A reader that
 * goes away (`certwatch check --format json | head`: EPIPE) ends the writing
 * quietly, as it did when the report was one write; other stream errors are thrown.
 */
export async function writeJsonTo(
  out: NodeJS.WritableStream,
  value: unknown,
  filter: (chunk: string) => string = (s) => s,
): Promise<void> {
  let failed: NodeJS.ErrnoException | undefined;
  // Stays attached: writes still in flight can fail after the last one was queued.
  out.on('error', (e: NodeJS.ErrnoException) => {
    failed ??= e;
  });
  try {
    await inLineChunks(jsonPieces(value), async (chunk) => {
      if (failed) throw new ReaderGone();
      if (!out.write(filter(chunk)))
        await new Promise<void>((resolve) => {
          const done = () => {
            out.off('drain', done);
            out.off('error', done);
            resolve();
          };
          out.on('drain', done);
          out.on('error', done);
        });
    });
  } catch (e) {
    if (!(e instanceof ReaderGone)) throw e;
  }
  if (failed && failed.code !== 'EPIPE') throw failed;
}

/** Write a value as pretty JSON to a file (created or truncated). */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  const fh = await open(file, 'w');
  try {
    await inLineChunks(jsonPieces(value), async (chunk) => {
      await fh.write(chunk);
    });
  } finally {
    await fh.close();
  }
}
