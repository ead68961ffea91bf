// `certwatch init`: look at a repository and write a config and a workflow for
// it. It never overwrites a file unless told to (--force), and says what it
// wrote and what to do next.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { BUILTIN, DEFAULT_CONFIG_PATH } from '../config/settings.js';
import { findCertificateFiles } from './find-certificate-files.js';
import { renderConfig } from './render-config.js';
import { renderWorkflow } from './render-workflow.js';

export const WORKFLOW_PATH = '.github/workflows/certwatch.yml';
// git answers in milliseconds; a hung credential helper or network mount must not hang init.
const GIT_TIMEOUT_MS = 5_000;
const FALLBACK_BRANCH = 'main';

export class InitError extends Error {}

export interface InitResult {
  written: string[]; // workspace-relative
  kept: string[]; // already there, not overwritten
  defaultBranch: string;
  branchSource: string; // how the branch was found, said to the user
  groups: number;
  files: number;
  certificates: number;
  /** the cache folder is not in .gitignore yet (local runs write CRLs and ARI answers there) */
  cacheNotIgnored: string | null;
}

/** The branch pushes are checked on: origin's HEAD, else the branch checked out, else "main". */
async function defaultBranch(workspace: string): Promise<{ name: string; source: string }> {
  const git = async (...args: string[]) => {
    try {
      const { stdout } = await promisify(execFile)('git', ['-C', workspace, ...args], { timeout: GIT_TIMEOUT_MS });
      return stdout.trim();
    } catch {
      return '';
    }
  };
  const remote = await git('symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD');
  if (remote.startsWith('origin/')) return { name: remote.slice('origin/'.length), source: "origin's default branch" };
  const current = await git('symbolic-ref', '--quiet', '--short', 'HEAD');
  if (current) return { name: current, source: 'the branch checked out (no origin/HEAD)' };
  return { name: FALLBACK_BRANCH, source: 'not a git repository: assumed' };
}

async function writeNew(workspace: string, rel: string, text: string, force: boolean): Promise<boolean> {
  const abs = path.join(workspace, rel);
  try {
    await mkdir(path.dirname(abs), { recursive: true });
    // 'wx' fails if the file exists: no window between a check and the write.
    await writeFile(abs, text, { flag: force ? 'w' : 'wx' });
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new InitError(
      `cannot write ${rel}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' ? 'a part of the path is a file' : (e as Error).message}`,
    );
  }
}

export async function init(workspace: string, opts: { force?: boolean } = {}): Promise<InitResult> {
  const found = await findCertificateFiles(workspace);
  const branch = await defaultBranch(workspace);
  const result: InitResult = {
    written: [],
    kept: [],
    defaultBranch: branch.name,
    branchSource: branch.source,
    groups: found.groups.length,
    files: found.groups.reduce((n, g) => n + g.files.length, 0),
    certificates: found.certificates,
    cacheNotIgnored: (await ignoresCache(workspace)) ? null : BUILTIN.cacheDir,
  };
  const outputs: [string, string][] = [
    [DEFAULT_CONFIG_PATH, renderConfig(found.groups, { hasCodeowners: found.hasCodeowners })],
    [WORKFLOW_PATH, renderWorkflow({ defaultBranch: branch.name })],
  ];
  for (const [rel, text] of outputs) {
    ((await writeNew(workspace, rel, text, opts.force === true)) ? result.written : result.kept).push(rel);
  }
  return result;
}

/** Whether .gitignore already names the cache folder (a plain line check: a hint, not a verdict). */
async function ignoresCache(workspace: string): Promise<boolean> {
  const text = await readFile(path.join(workspace, '.gitignore'), 'utf8').catch(() => '');
  const name = BUILTIN.cacheDir.replace(/\/+$/, '');
  return text.split(/\r?\n/).some(
    (l) =>
      l
        .trim()
        .replace(/^\/|\/$/g, '')
        .replace(/\/$/, '') === name,
  );
}

/** What the user reads after init: what happened and the next three steps. */
export function describeInit(r: InitResult): string {
  const lines: string[] = [];
  for (const f of r.written) lines.push(`wrote ${f}`);
  for (const f of r.kept) lines.push(`kept ${f}: it already exists (certwatch init --force overwrites it)`);
  lines.push(
    r.files
      ? `found ${r.certificates} certificate${r.certificates === 1 ? '' : 's'} in ${r.files} file${r.files === 1 ? '' : 's'}, listed as ${r.groups} entr${r.groups === 1 ? 'y' : 'ies'} under files:`
      : 'found no certificate files: the config keeps discovery on; add endpoints or files to it',
    `pushes are checked on "${r.defaultBranch}" (${r.branchSource}); edit on.push.branches if that is wrong`,
    '',
    'next:',
    '  1. npx certwatch check          see what the workflow will report',
    '  2. list your servers under endpoints: in .github/certwatch.yml',
    '  3. commit .github/certwatch.yml and .github/workflows/certwatch.yml and push',
  );
  if (r.cacheNotIgnored)
    lines.push(`  and add ${r.cacheNotIgnored}/ to .gitignore: local runs keep CRLs and ARI answers there`);
  return lines.join('\n') + '\n';
}
