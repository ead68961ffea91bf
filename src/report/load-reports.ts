// Shard reports from disk, for `certwatch merge` and the action's `merge`
// input: patterns expanded, files read in a stable order, each parsed and
// validated (merge-reports.ts). A file that cannot be had is a typed problem;
// the front door that asked words it, naming its flag or input.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { validateReport } from './merge-reports.js';
import type { Report } from './report-types.js';

export type ReportLoadProblem =
  | { kind: 'no-match'; pattern: string }
  | { kind: 'unreadable'; file: string; cause: unknown }
  | { kind: 'not-json'; file: string; cause: Error };

export class ReportLoadError extends Error {
  constructor(readonly problem: ReportLoadProblem) {
    super(problem.kind === 'no-match' ? `"${problem.pattern}" matched no report` : `cannot load ${problem.file}`);
  }
}

/**
 * Where the patterns are read:
 * - no `workspace` (the command line): relative to the current directory; a
 *   plain path is taken as given (a mistyped one is then "unreadable", with
 *   its cause), a glob must match something;
 * - `workspace` (the action's input): every pattern is matched inside it,
 *   and files are named relative to it.
 */
export interface ReportPlace {
  workspace?: string;
}

export interface LoadedReports {
  reports: Report[];
  /** the files read, in the order merged */
  files: string[];
}

/** Throws ReportLoadError for a pattern that matches nothing or a file that is not JSON; MergeError for JSON that is not a report. */
export async function loadReports(patterns: string[], place: ReportPlace = {}): Promise<LoadedReports> {
  const files = (await expand(patterns, place)).sort();
  const reports: Report[] = [];
  for (const f of files) {
    const name = place.workspace ? path.relative(place.workspace, f) : f;
    reports.push(validateReport(await readJson(f, name), name));
  }
  return { reports, files };
}

async function expand(patterns: string[], { workspace }: ReportPlace): Promise<string[]> {
  const files: string[] = [];
  for (const p of patterns) {
    const matched = workspace
      ? await fg(p, { cwd: workspace, dot: true, absolute: true })
      : fg.isDynamicPattern(p)
        ? await fg(p, { dot: true })
        : [p];
    if (!matched.length) throw new ReportLoadError({ kind: 'no-match', pattern: p });
    files.push(...matched);
  }
  return files;
}

async function readJson(file: string, name: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new ReportLoadError({ kind: 'unreadable', file: name, cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ReportLoadError({ kind: 'not-json', file: name, cause: cause as Error });
  }
}
