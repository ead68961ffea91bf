// `--version` and `--help` for each command, through the BUILT CLI: a newcomer's
// first commands. Each help names every option its command accepts (the option
// tables in src/cli/args.ts are the truth), and goes to stdout with exit 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COMMAND_OPTIONS } from '../../src/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000 });
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('--version prints the package version (the one reports carry)', () => {
  for (const flag of ['--version', '-V', 'version']) {
    const r = cli(flag);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `certwatch ${pkg.version}\n`);
  }
});

test('each command has --help naming every option it accepts', () => {
  for (const [cmd, options] of Object.entries(COMMAND_OPTIONS)) {
    for (const args of [
      [cmd, '--help'],
      [cmd, '-h'],
      ['help', cmd],
    ]) {
      const r = cli(...args);
      assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, new RegExp(`^usage: certwatch ${cmd}`));
      for (const name of Object.keys(options))
        if (name !== 'help') assert.match(r.stdout, new RegExp(`--${name}\\b`), `${cmd} --help mentions --${name}`);
    }
  }
});

test("the overview lists every command; a bad option shows that command's help", () => {
  const r = cli('--help');
  assert.equal(r.status, 0);
  for (const cmd of Object.keys(COMMAND_OPTIONS)) assert.match(r.stdout, new RegExp(`certwatch ${cmd}\\b`));
  const bad = cli('init', '--forse');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown option --forse — did you mean --force\?/);
  assert.match(bad.stderr, /usage: certwatch init/);
  assert.equal(bad.stderr.match(/unknown option/g)?.length, 1, 'the mistake is said once');
  assert.doesNotMatch(bad.stderr, /certwatch COMMAND --help/, "that command's help, not the overview");
});
