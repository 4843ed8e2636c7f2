// The durable JobQueue, on BullMQ and Redis (REDIS_URL): nothing acknowledged is lost when a process
// stops or dies, and several replicas share the work.
// - Job id = delivery id: a redelivery of a finished job is a no-op; of a failed one, it runs again.
// - Order: jobs go to one of `shards` queues by their group (the installation), and each shard runs one
//   job at a time across all replicas (BullMQ's global concurrency), so one issue's jobs run in the order
//   they arrived, and one installation holds at most one worker: a hanging API stalls only its shard.
// - Retries with exponential backoff for what may pass (5xx, timeouts, dropped connections, rate limits):
//   8 attempts, about 4 minutes in all, enough to outlast a short GitHub outage; other errors fail at once.
//   Exhausted jobs stay in the failed set with their reason.
// - A replica killed mid-job: the job's lock expires and another replica's stalled-job check runs it again.
import { Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EditRecord } from './edit-record.js';
import type { AddResult, JobQueue, JobSlot, QueueJob } from './job-queue.js';

export interface RedisQueueOptions {
  connection: Redis;
  /** Key prefix, so several apps can share one Redis. */
  prefix: string;
  shards?: number;
  attempts?: number;
  /** First retry delay; each next one doubles. */
  backoffMs?: number;
  /** How long a job's lock lasts without renewal (a dead replica's job is taken over after it). */
  lockMs?: number;
}

const NO_SLOT: JobSlot = { release() {} };

export function createRedisQueue<J extends QueueJob>(options: RedisQueueOptions): JobQueue<J> {
  const { connection, prefix } = options;
  const shards = options.shards ?? 64;
  const attempts = options.attempts ?? 8;
  const queues = Array.from({ length: shards }, (_, i) => new Queue(`triage-${i}`, { connection, prefix }));
  const concurrencySet = Promise.all(queues.map((q) => q.setGlobalConcurrency(1)));
  const shardOf = (job: QueueJob): Queue => queues[shardIndex(job.group, shards)]!;
  let workers: Worker[] = [];

  const depth = async (): Promise<number> => {
    const counts = await Promise.all(
      queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children')),
    );
    return counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
  };

  return {
    async add(job) {
      await concurrencySet;
      const queue = shardOf(job);
      const jobId = job.id.replace(/:/g, '_');
      const existing = await Job.fromId(queue, jobId);
      if (existing) {
        // A failed job runs again when GitHub redelivers it (the operator's "Redeliver" button).
        if ((await existing.getState()) !== 'failed') return 'duplicate';
        await existing.retry('failed');
        return 'queued' satisfies AddResult;
      }
      await queue.add('triage', job, {
        jobId,
        attempts,
        backoff: { type: 'exponential', delay: options.backoffMs ?? 2_000 },
        // Finished jobs are kept a week, so a redelivery within it is recognised.
        removeOnComplete: { age: 7 * 86_400, count: 100_000 },
        removeOnFail: { age: 30 * 86_400, count: 100_000 },
      });
      return 'queued';
    },

    process(run, onError) {
      workers = queues.map(
        (q) =>
          new Worker(
            q.name,
            async (bullJob: Job) => {
              try {
                await run(bullJob.data as J, NO_SLOT);
              } catch (err) {
                if (!isRetryable(err)) throw new UnrecoverableError(errorText(err));
                throw err;
              }
            },
            {
              connection,
              prefix,
              concurrency: 1,
              lockDuration: options.lockMs ?? 30_000,
              stalledInterval: Math.min(30_000, options.lockMs ?? 30_000),
              maxStalledCount: 3,
            },
          ),
      );
      for (const worker of workers) {
        worker.on('failed', (bullJob, err) => {
          if (!bullJob) return;
          const willRetry = !(err instanceof UnrecoverableError) && bullJob.attemptsMade < attempts;
          onError(err, bullJob.data as J, willRetry);
        });
        // Redis unreachable for a moment: BullMQ reconnects; the error is not a job's.
        worker.on('error', () => {});
      }
    },

    async onIdle() {
      while ((await depth()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    },

    depth,

    async ready() {
      try {
        return (await connection.ping()) === 'PONG';
      } catch {
        return false;
      }
    },

    async close(graceMs) {
      let timer: NodeJS.Timeout | undefined;
      const graceful = Promise.all(workers.map((w) => w.close())).then(() => true);
      const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
      // Past the grace period the running jobs are left locked in Redis: another replica (or this one,
      // restarted) takes them over once their lock expires. Nothing is lost, so none is returned.
      if (!(await Promise.race([graceful, timedOut]))) await Promise.all(workers.map((w) => w.close(true)));
      clearTimeout(timer);
      await Promise.all(queues.map((q) => q.close()));
      return [];
    },
  };
}

/** What may pass if tried again: 5xx, 429, a rate-limited 403, or no answer at all (timeout, reset). */
export function isRetryable(err: unknown): boolean {
  const e = err as { status?: unknown; response?: { headers?: Record<string, string> } };
  const status = typeof e?.status === 'number' ? e.status : undefined;
  if (status === undefined) return true;
  const headers = e.response?.headers;
  if (!e.response && status === 500) return true;
  return (
    status >= 500 ||
    status === 429 ||
    (status === 403 && (!!headers?.['retry-after'] || headers?.['x-ratelimit-remaining'] === '0'))
  );
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The shard of a group (FNV-1a of its name): stable, the same in every replica. */
export function shardIndex(group: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < group.length; i++) h = Math.imul(h ^ group.charCodeAt(i), 0x01000193) >>> 0;
  return h % shards;
}

/** Which issues had an edit triaged, shared by the replicas (see edit-record.ts). */
export function createRedisEditRecord(redis: Redis, prefix: string, ttlSeconds = 7 * 86_400): EditRecord {
  return {
    markEdited: async (key) => void (await redis.set(`${prefix}:edited:${key}`, '1', 'EX', ttlSeconds)),
    wasEdited: async (key) => (await redis.exists(`${prefix}:edited:${key}`)) === 1,
  };
}
