// Text that goes to a step's stdout/stderr, made unable to act as a workflow
// command. The runner reads both streams line by line (a line ends at \n, \r
// or \r\n) and runs a line as a command when, after leading whitespace, it
// starts with `::` (`::add-mask::`, `::warning file=…::`, `::stop-commands::`),
// and — the legacy syntax — when it holds `##[` anywhere. `core.info` and a
// plain write do not escape; certificate names, server answers and issue
// bodies can hold both. A zero-width space (U+200B: not whitespace to .NET's
// TrimStart, invisible to readers) in front breaks the match.

const ZWSP = '\u200b';

export interface WorkflowSafeOptions {
  /** The text is JSON: break `##[` with a JSON escape, so the parsed values stay exactly as they were. */
  json?: boolean;
}

export function workflowSafe(text: string, o: WorkflowSafeOptions = {}): string {
  return (
    text
      // \u0085 (NEL) is whitespace to .NET but not to JavaScript's \s.
      .replace(/(^|\r\n|\r|\n)((?:[^\S\r\n]|\u0085)*)(?=::)/g, `$1${ZWSP}$2`)
      .replace(/##\[/g, o.json ? '##\\u005b' : `##${ZWSP}[`)
  );
}
