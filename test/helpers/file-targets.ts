// Configured file targets for file-source tests, as if declared in the config.
import type { FileTarget } from '../../src/types.js';

export const CONFIG = '.github/certwatch.yml';

/** A configured file target, as if declared on `line` of the config. */
export function target(pattern: string, line = 5, extra: Partial<FileTarget> = {}): FileTarget {
  return { pattern, source: { file: CONFIG, line }, ...extra };
}
