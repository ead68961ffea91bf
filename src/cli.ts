// argv → command → exit code (0 no failures, 1 failures found, 2 usage/config error).
// Each command lives in cli/<command>.ts with its option table in cli/args.ts;
// this module only dispatches and turns errors into messages and exit codes.
import './shared/young-generation.js'; // first: sizes the heap before anything allocates
import { DurationError } from './config/duration.js';
import { ConfigError } from './config/load-config.js';
import { UsageError } from './config/settings.js';
import { TOOL_VERSION } from './version.js';
import { MergeError } from './report/merge-reports.js';
import { argsProblem } from './cli/args.js';
import { check } from './cli/check.js';
import { HELP, USAGE, help, usage } from './cli/help.js';
import { init } from './cli/init.js';
import { inventory } from './cli/inventory.js';
import { merge } from './cli/merge.js';
import { say } from './cli/output.js';

export { COMMAND_OPTIONS } from './cli/args.js';

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'check':
        return await check(rest);
      case 'merge':
        return await merge(rest);
      case 'inventory':
        return await inventory(rest);
      case 'init':
        return await init(rest);
      case '--version':
      case '-V':
      case 'version':
        process.stdout.write(`certwatch ${TOOL_VERSION}\n`);
        return 0;
      case 'help':
        if (rest[0] && HELP[rest[0]]) return help(rest[0]);
        return usage(0);
      case undefined:
      case '-h':
      case '--help':
        return usage(cmd ? 0 : 2);
      default:
        say(`certwatch: unknown command "${cmd}"\n`);
        return usage(2);
    }
  } catch (e) {
    if (e instanceof ConfigError) {
      say(`certwatch: invalid config:\n${e.message.replace(/^/gm, '  ')}\n`);
      return 2;
    }
    if (e instanceof UsageError || e instanceof DurationError || e instanceof MergeError) {
      say(`certwatch: ${e.message}\n`);
      return 2;
    }
    const code = (e as { code?: string }).code;
    if (code && code.startsWith('ERR_PARSE_ARGS')) {
      say(`certwatch ${cmd}: ${argsProblem(e as Error, cmd)}\n${HELP[cmd] ?? USAGE}\n`);
      return 2;
    }
    say(`certwatch: internal error: ${(e as Error).message}\n(please report this with the command you ran)\n`);
    if (process.env.CERTWATCH_DEBUG) say(String((e as Error).stack) + '\n');
    return 2;
  }
}
