// The backtest's results as one object, pure: what the command prints as JSON and formats as text.
import type { CrashGroup } from './group-unmatched.js';
import type { Correction, EarlierComment, IssueResult } from './judge-issue.js';

export interface BacktestSummary {
  repo: string;
  scanned: number;
  skipped_pull_requests: number;
  would_comment: number;
  by_incident: Record<string, { number: number; url: string; confidence: number }[]>;
  /** Every issue scanned, with the labels the app would add (none without a verdict). */
  issues: { number: number; title: string; verdict: string | null; confidence: number; labels: string[] }[];
  /** Issues the app has commented on: what it said then, and what it would say now. */
  already_commented: {
    number: number;
    url: string;
    then: EarlierComment;
    now: string | null;
    /** The incident named then is not the one it would name now (a maintainer's choice aside). */
    differs: boolean;
  }[];
  /** Maintainers' corrections in those comments; `now` says whether today's verdict agrees with them. */
  corrections: (Correction & { number: number; url: string; now: string | null; agrees: boolean })[];
  settings: { min_confidence: number; use_bundled_catalog: boolean; incidents: number; problems: string[] };
  requests: { sent: number; not_modified: number; counted: number };
  cache_dir: string;
  seconds: number;
  /** With `--groups`: the unmatched crash reports grouped by signature, largest first. */
  groups?: CrashGroup[];
}

export interface SummaryParams {
  repo: string;
  results: readonly IssueResult[];
  skippedPullRequests: number;
  settings: BacktestSummary['settings'];
  requests: { sent: number; notModified: number };
  cacheDir: string;
  seconds: number;
}

export function summarizeBacktest(p: SummaryParams): BacktestSummary {
  const byIncident: BacktestSummary['by_incident'] = {};
  for (const r of p.results) {
    if (r.verdict)
      (byIncident[r.verdict] ??= []).push({ number: r.number, url: r.url, confidence: r.confidence });
  }
  const commented = p.results.filter(
    (r): r is IssueResult & { earlier: EarlierComment } => r.earlier !== null,
  );
  return {
    repo: p.repo,
    scanned: p.results.length,
    skipped_pull_requests: p.skippedPullRequests,
    would_comment: p.results.filter((r) => r.verdict !== null).length,
    by_incident: byIncident,
    issues: p.results.map((r) => ({
      number: r.number,
      title: r.title,
      verdict: r.verdict,
      confidence: r.confidence,
      labels: r.labels,
    })),
    already_commented: commented.map((r) => ({
      number: r.number,
      url: r.url,
      then: r.earlier,
      now: r.verdict,
      differs:
        r.earlier.state !== 'chosen' && r.earlier.state !== 'no-match' && r.earlier.incident !== r.verdict,
    })),
    corrections: p.results.flatMap((r) =>
      r.correction
        ? [
            {
              ...r.correction,
              number: r.number,
              url: r.url,
              now: r.verdict,
              agrees: agrees(r.correction, r.verdict),
            },
          ]
        : [],
    ),
    settings: p.settings,
    requests: {
      sent: p.requests.sent,
      not_modified: p.requests.notModified,
      counted: p.requests.sent - p.requests.notModified,
    },
    cache_dir: p.cacheDir,
    seconds: p.seconds,
  };
}

/** A dismissal agrees with a verdict that no longer names the dismissed incident; a choice with that incident. */
function agrees(correction: Correction, now: string | null): boolean {
  if (correction.kind === 'chosen') return now === correction.incident;
  return correction.incident ? now !== correction.incident : now === null;
}
