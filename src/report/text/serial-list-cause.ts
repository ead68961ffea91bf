// Problems with published serial lists (checks/revocation/revoked-serials.ts,
// serial-lists/) in words, for `revoked-serials` findings and
// `inventory --serials-file`.
import type { SerialListCause } from '../../checks/revocation/revoked-serials.js';
import type { ListReadProblem } from '../../serial-lists/open-serial-list.js';
import type { SerialLineProblem } from '../../serial-lists/serial-line.js';
import { fetchFailure } from './fetch-failure.js';

/** What follows the list's name: "does not exist", "could not be read: fetching serial list …: HTTP 404". */
export function serialListCause(c: SerialListCause): string {
  switch (c.reason) {
    case 'read':
      return listReadProblem(c.problem);
    case 'fetch':
      return `could not be read: ${fetchFailure(c.failure)}`;
    case 'error':
      return c.text;
    case 'stale-copy':
      return `the server did not answer (${fetchFailure(c.failure)}); used the copy fetched ${c.fetchedAt}`;
    case 'bad-lines': {
      const more = c.count > c.lines.length ? `, … (${c.count.toLocaleString('en')} in all)` : '';
      if (c.lines.every((b) => b.problem.reason === 'not-hex'))
        return `line ${c.lines.map((b) => b.line).join(', ')}${more} ${c.count === 1 ? 'is' : 'are'} not a hex serial number (skipped)`;
      return `${c.count.toLocaleString('en')} line${c.count === 1 ? '' : 's'} skipped: ${c.lines.map((b) => `line ${b.line} "${b.text}" ${serialLineProblem(b.problem)}`).join('; ')}${more}`;
    }
    case 'stopped':
      return `reading stopped, the run's deadline passed after ${c.lines.toLocaleString('en')} lines; serials further down were not compared`;
  }
}

/** "does not exist", "is not a valid gzip file (…)": said after the list's name. */
export function listReadProblem(p: ListReadProblem): string {
  switch (p.reason) {
    case 'missing':
      return 'does not exist';
    case 'directory':
      return 'is a directory, not a list';
    case 'unreadable':
      return `cannot be read (${p.detail})`;
    case 'not-gzip':
      return `is not a valid gzip file (${p.detail})`;
  }
}

/** Why a line names no serial: said after the line's text. */
export function serialLineProblem(p: SerialLineProblem): string {
  switch (p.reason) {
    case 'no-serial':
      return 'has no serial before the first comma or tab';
    case 'not-hex':
      return 'is not a hex serial number';
    case 'too-long':
      return `is not one serial number (a serial has at most 20 octets; this one has ${p.hexDigits} hex digits)`;
  }
}
