// The check itself: run() over the workspace, narrowed to a pull request's
// changes when the `scope` input says so.
import type { GithubEnv } from '../github/context.js';
import type { UntrustedEvent } from '../net/address-policy.js';
import type { Report } from '../report/report-types.js';
import { run } from '../run.js';
import type { Settings } from '../types.js';
import type { ActionInputs } from './inputs.js';
import { log } from './log.js';

/** The report, and the files the run was limited to (null: the whole workspace). `untrusted`: why the event is untrusted (a fork's pull request), else null. */
export async function checkWorkspace(
  inputs: ActionInputs,
  settings: Settings,
  gh: GithubEnv,
  untrusted: UntrustedEvent | null,
): Promise<{ report: Report; scopeFiles: string[] | null }> {
  const { scope, configPath } = inputs;
  // GitHub modules load on demand: only a pull-request scope needs the PR's file list.
  const needsScope = scope === 'changed' || (scope === 'auto' && gh.eventName.startsWith('pull_request'));
  const sc = needsScope
    ? await (await import('../github/pr-scope.js')).resolveScope(scope, gh, settings.configPath ?? configPath, log)
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
      const { endpointsChangedSince } = await import('../github/changed-endpoints.js');
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
