// What this process knows about its own comments: the issues it has commented on (bounded, least recently
// used forgotten first), so that a job can skip looking the comment up when it can prove there is none.
// That saves one API request per new matching issue (a comment and its labels are then the only requests).
//
// The proof, for an issue created at `created_at` (GitHub's clock): every comment this app made on it was
// made after it was created, so if the issue is younger than this process and the record has forgotten
// nothing since the issue was created, the record holds every comment the app made on it. "Younger" and
// "since" are compared with a margin for the two clocks (GitHub's and this machine's), which also covers
// a rolling restart whose old and new processes overlap for less than the margin. The proof does NOT
// hold when several processes share the deliveries (replicas behind a load balancer): one does not know
// what the other wrote. Such deployments set `lookup: 'always'` (CRASH_TRIAGE_COMMENT_LOOKUP=always).
import { createLru } from '../util/lru.js';

export interface OwnCommentRecordOptions {
  /** 'always' turns the proof off: every job that may need the comment looks it up. */
  lookup?: 'when-needed' | 'always';
  /** How many issues to remember (each forgotten one moves the horizon of the proof forward). */
  maxIssues?: number;
  /** How far apart GitHub's clock and this process's may be. */
  clockSkewMs?: number;
  now?: () => number;
}

export interface IssueRef {
  /** `owner/repo`. */
  repo: string;
  number: number;
}

export interface OwnCommentRecord {
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
  const now = options.now ?? Date.now;
  const maxIssues = options.maxIssues ?? 20_000;
  const skew = options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS;
  const issues = createLru<true>(maxIssues);
  // The record is complete for issues created after this time (this process's clock): it starts at the
  // record's creation and moves to the time of the latest forgetting.
  let horizon = now();
  const keyOf = (issue: IssueRef): string => `${issue.repo.toLowerCase()}#${issue.number}`;

  return {
    note(issue) {
      const key = keyOf(issue);
      if (!issues.has(key) && issues.size >= maxIssues) horizon = now();
      issues.set(key, true);
    },
    provesNone(issue) {
      if (options.lookup === 'always' || !issue.createdAt) return false;
      const created = Date.parse(issue.createdAt);
      if (!Number.isFinite(created) || created < horizon + skew) return false;
      return !issues.has(keyOf(issue));
    },
  };
}
