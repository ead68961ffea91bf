// The `.github/workflows/certwatch.yml` that `certwatch init` writes: the three
// uses of the contract as three jobs, each with the least `permissions:` it
// needs (the workflow itself grants none):
//   push          a push to the default branch: check, and keep issues in step
//   nightly       schedule / manual: check, keep issues, cache CRLs and ARI answers
//   pull-request  only the certificate files the PR changes, annotated
// The two issue-writing jobs share one concurrency group and never cancel each
// other, so two runs never race on the same issues (GitHub keeps one running
// and one waiting per group); pull-request checks get one group per PR and a
// new push cancels the stale check.
import { BUILTIN } from '../config/settings.js';
import { ACTION_REF } from './action-ref.js';

export const ISSUES_CONCURRENCY_GROUP = 'certwatch-issues';
/** Above defaults.deadline (15m), so certwatch reports before the runner kills the job. */
const JOB_TIMEOUT_MINUTES = 20;

/** A cron minute in the quiet part of the hour: GitHub delays or drops schedules at :00 under load. */
export const NIGHTLY_CRON = '17 3 * * *';

export function renderWorkflow(opts: { defaultBranch: string }): string {
  const cache = BUILTIN.cacheDir;
  return `# certwatch: fails when a certificate this repository depends on is expired, close to
# expiry, revoked or due for replacement, and keeps issues listing what to replace.
# Written by \`certwatch init\`; settings live in .github/certwatch.yml.
name: certwatch

on:
  push:
    branches: [${JSON.stringify(opts.defaultBranch)}]
  pull_request:
  schedule:
    - cron: "${NIGHTLY_CRON}"          # nightly (UTC)
  workflow_dispatch:

permissions: {}                     # each job asks for what it needs

jobs:
  push:
    # A push to the default branch: the same check as nightly, and issues follow it.
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    timeout-minutes: ${JOB_TIMEOUT_MINUTES}
    permissions:
      contents: read
      issues: write
    concurrency:                    # one issue-writing run at a time, shared with nightly
      group: ${ISSUES_CONCURRENCY_GROUP}
      cancel-in-progress: false
    steps:
      - uses: actions/checkout@v4
      - uses: ${ACTION_REF}
        id: certwatch
        with:
          report: certwatch-report.json

  nightly:
    # Certificates expire and get revoked without a commit: check every night.
    if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'
    runs-on: ubuntu-latest
    timeout-minutes: ${JOB_TIMEOUT_MINUTES}
    permissions:
      contents: read
      issues: write
    concurrency:
      group: ${ISSUES_CONCURRENCY_GROUP}
      cancel-in-progress: false
    steps:
      - uses: actions/checkout@v4
      - uses: actions/cache@v4      # keeps CRLs and ARI answers between runs (defaults.cache-dir)
        with:
          path: ${cache}
          key: certwatch-\${{ github.run_id }}
          restore-keys: certwatch-
      - uses: ${ACTION_REF}
        id: certwatch
        with:
          report: certwatch-report.json
          html: certwatch-inventory.html
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: certificate-inventory
          path: |
            certwatch-report.json
            certwatch-inventory.html

  pull-request:
    # Only the certificate files the PR adds or changes (endpoints when it edits the config).
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    timeout-minutes: ${JOB_TIMEOUT_MINUTES}
    permissions:
      contents: read
      pull-requests: read           # the list of changed files
    concurrency:                    # one per PR: a new push replaces the check in progress
      group: certwatch-pr-\${{ github.event.pull_request.number }}
      cancel-in-progress: true
    steps:
      - uses: actions/checkout@v4
      - uses: ${ACTION_REF}
        id: certwatch
`;
}
