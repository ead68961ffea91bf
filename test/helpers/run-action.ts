// Run the built action (dist/action.js) the way the runner does: every input
// declared with a default in action.yml is passed as INPUT_<NAME>, outputs and
// the summary go to files named by GITHUB_OUTPUT / GITHUB_STEP_SUMMARY.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { tempDir, removeTempDir } from './workspace.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ACTION = path.join(ROOT, 'dist/action.js');
const manifest = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};

export interface ActionAnnotation {
  level: string;
  file?: string;
  line?: number;
  title?: string;
  message: string;
}

export interface ActionResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: ActionAnnotation[];
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProp(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

export function parseAnnotations(stdout: string): ActionAnnotation[] {
  const out: ActionAnnotation[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const i = kv.indexOf('=');
      props[kv.slice(0, i)] = unescapeProp(kv.slice(i + 1));
    }
    out.push({
      level: m[1],
      file: props.file,
      line: props.line ? Number(props.line) : undefined,
      title: props.title,
      message: unescapeData(m[3]),
    });
  }
  return out;
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const val: string[] = [];
    let j = i + 1;
    for (; j < lines.length && lines[j] !== m[2]; j++) val.push(lines[j]);
    out[m[1]] = val.join('\n');
    i = j;
  }
  return out;
}

export async function runAction(
  workspace: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
  timeoutMs = 60_000,
  /** the built action to run (scripts/record-outputs.ts runs another build's) */
  action = ACTION,
): Promise<ActionResult> {
  const tmp = await tempDir('certwatch-action-');
  const outFile = path.join(tmp, 'output');
  const summaryFile = path.join(tmp, 'summary');
  await writeFile(outFile, '');
  await writeFile(summaryFile, '');
  const e: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmp,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'example/repo',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9', // nothing listens: no test reaches the internet by accident
    GITHUB_RUN_ID: '1234',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    RUNNER_TEMP: tmp,
    NO_PROXY: '127.0.0.1,localhost,::1',
  };
  for (const [name, spec] of Object.entries(manifest.inputs)) {
    if (spec.default !== undefined)
      e[`INPUT_${name.toUpperCase()}`] = String(spec.default).replace('${{ github.token }}', 'test-token');
  }
  for (const [k, v] of Object.entries(inputs)) e[`INPUT_${k.toUpperCase()}`] = v;
  Object.assign(e, env);
  const child = spawn(process.execPath, [action], { cwd: workspace, env: e, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((r) => child.on('close', r));
  clearTimeout(timer);
  const result: ActionResult = {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(await readFile(outFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    annotations: parseAnnotations(stdout),
  };
  await removeTempDir(tmp);
  return result;
}

/** The nightly run: the built action on a `schedule` event of `repository` (owner/name, default branch main), issues against `apiUrl`. */
export async function runScheduled(
  workspace: string,
  repository: string,
  apiUrl: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
  run: { timeoutMs?: number; action?: string } = {},
): Promise<ActionResult> {
  const dir = await tempDir('certwatch-schedule-event-');
  try {
    const eventPath = path.join(dir, 'event.json');
    const [owner, name] = repository.split('/');
    await writeFile(
      eventPath,
      JSON.stringify({
        schedule: '17 3 * * *',
        repository: { full_name: repository, name, owner: { login: owner }, default_branch: 'main' },
      }),
    );
    return await runAction(
      workspace,
      inputs,
      {
        GITHUB_API_URL: apiUrl,
        GITHUB_REPOSITORY: repository,
        GITHUB_EVENT_NAME: 'schedule',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REF: 'refs/heads/main',
        ...env,
      },
      run.timeoutMs,
      run.action,
    );
  } finally {
    await removeTempDir(dir);
  }
}
