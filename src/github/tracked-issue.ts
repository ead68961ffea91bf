// Which GitHub issues are certwatch's own, and what each one tracks. Anyone
// can open an issue on a public repository, an issue template can apply the
// tracking label, and a certificate's fingerprint marker is public: so an
// issue counts only when the token's identity opened it (token-identity.ts)
// and the marker is on its first line. A stranger's body is never decoded.
// Pure: the store (issue-store.ts) fetches, this decides.
import { readMarker } from './issue-body.js';
import { readState, type CertificateState, type DigestState, type TrackedState } from './issue-state.js';
import { sameLogin } from './token-identity.js';

/** A certwatch issue: one the token's identity opened, with the marker on its first line. */
export interface TrackedIssue {
  number: number;
  state: 'open' | 'closed';
  stateReason: string | null;
  title: string;
  body: string;
  assignees: string[];
  marker: NonNullable<ReturnType<typeof readMarker>>;
  /** the state its body keeps for the next run (issue-state.ts), of the marker's kind; null: none, or not readable */
  remembered: TrackedState | null;
}

/** The fields of an issue as the REST API returns it (list or GET by number) that decide whether it is one of ours. */
export interface IssueData {
  number: number;
  state: string;
  state_reason?: string | null;
  title: string;
  body?: string | null;
  pull_request?: unknown;
  user?: { login: string } | null;
  labels?: (string | { name?: string })[];
  assignees?: { login: string }[] | null;
}

/** Whether an issue could be certwatch's before asking who the token is: an issue (not a PR) with a marker. */
export function carriesMarker(i: IssueData): boolean {
  return !i.pull_request && readMarker(i.body) !== null;
}

/**
 * An issue as a tracked certwatch issue, or null when it is not one of ours:
 * a pull request, opened by someone other than `login`, without the marker
 * on its first line, or (when `label` is given) without the tracking label.
 */
export function asTracked(i: IssueData, login: string | undefined, label: string | null): TrackedIssue | null {
  if (i.pull_request) return null; // the issues endpoint lists PRs too
  if (!login || !sameLogin(i.user?.login, login)) return null; // a stranger's issue is never ours
  if (label !== null) {
    const labels = (i.labels ?? []).map((l) => (typeof l === 'string' ? l : l?.name));
    if (!labels.includes(label)) return null;
  }
  const marker = readMarker(i.body);
  if (!marker) return null; // labelled by hand, not ours
  return {
    number: i.number,
    state: i.state === 'closed' ? 'closed' : 'open',
    stateReason: i.state_reason ?? null,
    title: i.title,
    body: i.body ?? '',
    assignees: (i.assignees ?? []).map((a) => a.login),
    marker,
    // State is read only from our own issues, and only state of the issue's own kind counts.
    remembered: ofKind(readState(i.body), marker.kind),
  };
}

function ofKind(s: TrackedState | null, kind: TrackedState['kind']): TrackedState | null {
  return s?.kind === kind ? s : null;
}

/** What a certificate's issue remembers, or null (a digest, or no readable state). */
export function certificateState(i: Pick<TrackedIssue, 'remembered'>): CertificateState | null {
  return i.remembered?.kind === 'certificate' ? i.remembered : null;
}

/** What the digest issue remembers, or null. */
export function digestState(i: Pick<TrackedIssue, 'remembered'>): DigestState | null {
  return i.remembered?.kind === 'digest' ? i.remembered : null;
}

/** What an issue tracks: a certificate's fingerprint, or "digest". */
export function trackingKey(i: Pick<TrackedIssue, 'marker'>): string {
  return i.marker.kind === 'digest' ? 'digest' : i.marker.fingerprint;
}
