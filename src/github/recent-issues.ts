// What other runs have opened since this run listed its issues. GitHub has no
// lock, and a listing can lag a newly created issue by seconds, so two runs
// that overlap can each decide to open the same issue. Issue numbers are
// handed out in order and GET /issues/{number} answers at once, so every issue
// opened since the listing has a number above the newest one the listing could
// see: walking those numbers finds what another run opened, however recent.
// Used twice per creation: just before (to adopt the other run's issue instead)
// and just after (the younger of two is withdrawn by the run that opened it).

/** One issue as the walk sees it: `key` is its certwatch identity, null when it is not one of ours. */
export interface NumberedIssue {
  number: number;
  state: 'open' | 'closed';
  key: string | null;
}

/** GET an issue by number; null when no issue has that number (not yet, or deleted). */
export type FetchByNumber = (issueNumber: number) => Promise<NumberedIssue | null>;

// A walk costs one GET per issue or pull request opened in the repository
// since the listing (seconds to minutes ago), plus one for the first free
// number. A busy repository can open many; past this many GETs in one run the
// walk stops and says so (a later run still closes any duplicate).
export const MAX_NUMBER_LOOKUPS = 200;

export class RecentIssues {
  // What each number held when last fetched; null: no issue there yet.
  private readonly seen = new Map<number, NumberedIssue | null>();
  private readonly own = new Set<number>();
  private lookups = 0;
  private exhausted = false;

  /** `newestListed`: the highest issue number visible when the run listed (everything above it is recent). */
  constructor(
    private readonly newestListed: number,
    private readonly fetch: FetchByNumber,
    private readonly warn: (message: string) => void,
  ) {}

  /** Record an issue this run opened: never counted as another run's. */
  opened(issueNumber: number, key: string): void {
    this.own.add(issueNumber);
    this.seen.set(issueNumber, { number: issueNumber, state: 'open', key });
  }

  /**
   * The oldest open issue with `key` that another run opened since the
   * listing. Without `below`: walks up to the first number not yet used (the
   * check before creating). With `below`: every number under it (the check
   * after creating issue `below`: all of those were handed out before it).
   */
  async oldestOpen(key: string, below?: number): Promise<number | null> {
    for (let n = this.newestListed + 1; below === undefined || n < below; n++) {
      if (this.own.has(n)) continue;
      const known = this.seen.get(n);
      // A number that held another issue still does; one with this key may have been closed since, so look again.
      if (known && known.key !== key) continue;
      if (this.lookups >= MAX_NUMBER_LOOKUPS) {
        if (!this.exhausted)
          this.warn(
            `issues: stopped looking for issues opened by concurrent runs after ${MAX_NUMBER_LOOKUPS} lookups; a later run closes any duplicate`,
          );
        this.exhausted = true;
        break;
      }
      this.lookups++;
      const now = await this.fetch(n);
      this.seen.set(n, now);
      if (!now) {
        if (below === undefined) break; // the first free number: nothing newer exists yet
        continue; // deleted, or a number handed out after the walk began: keep going up to `below`
      }
      if (now.key === key && now.state === 'open') return n; // walking upwards: the first is the oldest
    }
    return null;
  }
}
