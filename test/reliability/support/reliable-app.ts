// Starts the real app for the reliability tests, as test/app/app-harness.ts does (Probot served by its
// node middleware on a local port, webhooks signed like GitHub signs them), pointed at the GitHub
// stand-in (src/demo/github-stand-in.ts) over real HTTP as its `baseUrl`, with two differences from the
// app tests that these tests need: Octokit's retry and throttling plugins stay on
// (only their delays are shortened, through the Probot constructor's `Octokit` option), and the log is a
// real pino logger writing JSON lines to a stream the tests read. Nothing in src/ knows it is tested.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { sign } from '@octokit/webhooks-methods';
import { pino } from 'pino';
import { createNodeMiddleware, Probot, ProbotOctokit } from 'probot';
import { createApp } from '../../../src/index.js';
import { createInProcessQueue } from '../../../src/queue/in-process-queue.js';
import type { TriageJob } from '../../../src/handlers/triage-job.js';
import { PRIVATE_KEY, SECRET, secretsIn } from './secrets.js';
import { tally } from './tally.js';

export const APP_ID = 12345;

/** One pino log line, parsed. */
export interface LogLine {
  level: number;
  msg?: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}

export const LEVEL = { debug: 20, info: 30, warn: 40, error: 50 } as const;

export interface SendOptions {
  id?: string;
  secret?: string;
}

export interface ReliableApp {
  /** Sends a signed webhook; resolves with the app's HTTP status and the delivery id used. */
  send(event: string, payload: object, options?: SendOptions): Promise<{ status: number; id: string }>;
  /** Sends a raw request to the webhook endpoint (forged signatures, missing headers, altered bodies). */
  post(headers: Record<string, string>, body: string): Promise<number>;
  /** Waits until every queued triage job has run. */
  idle(): Promise<void>;
  /** The log so far, parsed. */
  logs(): LogLine[];
  /** The log so far, as written. */
  rawLog(): string;
  /** Closes the server and scans the log for secrets (recorded, and thrown if any). */
  close(): Promise<void>;
}

let deliveries = 0;

/** A fresh delivery id, as GitHub's are: unique per delivery, kept by redeliveries. */
export function deliveryId(): string {
  deliveries += 1;
  return `rel-${process.pid}-${deliveries}`;
}

// Throttling groups that never wait: Octokit's write spacing (1 s between writes, 3 s between comments)
// is a delay like the retry back-off, so it is shortened too; the retry limiter itself is left as is.
const NO_WAIT = {
  key: () => ({
    schedule: <A extends unknown[], R>(_options: unknown, fn: (...args: A) => R, ...args: A): R =>
      fn(...args),
  }),
};

/** Octokit as Probot builds it, with retries and throttling on and their waits in milliseconds. */
export const FastRetryOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  // Retries at 10, 40 and 90 ms instead of 1, 4 and 9 s.
  retry: { retryAfterBaseValue: 10 },
  throttle: {
    ...(options.throttle as object),
    // `retry-after: 1` waits 10 ms; a secondary limit without the header, 20 ms.
    retryAfterBaseValue: 10,
    fallbackSecondaryRateRetryAfter: 2,
    write: NO_WAIT,
    notifications: NO_WAIT,
  },
}));

/** The app in front of the GitHub API at `baseUrl` (the stand-in's url). */
export async function startReliableApp(baseUrl: string): Promise<ReliableApp> {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  // pino writes synchronously to a plain stream, so a test reads every line as soon as it is logged.
  const log = pino({ level: 'trace' }, stream);
  const probot = new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    secret: SECRET,
    baseUrl,
    log,
    Octokit: FastRetryOctokit,
  });
  const queue = createInProcessQueue<TriageJob>();
  const middleware = await createNodeMiddleware(createApp({ queue }), { probot });
  const server: Server = createServer((req, res) => {
    void middleware(req, res, () => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/api/github/webhooks`;

  const post = async (headers: Record<string, string>, body: string): Promise<number> => {
    const res = await fetch(url, { method: 'POST', headers, body });
    await res.text();
    return res.status;
  };

  return {
    async send(event, payload, { id = deliveryId(), secret = SECRET } = {}) {
      const body = JSON.stringify(payload);
      const status = await post(
        {
          'content-type': 'application/json',
          'x-github-event': event,
          'x-github-delivery': id,
          'x-hub-signature-256': await sign(secret, body),
        },
        body,
      );
      return { status, id };
    },
    post,
    idle: () => queue.onIdle(),
    logs: () => lines.map((l) => JSON.parse(l) as LogLine),
    rawLog: () => lines.join('\n'),
    async close() {
      await queue.onIdle();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      const found = secretsIn(lines.join('\n'));
      tally('security', { logLines: lines.length, secretsInLogs: found.length });
      if (found.length > 0) throw new Error(`secrets in the app's log: ${found.join(', ')}`);
    },
  };
}
