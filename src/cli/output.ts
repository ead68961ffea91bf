// Where the CLI's output goes: stdout (made unable to start a workflow
// command), --output and --report files, and progress on stderr.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../config/settings.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderOpenMetrics } from '../report/openmetrics.js';
import type { Report } from '../report/report-types.js';
import { renderSarif } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { workflowSafe } from '../report/workflow-safe.js';
import { writeJsonFile, writeJsonTo } from '../report/json-chunks.js';
import { fileProblem } from '../shared/file-problem.js';
import type { CHECK_FORMATS } from './args.js';

/** A JSON report to be written in pieces (report/json-chunks.ts), not rendered to one string first. */
export interface JsonOut {
  json: unknown;
}

async function writeTo(file: string, text: string | JsonOut, flag: string) {
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    if (typeof text === 'string') await writeFile(file, text);
    else await writeJsonFile(file, text.json);
  } catch (e) {
    throw new UsageError(`${flag}: cannot write ${file}: ${fileProblem(e)}`);
  }
}

// In a workflow step both streams are read for workflow commands: what we print
// carries certificate and server text, so it goes through workflowSafe.
export async function emit(text: string | JsonOut, output: string | undefined, format?: string) {
  const json = format === 'json' || format === 'sarif';
  if (output) await writeTo(output, text, '--output');
  else if (typeof text === 'string') process.stdout.write(workflowSafe(text, { json }));
  else await writeJsonTo(process.stdout, text.json, (chunk) => workflowSafe(chunk, { json }));
}

export function say(text: string): void {
  process.stderr.write(workflowSafe(text));
}

/** Progress lines on stderr, only for a person at a terminal. */
export function progress(): ((m: string) => void) | undefined {
  return process.stderr.isTTY ? (m) => say(`certwatch: ${m}\n`) : undefined;
}

export async function writeReport(r: Report, file: string | undefined) {
  if (file) await writeTo(file, { json: r }, '--report');
}

/** The report in one of check's (and merge's) formats. */
export function render(r: Report, format: (typeof CHECK_FORMATS)[number], toTty: boolean): string | JsonOut {
  switch (format) {
    case 'openmetrics':
      return renderOpenMetrics(r);
    case 'json':
      return { json: r };
    case 'markdown':
      return renderMarkdown(r);
    case 'sarif':
      return renderSarif(r);
    default:
      return renderText(r, { color: toTty && !process.env.NO_COLOR });
  }
}
