// Starts the real app on a local port, pointed at any GitHub API (the stand-in, for the demo and the
// benchmark): Probot with a private key made in memory, its node middleware, and a queue the caller can
// wait on. No GitHub credentials are involved.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot, ProbotOctokit } from 'probot';
import { createApp } from '../index.js';
import { createInProcessQueue } from '../queue/in-process-queue.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { TriageJob } from '../handlers/triage-job.js';

export interface LocalAppOptions {
  /** The GitHub API to use, e.g. the stand-in's url. */
  baseUrl: string;
  secret?: string;
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  /** Keep Probot's request throttling (as in production). Off by default: a local API has no rate limit. */
  throttle?: boolean;
}

export interface LocalApp {
  /** Where to POST webhooks. */
  webhookUrl: string;
  secret: string;
  queue: JobQueue<TriageJob>;
  close(): Promise<void>;
}

export async function startLocalApp(options: LocalAppOptions): Promise<LocalApp> {
  const secret = options.secret ?? 'local-webhook-secret';
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret,
    baseUrl: options.baseUrl,
    logLevel: options.logLevel ?? 'warn',
    ...(options.throttle
      ? {}
      : {
          // A function, because Probot sets its own `throttle` options over plain defaults.
          Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({
            ...o,
            throttle: { ...(o.throttle as object), enabled: false },
          })),
        }),
  });
  const queue = createInProcessQueue<TriageJob>();
  const middleware = await createNodeMiddleware(createApp({ queue }), { probot });
  const server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    webhookUrl: `http://127.0.0.1:${port}/api/github/webhooks`,
    secret,
    queue,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
