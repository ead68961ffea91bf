// What every run leaves behind, whatever issue sync does next: the step's
// outputs, the report files the inputs ask for (JSON, SARIF, HTML),
// annotations, and the job summary.
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GithubEnv } from '../github/context.js';
import { annotationsFor } from '../report/annotations.js';
import { writeJsonFile } from '../report/json-chunks.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Report } from '../report/report-types.js';
import type { ActionInputs } from './inputs.js';

export async function publishReport(report: Report, inputs: ActionInputs, gh: GithubEnv): Promise<void> {
  // Outputs first: they must exist even if a later step (issues) has trouble.
  const s = report.summary;
  core.setOutput('status', s.status);
  core.setOutput('failures', String(s.failures));
  core.setOutput('warnings', String(s.warnings));
  core.setOutput('certificates', String(s.certificates));
  core.setOutput('next-expiry', s.nextExpiry ?? '');
  await writeReportFiles(report, inputs, gh);
  annotate(report);
  const runUrl = gh.runId ? `${gh.serverUrl}/${gh.repository}/actions/runs/${gh.runId}` : undefined;
  // core.summary throws when GITHUB_STEP_SUMMARY is unset (local runs): guard it.
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderMarkdown(report, { runUrl })).write();
  }
}

/** The `report`, `sarif` and `html` inputs: files under the workspace, each path an output. */
async function writeReportFiles(report: Report, inputs: ActionInputs, gh: GithubEnv): Promise<void> {
  const { workspace } = inputs;
  if (inputs.report) {
    const abs = path.resolve(workspace, inputs.report);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeJsonFile(abs, report);
    core.setOutput('report-path', abs);
  } else core.setOutput('report-path', '');

  // Renderers only some runs need load on demand.
  if (inputs.sarif) {
    const { renderSarif } = await import('../report/sarif.js');
    const abs = path.resolve(workspace, inputs.sarif);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, renderSarif(report));
    core.setOutput('sarif-path', abs);
  }
  if (inputs.html) {
    const { renderInventory } = await import('../report/inventory/render.js');
    const abs = path.resolve(workspace, inputs.html);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, renderInventory(report, 'html', { title: `certwatch — ${gh.repository || 'inventory'}` }));
    core.setOutput('html-path', abs);
  }
}

/** The findings as workflow-command annotations (report/annotations.ts picks and words them). */
function annotate(report: Report): void {
  for (const a of annotationsFor(report)) {
    const props = { title: a.title, file: a.file, startLine: a.startLine };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
}
