// Every ```yaml block in README.md is what users copy into their repositories:
// it must parse (GitHub rejects a workflow its YAML parser cannot read), and a
// workflow that writes issues must be serialised by a `concurrency:` group
// shared by every issue-writing workflow (cancel-in-progress: false, so a run
// is never killed half-way through a sync), while pull-request checks get one
// group per pull request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const README = path.resolve(import.meta.dirname, '../../README.md');

interface Block {
  line: number; // of the opening fence, 1-based
  text: string;
}

function yamlBlocks(markdown: string): Block[] {
  const out: Block[] = [];
  const re = /^```ya?ml[^\n]*\n([\s\S]*?)^```/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown))
    out.push({ line: markdown.slice(0, m.index).split('\n').length, text: m[1] });
  return out;
}

/** Parse errors (and warnings: GitHub's parser is stricter than a lenient reading) with their line in the README. */
function parseProblems(b: Block): string[] {
  const problems: string[] = [];
  for (const doc of parseAllDocuments(b.text)) {
    for (const e of [...doc.errors, ...doc.warnings])
      problems.push(`README.md:${b.line + (e.linePos?.[0].line ?? 0)}: ${e.message.split('\n')[0]}`);
  }
  return problems;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const writesIssues = (permissions: unknown) =>
  permissions === 'write-all' || (isObj(permissions) && permissions.issues === 'write');
const events = (on: unknown): string[] =>
  typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : isObj(on) ? Object.keys(on) : [];

/** What is wrong with one workflow's concurrency; issue-writing groups are collected to check they are one. */
function concurrencyProblems(wf: Obj, where: string, issueGroups: Set<string>): string[] {
  const problems: string[] = [];
  const jobs: [string, Obj][] = isObj(wf.jobs)
    ? Object.entries(wf.jobs).map(([name, j]): [string, Obj] => [name, isObj(j) ? j : {}])
    : [];
  const writers = writesIssues(wf.permissions)
    ? [['(workflow)', wf] as [string, Obj]]
    : jobs.filter(([, j]) => writesIssues(j.permissions));
  for (const [name, holder] of writers) {
    const c = isObj(holder.concurrency) ? holder.concurrency : isObj(wf.concurrency) ? wf.concurrency : null;
    if (!c) {
      problems.push(
        `${where}: ${name} writes issues but has no \`concurrency:\` (overlapping runs would race on the same issues)`,
      );
      continue;
    }
    if (c['cancel-in-progress'] !== false)
      problems.push(
        `${where}: ${name}: an issue-writing group needs \`cancel-in-progress: false\` (a cancelled sync leaves work half done)`,
      );
    issueGroups.add(String(c.group));
  }
  if (events(wf.on).some((e) => e === 'pull_request' || e === 'pull_request_target')) {
    // The group may sit on the workflow or, in a workflow with one job per event
    // (what `certwatch init` writes), on each job that runs for pull requests.
    const perPr = (c: unknown) =>
      /github\.event\.pull_request\.number|github\.head_ref|github\.ref\b/.test(String(isObj(c) ? c.group : ''));
    const runsOnPr = (j: Obj) =>
      !/github\.event_name\s*==/.test(String(j.if ?? '')) || /'pull_request(_target)?'/.test(String(j.if));
    if (!perPr(wf.concurrency)) {
      const prJobs = jobs.filter(([, j]) => runsOnPr(j));
      const missing = prJobs.filter(([, j]) => !perPr(j.concurrency));
      if (!prJobs.length || missing.length) {
        problems.push(
          `${where}: a pull-request check needs one concurrency group per pull request (got "${String((isObj(wf.concurrency) ? wf.concurrency.group : undefined) ?? missing.map(([, j]) => (isObj(j.concurrency) ? j.concurrency.group : '') ?? '').join(', '))}")`,
        );
      }
    }
  }
  return problems;
}

function readmeProblems(markdown: string): { blocks: number; workflows: number; problems: string[] } {
  const problems: string[] = [];
  const issueGroups = new Set<string>();
  let workflows = 0;
  const blocks = yamlBlocks(markdown);
  for (const b of blocks) {
    const parsed = parseProblems(b);
    problems.push(...parsed);
    if (parsed.length) continue;
    for (const doc of parseAllDocuments(b.text)) {
      const wf = doc.toJS();
      if (!isObj(wf) || !('on' in wf) || !('jobs' in wf)) continue;
      workflows++;
      problems.push(...concurrencyProblems(wf, `README.md:${b.line}`, issueGroups));
    }
  }
  if (issueGroups.size > 1)
    problems.push(
      `issue-writing workflows use ${issueGroups.size} concurrency groups (${[...issueGroups].join(', ')}); one shared group serialises them`,
    );
  return { blocks: blocks.length, workflows, problems };
}

test('every yaml block in README.md parses, and its workflows carry the concurrency design', () => {
  const r = readmeProblems(readFileSync(README, 'utf8'));
  assert.ok(r.blocks >= 6, `found ${r.blocks} yaml blocks`);
  assert.ok(r.workflows >= 3, `found ${r.workflows} complete workflows`);
  assert.deepEqual(r.problems, []);
});

test('the checks catch what the README once had: `${{ }}` in a flow mapping, a nightly without concurrency', () => {
  const flow = [
    '```yaml',
    'steps:',
    '  - uses: actions/cache@v4',
    '    with: { path: .c, key: certwatch-${{ github.run_id }} }',
    '```',
    '',
  ].join('\n');
  assert.match(readmeProblems(flow).problems.join('\n'), /README\.md:4: /);
  const nightly = [
    '```yaml',
    'on: { schedule: [{ cron: "17 3 * * *" }] }',
    'permissions: { issues: write }',
    'jobs: { a: { runs-on: ubuntu-latest, steps: [] } }',
    '```',
    '',
  ].join('\n');
  assert.match(readmeProblems(nightly).problems.join('\n'), /writes issues but has no `concurrency:`/);
  const pr = [
    '```yaml',
    'on: pull_request',
    'concurrency: { group: certwatch }',
    'jobs: { a: { runs-on: ubuntu-latest, steps: [] } }',
    '```',
    '',
  ].join('\n');
  assert.match(readmeProblems(pr).problems.join('\n'), /one concurrency group per pull request/);
  // One job per event: the job that runs on pull requests needs its own per-PR group.
  const perJob = [
    '```yaml',
    'on: [push, pull_request]',
    'jobs:',
    '  a:',
    "    if: github.event_name == 'push'",
    '    runs-on: ubuntu-latest',
    '    steps: []',
    '  b:',
    "    if: github.event_name == 'pull_request'",
    '    concurrency: { group: certwatch }',
    '    runs-on: ubuntu-latest',
    '    steps: []',
    '```',
    '',
  ].join('\n');
  assert.match(
    readmeProblems(perJob).problems.join('\n'),
    /one concurrency group per pull request \(got "certwatch"\)/,
  );
  assert.deepEqual(
    readmeProblems(perJob.replace('{ group: certwatch }', '{ group: "pr-${{ github.event.pull_request.number }}" }'))
      .problems,
    [],
  );
});
