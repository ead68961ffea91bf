// Keeps GitHub issues in step with the report: one issue per certificate that
// needs replacement (or one digest), found again by a hidden fingerprint
// marker, edited in place, commented only when its state changes, closed when
// the certificate is replaced or gone, reopened on regression.
//
// Runs can overlap (a schedule and a manual run, a re-run, a matrix merge):
// GitHub has no lock and listings can lag, so an issue is opened with its
// owners named but not mentioned or assigned, checked against what other runs
// opened meanwhile (by number: see recent-issues.ts), and only then — as the
// one that stays — told to its owners; the younger of two is withdrawn
// silently by the run that opened it. A comment or reopen that another run may
// be making too is posted only by the run whose write landed last.
//
// Identity lives in the body, never in the title: people retitle issues.
// Run-to-run state (finding keys, locations, owners, first-reported date) lives
// in a hidden marker in the body too, so a run needs no comment listing and
// an identical re-run makes no write at all.
import type { Report, ReportCertificate, ReportFinding } from '../report/report-types.js';
import type { FindingId, IssueSettings } from '../types.js';
import { explainApiError } from './api-errors.js';
import { ownersFor, parseCodeowners, type CodeownersRule } from './codeowners.js';
import { issuesEnabled, isPullRequestEvent, runUrl, splitRepository, type GithubEnv, type Logger } from './context.js';
import {
  DIGEST_TITLE,
  certificateTitle,
  displayName,
  findingKey,
  findingsSentence,
  readMarker,
  readState,
  renderCertificateBody,
  renderDigestBody,
  runLink,
  shortFingerprint,
  stableBody,
  type DigestRow,
  type IssueState,
  type RenderContext,
  type StateLocation,
} from './issue-body.js';
import { createClient, statusOf, type ClientOptions, type Octokit } from './octokit.js';
import { mdCodeUntrusted, mdUntrusted } from '../report/untrusted-text.js';
import { sameLogin, tokenIdentity } from './token-identity.js';
import { RecentIssues, type NumberedIssue } from './recent-issues.js';

export type { Logger } from './context.js';
export type { Octokit } from './octokit.js';

export interface SyncResult {
  created: number[];
  updated: number[];
  commented: number[];
  closed: number[];
  reopened: number[];
  /** opened by this run, then closed silently because a concurrent run had opened the same issue first */
  withdrawn: number[];
  apiCalls: number;
  skipped?: string; // why nothing (or not everything) was done
}

export interface SyncContext {
  repository: string; // owner/repo
  serverUrl: string;
  sha?: string; // commit file links point at
  runUrl: string | null;
  settings: IssueSettings;
  log: Logger;
  codeowners?: CodeownersRule[];
  /** files the run was limited to (PR scope); null/absent = the whole repository */
  scopeFiles?: string[] | null;
  /** the label that marks certwatch's issues; default: the first configured label, else "certwatch" */
  trackingLabel?: string;
  /** the login the token acts as (the `issue-author` input); found out when absent */
  issueAuthor?: string;
}

// Finding ids that never ask for a new certificate: they describe a target,
// a responder outage or a config detail, not the certificate itself. An issue
// titled "Replace certificate" for an OCSP outage would send owners to do the
// wrong work (the run's status still fails on them in hard mode).
const NOT_CERTIFICATE_BOUND = new Set<FindingId>([
  'revocation-unknown',
  'unreachable',
  'unparseable',
  'no-match',
  'not-checked',
  'config',
  'ignore-expired',
  'address-drift',
  'superseded',
]);
// Warnings that still mean "replace it soon".
const REPLACEMENT_WARNINGS = new Set<FindingId>(['expiring', 'renewal-window']);
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

/** Findings that make a certificate need replacement, worst first; empty = no issue. */
export function replacementFindings(c: ReportCertificate): ReportFinding[] {
  return c.findings
    .filter((f) => !f.ignored)
    .filter(
      (f) =>
        (f.severity === 'error' && !NOT_CERTIFICATE_BOUND.has(f.id)) ||
        (f.severity === 'warning' && REPLACEMENT_WARNINGS.has(f.id)),
    )
    .sort((a, b) => findingRank(a) - findingRank(b));
}

function findingRank(f: ReportFinding): number {
  const order: Partial<Record<FindingId, number>> = {
    revoked: 0,
    expired: 1,
    'not-yet-valid': 2,
    'renewal-window': 3,
    expiring: 4,
  };
  return (f.severity === 'error' ? 0 : 10) + (order[f.id] ?? 5);
}

/** Worst certificates get the limited issue slots first: revoked, expired, then soonest expiry. */
function certificatePriority(a: Need, b: Need): number {
  return (
    findingRank(a.active[0]) - findingRank(b.active[0]) ||
    Date.parse(a.cert.notAfter) - Date.parse(b.cert.notAfter) ||
    a.fp.localeCompare(b.fp)
  );
}

interface Need {
  fp: string;
  cert: ReportCertificate;
  active: ReportFinding[];
  owners: string[];
}

interface TrackedIssue {
  number: number;
  state: 'open' | 'closed';
  stateReason: string | null;
  title: string;
  body: string;
  assignees: string[];
  marker: NonNullable<ReturnType<typeof readMarker>>;
  data: IssueState | null;
}

// Decided in context.ts so the action can skip loading this module (and Octokit) when issues are off.
export { issuesEnabled };

export interface SyncFromActionOptions {
  codeowners?: string; // CODEOWNERS text if found
  scopeFiles?: string[] | null; // from resolveScope: its `files` (null = everything was checked)
  client?: Octokit; // injected in tests
  clientOptions?: ClientOptions;
  issueAuthor?: string; // the `issue-author` input
}

/** The action's entry: decides whether to sync, builds the client, never throws. */
export async function syncIssuesFromAction(
  report: Report,
  issuesInput: 'auto' | 'true' | 'false',
  settings: IssueSettings,
  env: GithubEnv,
  log: Logger,
  opts: SyncFromActionOptions = {},
): Promise<SyncResult> {
  const nothing = (skipped: string): SyncResult => ({ ...emptyResult(), skipped });
  const decision = issuesEnabled(issuesInput, env);
  if (!decision.on) {
    log.info(`${decision.why}: not syncing issues`);
    return nothing(decision.why);
  }
  if (!env.token) {
    const why =
      'no github-token: issues not synced (pass `github-token: ${{ github.token }}` and grant `issues: write`)';
    log.warning(why);
    return nothing(why);
  }
  if (!/^[^/\s]+\/[^/\s]+$/.test(env.repository)) {
    const why = 'GITHUB_REPOSITORY is not set: issues not synced';
    log.warning(why);
    return nothing(why);
  }
  try {
    const client = opts.client ?? createClient(env.token, env.apiUrl, { ...opts.clientOptions, log });
    return await syncIssues(report, client, {
      repository: env.repository,
      serverUrl: env.serverUrl,
      sha: env.sha,
      runUrl: runUrl(env),
      settings,
      log,
      codeowners: opts.codeowners ? parseCodeowners(opts.codeowners) : undefined,
      // Not told the scope on a pull request: assume it was narrowed (the
      // default there), so nothing unseen is taken for gone.
      scopeFiles: opts.scopeFiles !== undefined ? opts.scopeFiles : isPullRequestEvent(env.eventName) ? [] : null,
      issueAuthor: opts.issueAuthor,
    });
  } catch (err) {
    // syncIssues reports API failures itself; this is the last guard so a bug
    // here can never change the run's pass/fail.
    const why = `issue sync failed: ${(err as Error)?.message ?? err}`;
    log.warning(why);
    return nothing(why);
  }
}

function emptyResult(): SyncResult {
  return { created: [], updated: [], commented: [], closed: [], reopened: [], withdrawn: [], apiCalls: 0 };
}

/** The core: plan from the report and the existing issues, then write only what changed. */
export async function syncIssues(report: Report, client: Octokit, ctx: SyncContext): Promise<SyncResult> {
  const result = emptyResult();
  const countCall = () => {
    result.apiCalls++;
  };
  client.hook.before('request', countCall);
  let doing = 'listing certwatch issues';
  try {
    await new IssueSync(report, client, ctx, result, (d) => (doing = d)).run();
  } catch (err) {
    const failure = explainApiError(err, doing, 'issues: write');
    ctx.log.warning(`Issues not fully synced: ${failure.message}`);
    result.skipped = failure.message;
  } finally {
    client.hook.remove('request', countCall);
  }
  return result;
}

/** Whether "not seen" may be read as "gone": see resolveOpen(). */
interface Completeness {
  complete: boolean;
  why: string;
}

class IssueSync {
  private readonly owner: string;
  private readonly repo: string;
  private readonly label: string;
  private readonly labels: string[];
  private readonly render: RenderContext;
  private readonly assignable = new Map<string, boolean>();
  private labelsReady = false;
  // Issues opened since the listing, by number; read on the first open/reopen (see recentIssues()).
  private recent: RecentIssues | null = null;
  private newestListed = 0;
  // Comments that wait until this run knows its write landed last (see LAST_WRITER_SETTLE_MS).
  private readonly pendingComments: { issueNumber: number; body: string; comment: string }[] = [];

  constructor(
    private readonly report: Report,
    private readonly client: Octokit,
    private readonly ctx: SyncContext,
    private readonly result: SyncResult,
    private readonly doing: (what: string) => void,
  ) {
    ({ owner: this.owner, repo: this.repo } = splitRepository(ctx.repository));
    this.label = ctx.trackingLabel ?? ctx.settings.labels[0] ?? 'certwatch';
    this.labels = [...new Set([this.label, ...ctx.settings.labels])];
    this.render = {
      serverUrl: ctx.serverUrl,
      repository: ctx.repository,
      sha: ctx.sha,
      runUrl: ctx.runUrl,
      now: report.run.now,
      generatedAt: report.generatedAt,
      toolVersion: report.tool.version,
      configPath: report.run.configPath,
    };
  }

  async run(): Promise<void> {
    const needs = this.needs();
    const issues = await this.listTracked();
    this.newestListed = issues.reduce((max, i) => Math.max(max, i.number), 0);

    // Group by identity; the oldest open issue of a group is the canonical one.
    const groups = new Map<string, TrackedIssue[]>();
    for (const i of issues) {
      const key = trackingKey(i);
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
    const open = new Map<string, TrackedIssue>();
    const closed = new Map<string, TrackedIssue>();
    for (const [key, group] of groups) {
      const opened = group.filter((i) => i.state === 'open');
      if (opened.length) open.set(key, opened[0]);
      for (const dup of opened.slice(1)) await this.closeDuplicate(dup, opened[0]);
      // Reopen the issue that carried the history, not one closed as a duplicate.
      const shut = group.filter((i) => i.state === 'closed');
      const best = shut.find((i) => i.stateReason !== 'not_planned') ?? shut[0];
      if (best) closed.set(key, best);
    }

    const completeness = this.completeness();
    let openAfter = 0;
    for (const [key, issue] of open) {
      if (key === 'digest') continue;
      const need = needs.get(key);
      if (need) {
        openAfter++;
        await this.refresh(issue, need);
        continue;
      }
      const decision = this.resolveOpen(key, issue, completeness);
      if (decision.close) await this.close(issue, decision.comment);
      else {
        openAfter++;
        this.ctx.log.info(`issues: #${issue.number} (${shortFingerprint(key)}) stays open: ${decision.why}`);
      }
    }

    // New and regressed certificates, worst first, up to max-open; the rest go to the digest.
    const perCertificate = this.ctx.settings.mode === 'per-certificate';
    const waiting = [...needs.values()].filter((n) => !open.has(n.fp)).sort(certificatePriority);
    let room = perCertificate ? Math.max(0, this.ctx.settings.maxOpen - openAfter) : 0;
    const overflow: Need[] = [];
    for (const need of waiting) {
      if (room <= 0) {
        overflow.push(need);
        continue;
      }
      room--;
      const previous = closed.get(need.fp);
      if (previous) await this.reopen(previous, need);
      else await this.create(need);
    }
    if (overflow.length && perCertificate) {
      this.ctx.log.warning(
        `issues: max-open (${this.ctx.settings.maxOpen}) reached; ${overflow.length} more certificate(s) listed in the digest issue`,
      );
    }

    const digestRows = perCertificate ? overflow : [...needs.values()].sort(certificatePriority);
    await this.syncDigest(digestRows, open.get('digest'), closed.get('digest'), completeness, perCertificate);
    await this.commentWhereLastWriter();
  }

  // ---- planning -------------------------------------------------------------

  private needs(): Map<string, Need> {
    const rules = this.ctx.codeowners;
    const needs = new Map<string, Need>();
    for (const cert of this.report.certificates) {
      const active = replacementFindings(cert);
      if (!active.length) continue;
      const fp = cert.fingerprint.toLowerCase();
      needs.set(fp, { fp, cert, active, owners: effectiveOwners(cert, rules) });
    }
    return needs;
  }

  /**
   * A run is complete when it looked at everything it was configured to:
   * no deadline cut it short, it is not one shard of several, and no PR scope
   * narrowed the files. Only a complete run may read "not found" as "gone".
   */
  private completeness(): Completeness {
    const run = this.report.run;
    if (run.deadlineReached) return { complete: false, why: 'the run hit its deadline' };
    const shard = /^(\d+)\/(\d+)$/.exec(run.shard ?? '');
    if (shard && Number(shard[2]) > 1) return { complete: false, why: `the run checked shard ${run.shard} only` };
    if (this.ctx.scopeFiles) return { complete: false, why: 'the run checked only the files a pull request changed' };
    return { complete: true, why: '' };
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
    const prev = issue.data;
    const cert = this.report.certificates.find((c) => c.fingerprint.toLowerCase() === fp);
    if (cert) {
      const had = (id: string) => prev?.f.some((k) => k.replace(/!$/, '') === id) ?? false;
      if (had('revoked') && cert.revocation.status !== 'good' && cert.revocation.status !== 'revoked')
        return { close: false, why: `revocation status is ${cert.revocation.status} in this run` };
      if (had('renewal-window') && !cert.renewal)
        return { close: false, why: 'no renewal information (ARI) in this run' };
      const ignored = cert.findings.filter(
        (f) => f.ignored && (f.severity === 'error' || REPLACEMENT_WARNINGS.has(f.id)),
      );
      const why = ignored.length
        ? `it is now ignored by the config${ignored[0].ignored?.reason ? ` ("${mdUntrusted(ignored[0].ignored.reason)}")` : ''}${ignored[0].ignored?.until ? ` until ${mdUntrusted(ignored[0].ignored.until)}` : ''}`
        : 'it no longer needs replacement (no expiry, revocation or renewal problem in this run)';
      return { close: true, comment: `Resolved: ${why}. Closing${runLink(this.render)}.` };
    }
    if (!prev || prev.l.length === 0) {
      return completeness.complete
        ? {
            close: true,
            comment: `Resolved: this certificate was not found anywhere in a complete run. Closing${runLink(this.render)}.`,
          }
        : { close: false, why: `not seen, and ${completeness.why}` };
    }
    const lines: string[] = [];
    for (const sl of prev.l) {
      const seen = this.inspect(sl, completeness);
      if (seen.kind === 'unseen') return { close: false, why: `${sl.k} not checked: ${seen.why}` };
      lines.push(`- ${seen.text}`);
    }
    if (prev.lt && !completeness.complete)
      return { close: false, why: `it had more places than the issue remembers, and ${completeness.why}` };
    return {
      close: true,
      comment: [
        `Resolved: the certificate \`${shortFingerprint(fp)}\` is no longer used where it was:`,
        '',
        ...lines,
        '',
        `Closing${runLink(this.render)}. certwatch reopens this issue if the certificate comes back.`,
      ].join('\n'),
    };
  }

  private inspect(
    sl: StateLocation,
    completeness: Completeness,
  ): { kind: 'replaced' | 'gone'; text: string } | { kind: 'unseen'; why: string } {
    const here = this.report.certificates.filter((c) => c.locations.some((l) => sameKey(l, sl.k)));
    const place = sl.k.startsWith('file:')
      ? `\`${mdCodeUntrusted(sl.k.slice(5))}\``
      : `endpoint \`${mdCodeUntrusted(sl.k.slice(9))}\``;
    if (here.length) {
      const at = (c: ReportCertificate) => c.locations.find((l) => sameKey(l, sl.k));
      const slot = (c: ReportCertificate) => {
        const l = at(c);
        return l?.type === 'file' ? l.line : l?.chainIndex;
      };
      // The successor: same slot (line / chain position), else same name, else a leaf.
      const by =
        here.find((c) => sl.n !== undefined && slot(c) === sl.n) ??
        here.find((c) => sl.cn !== undefined && c.subjectCN === sl.cn) ??
        here.find((c) => c.role === 'leaf') ??
        here[0];
      return {
        kind: 'replaced',
        text: `${place}: replaced by \`${by.fingerprint}\` (${mdUntrusted(displayName(by))}) expiring ${by.notAfter}`,
      };
    }
    const problem = this.report.problems.find((p) => p.location && sameKey(p.location, sl.k));
    if (problem) return { kind: 'unseen', why: `${problem.id}: ${problem.message}` };
    if (!completeness.complete) return { kind: 'unseen', why: completeness.why };
    return {
      kind: 'gone',
      text: `${place}: no longer there (${sl.k.startsWith('file:') ? 'the file no longer holds it' : 'the endpoint is no longer configured'})`,
    };
  }

  // ---- writes -----------------------------------------------------------------

  private async refresh(issue: TrackedIssue, need: Need): Promise<void> {
    const prev = issue.data;
    const body = renderCertificateBody(
      { cert: need.cert, active: need.active, owners: need.owners, firstReported: prev?.s || today(this.report) },
      this.render,
    );
    const patch: { body?: string; assignees?: string[] } = {};
    if (stableBody(body) !== stableBody(issue.body)) patch.body = body;
    // Assign only owners new since last run: someone unassigned by hand stays unassigned.
    const newUsers = userLogins(need.owners.filter((o) => !(prev?.o ?? []).includes(o))).filter(
      (u) => !issue.assignees.includes(u),
    );
    const add = await this.assignableOf(newUsers);
    if (add.length) patch.assignees = [...issue.assignees, ...add];
    // A comment is a notification: only for a state change, never for a re-run,
    // and once however many runs saw the change.
    const before = prev?.f ?? need.active.map(findingKey);
    const fresh = need.active.filter((f) => !before.includes(findingKey(f)));
    if (fresh.length && patch.body) {
      const now = await this.fetchIssue(issue.number);
      if (now && fresh.every((f) => readState(now.body)?.f.includes(findingKey(f)))) {
        this.ctx.log.info(
          `issues: #${issue.number} already reports ${findingsSentence(fresh)} (a concurrent run): not commenting again`,
        );
        return;
      }
    }
    if (patch.body || patch.assignees) {
      this.doing(`updating issue #${issue.number}`);
      await this.client.rest.issues.update({
        owner: this.owner,
        repo: this.repo,
        issue_number: issue.number,
        ...patch,
      });
      this.result.updated.push(issue.number);
    }
    if (fresh.length)
      this.commentIfLastWriter(
        issue.number,
        patch.body,
        `State changed: ${findingsSentence(fresh)}${runLink(this.render)}.`,
      );
  }

  private async create(need: Need): Promise<void> {
    await this.ensureLabels();
    const render = (ownersPending: boolean) =>
      renderCertificateBody(
        { cert: need.cert, active: need.active, owners: need.owners, firstReported: today(this.report), ownersPending },
        this.render,
      );
    const opened = await this.openOnce(
      need.fp,
      `an issue for ${shortFingerprint(need.fp)}`,
      certificateTitle(need.cert),
      render(need.owners.length > 0),
    );
    if (opened === null || !need.owners.length) return;
    // Known to be the one that stays: now name the owners for real and assign them (assignment is their notification).
    const assignees = await this.assignableOf(userLogins(need.owners));
    this.doing(`assigning issue #${opened}`);
    const patch = { owner: this.owner, repo: this.repo, issue_number: opened, body: render(false) };
    try {
      await this.client.rest.issues.update({ ...patch, ...(assignees.length ? { assignees } : {}) });
    } catch (err) {
      // 422 "invalid assignee" (e.g. lost access since the check): owners named without an assignee beat no owners.
      if (statusOf(err) !== 422 || !assignees.length) throw err;
      this.ctx.log.warning(`issues: could not assign ${assignees.join(', ')} to #${opened}; leaving it unassigned`);
      await this.client.rest.issues.update(patch);
    }
  }

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
      this.ctx.log.info(`issues: a concurrent run has just opened #${theirs} for ${label}; leaving it to that run`);
      return null;
    }
    this.doing(`creating ${what}`);
    const created = (
      await this.client.rest.issues.create({ owner: this.owner, repo: this.repo, title, body, labels: this.labels })
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
    const note = `> [!NOTE]\n> Withdrawn (${today(this.report)}): a concurrent certwatch run opened issue \`${older}\` for the same ${key === 'digest' ? 'digest' : 'certificate'} a moment earlier; that one stays.\n\n`;
    await this.client.rest.issues.update({
      owner: this.owner,
      repo: this.repo,
      issue_number: created,
      state: 'closed',
      state_reason: 'not_planned',
      ...(body.length + note.length < 65_000 ? { body: note + body } : {}),
    });
    this.result.withdrawn.push(created);
    this.ctx.log.info(`issues: #${created} for ${label} withdrawn: a concurrent run opened #${older} first`);
    return null;
  }

  private async reopen(issue: TrackedIssue, need: Need): Promise<void> {
    if (!(await this.stillClosed(issue, need.fp))) return;
    const prevOwners = issue.data?.o ?? [];
    const body = renderCertificateBody(
      { cert: need.cert, active: need.active, owners: need.owners, firstReported: today(this.report) },
      this.render,
    );
    const add = await this.assignableOf(
      userLogins(need.owners.filter((o) => !prevOwners.includes(o))).filter((u) => !issue.assignees.includes(u)),
    );
    this.doing(`reopening issue #${issue.number}`);
    await this.client.rest.issues.update({
      owner: this.owner,
      repo: this.repo,
      issue_number: issue.number,
      state: 'open',
      state_reason: 'reopened',
      body,
      ...(add.length ? { assignees: [...issue.assignees, ...add] } : {}),
    });
    this.result.reopened.push(issue.number);
    this.commentIfLastWriter(
      issue.number,
      body,
      `Reopened: this certificate needs replacement again — ${findingsSentence(need.active)}${runLink(this.render)}. (To stop tracking it, add an \`ignore:\` entry with its fingerprint to the certwatch config.)`,
    );
  }

  private async close(
    issue: TrackedIssue,
    comment: string,
    reason: 'completed' | 'not_planned' = 'completed',
  ): Promise<void> {
    await this.comment(issue.number, comment);
    this.doing(`closing issue #${issue.number}`);
    // A reader landing on the closed issue should not read "needs replacement" as current:
    // prefix the body (same API call; the hidden markers below are kept) with the outcome.
    const banner = `> [!NOTE]\n> ${reason === 'completed' ? 'Resolved' : 'Closed'} (${today(this.report)}): ${comment.split('\n')[0].slice(0, 500)}\n\n`;
    const body = issue.body.startsWith('> [!NOTE]') ? undefined : banner + issue.body;
    await this.client.rest.issues.update({
      owner: this.owner,
      repo: this.repo,
      issue_number: issue.number,
      state: 'closed',
      state_reason: reason,
      ...(body && body.length < 65_000 ? { body } : {}),
    });
    this.result.closed.push(issue.number);
  }

  /** Silent: a close caused by de-duplication tells nobody anything new (the note goes in the body, not a comment). */
  private async closeDuplicate(dup: TrackedIssue, keep: TrackedIssue): Promise<void> {
    this.doing(`closing issue #${dup.number}`);
    const note = `> [!NOTE]\n> Closed (${today(this.report)}): a duplicate of issue \`${keep.number}\`, which tracks the same ${dup.marker.kind === 'digest' ? 'digest' : 'certificate'} (same certwatch marker) and stays.\n\n`;
    const body = dup.body.startsWith('> [!NOTE]') ? undefined : note + dup.body;
    await this.client.rest.issues.update({
      owner: this.owner,
      repo: this.repo,
      issue_number: dup.number,
      state: 'closed',
      state_reason: 'not_planned',
      ...(body && body.length < 65_000 ? { body } : {}),
    });
    this.result.closed.push(dup.number);
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

  private async syncDigest(
    rows: Need[],
    open: TrackedIssue | undefined,
    closed: TrackedIssue | undefined,
    completeness: Completeness,
    perCertificate: boolean,
  ): Promise<void> {
    // Entries of the last digest that this run did not see stay listed in a
    // partial run (same rule as for per-certificate issues, by fingerprint).
    const listed = new Set(rows.map((r) => r.fp.slice(7, 23)));
    const carried = completeness.complete
      ? []
      : (open?.data?.d ?? []).filter(
          (p) =>
            !listed.has(p) &&
            !this.report.certificates.some((c) => c.fingerprint.toLowerCase().startsWith(`sha256:${p}`)),
        );
    const digestRows: DigestRow[] = rows.map((r) => ({ cert: r.cert, active: r.active, owners: r.owners }));
    if (!digestRows.length && !carried.length) {
      if (open) {
        const legacyPartial = !open.data && !completeness.complete;
        if (!legacyPartial)
          await this.close(
            open,
            `Nothing left to replace: every certificate this digest listed is resolved. Closing${runLink(this.render)}.`,
          );
      }
      return;
    }
    const opts = perCertificate ? { overflowOf: this.ctx.settings.maxOpen } : {};
    const body = renderDigestBody(digestRows, carried, this.render, opts);
    if (open) {
      if (stableBody(body) !== stableBody(open.body)) {
        this.doing(`updating the digest issue #${open.number}`);
        await this.client.rest.issues.update({ owner: this.owner, repo: this.repo, issue_number: open.number, body });
        this.result.updated.push(open.number);
      }
    } else if (closed) {
      if (!(await this.stillClosed(closed, 'digest'))) return;
      this.doing(`reopening the digest issue #${closed.number}`);
      await this.client.rest.issues.update({
        owner: this.owner,
        repo: this.repo,
        issue_number: closed.number,
        state: 'open',
        state_reason: 'reopened',
        body,
      });
      this.result.reopened.push(closed.number);
      this.commentIfLastWriter(
        closed.number,
        body,
        `Reopened: ${digestRows.length} certificate(s) need replacement${runLink(this.render)}.`,
      );
    } else {
      await this.ensureLabels();
      const pending = digestRows.some((r) => r.owners.length > 0);
      const opened = await this.openOnce(
        'digest',
        'the digest issue',
        DIGEST_TITLE,
        pending ? renderDigestBody(digestRows, carried, this.render, { ...opts, ownersPending: true }) : body,
      );
      if (opened !== null && pending) {
        this.doing(`naming the owners in the digest issue #${opened}`);
        await this.client.rest.issues.update({ owner: this.owner, repo: this.repo, issue_number: opened, body });
      }
    }
  }

  // ---- overlapping runs ----------------------------------------------------------

  /** Before reopening: another run may have reopened it, or opened a fresh one, since the listing. */
  private async stillClosed(issue: TrackedIssue, key: string): Promise<boolean> {
    this.doing(`reading issue #${issue.number}`);
    const now = await this.fetchIssue(issue.number);
    if (now && now.state === 'open') {
      this.ctx.log.info(`issues: #${issue.number} was reopened meanwhile (a concurrent run); leaving it to that run`);
      return false;
    }
    const theirs = await (await this.recentIssues()).oldestOpen(key);
    if (theirs) {
      this.ctx.log.info(
        `issues: a concurrent run has just opened #${theirs} for ${key === 'digest' ? 'the digest' : shortFingerprint(key)}; not reopening #${issue.number}`,
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
          this.ctx.log.info(
            `issues: #${p.issueNumber} was written by a concurrent run after this one; that run comments`,
          );
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
      (m) => this.ctx.log.warning(m),
    );
    return this.recent;
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
      return { number: data.number, state: data.state, body: data.body ?? '', tracked: this.toTracked(data) };
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

  // ---- reads ------------------------------------------------------------------

  /**
   * Every issue with the tracking label, open and closed (the list endpoint, not
   * search: search lags and has its own tight limit), that certwatch itself
   * opened: authored by the token's identity, with the marker on its first line.
   * Anyone can open a labelled issue carrying a (public) fingerprint marker;
   * those are left alone, and the log says so.
   */
  private async listTracked(): Promise<TrackedIssue[]> {
    this.doing('listing certwatch issues');
    const candidates: (TrackedIssue & { author: string | undefined })[] = [];
    let pages = 0;
    const iterator = this.client.paginate.iterator(this.client.rest.issues.listForRepo, {
      owner: this.owner,
      repo: this.repo,
      labels: this.label,
      state: 'all',
      sort: 'created',
      direction: 'asc',
      per_page: PER_PAGE,
    });
    for await (const page of iterator) {
      for (const i of page.data) {
        if ((i as any).pull_request) continue; // the issues endpoint lists PRs too
        const marker = readMarker(i.body);
        if (!marker) continue; // labelled by hand, not ours
        candidates.push({
          number: i.number,
          state: i.state === 'closed' ? 'closed' : 'open',
          stateReason: (i as any).state_reason ?? null,
          title: i.title,
          body: i.body ?? '',
          assignees: (i.assignees ?? []).map((a: any) => a.login as string),
          marker,
          data: null,
          author: i.user?.login,
        });
      }
      if (++pages >= MAX_LIST_PAGES) {
        this.ctx.log.warning(
          `issues: stopped listing after ${MAX_LIST_PAGES * PER_PAGE} issues labelled "${this.label}"`,
        );
        break;
      }
    }
    // Who the token is matters only when there is something to adopt: asked once, after listing.
    if (!candidates.length) return [];
    this.doing('finding out who the token is');
    const me = await this.identity();
    const out: TrackedIssue[] = [];
    for (const { author, ...issue } of candidates) {
      if (!sameLogin(author, me.login)) {
        this.ctx.log.info(
          `issues: #${issue.number} carries a certwatch marker but was opened by ${author ?? 'an unknown user'}, not by ${me.login} (${me.how}): left alone`,
        );
        continue;
      }
      // State is read only from our own issues: a stranger's body is never decoded.
      out.push({ ...issue, data: readState(issue.body) });
    }
    return out.sort((a, b) => a.number - b.number);
  }

  /** An issue from the API as a tracked certwatch issue, or null when it is not one of ours (listing and lookups by number agree). */
  private me: Awaited<ReturnType<typeof tokenIdentity>> | null = null;
  private async identity(): Promise<Awaited<ReturnType<typeof tokenIdentity>>> {
    this.me ??= await tokenIdentity(this.client, this.ctx.issueAuthor, this.ctx.log);
    return this.me;
  }

  /** An issue looked up by number as a tracked certwatch issue: the same rules as the listing (label, marker, opened by the token's identity). */
  private toTracked(i: any): TrackedIssue | null {
    if (i.pull_request) return null; // the issues endpoint lists PRs too
    if (!this.me || !sameLogin(i.user?.login, this.me.login)) return null; // a stranger's issue is never ours
    const labels: string[] = (i.labels ?? []).map((l: any) => (typeof l === 'string' ? l : l?.name));
    if (!labels.includes(this.label)) return null;
    const marker = readMarker(i.body);
    if (!marker) return null; // labelled by hand, not ours
    return {
      number: i.number,
      state: i.state === 'closed' ? 'closed' : 'open',
      stateReason: i.state_reason ?? null,
      title: i.title,
      body: i.body ?? '',
      assignees: (i.assignees ?? []).map((a: any) => a.login as string),
      marker,
      data: readState(i.body),
    };
  }

  /** Labels are created with a colour and description before the first issue needs them (GitHub would create them grey and bare). */
  private async ensureLabels(): Promise<void> {
    if (this.labelsReady) return;
    for (const name of this.labels) {
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
          this.ctx.log.warning(
            `issues: @${login} cannot be assigned in ${this.ctx.repository}; mentioned in the body instead`,
          );
          this.assignable.set(login, false);
        }
      }
      if (this.assignable.get(login)) ok.push(login);
    }
    return ok;
  }
}

/** Owners from the report; when it names none, CODEOWNERS owners of the certificate's files. */
export function effectiveOwners(c: ReportCertificate, rules?: CodeownersRule[]): string[] {
  if (c.owner) return [...new Set(c.owner.split(/[\s,]+/).filter((o) => o.startsWith('@')))];
  if (!rules?.length) return [];
  const owners = new Set<string>();
  for (const l of c.locations)
    if (l.type === 'file') for (const o of ownersFor(rules, l.path)) if (o.startsWith('@')) owners.add(o);
  return [...owners];
}

/** "@alice" is a user (assigned); "@org/team" is a team (mentioned only: teams cannot be assignees). */
function userLogins(owners: string[]): string[] {
  return owners.filter((o) => /^@[A-Za-z0-9-]+$/.test(o)).map((o) => o.slice(1));
}

/** What an issue tracks: a certificate's fingerprint, or "digest". */
function trackingKey(i: TrackedIssue): string {
  return i.marker.kind === 'digest' ? 'digest' : i.marker.fingerprint;
}

function sameKey(l: ReportCertificate['locations'][number], key: string): boolean {
  return l.type === 'file' ? key === `file:${l.path}` : key === `endpoint:${l.host}:${l.port}`;
}

function today(report: Report): string {
  return report.run.now.slice(0, 10);
}
