// The parts of a GitHub Actions workflow file (and dependabot.yml) the tests
// read, as the YAML parser returns them: typed once, so tests name fields
// rather than reach into untyped objects.
export interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
}

export interface WorkflowJob {
  if?: string;
  'runs-on'?: string;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  permissions?: Record<string, string>;
  steps: WorkflowStep[];
}

export interface Workflow {
  on: {
    push?: { tags?: string[]; branches?: string[] } | null;
    schedule?: { cron: string }[];
    [event: string]: unknown;
  };
  permissions?: Record<string, string>;
  concurrency?: unknown;
  jobs: Record<string, WorkflowJob>;
}

export interface DependabotConfig {
  version: number;
  updates: { 'package-ecosystem': string; directory?: string }[];
}
