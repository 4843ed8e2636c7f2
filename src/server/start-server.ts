// The production server (`npm start`): Probot with the app, the HTTP edge (webhook-server.ts), and the
// queue: in-process by default, BullMQ on Redis when REDIS_URL is set (durable, shared by replicas, with
// Probot's throttling clustered on the same Redis). close() is the graceful shutdown: stop accepting, give
// running jobs the grace period to finish their writes, log every job that could not be finished (in
// process; in Redis they stay for the next replica), then let go of Redis.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { Probot, ProbotOctokit, type Logger } from 'probot';
import { readAppSettings } from '../config/app-settings.js';
import { createApp } from '../index.js';
import { createMemoryEditRecord, type EditRecord } from '../queue/edit-record.js';
import type { TriageJob } from '../handlers/triage-job.js';
import { createMetrics } from '../metrics/metrics.js';
import { createInProcessQueue } from '../queue/in-process-queue.js';
import type { JobQueue } from '../queue/job-queue.js';
import { createRedisEditRecord, createRedisQueue } from '../queue/redis-queue.js';
import type { ServerEnv } from './read-server-env.js';
import { createMemoryReplayGuard, createRedisReplayGuard, type ReplayGuard } from './replay-guard.js';
import { webhookListener } from './webhook-server.js';

export interface RunningServer {
  url: string;
  server: Server;
  queue: JobQueue<TriageJob>;
  /** Graceful shutdown; resolves with the jobs that could not be finished (in-process mode). */
  close(): Promise<TriageJob[]>;
}

export interface ServerOptions {
  log?: Logger;
  /** Probot's Octokit class (tests turn throttling off); production uses Probot's own with retries. */
  Octokit?: typeof ProbotOctokit;
}

export async function startServer(env: ServerEnv, options: ServerOptions = {}): Promise<RunningServer> {
  const redis = env.redisUrl ? new Redis(env.redisUrl, { maxRetriesPerRequest: null }) : null;
  const settings = readAppSettings(process.env).settings;
  let queue: JobQueue<TriageJob>;
  let edits: EditRecord;
  let replay: ReplayGuard;
  if (redis) {
    queue = createRedisQueue<TriageJob>({
      connection: redis,
      prefix: env.redisPrefix,
      shards: env.queueShards,
      lockMs: env.queueLockSeconds * 1000,
    });
    edits = createRedisEditRecord(redis, env.redisPrefix);
    replay = createRedisReplayGuard(redis, env.redisPrefix);
  } else {
    queue = createInProcessQueue<TriageJob>({ concurrency: settings.maxJobs });
    edits = createMemoryEditRecord();
    replay = createMemoryReplayGuard();
  }
  const metrics = createMetrics(() => queue.depth());
  const probot = new Probot({
    appId: env.appId,
    privateKey: env.privateKey,
    secret: env.secret,
    logLevel: env.logLevel as 'info',
    logFormat: env.logFormat,
    ...(options.log ? { log: options.log } : {}),
    ...(env.baseUrl ? { baseUrl: env.baseUrl } : {}),
    ...(env.redisUrl ? { redisConfig: env.redisUrl } : {}),
    Octokit: options.Octokit ?? ProbotOctokit,
  });
  let catalogLoaded = false;
  await probot.load(createApp({ queue, metrics, edits, replicas: redis !== null, appId: env.appId }));
  catalogLoaded = true;
  const log = probot.log.child({ name: 'crash-triage' });

  const server = createServer(
    webhookListener({
      probot,
      secret: env.secret,
      path: env.webhookPath,
      maxBodyBytes: env.maxBodyBytes,
      log,
      metrics,
      replay,
      notReady: async () => {
        if (!catalogLoaded) return 'catalog not loaded';
        if (!(await queue.ready())) return 'queue unavailable';
        return null;
      },
    }),
  );
  // Slow senders cannot hold sockets open for ever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  await new Promise<void>((resolve) => server.listen(env.port, env.host, resolve));
  const { port } = server.address() as AddressInfo;
  const host = env.host === '0.0.0.0' ? '127.0.0.1' : env.host;
  log.info({ port, queue: redis ? 'redis' : 'in-process' }, 'crash-triage listening');

  let closing: Promise<TriageJob[]> | null = null;
  return {
    url: `http://${host}:${port}`,
    server,
    queue,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        const unfinished = await queue.close(env.shutdownSeconds * 1000);
        for (const job of unfinished) {
          log.error(
            { id: job.id, issue: `${job.facts.repo}#${job.facts.number}`, trigger: job.facts.trigger.kind },
            'job not finished before shutdown: redeliver this delivery from the app settings to run it',
          );
        }
        await redis?.quit().catch(() => {});
        return unfinished;
      })();
      return closing;
    },
  };
}
