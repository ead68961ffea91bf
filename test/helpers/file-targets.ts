// Temp workspaces for file-source tests: a directory the test fills, removed after.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import type { FileTarget } from '../../src/types.js';

export const CONFIG = '.github/certwatch.yml';

export interface Workspace {
  dir: string;
  write(rel: string, content: string | Buffer): Promise<string>;
}

export async function workspace(t: TestContext): Promise<Workspace> {
  const dir = await mkdtemp(path.join(tmpdir(), 'certwatch-ws-'));
  // Readable by `nobody`, for the permission test that runs as another user.
  await chmod(dir, 0o755);
  t.after(() => rm(dir, { recursive: true, force: true }));
  return {
    dir,
    async write(rel, content) {
      const abs = path.join(dir, rel);
      await mkdir(path.dirname(abs), { recursive: true });
      await writeFile(abs, content);
      return abs;
    },
  };
}

/** A configured file target, as if declared on `line` of the config. */
export function target(pattern: string, line = 5, extra: Partial<FileTarget> = {}): FileTarget {
  return { pattern, source: { file: CONFIG, line }, ...extra };
}
