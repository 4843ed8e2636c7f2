// What this process knows about its own comments: the issues it has commented on (bounded, least recently
// used forgotten first), so that a job can skip looking the comment up when it can prove there is none.
// That saves one API request per new matching issue (a comment and its labels are then the only requests).
//
// The proof, for an issue created at `created_at` (GitHub's clock): every comment this app made on it was
// made after it was created, so if the issue was created after this process started recording and the
// record has forgotten nothing since, the record holds every comment the app made on it. Both times are
// GitHub's: the record's horizon is the `Date` of the first API answer this process saw (and of the
// latest answer when it forgets an issue), so this machine's clock plays no part (an app whose clock ran
// minutes behind GitHub's once skipped a lookup it needed and doubled a comment). A margin covers a rolling
// restart whose old and new processes overlap. The proof does NOT hold when several processes share the
// deliveries (replicas): one does not know what another wrote; they set `lookup: 'always'` (Redis mode
// does so itself).
import { createLru } from '../util/lru.js';

export interface OwnCommentRecordOptions {
  /** 'always' turns the proof off: every job that may need the comment looks it up. */
  lookup?: 'when-needed' | 'always';
  /** How many issues to remember (each forgotten one moves the horizon of the proof forward). */
  maxIssues?: number;
  /** How long an old and a new process may both be writing (a rolling restart), and `Date`'s rounding. */
  clockSkewMs?: number;
}

export interface IssueRef {
  /** The repository's id, or `owner/repo` where the id is not known. */
  repo: string;
  number: number;
}

export interface OwnCommentRecord {
  /** GitHub's time, from the `Date` header of an API answer. */
  observe(githubTimeMs: number): void;
  /** Notes that the app has, or may have, a comment on the issue: called before each comment it creates. */
  note(issue: IssueRef): void;
  /**
   * True only when the app has certainly no comment on the issue: this process would have noted any,
   * and has not. `createdAt` is the issue's `created_at` from the webhook payload.
   */
  provesNone(issue: IssueRef & { createdAt: string | null | undefined }): boolean;
}

export const DEFAULT_CLOCK_SKEW_MS = 5 * 60_000;

export function createOwnCommentRecord(options: OwnCommentRecordOptions = {}): OwnCommentRecord {
  const maxIssues = options.maxIssues ?? 20_000;
  const skew = options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS;
  const issues = createLru<true>(maxIssues);
  // The record is complete for issues created after this time (GitHub's clock): the first answer seen,
  // then the time of the latest forgetting. Null until an answer has been seen: nothing is proved.
  let horizon: number | null = null;
  let latest: number | null = null;
  const keyOf = (issue: IssueRef): string => `${issue.repo.toLowerCase()}#${issue.number}`;

  return {
    observe(time) {
      if (!Number.isFinite(time)) return;
      latest = Math.max(latest ?? time, time);
      horizon ??= time;
    },
    note(issue) {
      const key = keyOf(issue);
      // Forgetting moves the horizon to now; with no time seen yet there is nothing proved to protect.
      if (!issues.has(key) && issues.size >= maxIssues) horizon = latest ?? horizon;
      issues.set(key, true);
    },
    provesNone(issue) {
      if (options.lookup === 'always' || !issue.createdAt || horizon === null) return false;
      const created = Date.parse(issue.createdAt);
      if (!Number.isFinite(created) || created < horizon + skew) return false;
      return !issues.has(keyOf(issue));
    },
  };
}
