// Webhook payloads and signed deliveries the way GitHub sends them. `issues.opened` reuses the demo's
// builder; `issues.edited` and `issue_comment.created` add what those events carry (the body before the
// edit; the comment and its author).
import { createHmac, randomUUID } from 'node:crypto';
import { issueOpenedPayload as demoIssueOpened, type DemoIssue } from '../../src/demo/webhooks.js';

export const SECRET = 'bench-webhook-secret';
export const WEBHOOK_PATH = '/api/github/webhooks';

export interface Delivery {
  id: string;
  event: string;
  body: string;
  headers: Record<string, string>;
}

export function signedDelivery(event: string, payload: unknown, secret = SECRET): Delivery {
  const body = JSON.stringify(payload);
  const id = randomUUID();
  return {
    id,
    event,
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': id,
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    },
  };
}

/** The demo's `issues.opened` payload, with the issue's `created_at` as GitHub sends it (now, by default). */
export function issueOpenedPayload(issue: DemoIssue, createdAt = new Date()): Record<string, unknown> {
  const payload = demoIssueOpened(issue) as { issue: Record<string, unknown> };
  const at = createdAt.toISOString();
  return { ...payload, issue: { ...payload.issue, created_at: at, updated_at: at } };
}

export function issueEditedPayload(issue: DemoIssue, previousBody: string): Record<string, unknown> {
  return { ...issueOpenedPayload(issue), action: 'edited', changes: { body: { from: previousBody } } };
}

export function commentCreatedPayload(
  issue: DemoIssue,
  comment: { id: number; body: string; login: string },
): Record<string, unknown> {
  const opened = issueOpenedPayload(issue) as { issue: Record<string, unknown> };
  const user = { login: comment.login, id: 7, type: 'User' };
  return {
    ...opened,
    action: 'created',
    issue: { ...opened.issue, comments: 1 },
    comment: { id: comment.id, body: comment.body, user, created_at: new Date().toISOString() },
    sender: user,
  };
}
