// The HTTP edge: GitHub's webhooks, and the endpoints an operator polls. A body is bounded before it is
// read (a Content-Length over the limit is refused at once; a streamed body is cut off at the limit), its
// signature is checked before anything else reads it, and a failure is logged as one line (delivery id,
// size), never with the payload. A verified delivery is handed to Probot (which queues the job) and
// acknowledged; a replayed body under a new delivery id is acknowledged and ignored.
//   GET /health   the process answers (liveness)
//   GET /ready    the catalog is loaded and the queue's store is reachable (readiness)
//   GET /metrics  Prometheus metrics
import { createHash } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { verify } from '@octokit/webhooks-methods';
import type { Logger, Probot } from 'probot';
import type { AppMetrics } from '../metrics/metrics.js';
import type { ReplayGuard } from './replay-guard.js';

export interface WebhookServerParams {
  probot: Pick<Probot, 'receive'>;
  secret: string;
  path: string;
  maxBodyBytes: number;
  log: Logger;
  metrics: AppMetrics;
  replay: ReplayGuard;
  /** Why the app is not ready, or null when it is. */
  notReady: () => Promise<string | null>;
}

export function webhookListener(params: WebhookServerParams): RequestListener {
  const { metrics } = params;
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/health') return send(res, 200, { status: 'ok' });
    if (req.method === 'GET' && path === '/ready') {
      void params.notReady().then(
        (why) => send(res, why ? 503 : 200, why ? { status: 'not ready', reason: why } : { status: 'ready' }),
        (err: unknown) => send(res, 503, { status: 'not ready', reason: String(err) }),
      );
      return;
    }
    if (req.method === 'GET' && path === '/metrics') {
      void metrics.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        () => send(res, 500, { error: 'metrics unavailable' }),
      );
      return;
    }
    if (req.method === 'POST' && path === params.path) return void receive(params, req, res);
    send(res, 404, { error: 'not found' });
  };
}

async function receive(
  params: WebhookServerParams,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { log, metrics } = params;
  const id = header(req, 'x-github-delivery');
  const name = header(req, 'x-github-event');
  const signature = header(req, 'x-hub-signature-256');
  const refuse = (status: number, outcome: string, message: string, data: object = {}): void => {
    metrics.deliveries.inc({ event: name ?? 'unknown', outcome });
    log.warn({ id, event: name, ...data }, message);
    // The rest of an oversized body is not read: the connection is closed after the answer.
    send(res, status, { error: message }, status === 413);
  };
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > params.maxBodyBytes) {
    return refuse(413, 'too-large', 'webhook refused: body too large', { size: declared });
  }
  if (!id || !name || !signature) return refuse(400, 'malformed', 'webhook refused: GitHub headers missing');
  const body = await readBounded(req, params.maxBodyBytes);
  if (body === null) return refuse(413, 'too-large', 'webhook refused: body too large', { size: '>limit' });
  const text = body.toString('utf8');
  if (!(await verify(params.secret, text, signature).catch(() => false))) {
    return refuse(401, 'bad-signature', 'webhook refused: signature does not match', { size: body.length });
  }
  const hash = createHash('sha256').update(body).digest('hex');
  if ((await params.replay.check(hash, id)) === 'replay') {
    metrics.deliveries.inc({ event: name, outcome: 'replay' });
    log.warn(
      { id, event: name },
      'webhook ignored: the same signed body came before under another delivery id',
    );
    return send(res, 200, { ok: true, ignored: 'replay' });
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return refuse(400, 'malformed', 'webhook refused: body is not JSON', { size: body.length });
  }
  try {
    await params.probot.receive({ id, name, payload } as Parameters<Probot['receive']>[0]);
    metrics.deliveries.inc({ event: name, outcome: 'accepted' });
    send(res, 200, { ok: true });
  } catch (err) {
    metrics.deliveries.inc({ event: name, outcome: 'error' });
    log.error({ err, id, event: name }, 'webhook handler failed');
    send(res, 500, { error: 'handler failed' });
  }
}

/** The body, or null once it passes `max` bytes (the rest is not read). */
function readBounded(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value.length > 0 && value.length < 200 ? value : undefined;
}

function send(res: ServerResponse, status: number, body: object, close = false): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', ...(close ? { connection: 'close' } : {}) });
  res.end(JSON.stringify(body));
}
