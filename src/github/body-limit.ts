// How long an issue body (or comment) certwatch writes may be. One limit,
// from GitHub; the numbers the issue writers use are derived from it here.

/** GitHub refuses a longer issue body or comment: 422 "body is too long (maximum is 65536 characters)". */
export const GITHUB_MAX_BODY_CHARS = 65_536;

/**
 * A note goes on top of an existing body (closing, closing a duplicate,
 * withdrawing) only while the result stays under this. The margin: certwatch
 * measures with String.length (UTF-16 code units) and GitHub does not document
 * how it counts (code points, after normalising line ends…); a refused body
 * would fail the close it rides on, while a note left out loses nothing (the
 * comment says the same).
 */
export const NOTE_FITS_UNDER = GITHUB_MAX_BODY_CHARS - 536;

/**
 * What a rendered body is cut to: well under the limit, so that the hidden
 * markers always fit and a closing note (at most ~540 characters) can still
 * go on top later.
 */
export const MAX_BODY_CHARS = 60_000;
