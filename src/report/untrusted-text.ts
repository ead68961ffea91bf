// The one neutraliser for text certwatch does not control (certificate names
// and URLs, server banners, revocation/ARI answers, paths a pull request adds,
// issue bodies) on its way into something GitHub renders or acts on.
//
// GitHub turns more than Markdown into live output: after rendering it links
// `@user` / `@org/team` (a notification), `#12`, `GH-12` and `owner/repo#12`
// (cross-references), bare `https://…` and `www.…` (links), and `name@host`
// (mail links). Backslash escapes and HTML entities do not stop the mention
// and reference filters (github/markup #1168, github/cmark-gfm #181) because
// they run on the rendered text; a zero-width space (U+200B) right after the
// `@` or `#` does, and is invisible to readers. Markdown syntax itself (links,
// images, HTML, comments, emphasis, table pipes, code spans, math) is escaped
// so it shows as the characters it is.
//
// Owners from the config and CODEOWNERS are the only live mentions certwatch
// writes, and only when they are valid GitHub handles (ownerMention).

const ZWSP = '\u200b';

// C0/C1 controls, and Unicode bidi overrides/isolates that could reorder what a reader sees.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]+/g;

/** One line of plain text: every control character or line break becomes a space. */
export function oneLine(s: string): string {
  return s.replace(CONTROLS, ' ');
}

/** Break what GitHub links after rendering: mentions, references, bare URLs, mail addresses. */
function defuseAutolinks(s: string): string {
  return s.replace(AUTOLINK, defuse);
}

// What GitHub links after rendering (anywhere: GFM also links right after "_", "*", "~" or "("):
// @user, @org/team, user@host, owner/repo@sha · #12, owner/repo#12 (and the full-width ＃) · GH-12 ·
// GFM's extended autolinks http(s)://, ftp://, mailto:, xmpp:, www.
const AUTOLINK_SOURCE = String.raw`@(?=[\p{L}\p{N}_-])|[#\uff03](?=\p{N})|GH-(?=\d)|(?:https?|ftp):(?=\/\/)|(?:mailto|xmpp):|www\.`;
const AUTOLINK = new RegExp(AUTOLINK_SOURCE, 'giu');

function defuse(m: string): string {
  // A zero-width space after the sign ("@", "#", "GH-", "https:"), or before the dot of "www.".
  return m.endsWith('.') ? `${m.slice(0, -1)}${ZWSP}.` : `${m}${ZWSP}`;
}

// One pass over the text (the job summary renders tens of thousands of cells):
// control runs, the Markdown characters that make something live or break the
// structure, and the autolink triggers above.
const MARKDOWN_LIVE = new RegExp(
  String.raw`[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]+|[\\&<>|$\x60]|\](?=[(\[])|` +
    AUTOLINK_SOURCE,
  'giu',
);

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function neutralise(m: string): string {
  switch (m) {
    case '\\':
    case '|':
    case '$':
    case '`':
      return `\\${m}`;
    case '&':
    case '<':
    case '>':
      return ENTITY[m];
    case ']':
      return ']\\';
    default:
      // eslint-disable-next-line no-control-regex
      return /^[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/.test(m) ? ' ' : defuse(m);
  }
}

/**
 * Untrusted text inside a Markdown paragraph, list item, heading or table cell:
 * it renders as the same characters, and nothing in it is live. Escaped are
 * only the characters that make something live or break the structure:
 * `\` (could undo our escapes), `&` (entities such as `&#64;` render an `@`
 * that then mentions), `<` `>` (HTML, comments, autolinks), `|` (table cells),
 * `](` and `][` (links and images: a link needs its `(` right after the `]`),
 * backquotes (a code span could pair with ours) and `$` (math); line breaks
 * and other control characters become spaces.
 */
export function mdUntrusted(s: string): string {
  return MAY_NEED_WORK.test(s) ? s.replace(MARKDOWN_LIVE, neutralise) : s;
}

// A cheap first look (no Unicode classes, no look-ahead): most cells hold none of these.
// eslint-disable-next-line no-control-regex
const MAY_NEED_WORK =
  /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\\&<>|$`\]@#\uff03]|GH-|:\/\/|mailto:|xmpp:|www\./i;

/**
 * An issue title: GitHub renders only code spans and references in titles, so
 * Markdown escapes would show as backslashes. One line, references defused.
 */
export function titleUntrusted(s: string): string {
  return defuseAutolinks(oneLine(s).replace(/\s+/g, ' ').trim());
}

/** Inside a Markdown code span: nothing renders there; only a backquote or a line break could end it. */
export function mdCodeUntrusted(s: string): string {
  return oneLine(s).replace(/`/g, "'");
}

// GitHub logins: 1–39 alphanumerics or single hyphens, not starting or ending
// with one. Team slugs: lower-case alphanumerics, '-', '_' and '.'.
const USER_HANDLE = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM_HANDLE = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** Whether a configured owner is a GitHub handle that may be mentioned ("@alice", "@org/team"). */
export function isGithubHandle(owner: string): boolean {
  return USER_HANDLE.test(owner) || TEAM_HANDLE.test(owner);
}

/** An owner as Markdown: a live mention when it is a valid handle, inert text otherwise. */
export function ownerMention(owner: string): string {
  return isGithubHandle(owner) ? owner : mdUntrusted(owner);
}

// An owner entry longer than this is not a handle; it is shown cut, as text.
const MAX_OWNER_CHARS = 200;

/** Owners as configured ("@alice, @org/team" or a list): valid handles stay mentions, anything else is text. */
export function ownersMarkdown(owners: string[]): string {
  return owners
    .flatMap((o) => o.split(/[\s,]+/))
    .filter(Boolean)
    .map((o) => ownerMention(o.slice(0, MAX_OWNER_CHARS)))
    .join(', ');
}

/** Untrusted text in a SARIF message (§3.11: plain text with `[text](target)` embedded links). */
export function sarifUntrusted(s: string): string {
  return oneLine(s).replace(/[[\]]/g, (ch) => `\\${ch}`);
}
