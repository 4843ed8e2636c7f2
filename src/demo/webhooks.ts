// Building and sending webhooks the way GitHub does (payload shape, delivery id, HMAC signature), for
// the demo and the benchmark. Only the fields the app reads are filled in.
import { createHmac, randomUUID } from 'node:crypto';

export interface DemoIssue {
  repo: string;
  number: number;
  title: string;
  body: string;
  installationId?: number;
}

export function issueOpenedPayload(issue: DemoIssue): Record<string, unknown> {
  const [owner = 'demo', name = 'app'] = issue.repo.split('/');
  const reporter = { login: 'reporter', id: 2, type: 'User' };
  return {
    action: 'opened',
    issue: {
      id: 100_000 + issue.number,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: 'open',
      user: reporter,
      labels: [],
      comments: 0,
    },
    repository: {
      id: 1,
      name,
      full_name: issue.repo,
      owner: { login: owner, id: 1, type: 'Organization' },
      default_branch: 'main',
    },
    sender: reporter,
    installation: { id: issue.installationId ?? 1 },
  };
}

/** POSTs a signed webhook to the app; resolves with the HTTP status. */
export async function sendWebhook(params: {
  url: string;
  secret: string;
  event: string;
  payload: unknown;
  deliveryId?: string;
}): Promise<number> {
  const body = JSON.stringify(params.payload);
  const signature = `sha256=${createHmac('sha256', params.secret).update(body).digest('hex')}`;
  const res = await fetch(params.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': params.event,
      'x-github-delivery': params.deliveryId ?? randomUUID(),
      'x-hub-signature-256': signature,
    },
    body,
  });
  await res.text();
  return res.status;
}
