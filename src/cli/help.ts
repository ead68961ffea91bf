// What `certwatch --help` and `certwatch COMMAND --help` print.
import { say } from './output.js';

const TARGET_USAGE = `[--config F] [--endpoint E]... [--files GLOB]... [--workspace DIR]
                  [--warn-within D] [--fail-within D] [--revocation soft|hard|off] [--shard i/n] [--at YYYY-MM-DD]`;

// One help text per command (`certwatch CMD --help`), and the overview (`certwatch --help`).
export const HELP: Record<string, string> = {
  check: `usage: certwatch check ${TARGET_USAGE}
                  [--format text|json|markdown|sarif|openmetrics] [--report F] [--output F]

Checks the certificates a repository depends on (files and endpoints, from
.github/certwatch.yml or discovery) and prints the findings.
  --at DATE      judge expiry and ignore.until as of DATE (revocation and ARI stay facts about now)
  --report F     also write the JSON report to F, whatever --format shows
  --output F     write the output to F instead of stdout
exit status: 0 no failures, 1 failures found, 2 usage or config error`,
  merge: `usage: certwatch merge REPORT.json... [--format text|json|markdown|sarif|openmetrics] [--report F] [--output F]

Merges shard reports (files or a quoted glob, like 'reports/*.json') into one.
exit status: 0 no failures, 1 failures found, 2 usage or config error`,
  inventory: `usage: certwatch inventory ${TARGET_USAGE}
                  [--issuer S] [--owner S] [--expires-before DATE] [--serials-file F] [--all]
                  [--by folder|issuer|root|owner|key]
                  [--format text|json|csv|markdown|ics|html|openmetrics] [--report F] [--output F]

Lists every certificate: issuer, locations, owner, expiry. Filters combine with AND.
  --issuer S           case-insensitive substring of any issuer DN attribute
  --owner S            case-insensitive substring of the owner
  --expires-before D   notAfter before D (YYYY-MM-DD)
  --serials-file F     on a CA's list of affected serials (one per line, plain or gzip'd)
  --at DATE            what fails on DATE: expiry and ignore.until are judged then, revocation
                       and ARI stay facts about now; --all lists every certificate, judged on DATE
  --by G               roll up: one line per folder (or issuing CA, root, owner, key type) with
                       its certificates, locations, failing certificates and earliest expiry;
                       a certificate in two folders counts in both (text, json, csv, markdown)
exit status: 0 no failures, 1 failures found, 2 usage or config error`,
  init: `usage: certwatch init [--workspace DIR] [--force]

Writes .github/certwatch.yml (the certificate files found here, grouped by folder,
owners from CODEOWNERS, every option with its default) and
.github/workflows/certwatch.yml (a check on pushes to the default branch, a nightly
run that keeps issues, a pull-request check). An existing file is kept unless --force.
exit status: 0 written (or kept), 2 usage error`,
};

export const USAGE = `usage:
  certwatch check [options]        check certificates and fail on problems
  certwatch inventory [options]    list certificates: who issued them, where, who owns them
  certwatch merge REPORT.json...   merge shard reports
  certwatch init [--force]         write a config and a workflow for this repository
  certwatch --version
  certwatch COMMAND --help         the options of one command

exit status: 0 no failures, 1 failures found, 2 usage or config error`;

/** One command's help on stdout; exit status 0. */
export function help(cmd: string): number {
  process.stdout.write(HELP[cmd] + '\n');
  return 0;
}

/** The overview: on stdout when asked for (0), on stderr after a mistake (`code`). */
export function usage(code: number): number {
  if (code) say(USAGE + '\n');
  else process.stdout.write(USAGE + '\n');
  return code;
}
