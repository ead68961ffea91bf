// The issue-sync store: reads certwatch's issues from GitHub and applies the
// planner's actions (issue-plan.ts) to them, in order, through one Octokit
// client (octokit.ts spaces writes and retries).
//
// Runs can overlap (a schedule and a manual run, a re-run, a matrix merge):
// GitHub has no lock and listings can lag, so an issue is opened with its
// owners named but not mentioned or assigned, checked against what other runs
// opened meanwhile (by number: see recent-issues.ts), and only then — as the
// one that stays — told to its owners; the younger of two is withdrawn
// silently by the run that opened it. A comment or reopen that another run may
// be making too is posted only by the run whose write landed last.
import { splitRepository, type Logger } from './context.js';
import { NOTE_FITS_UNDER } from './body-limit.js';
import { DIGEST_TITLE, shortFingerprint } from './issue-body.js';
import type { IssueAction } from './issue-plan.js';
import { readState, sameFinding } from './issue-state.js';
import { statusOf, type Octokit } from './octokit.js';
import { RecentIssues, type NumberedIssue } from './recent-issues.js';
import { tokenIdentity, type TokenIdentity } from './token-identity.js';
import { asTracked, carriesMarker, trackingKey, type IssueData, type TrackedIssue } from './tracked-issue.js';

// Listing is paginated at 100; 100 pages = 10,000 certwatch issues open and closed.
const PER_PAGE = 100;
const MAX_LIST_PAGES = 100;
const LABEL_COLOR = 'b60205';
const LABEL_DESCRIPTION = 'Certificates that certwatch found need replacement';
// A state-change or reopen comment that a concurrent run may be about to make
// too: each run writes the body first, waits this long once (after all its
// writes), reads back, and comments only where its own body landed last. Two
// runs' writes after a stale read are at most one spaced write apart (1 s,
// octokit.ts) plus a round trip, so this outlasts that gap.
export const LAST_WRITER_SETTLE_MS = 2500;
// Issues opened just before the listing may be missing from it (listings lag);
// the newest number is read only when the run first needs to open or reopen
// an issue, so the walk also covers this many numbers below it.
const LISTING_LAG_MARGIN = 30;

/** What the store wrote, by issue number. */
export interface StoreResult {
  created: number[];
  updated: number[];
  commented: number[];
  closed: number[];
  reopened: number[];
  /** opened by this run, then closed silently because a concurrent run had opened the same issue first */
  withdrawn: number[];
}

export interface StoreOptions {
  repository: string; // owner/repo
  /** the label that marks certwatch's issues (listing filters on it) */
  label: string;
  /** every label a new issue gets (the tracking label first) */
  labels: string[];
  /** the login the token acts as (the `issue-author` input); found out when absent */
  issueAuthor?: string;
  /** the run's date (YYYY-MM-DD), for the note on a withdrawn issue */
  today: string;
  log: Logger;
  /** told what the store is doing, so a failure can name it */
  doing: (what: string) => void;
}

export class IssueStore {
  private readonly owner: string;
  private readonly repo: string;
  private readonly assignable = new Map<string, boolean>();
  private labelsReady = false;
  // Issues opened since the listing, by number; read on the first open/reopen (see recentIssues()).
  private recent: RecentIssues | null = null;
  private newestListed = 0;
  private me: TokenIdentity | null = null;
  // Comments that wait until this run knows its write landed last (see LAST_WRITER_SETTLE_MS).
  private readonly pendingComments: { issueNumber: number; body: string; comment: string }[] = [];

  constructor(
    private readonly client: Octokit,
    private readonly opts: StoreOptions,
    private readonly result: StoreResult,
  ) {
    ({ owner: this.owner, repo: this.repo } = splitRepository(opts.repository));
  }

  private doing(what: string): void {
    this.opts.doing(what);
  }

  private get log(): Logger {
    return this.opts.log;
  }

  // ---- reads ------------------------------------------------------------------

  /**
   * Every issue with the tracking label, open and closed (the list endpoint, not
   * search: search lags and has its own tight limit), that certwatch itself
   * opened: authored by the token's identity, with the marker on its first line.
   * Anyone can open a labelled issue carrying a (public) fingerprint marker;
   * those are left alone, and the log says so. Oldest first.
   */
  async listTracked(): Promise<TrackedIssue[]> {
    this.doing('listing certwatch issues');
    const label = this.opts.label;
    const candidates: IssueData[] = [];
    let pages = 0;
    const iterator = this.client.paginate.iterator(this.client.rest.issues.listForRepo, {
      owner: this.owner,
      repo: this.repo,
      labels: label,
      state: 'all',
      sort: 'created',
      direction: 'asc',
      per_page: PER_PAGE,
    });
    for await (const page of iterator) {
      candidates.push(...page.data.filter(carriesMarker)); // without a marker: labelled by hand, not ours
      if (++pages >= MAX_LIST_PAGES) {
        this.log.warning(`issues: stopped listing after ${MAX_LIST_PAGES * PER_PAGE} issues labelled "${label}"`);
        break;
      }
    }
    // Who the token is matters only when there is something to adopt: asked once, after listing.
    if (!candidates.length) return [];
    this.doing('finding out who the token is');
    const me = await this.identity();
    const out: TrackedIssue[] = [];
    for (const i of candidates) {
      // The listing asked for the label already.
      const tracked = asTracked(i, me.login, null);
      if (tracked) out.push(tracked);
      else
        this.log.info(
          `issues: #${i.number} carries a certwatch marker but was opened by ${i.user?.login ?? 'an unknown user'}, not by ${me.login} (${me.how}): left alone`,
        );
    }
    // Where the walk over newer numbers starts (see recentIssues()).
    this.newestListed = out.reduce((max, i) => Math.max(max, i.number), 0);
    return out.sort((a, b) => a.number - b.number);
  }

  private async identity(): Promise<TokenIdentity> {
    this.me ??= await tokenIdentity(this.client, this.opts.issueAuthor, this.log);
    return this.me;
  }

  /** GET /issues/{number}: seen at once, unlike listings. null when there is no such issue. */
  private async fetchIssue(
    issueNumber: number,
  ): Promise<{ number: number; state: string; body: string; tracked: TrackedIssue | null } | null> {
    try {
      const { data } = await this.client.rest.issues.get({
        owner: this.owner,
        repo: this.repo,
        issue_number: issueNumber,
      });
      return {
        number: data.number,
        state: data.state,
        body: data.body ?? '',
        tracked: asTracked(data, this.me?.login, this.opts.label),
      };
    } catch (err) {
      const status = statusOf(err);
      if (status === 404 || status === 410) return null; // not handed out yet, deleted, or transferred away
      throw err;
    }
  }

  private async fetchNumbered(issueNumber: number): Promise<NumberedIssue | null> {
    await this.identity();
    const now = await this.fetchIssue(issueNumber);
    if (!now) return null;
    const t = now.tracked;
    return { number: now.number, state: t?.state ?? 'closed', key: t ? trackingKey(t) : null };
  }

  // ---- writes -----------------------------------------------------------------

  /** Applies the planner's actions in order, then posts the comments that waited for the last writer. */
  async apply(actions: IssueAction[]): Promise<void> {
    for (const a of actions) await this.applyOne(a);
    await this.commentWhereLastWriter();
  }

  private async applyOne(a: IssueAction): Promise<void> {
    switch (a.kind) {
      case 'close-duplicate':
        this.doing(`closing issue #${a.issue}`);
        await this.update(a.issue, {
          state: 'closed',
          state_reason: 'not_planned',
          ...(a.body ? { body: a.body } : {}),
        });
        this.result.closed.push(a.issue);
        return;
      case 'edit':
        return this.edit(a);
      case 'close':
        await this.comment(a.issue, a.comment);
        this.doing(`closing issue #${a.issue}`);
        await this.update(a.issue, { state: 'closed', state_reason: 'completed', ...(a.body ? { body: a.body } : {}) });
        this.result.closed.push(a.issue);
        return;
      case 'keep-open':
        this.log.info(`issues: #${a.issue} (${shortFingerprint(a.key)}) stays open: ${a.why}`);
        return;
      case 'warn':
        this.log.warning(a.message);
        return;
      case 'create':
        return this.create(a);
      case 'reopen': {
        if (!(await this.stillClosed(a.issue, a.key))) return;
        const add = await this.assignableOf(a.assign);
        this.doing(`reopening issue #${a.issue}`);
        await this.update(a.issue, {
          state: 'open',
          state_reason: 'reopened',
          body: a.body,
          ...(add.length ? { assignees: [...a.assignees, ...add] } : {}),
        });
        this.result.reopened.push(a.issue);
        this.commentIfLastWriter(a.issue, a.body, a.comment);
        return;
      }
      case 'digest-edit':
        this.doing(`updating the digest issue #${a.issue}`);
        await this.update(a.issue, { body: a.body });
        this.result.updated.push(a.issue);
        return;
      case 'digest-reopen':
        if (!(await this.stillClosed(a.issue, 'digest'))) return;
        this.doing(`reopening the digest issue #${a.issue}`);
        await this.update(a.issue, { state: 'open', state_reason: 'reopened', body: a.body });
        this.result.reopened.push(a.issue);
        this.commentIfLastWriter(a.issue, a.body, a.comment);
        return;
      case 'digest-create': {
        await this.ensureLabels();
        const opened = await this.openOnce('digest', 'the digest issue', DIGEST_TITLE, a.body);
        if (opened !== null && a.named !== undefined) {
          this.doing(`naming the owners in the digest issue #${opened}`);
          await this.update(opened, { body: a.named });
        }
        return;
      }
    }
  }

  private async update(issueNumber: number, patch: IssuePatch): Promise<void> {
    await this.client.rest.issues.update({ owner: this.owner, repo: this.repo, issue_number: issueNumber, ...patch });
  }

  private async edit(a: Extract<IssueAction, { kind: 'edit' }>): Promise<void> {
    const patch: { body?: string; assignees?: string[] } = {};
    if (a.body !== undefined) patch.body = a.body;
    const add = await this.assignableOf(a.assign);
    if (add.length) patch.assignees = [...a.assignees, ...add];
    if (a.comment && patch.body) {
      const now = await this.fetchIssue(a.issue);
      const state = now ? readState(now.body) : null;
      const reported = state?.kind === 'certificate' ? state.findings : [];
      if (now && a.comment.findings.every((f) => reported.some((r) => sameFinding(r, f)))) {
        this.log.info(
          `issues: #${a.issue} already reports ${a.comment.sentence} (a concurrent run): not commenting again`,
        );
        return;
      }
    }
    if (patch.body || patch.assignees) {
      this.doing(`updating issue #${a.issue}`);
      await this.update(a.issue, patch);
      this.result.updated.push(a.issue);
    }
    if (a.comment) this.commentIfLastWriter(a.issue, patch.body, a.comment.text);
  }

  private async create(a: Extract<IssueAction, { kind: 'create' }>): Promise<void> {
    await this.ensureLabels();
    const opened = await this.openOnce(a.key, `an issue for ${shortFingerprint(a.key)}`, a.title, a.body);
    if (opened === null || !a.named) return;
    const assignees = await this.assignableOf(a.named.assign);
    this.doing(`assigning issue #${opened}`);
    const patch = { body: a.named.body };
    try {
      await this.update(opened, { ...patch, ...(assignees.length ? { assignees } : {}) });
    } catch (err) {
      // 422 "invalid assignee" (e.g. lost access since the check): owners named without an assignee beat no owners.
      if (statusOf(err) !== 422 || !assignees.length) throw err;
      this.log.warning(`issues: could not assign ${assignees.join(', ')} to #${opened}; leaving it unassigned`);
      await this.update(opened, patch);
    }
  }

  private async comment(issueNumber: number, body: string): Promise<void> {
    this.doing(`commenting on issue #${issueNumber}`);
    await this.client.rest.issues.createComment({
      owner: this.owner,
      repo: this.repo,
      issue_number: issueNumber,
      body,
    });
    this.result.commented.push(issueNumber);
  }

  /** Labels are created with a colour and description before the first issue needs them (GitHub would create them grey and bare). */
  private async ensureLabels(): Promise<void> {
    if (this.labelsReady) return;
    for (const name of this.opts.labels) {
      this.doing(`checking the label "${name}"`);
      try {
        await this.client.rest.issues.getLabel({ owner: this.owner, repo: this.repo, name });
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
        this.doing(`creating the label "${name}"`);
        try {
          await this.client.rest.issues.createLabel({
            owner: this.owner,
            repo: this.repo,
            name,
            color: LABEL_COLOR,
            description: LABEL_DESCRIPTION,
          });
        } catch (e) {
          if (statusOf(e) !== 422) throw e; // 422: created meanwhile by a concurrent run
        }
      }
    }
    this.labelsReady = true;
  }

  /** Logins that can be assigned here (GET /assignees/{login}: 204 yes, 404 no), asked once per run. */
  private async assignableOf(logins: string[]): Promise<string[]> {
    const ok: string[] = [];
    for (const login of logins) {
      if (!this.assignable.has(login)) {
        this.doing(`checking whether @${login} can be assigned`);
        try {
          await this.client.rest.issues.checkUserCanBeAssigned({ owner: this.owner, repo: this.repo, assignee: login });
          this.assignable.set(login, true);
        } catch (err) {
          if (statusOf(err) !== 404) throw err;
          this.log.warning(
            `issues: @${login} cannot be assigned in ${this.opts.repository}; mentioned in the body instead`,
          );
          this.assignable.set(login, false);
        }
      }
      if (this.assignable.get(login)) ok.push(login);
    }
    return ok;
  }

  // ---- overlapping runs ----------------------------------------------------------

  /**
   * Open the issue for `key` unless a concurrent run just did; returns its
   * number, or null when another run's issue stays. After opening, an older
   * open issue with the same key (opened meanwhile by another run) wins, and
   * this run withdraws its own copy without a comment.
   */
  private async openOnce(key: string, what: string, title: string, body: string): Promise<number | null> {
    const label = key === 'digest' ? 'the digest' : shortFingerprint(key);
    this.doing(`looking for ${what} opened by a concurrent run`);
    const recent = await this.recentIssues();
    const theirs = await recent.oldestOpen(key);
    if (theirs) {
      this.log.info(`issues: a concurrent run has just opened #${theirs} for ${label}; leaving it to that run`);
      return null;
    }
    this.doing(`creating ${what}`);
    const created = (
      await this.client.rest.issues.create({
        owner: this.owner,
        repo: this.repo,
        title,
        body,
        labels: this.opts.labels,
      })
    ).data.number;
    recent.opened(created, key);
    this.doing(`checking #${created} against issues opened by concurrent runs`);
    const older = await recent.oldestOpen(key, created);
    if (!older) {
      this.result.created.push(created);
      return created;
    }
    this.doing(`withdrawing issue #${created}`);
    // The number goes in a code span: a live "#12" would cross-reference (a timeline event on the issue that stays).
    const note = `> [!NOTE]\n> Withdrawn (${this.opts.today}): a concurrent certwatch run opened issue \`${older}\` for the same ${key === 'digest' ? 'digest' : 'certificate'} a moment earlier; that one stays.\n\n`;
    await this.update(created, {
      state: 'closed',
      state_reason: 'not_planned',
      ...(body.length + note.length < NOTE_FITS_UNDER ? { body: note + body } : {}),
    });
    this.result.withdrawn.push(created);
    this.log.info(`issues: #${created} for ${label} withdrawn: a concurrent run opened #${older} first`);
    return null;
  }

  /** Before reopening: another run may have reopened it, or opened a fresh one, since the listing. */
  private async stillClosed(issueNumber: number, key: string): Promise<boolean> {
    this.doing(`reading issue #${issueNumber}`);
    const now = await this.fetchIssue(issueNumber);
    if (now && now.state === 'open') {
      this.log.info(`issues: #${issueNumber} was reopened meanwhile (a concurrent run); leaving it to that run`);
      return false;
    }
    const theirs = await (await this.recentIssues()).oldestOpen(key);
    if (theirs) {
      this.log.info(
        `issues: a concurrent run has just opened #${theirs} for ${key === 'digest' ? 'the digest' : shortFingerprint(key)}; not reopening #${issueNumber}`,
      );
      return false;
    }
    return true;
  }

  /** Comment now when this run wrote no body; otherwise once it is known its body landed last (commentWhereLastWriter). */
  private commentIfLastWriter(issueNumber: number, body: string | undefined, comment: string): void {
    this.pendingComments.push({ issueNumber, body: body ?? '', comment });
  }

  /**
   * After writes a concurrent run may be making too: wait once, read each
   * issue back, and comment only where this run's body is the one that landed
   * last (that run alone tells people). See LAST_WRITER_SETTLE_MS. Two runs'
   * bodies differ by their run links (a run id is never shared by runs that
   * overlap: a re-run starts only once its run has ended).
   */
  private async commentWhereLastWriter(): Promise<void> {
    if (!this.pendingComments.length) return;
    if (this.pendingComments.some((p) => p.body))
      await new Promise((resolve) => setTimeout(resolve, LAST_WRITER_SETTLE_MS));
    for (const p of this.pendingComments) {
      if (p.body) {
        this.doing(`reading issue #${p.issueNumber}`);
        const now = await this.fetchIssue(p.issueNumber);
        if (now && now.body !== p.body) {
          this.log.info(`issues: #${p.issueNumber} was written by a concurrent run after this one; that run comments`);
          continue;
        }
      }
      await this.comment(p.issueNumber, p.comment);
    }
  }

  /**
   * The walk over issue numbers opened since the listing, started on first use
   * (a run that opens nothing pays nothing). The listing may have missed
   * issues opened just before it, so the walk starts below the newest number:
   * at the newest listed certwatch issue, but never more than
   * LISTING_LAG_MARGIN numbers down.
   */
  private async recentIssues(): Promise<RecentIssues> {
    if (this.recent) return this.recent;
    this.doing('reading the newest issue number');
    const { data } = await this.client.rest.issues.listForRepo({
      owner: this.owner,
      repo: this.repo,
      state: 'all',
      sort: 'created',
      direction: 'desc',
      per_page: 1,
    });
    const newest = data[0]?.number ?? 0;
    const from = Math.max(Math.min(newest, this.newestListed), newest - LISTING_LAG_MARGIN, 0);
    this.recent = new RecentIssues(
      from,
      (n) => this.fetchNumbered(n),
      (m) => this.log.warning(m),
    );
    return this.recent;
  }
}

type IssuePatch = {
  body?: string;
  state?: 'open' | 'closed';
  state_reason?: 'completed' | 'not_planned' | 'reopened';
  assignees?: string[];
};
