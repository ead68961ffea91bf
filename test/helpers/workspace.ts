// Temp directories for tests — the one way tests make them, so none is left behind.
// Each is removed when the process ends (node --test runs every file in its own
// process, so: when the file ends), or earlier, when the test passed as `t` ends.
// Why process exit and not node:test's `after()`: `after()` attaches to whatever is
// running, and called from a `before` hook it attaches to the hook and removes the
// directory before the tests that use it; the scripts that share these helpers
// (scripts/record-outputs.ts) run outside node:test.
import { mkdtempSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';

const made = new Set<string>();
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** An empty temp directory (mode 0700, as mkdtemp makes it). */
export async function tempDir(prefix = 'certwatch-', t?: TestContext): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  made.add(dir);
  t?.after(() => removeTempDir(dir));
  return dir;
}

/** tempDir for code that cannot wait (constructors, module top level). */
export function tempDirSync(prefix = 'certwatch-', t?: TestContext): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.add(dir);
  t?.after(() => removeTempDir(dir));
  return dir;
}

/** Remove a temp directory now (a test that checks what is left, or frees disk early). */
export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  made.delete(dir);
}

/** A throwaway repository checkout holding `files` (paths relative to it, folders made as needed). */
export async function workspace(files: Record<string, string> = {}, prefix = 'certwatch-ws-'): Promise<string> {
  const dir = await tempDir(prefix);
  await writeFiles(dir, files);
  return dir;
}

/** Add or overwrite files in a workspace (a new commit's content, for runs that compare). */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) await writeIn(dir, rel, text);
}

export interface Workspace {
  dir: string;
  /** writes `rel` (folders made as needed) and returns its absolute path */
  write(rel: string, content: string | Buffer): Promise<string>;
}

/** An empty workspace the test fills file by file, removed when test `t` ends. */
export async function emptyWorkspace(t: TestContext): Promise<Workspace> {
  const dir = await tempDir('certwatch-ws-', t);
  // Readable by `nobody`, for the permission test that runs as another user.
  await chmod(dir, 0o755);
  return { dir, write: (rel, content) => writeIn(dir, rel, content) };
}

async function writeIn(dir: string, rel: string, content: string | Buffer): Promise<string> {
  const abs = path.join(dir, rel);
  await mkdir(path.dirname(abs), { recursive: true });
  await writeFile(abs, content);
  return abs;
}
