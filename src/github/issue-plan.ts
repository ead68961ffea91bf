// The issue-sync planner: from the report and certwatch's own tracked issues
// (as data), the list of writes that brings GitHub in step — open, edit,
// comment, close, reopen, and the digest. Pure: no I/O, no Octokit, no clock
// but the render context's `now` (the report's run time). The store
// (issue-store.ts) lists the issues this reads and applies what it returns,
// in order, with the checks against concurrent runs that only it can make.
//
// Identity lives in the body, never in the title: people retitle issues.
// Run-to-run state (findings, places, owners, first-reported day) lives in a
// hidden marker in the body too (issue-state.ts), so a run needs no comment
// listing and an identical re-run makes no write at all.
import type { Report, ReportCertificate } from '../report/report-types.js';
import { mdCodeUntrusted, mdUntrusted } from '../report/untrusted-text.js';
import { findingSentence } from '../report/text/finding-sentence.js';
import { encodePlaceKey, samePlace } from '../report/place-key.js';
import type { IssueSettings } from '../types.js';
import type { CodeownersRule } from './codeowners.js';
import { NOTE_FITS_UNDER } from './body-limit.js';
import {
  certificateTitle,
  displayName,
  findingsSentence,
  renderCertificateBody,
  renderDigestBody,
  runLink,
  shortFingerprint,
  stableBody,
  type DigestRow,
  type RenderContext,
} from './issue-body.js';
import {
  digestEntry,
  digestEntryNames,
  rememberFinding,
  sameFinding,
  type RememberedFinding,
  type RememberedPlace,
} from './issue-state.js';
import { certificateState, digestState, trackingKey, type TrackedIssue } from './tracked-issue.js';
import {
  certificatePriority,
  completenessOf,
  needsOf,
  userLogins,
  wouldAskForReplacement,
  type Completeness,
  type Need,
} from './issue-policy.js';

/** A state-change comment, skipped when a concurrent run's body already reports these findings. */
export interface StateComment {
  text: string;
  /** the findings new since the body was last written */
  findings: RememberedFinding[];
  /** the new findings as a sentence, for the log */
  sentence: string;
}

/**
 * One write the store makes. Bodies, titles and comments are final text;
 * `assign` lists user logins to assign if GitHub says they can be (the store
 * asks), added to `assignees` (those already assigned).
 */
export type IssueAction =
  /** A second open issue with the same marker: closed silently (not planned), a note on top. */
  | { kind: 'close-duplicate'; issue: number; body?: string }
  /** An open issue whose certificate still needs replacement: new body, new owners, a comment on a state change. */
  | { kind: 'edit'; issue: number; assignees: string[]; body?: string; assign: string[]; comment?: StateComment }
  /** Comment, then close as completed (with the outcome on top of the body when it fits). */
  | { kind: 'close'; issue: number; comment: string; body?: string }
  /** An open issue left untouched because this run cannot tell its certificate is gone. */
  | { kind: 'keep-open'; issue: number; key: string; why: string }
  /** Open an issue (unless a concurrent run just did); `named`: rewrite once it is the one that stays, naming owners. */
  | { kind: 'create'; key: string; title: string; body: string; named?: { body: string; assign: string[] } }
  /** Reopen a closed issue for a certificate that needs replacement again (unless a concurrent run did). */
  | { kind: 'reopen'; issue: number; key: string; assignees: string[]; body: string; assign: string[]; comment: string }
  | { kind: 'warn'; message: string }
  | { kind: 'digest-create'; body: string; named?: string }
  | { kind: 'digest-edit'; issue: number; body: string }
  | { kind: 'digest-reopen'; issue: number; body: string; comment: string };

export interface PlanInput {
  report: Report;
  /** certwatch's own issues (tracked-issue.ts), oldest first */
  tracked: TrackedIssue[];
  settings: IssueSettings;
  /** links and the clock (`now`) for everything written */
  render: RenderContext;
  codeowners?: CodeownersRule[];
  /** files the run was limited to (PR scope); null/absent = the whole repository */
  scopeFiles?: string[] | null;
}

/** The writes that bring the tracked issues in step with the report, in the order they are made. */
export function planIssueSync(input: PlanInput): IssueAction[] {
  return new Planner(input).plan();
}

class Planner {
  private readonly actions: IssueAction[] = [];
  private readonly today: string;

  constructor(private readonly input: PlanInput) {
    this.today = input.render.now.slice(0, 10);
  }

  plan(): IssueAction[] {
    const { report, settings } = this.input;
    const needs = needsOf(report, this.input.codeowners);

    // Group by identity; the oldest open issue of a group is the canonical one.
    const groups = new Map<string, TrackedIssue[]>();
    for (const i of this.input.tracked) {
      const key = trackingKey(i);
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
    const open = new Map<string, TrackedIssue>();
    const closed = new Map<string, TrackedIssue>();
    for (const [key, group] of groups) {
      const opened = group.filter((i) => i.state === 'open');
      if (opened.length) open.set(key, opened[0]);
      for (const dup of opened.slice(1)) this.closeDuplicate(dup, opened[0]);
      // Reopen the issue that carried the history, not one closed as a duplicate.
      const shut = group.filter((i) => i.state === 'closed');
      const best = shut.find((i) => i.stateReason !== 'not_planned') ?? shut[0];
      if (best) closed.set(key, best);
    }

    const completeness = completenessOf(report, this.input.scopeFiles);
    let openAfter = 0;
    for (const [key, issue] of open) {
      if (key === 'digest') continue;
      const need = needs.get(key);
      if (need) {
        openAfter++;
        this.refresh(issue, need);
        continue;
      }
      const decision = this.resolveOpen(key, issue, completeness);
      if (decision.close) this.close(issue, decision.comment);
      else {
        openAfter++;
        this.actions.push({ kind: 'keep-open', issue: issue.number, key, why: decision.why });
      }
    }

    // New and regressed certificates, worst first, up to max-open; the rest go to the digest.
    const perCertificate = settings.mode === 'per-certificate';
    const waiting = [...needs.values()].filter((n) => !open.has(n.fp)).sort(certificatePriority);
    let room = perCertificate ? Math.max(0, settings.maxOpen - openAfter) : 0;
    const overflow: Need[] = [];
    for (const need of waiting) {
      if (room <= 0) {
        overflow.push(need);
        continue;
      }
      room--;
      const previous = closed.get(need.fp);
      if (previous) this.reopen(previous, need);
      else this.create(need);
    }
    if (overflow.length && perCertificate) {
      this.actions.push({
        kind: 'warn',
        message: `issues: max-open (${settings.maxOpen}) reached; ${overflow.length} more certificate(s) listed in the digest issue`,
      });
    }

    const digestRows = perCertificate ? overflow : [...needs.values()].sort(certificatePriority);
    this.digest(digestRows, open.get('digest'), closed.get('digest'), completeness, perCertificate);
    return this.actions;
  }

  /**
   * Closing rule for an open issue whose certificate no longer needs replacement:
   * - seen in this run and now fine (or ignored) → close, unless the check that
   *   raised the issue could not run this time (revocation unknown after
   *   "revoked", no ARI answer after "renewal-window") — an outage is not a fix;
   * - not seen → look at each place it was used. A place that now holds a
   *   different certificate was checked and shows the replacement. A place with
   *   nothing there counts as gone only in a complete run and only when no
   *   problem (unreachable, unparseable, not-checked) was reported for it.
   *   Close only when every place is replaced or gone; anything merely not
   *   seen keeps the issue open, untouched.
   */
  private resolveOpen(
    fp: string,
    issue: TrackedIssue,
    completeness: Completeness,
  ): { close: true; comment: string } | { close: false; why: string } {
    const { report, render } = this.input;
    const prev = certificateState(issue);
    const cert = report.certificates.find((c) => c.fingerprint.toLowerCase() === fp);
    if (cert) {
      const had = (id: string) => prev?.findings.some((f) => f.id === id) ?? false;
      if (had('revoked') && cert.revocation.status !== 'good' && cert.revocation.status !== 'revoked')
        return { close: false, why: `revocation status is ${cert.revocation.status} in this run` };
      if (had('renewal-window') && !cert.renewal)
        return { close: false, why: 'no renewal information (ARI) in this run' };
      const ignored = cert.findings.filter((f) => f.ignored && wouldAskForReplacement(f));
      const why = ignored.length
        ? `it is now ignored by the config${ignored[0].ignored?.reason ? ` ("${mdUntrusted(ignored[0].ignored.reason)}")` : ''}${ignored[0].ignored?.until ? ` until ${mdUntrusted(ignored[0].ignored.until)}` : ''}`
        : 'it no longer needs replacement (no expiry, revocation or renewal problem in this run)';
      return { close: true, comment: `Resolved: ${why}. Closing${runLink(render)}.` };
    }
    if (!prev || prev.places.length === 0) {
      return completeness.complete
        ? {
            close: true,
            comment: `Resolved: this certificate was not found anywhere in a complete run. Closing${runLink(render)}.`,
          }
        : { close: false, why: `not seen, and ${completeness.why}` };
    }
    const lines: string[] = [];
    for (const remembered of prev.places) {
      const seen = this.inspect(remembered, completeness);
      if (seen.kind === 'unseen')
        return { close: false, why: `${encodePlaceKey(remembered.place)} not checked: ${seen.why}` };
      lines.push(`- ${seen.text}`);
    }
    if (prev.placesCut && !completeness.complete)
      return { close: false, why: `it had more places than the issue remembers, and ${completeness.why}` };
    return {
      close: true,
      comment: [
        `Resolved: the certificate \`${shortFingerprint(fp)}\` is no longer used where it was:`,
        '',
        ...lines,
        '',
        `Closing${runLink(render)}. certwatch reopens this issue if the certificate comes back.`,
      ].join('\n'),
    };
  }

  private inspect(
    { place: key, slot: wasAt, subjectCN }: RememberedPlace,
    completeness: Completeness,
  ): { kind: 'replaced' | 'gone'; text: string } | { kind: 'unseen'; why: string } {
    const { report } = this.input;
    const isHere = (l: ReportCertificate['locations'][number]) => samePlace(l, key);
    const here = report.certificates.filter((c) => c.locations.some(isHere));
    const place =
      key.type === 'endpoint'
        ? `endpoint \`${mdCodeUntrusted(`${key.host}:${key.port}`)}\``
        : `\`${mdCodeUntrusted(key.path)}\``;
    if (here.length) {
      const at = (c: ReportCertificate) => c.locations.find(isHere);
      const slot = (c: ReportCertificate) => {
        const l = at(c);
        return l?.type === 'file' ? l.line : l?.chainIndex;
      };
      // The successor: same slot (line / chain position), else same name, else a leaf.
      const by =
        here.find((c) => wasAt !== undefined && slot(c) === wasAt) ??
        here.find((c) => subjectCN !== undefined && c.subjectCN === subjectCN) ??
        here.find((c) => c.role === 'leaf') ??
        here[0];
      return {
        kind: 'replaced',
        text: `${place}: replaced by \`${by.fingerprint}\` (${mdUntrusted(displayName(by))}) expiring ${by.notAfter}`,
      };
    }
    const problem = report.problems.find((p) => p.location && isHere(p.location));
    if (problem) return { kind: 'unseen', why: `${problem.id}: ${findingSentence(problem, report.run.now)}` };
    if (!completeness.complete) return { kind: 'unseen', why: completeness.why };
    return {
      kind: 'gone',
      text: `${place}: no longer there (${key.type === 'endpoint' ? 'the endpoint is no longer configured' : 'the file no longer holds it'})`,
    };
  }

  private refresh(issue: TrackedIssue, need: Need): void {
    const prev = certificateState(issue);
    const body = renderCertificateBody(
      { cert: need.cert, active: need.active, owners: need.owners, firstReported: prev?.firstReported || this.today },
      this.input.render,
    );
    const changed = stableBody(body) !== stableBody(issue.body);
    // Assign only owners new since last run: someone unassigned by hand stays unassigned.
    const assign = userLogins(need.owners.filter((o) => !(prev?.owners ?? []).includes(o))).filter(
      (u) => !issue.assignees.includes(u),
    );
    // A comment is a notification: only for a state change, never for a re-run,
    // and once however many runs saw the change.
    const before = prev?.findings ?? need.active.map(rememberFinding);
    const fresh = need.active.filter((f) => !before.some((b) => sameFinding(b, rememberFinding(f))));
    if (!changed && !assign.length && !fresh.length) return;
    this.actions.push({
      kind: 'edit',
      issue: issue.number,
      assignees: issue.assignees,
      ...(changed ? { body } : {}),
      assign,
      ...(fresh.length
        ? {
            comment: {
              text: `State changed: ${findingsSentence(fresh, this.input.render.now)}${runLink(this.input.render)}.`,
              findings: fresh.map(rememberFinding),
              sentence: findingsSentence(fresh, this.input.render.now),
            },
          }
        : {}),
    });
  }

  private create(need: Need): void {
    const render = (ownersPending: boolean) =>
      renderCertificateBody(
        { cert: need.cert, active: need.active, owners: need.owners, firstReported: this.today, ownersPending },
        this.input.render,
      );
    this.actions.push({
      kind: 'create',
      key: need.fp,
      title: certificateTitle(need.cert),
      body: render(need.owners.length > 0),
      // Known to be the one that stays: now name the owners for real and assign them (assignment is their notification).
      ...(need.owners.length ? { named: { body: render(false), assign: userLogins(need.owners) } } : {}),
    });
  }

  private reopen(issue: TrackedIssue, need: Need): void {
    const prevOwners = certificateState(issue)?.owners ?? [];
    const body = renderCertificateBody(
      { cert: need.cert, active: need.active, owners: need.owners, firstReported: this.today },
      this.input.render,
    );
    this.actions.push({
      kind: 'reopen',
      issue: issue.number,
      key: need.fp,
      assignees: issue.assignees,
      body,
      assign: userLogins(need.owners.filter((o) => !prevOwners.includes(o))).filter(
        (u) => !issue.assignees.includes(u),
      ),
      comment: `Reopened: this certificate needs replacement again — ${findingsSentence(need.active, this.input.render.now)}${runLink(this.input.render)}. (To stop tracking it, add an \`ignore:\` entry with its fingerprint to the certwatch config.)`,
    });
  }

  private close(issue: TrackedIssue, comment: string): void {
    // A reader landing on the closed issue should not read "needs replacement" as current:
    // prefix the body (same API call; the hidden markers below are kept) with the outcome.
    const banner = `> [!NOTE]\n> Resolved (${this.today}): ${comment.split('\n')[0].slice(0, 500)}\n\n`;
    const body = issue.body.startsWith('> [!NOTE]') ? undefined : banner + issue.body;
    this.actions.push({
      kind: 'close',
      issue: issue.number,
      comment,
      ...(body && body.length < NOTE_FITS_UNDER ? { body } : {}),
    });
  }

  /** Silent: a close caused by de-duplication tells nobody anything new (the note goes in the body, not a comment). */
  private closeDuplicate(dup: TrackedIssue, keep: TrackedIssue): void {
    const note = `> [!NOTE]\n> Closed (${this.today}): a duplicate of issue \`${keep.number}\`, which tracks the same ${dup.marker.kind === 'digest' ? 'digest' : 'certificate'} (same certwatch marker) and stays.\n\n`;
    const body = dup.body.startsWith('> [!NOTE]') ? undefined : note + dup.body;
    this.actions.push({
      kind: 'close-duplicate',
      issue: dup.number,
      ...(body && body.length < NOTE_FITS_UNDER ? { body } : {}),
    });
  }

  private digest(
    rows: Need[],
    open: TrackedIssue | undefined,
    closed: TrackedIssue | undefined,
    completeness: Completeness,
    perCertificate: boolean,
  ): void {
    const { report, render, settings } = this.input;
    // Entries of the last digest that this run did not see stay listed in a
    // partial run (same rule as for per-certificate issues, by fingerprint).
    const listed = new Set(rows.map((r) => digestEntry(r.fp)));
    const carried = completeness.complete
      ? []
      : ((open && digestState(open)?.listed) ?? []).filter(
          (p) => !listed.has(p) && !report.certificates.some((c) => digestEntryNames(p, c.fingerprint)),
        );
    const digestRows: DigestRow[] = rows.map((r) => ({ cert: r.cert, active: r.active, owners: r.owners }));
    if (!digestRows.length && !carried.length) {
      // A digest from before the state marker, in a partial run: nothing tells what it listed, so it stays.
      const legacyPartial = open && !digestState(open) && !completeness.complete;
      if (open && !legacyPartial)
        this.close(
          open,
          `Nothing left to replace: every certificate this digest listed is resolved. Closing${runLink(render)}.`,
        );
      return;
    }
    const opts = perCertificate ? { overflowOf: settings.maxOpen } : {};
    const body = renderDigestBody(digestRows, carried, render, opts);
    if (open) {
      if (stableBody(body) !== stableBody(open.body))
        this.actions.push({ kind: 'digest-edit', issue: open.number, body });
    } else if (closed) {
      this.actions.push({
        kind: 'digest-reopen',
        issue: closed.number,
        body,
        comment: `Reopened: ${digestRows.length} certificate(s) need replacement${runLink(render)}.`,
      });
    } else {
      const pending = digestRows.some((r) => r.owners.length > 0);
      this.actions.push({
        kind: 'digest-create',
        ...(pending
          ? { body: renderDigestBody(digestRows, carried, render, { ...opts, ownersPending: true }), named: body }
          : { body }),
      });
    }
  }
}
