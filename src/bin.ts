// The `certwatch` executable (dist/cli.js). Kept apart from cli.ts so tests can
// import main() without running it.
import { main } from './cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`certwatch: internal error: ${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);
