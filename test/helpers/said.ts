// What a finding says, as every reporter writes it: tests assert on the
// sentence the user reads, rendered from the finding's detail.
import type { Finding } from '../../src/types.js';
import { findingSentence } from '../../src/report/text/finding-sentence.js';

export function said(f: Pick<Finding, 'detail' | 'location'>): string {
  return findingSentence(f);
}
