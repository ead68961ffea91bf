// A throwaway repository checkout for end-to-end runs: a temp directory holding
// the given files (paths relative to it, folders created as needed).
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export async function workspace(files: Record<string, string>, prefix = 'certwatch-ws-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  await writeFiles(dir, files);
  return dir;
}

/** Add or overwrite files in a workspace (a new commit's content, for runs that compare). */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
}
