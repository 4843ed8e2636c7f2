// One issue of the backtest, pure: what the app would say about it today (the same triage it runs on a
// webhook), what it said then if it already commented (its hidden marker, on a bot's comment), and the
// maintainer's correction that comment records (`/triage dismiss`, `/triage as`).
import type { CatalogIndex } from '../match/compile-index.js';
import { readMarker, type CommentState } from '../render/comment-marker.js';
import type { RenderOptions } from '../render/render-comment.js';
import { triageIssue } from '../triage/triage-issue.js';
import type { ListedComment, ListedIssue } from './read-repository.js';

export interface EarlierComment {
  state: CommentState;
  incident: string | null;
  url: string;
}

export interface Correction {
  /** `dismissed`: a maintainer removed the app's answer; `chosen`: they picked the incident themselves. */
  kind: 'dismissed' | 'chosen';
  incident: string | null;
  /** Who, as the comment names them. */
  by: string | null;
}

export interface IssueResult {
  number: number;
  title: string;
  url: string;
  /** The incident the app would name today, or null. */
  verdict: string | null;
  confidence: number;
  /** The labels it would add with it. */
  labels: string[];
  /** The app's comment already on the issue, if any. */
  earlier: EarlierComment | null;
  correction: Correction | null;
}

export interface JudgeSettings {
  repo: string;
  index: CatalogIndex;
  minConfidence: number;
  render: RenderOptions;
}

export function judgeIssue(
  issue: ListedIssue,
  comments: readonly ListedComment[],
  settings: JudgeSettings,
): IssueResult {
  const { verdict, comment } = triageIssue({
    input: { title: issue.title, body: issue.body, repo: settings.repo },
    index: settings.index,
    minConfidence: settings.minConfidence,
    render: settings.render,
  });
  const earlier = findEarlierComment(comments);
  return {
    number: issue.number,
    title: issue.title,
    url: issue.url,
    verdict: verdict.incidentId,
    confidence: verdict.confidence,
    labels: comment?.labels ?? [],
    earlier: earlier?.found ?? null,
    correction: earlier ? correctionIn(earlier.found, earlier.body) : null,
  };
}

/** The app's comment: a bot's comment that starts with its marker (the last one, should there be two). */
function findEarlierComment(
  comments: readonly ListedComment[],
): { found: EarlierComment; body: string } | null {
  for (const c of [...comments].reverse()) {
    const marker = c.user?.type === 'Bot' ? readMarker(c.body) : null;
    if (marker)
      return { found: { state: marker.state, incident: marker.incident ?? null, url: c.url }, body: c.body };
  }
  return null;
}

// Who acted, as render-comment.ts writes it: "**Chosen by** @<zwj>login" and "@<zwj>login dismissed".
const CHOSEN_BY = /\*\*Chosen by\*\* @\u200d?([\w-]+)/;
const DISMISSED_BY = /@\u200d?([\w-]+) dismissed /;

function correctionIn(earlier: EarlierComment, body: string): Correction | null {
  if (earlier.state === 'dismissed')
    return { kind: 'dismissed', incident: earlier.incident, by: DISMISSED_BY.exec(body)?.[1] ?? null };
  if (earlier.state === 'chosen')
    return { kind: 'chosen', incident: earlier.incident, by: CHOSEN_BY.exec(body)?.[1] ?? null };
  return null;
}
