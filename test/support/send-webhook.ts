// Sends a webhook as GitHub does: JSON body, event and delivery headers, HMAC-SHA256 signature.
import { sign } from '@octokit/webhooks-methods';

export async function sendWebhook(params: {
  url: string;
  secret: string;
  event: string;
  payload: object;
  id: string;
}): Promise<number> {
  const body = JSON.stringify(params.payload);
  const res = await fetch(params.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': params.event,
      'x-github-delivery': params.id,
      'x-hub-signature-256': await sign(params.secret, body),
    },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}
