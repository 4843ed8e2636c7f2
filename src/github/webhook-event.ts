// GitHub's issue events as the job needs them, for every adapter that receives them (the Probot app's
// webhooks, the Action's event file): which events start a job, and the issue facts they carry. Pure.
import { parseCommand } from '../commands/parse-command.js';
import type { IssueFacts, Trigger } from '../triage/ports.js';

/** The part of an `issues` or `issue_comment` payload that is read (GitHub sends much more). */
export interface IssueEventPayload {
  action?: string;
  repository: { full_name: string; id?: number };
  issue: {
    number: number;
    title: string;
    body?: string | null;
    created_at?: string | null;
    labels?: ({ name?: string } | string | null)[] | null;
    comments?: number;
    pull_request?: unknown;
  };
  changes?: { body?: { from: string } } | null;
  comment?: { id: number; body?: string | null; user?: { login: string } | null } | null;
  sender?: { login: string; type?: string } | null;
}

export type EventName = 'issues' | 'issue_comment';

/** A job to run, or why there is none (with the log level that reason deserves). */
export type EventDecision = { trigger: Trigger } | { skip: string; level: 'info' | 'debug' };

export function decideEvent(name: EventName, payload: IssueEventPayload): EventDecision {
  if (name === 'issues') {
    if (payload.action === 'opened') return { trigger: { kind: 'opened' } };
    if (payload.action !== 'edited')
      return { skip: `issues.${payload.action ?? '?'} is not handled`, level: 'debug' };
    // Title-only edits, label changes and the like carry no new crash text.
    const before = payload.changes?.body?.from;
    if (before === undefined) return { skip: 'body not edited', level: 'info' };
    if (before === (payload.issue.body ?? '')) return { skip: 'body unchanged', level: 'info' };
    return { trigger: { kind: 'edited' } };
  }
  if (payload.action !== 'created')
    return { skip: `issue_comment.${payload.action ?? '?'} is not handled`, level: 'debug' };
  if (payload.issue.pull_request) return { skip: 'pull request comment', level: 'debug' };
  // Bots, this app included: its own comments must never start a job.
  if (payload.sender?.type === 'Bot') return { skip: 'bot comment', level: 'debug' };
  const comment = payload.comment;
  const command = comment ? parseCommand(comment.body ?? '') : null;
  if (!comment || !command) return { skip: 'no /triage command', level: 'debug' };
  const by = comment.user?.login ?? payload.sender?.login ?? '';
  return { trigger: { kind: 'command', command, by, commentId: comment.id } };
}

export function issueFacts(payload: IssueEventPayload, trigger: Trigger): IssueFacts {
  const { issue } = payload;
  return {
    repo: payload.repository.full_name,
    repoId: payload.repository.id ?? null,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    createdAt: issue.created_at ?? null,
    labels: (issue.labels ?? []).flatMap((l) => (l ? [typeof l === 'string' ? l : (l.name ?? '')] : [])),
    commentCount: issue.comments ?? 0,
    trigger,
  };
}

/**
 * The queue key of an issue: jobs for one issue run one at a time, in order, under this key. By the
 * repository's id where known, so events from before and after a rename are the same issue.
 */
export function issueKey(facts: { repo: string; repoId?: number | null; number: number }): string {
  return `${facts.repoId ?? facts.repo.toLowerCase()}#${facts.number}`;
}
