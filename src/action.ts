// GitHub inputs → run → outputs, job summary, annotations, report files, issues.
// The only engine entry that knows about @actions/*; everything else is data.
// Inputs are read once (action/inputs.ts); every step below takes that value.
import './shared/young-generation.js'; // first: sizes the heap before anything allocates
import * as core from '@actions/core';
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { readActionInputs, type ActionInputs } from './action/inputs.js';
import { buildSettings, DEFAULT_CONFIG_PATH, UsageError } from './config/settings.js';
import type { Settings } from './types.js';
import { ConfigError } from './config/load-config.js';
import { DurationError } from './config/duration.js';
import { run } from './run.js';
import type { Report } from './report/report-types.js';
import { renderMarkdown } from './report/markdown.js';
import { writeJsonFile } from './report/json-chunks.js';
import { annotationsFor } from './report/annotations.js';
import { plural } from './report/format-helpers.js';
import { loadReports, ReportLoadError } from './report/load-reports.js';
import { MergeError, mergeReports } from './report/merge-reports.js';
import { readGithubEnv, type GithubEnv, type Logger } from './github/context.js';
import { issuesEnabled } from './github/issue-policy.js';
import { workflowSafe } from './report/workflow-safe.js';
import { proxySecrets } from './net/proxy-credentials.js';

// core.info prints as is, and its lines carry certificate names, server answers
// and issue text: made unable to start a workflow command. core.warning/error
// escape their message themselves.
const log: Logger = {
  info: (m) => core.info(workflowSafe(m)),
  warning: (m) => core.warning(m),
  error: (m) => core.error(m),
};

async function writeJson(file: string, r: Report) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeJsonFile(file, r);
}

async function main(): Promise<void> {
  // Secrets certwatch learns are masked before anything can print them: proxy
  // credentials now, the token as soon as it is read, PKCS#12 passwords once
  // the config names them (below).
  for (const secret of proxySecrets(process.env)) core.setSecret(secret);
  const inputs = readActionInputs();
  if (inputs.token) core.setSecret(inputs.token);
  const { workspace, configPath } = inputs;

  let settings = await buildSettings(workspace, {
    configPath,
    endpoints: inputs.endpoints,
    files: inputs.files,
    warnWithin: inputs.warnWithin,
    failWithin: inputs.failWithin,
    revocation: inputs.revocation,
    shard: inputs.shard,
  });
  if (!settings.configPath && configPath !== DEFAULT_CONFIG_PATH) {
    // The contract says an absent file means discovery; a path someone typed that
    // does not exist is more likely a typo than a wish for discovery, so say so.
    core.warning(
      `config file ${configPath} does not exist; checking with discovery defaults (every certificate file in the workspace)`,
      { title: 'certwatch: config not found' },
    );
  }
  // PKCS#12 passwords come from the environment: mask them before anything can log them.
  for (const f of settings.files) {
    const v = f.passwordEnv ? process.env[f.passwordEnv] : undefined;
    if (v) core.setSecret(v);
  }
  const gh = readGithubEnv(inputs.token);
  // A pull request from a fork: its code is the attacker's (net/address-policy.ts, github/fork-context.ts).
  const { untrustedEvent, withBaseTrustedSections } = await import('./github/fork-context.js');
  const untrusted = untrustedEvent(gh);
  if (untrusted) settings = await withBaseTrustedSections(settings, gh, settings.configPath ?? configPath, log);

  const { report, scopeFiles } = inputs.merge
    ? { report: await mergedReport(inputs), scopeFiles: null }
    : await checkedReport(inputs, settings, gh, untrusted);

  await publish(report, inputs, gh);

  // Shard jobs leave issues to the merge job, which sees everything.
  // Octokit and the sync code load only when issues are on for this event (start-up, issue 15).
  const issuesDecision = issuesEnabled(inputs.issues, gh);
  const whole = settings.shard.count === 1 || !!inputs.merge;
  if (whole && !issuesDecision.on && inputs.issues !== 'false') log.info(`${issuesDecision.why}: not syncing issues`);
  if (whole && issuesDecision.on) await syncIssues(report, inputs, settings, gh, scopeFiles);

  const s = report.summary;
  const line = `certwatch: ${s.status} — ${plural(s.failures, 'failure')}, ${plural(s.warnings, 'warning')}, ${plural(s.certificates, 'certificate')}`;
  if (s.failures > 0) core.setFailed(line);
  else log.info(line);
}

/** The `merge` input: shard reports from the workspace, merged (loaded as `certwatch merge` loads them). */
async function mergedReport(inputs: ActionInputs): Promise<Report> {
  const { reports, files } = await loadReports([inputs.merge], { workspace: inputs.workspace }).catch((e: unknown) => {
    if (!(e instanceof ReportLoadError)) throw e;
    const p = e.problem;
    if (p.kind === 'no-match') throw new UsageError(`input merge: "${p.pattern}" matched no report`);
    throw new MergeError(`input merge: ${p.file} is not a readable JSON report (${(p.cause as Error).message})`);
  });
  const report = mergeReports(reports);
  log.info(`certwatch: merged ${files.length} shard reports`);
  return report;
}

/** A check of this workspace, narrowed to a pull request's changes when the scope says so; `untrusted`: why the event is untrusted (a fork's pull request), else null. */
async function checkedReport(
  inputs: ActionInputs,
  settings: Settings,
  gh: GithubEnv,
  untrusted: string | null,
): Promise<{ report: Report; scopeFiles: string[] | null }> {
  const { scope, configPath } = inputs;
  // GitHub modules load on demand: only a pull-request scope needs the PR's file list.
  const needsScope = scope === 'changed' || (scope === 'auto' && gh.eventName.startsWith('pull_request'));
  const sc = needsScope
    ? await (await import('./github/pr-scope.js')).resolveScope(scope, gh, settings.configPath ?? configPath, log)
    : { files: null, configChanged: false, reason: `scope ${scope}` };
  let onlyFiles: Set<string> | null = null;
  let endpointFilter: ((id: { id: string }) => boolean) | undefined;
  if (sc.files) {
    // Every changed file: collectFiles keeps only those the config's `files:`
    // globs match. Filtering by extension here too let a PR add an expiring
    // certificate unchecked when the config names it by another extension
    // (tls/*.cert, *.chain …) — files are sniffed by content, not by name.
    onlyFiles = new Set(sc.files);
    if (!sc.configChanged) endpointFilter = () => false;
    else {
      // Probe only the endpoints this pull request adds or changes.
      const { endpointsChangedSince } = await import('./github/changed-endpoints.js');
      const changed = await endpointsChangedSince(gh, settings, configPath);
      endpointFilter = changed ? (t) => changed.has(t.id) : undefined;
    }
    log.info(
      `certwatch: pull-request scope — only changed files that the config's files match${sc.configChanged ? ', config changed' : ''} (${sc.reason})`,
    );
  }
  const report = await run(settings, {
    onlyFiles,
    endpointFilter,
    progress: (m) => log.info(`certwatch: ${m}`),
    untrusted,
  });
  return { report, scopeFiles: sc.files };
}

/** Outputs, report files, annotations and the job summary. */
async function publish(report: Report, inputs: ActionInputs, gh: GithubEnv): Promise<void> {
  const { workspace } = inputs;
  // Outputs first: they must exist even if a later step (issues) has trouble.
  const s = report.summary;
  core.setOutput('status', s.status);
  core.setOutput('failures', String(s.failures));
  core.setOutput('warnings', String(s.warnings));
  core.setOutput('certificates', String(s.certificates));
  core.setOutput('next-expiry', s.nextExpiry ?? '');
  if (inputs.report) {
    const abs = path.resolve(workspace, inputs.report);
    await writeJson(abs, report);
    core.setOutput('report-path', abs);
  } else core.setOutput('report-path', '');

  if (inputs.sarif) {
    const { renderSarif } = await import('./report/sarif.js');
    const abs = path.resolve(workspace, inputs.sarif);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, renderSarif(report));
    core.setOutput('sarif-path', abs);
  }
  if (inputs.html) {
    const { renderInventory } = await import('./report/inventory/render.js');
    const abs = path.resolve(workspace, inputs.html);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, renderInventory(report, 'html', { title: `certwatch — ${gh.repository || 'inventory'}` }));
    core.setOutput('html-path', abs);
  }

  for (const a of annotationsFor(report)) {
    const props = { title: a.title, file: a.file, startLine: a.startLine };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }

  const runUrl = gh.runId ? `${gh.serverUrl}/${gh.repository}/actions/runs/${gh.runId}` : undefined;
  // core.summary throws when GITHUB_STEP_SUMMARY is unset (local runs): guard it.
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderMarkdown(report, { runUrl })).write();
  }
}

async function syncIssues(
  report: Report,
  inputs: ActionInputs,
  settings: Settings,
  gh: GithubEnv,
  scopeFiles: string[] | null,
): Promise<void> {
  const [{ syncIssuesFromAction }, { readCodeowners }] = await Promise.all([
    import('./github/sync-issues.js'),
    import('./github/codeowners.js'),
  ]);
  const codeowners = await readCodeowners(inputs.workspace);
  const res = await syncIssuesFromAction(report, inputs.issues, settings.issues, gh, log, {
    codeowners: codeowners ?? undefined,
    scopeFiles,
    issueAuthor: inputs.issueAuthor,
  });
  // A skipped sync has already said why (syncIssuesFromAction logs it once).
  if (!res.skipped)
    log.info(
      `certwatch: issues: ${res.created.length} opened, ${res.updated.length} updated, ${res.commented.length} commented, ${res.closed.length} closed, ${res.reopened.length} reopened (${res.apiCalls} API calls)`,
    );
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) {
    for (const p of e.problems)
      core.error(`${p.key ? `${p.key}: ` : ''}${p.message}`, {
        title: 'certwatch: invalid config',
        file: p.file.startsWith('(') ? undefined : p.file,
        startLine: p.line,
      });
    core.setFailed(`certwatch: invalid config (${e.problems.length} problem${e.problems.length === 1 ? '' : 's'})`);
  } else if (e instanceof UsageError || e instanceof DurationError || e instanceof MergeError) {
    core.setFailed(`certwatch: ${e.message}`);
  } else {
    core.setFailed(`certwatch: internal error: ${(e as Error).message}`);
    core.debug(String((e as Error).stack));
  }
});
