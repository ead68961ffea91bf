// Which files discovery looks at. In a git checkout: the files git tracks — what "checked
// in" means, and it leaves out build output and installed dependencies for free. Elsewhere
// (a tarball, a checkout without .git, git missing or refusing the directory): every file
// under the workspace, skipping the always-ignored folders.
import { execFile } from 'node:child_process';
import fg from 'fast-glob';
import picomatch from 'picomatch';

// A listing of a million paths is ~100 MB of output; past that git is not answering about a repository.
const MAX_LISTING_BYTES = 256 * 1024 * 1024;
// Listing the index is fast even for big repositories; a hung git must not hang the run.
const LIST_TIMEOUT_MS = 60_000;

export async function listDiscoveryFiles(workspace: string, ignore: string[]): Promise<string[]> {
  const skip = picomatch(ignore, { dot: true });
  const tracked = await gitTrackedFiles(workspace);
  if (tracked) return tracked.filter((f) => !skip(f));
  return fg('**', {
    cwd: workspace,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore,
    suppressErrors: true,
  });
}

/** Paths relative to `workspace` (git answers relative to the current directory), or null when git cannot say. */
export function gitTrackedFiles(workspace: string): Promise<string[] | null> {
  return new Promise((resolve) => {
    execFile(
      'git',
      // -z: names as they are (no quoting of unusual characters); --cached: the index, i.e. what is committed or staged.
      ['-c', 'core.quotepath=off', 'ls-files', '-z', '--cached'],
      {
        cwd: workspace,
        maxBuffer: MAX_LISTING_BYTES,
        timeout: LIST_TIMEOUT_MS,
        encoding: 'utf8',
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      },
      (err, stdout) => {
        if (err) return resolve(null);
        const files = stdout.split('\0').filter(Boolean);
        // An empty index (a fresh `git init`) says nothing about what is in the folder.
        resolve(files.length ? [...new Set(files)] : null);
      },
    );
  });
}
