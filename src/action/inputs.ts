// The action's inputs (action.yml), read once at the edge into one typed
// value; everything after takes that value and never calls core.getInput.
// A value outside its allowed set is a usage error naming the input.
import * as core from '@actions/core';
import { UsageError } from '../config/settings.js';

export interface ActionInputs {
  /** GITHUB_WORKSPACE, else the current directory */
  workspace: string;
  /** `config`; default .github/certwatch.yml */
  configPath: string;
  /** `endpoints` and `files`: one per line, blank lines and # comments left out */
  endpoints: string[];
  files: string[];
  /** `warn-within`, `fail-within`, `revocation`: empty = the config's (or the default) */
  warnWithin: string;
  failWithin: string;
  revocation: string;
  /** `shard` ("i/n"); undefined = not sharded */
  shard: string | undefined;
  issues: 'auto' | 'true' | 'false';
  scope: 'auto' | 'all' | 'changed';
  /** `github-token`; empty = none */
  token: string;
  /** `issue-author`; undefined = ask GitHub who the token is */
  issueAuthor: string | undefined;
  /** `merge`: a glob of shard reports to merge instead of checking; empty = check */
  merge: string;
  /** output files, relative to the workspace; empty = not written */
  report: string;
  sarif: string;
  html: string;
}

export function readActionInputs(env: NodeJS.ProcessEnv = process.env): ActionInputs {
  // Read in this order: an invalid `issues` is reported before an invalid `scope`.
  const issues = oneOf('issues', ['auto', 'true', 'false'] as const, 'auto');
  const scope = oneOf('scope', ['auto', 'all', 'changed'] as const, 'auto');
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    configPath: core.getInput('config') || '.github/certwatch.yml',
    endpoints: lines('endpoints'),
    files: lines('files'),
    warnWithin: core.getInput('warn-within'),
    failWithin: core.getInput('fail-within'),
    revocation: core.getInput('revocation'),
    shard: core.getInput('shard') || undefined,
    issues,
    scope,
    token: core.getInput('github-token'),
    issueAuthor: core.getInput('issue-author') || undefined,
    merge: core.getInput('merge'),
    report: core.getInput('report'),
    sarif: core.getInput('sarif'),
    html: core.getInput('html'),
  };
}

function lines(name: string): string[] {
  return core
    .getInput(name)
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('#'));
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = core.getInput(name).trim();
  if (!v) return fallback;
  if (!allowed.includes(v as T)) throw new UsageError(`input ${name}: "${v}" is not one of ${allowed.join(', ')}`);
  return v as T;
}
