// Incident-sized serial lists generated at test (and bench) time: random 16-byte
// serials in lower-case hex, one per line, with chosen lines replaced by our
// own certificates' serials written however the test wants them.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const BATCH = 20_000;

/**
 * Write `lines` lines to `file`; `plant` maps a 1-based line number to its text.
 * Returns the file size in bytes. Streams: a 3M-line list is never in memory.
 */
export async function writeRandomSerialList(
  file: string,
  lines: number,
  plant: Map<number, string> = new Map(),
  o: { finalNewline?: boolean } = {},
): Promise<number> {
  const out = createWriteStream(file);
  let size = 0;
  for (let start = 1; start <= lines; start += BATCH) {
    const end = Math.min(lines, start + BATCH - 1);
    const hex = randomBytes(16 * (end - start + 1)).toString('hex');
    const parts: string[] = [];
    for (let n = start; n <= end; n++) parts.push(plant.get(n) ?? hex.slice((n - start) * 32, (n - start + 1) * 32));
    let chunk = parts.join('\n');
    if (end < lines || o.finalNewline !== false) chunk += '\n';
    size += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  return size;
}
