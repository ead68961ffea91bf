import path from 'node:path';

/** Whether `p` is `root` or below it (both absolute, already resolved). */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
