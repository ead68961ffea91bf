// `certwatch init`: write a starting config and workflow.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../config/settings.js';
import { workflowSafe } from '../report/workflow-safe.js';
import { INIT_OPTIONS } from './args.js';
import { help } from './help.js';

export async function init(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: INIT_OPTIONS, allowPositionals: false, strict: true });
  if (values.help) return help('init');
  const workspace = path.resolve(values.workspace ?? process.cwd());
  const st = await stat(workspace).catch(() => null);
  if (!st?.isDirectory()) throw new UsageError(`--workspace: ${workspace} is not a directory`);
  // Loaded on demand: init is a one-off, checks should not pay for its code.
  const { init: writeStart, describeInit, InitError } = await import('../init/init.js');
  try {
    process.stdout.write(workflowSafe(describeInit(await writeStart(workspace, { force: values.force }))));
  } catch (e) {
    if (e instanceof InitError) throw new UsageError(`init: ${e.message}`);
    throw e;
  }
  return 0;
}
