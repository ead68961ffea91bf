// The one on-disk cache that fetchers share across runs (CRLs, ARI answers and
// ACME directories). Files are named by a hash of what they hold (a URL), so
// nothing a server says chooses a path. Writes go to a temporary file renamed
// into place, so a reader in an overlapping run sees the old copy or the new one,
// never half of one. Every operation is best effort: a read-only, full or damaged
// cache directory costs a download, never a failed check. What is read back is a
// download saver, not a source of trust — callers verify it as if fresh.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class DiskCache {
  private readonly dir: string | null;

  /** `root` is the run's cache directory (absent: no disk cache); `area` a subfolder such as "crl". */
  constructor(root: string | undefined, area: string) {
    this.dir = root ? join(root, area) : null;
  }

  /** The file for `key` (e.g. a URL) with a name prefix and suffix, or null when there is no cache. */
  file(key: string, suffix: string, prefix = ''): string | null {
    if (!this.dir) return null;
    return join(this.dir, `${prefix}${createHash('sha256').update(key).digest('hex').slice(0, 32)}${suffix}`);
  }

  async read(file: string | null): Promise<Buffer | null> {
    if (!file) return null;
    try {
      return await readFile(file);
    } catch {
      return null; // absent or unreadable: fetch again
    }
  }

  /** Parsed JSON, or null when absent or damaged. The shape is the caller's to check. */
  async readJson(file: string | null): Promise<unknown> {
    const raw = await this.read(file);
    if (!raw) return null;
    try {
      return JSON.parse(raw.toString('utf8')) as unknown;
    } catch {
      return null;
    }
  }

  async write(file: string | null, data: Buffer | string): Promise<void> {
    if (!file || !this.dir) return;
    try {
      await mkdir(this.dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, data);
      await rename(tmp, file);
    } catch {
      /* the cache is an optimisation */
    }
  }

  writeJson(file: string | null, value: unknown): Promise<void> {
    return this.write(file, JSON.stringify(value));
  }
}
