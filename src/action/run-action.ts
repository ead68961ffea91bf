// The action, step by step: inputs → settings → a check (or a merge of shard
// reports) → outputs, files, annotations and summary → issues → the step's
// outcome. Each step is a module beside this one and takes the inputs read
// once (inputs.ts).
import { readGithubEnv } from '../github/context.js';
import { actionSettings, trustedSettings } from './action-settings.js';
import { checkWorkspace } from './check-workspace.js';
import { readActionInputs } from './inputs.js';
import { issueSyncStep } from './issue-sync-step.js';
import { maskProxyCredentials, maskToken } from './mask-secrets.js';
import { mergedReport } from './merge-mode.js';
import { publishReport } from './publish-report.js';
import { endWithStatus } from './step-outcome.js';

export async function runAction(): Promise<void> {
  // Secrets are masked before anything can print them (mask-secrets.ts).
  maskProxyCredentials();
  const inputs = readActionInputs();
  maskToken(inputs.token);

  const configured = await actionSettings(inputs);
  const gh = readGithubEnv(inputs.token);
  const { settings, untrusted } = await trustedSettings(configured, inputs, gh);

  const { report, scopeFiles } = inputs.merge
    ? { report: await mergedReport(inputs), scopeFiles: null }
    : await checkWorkspace(inputs, settings, gh, untrusted);

  await publishReport(report, inputs, gh);
  await issueSyncStep(report, inputs, settings, gh, scopeFiles);
  endWithStatus(report);
}
