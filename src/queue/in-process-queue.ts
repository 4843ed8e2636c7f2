// The default JobQueue: in memory, one promise chain per key, any number of keys in parallel. Delivery
// ids already seen are remembered in a bounded LRU, so a redelivered webhook runs nothing. Jobs are lost
// on restart; the app's "find my comment before writing" rule keeps a rerun harmless.
import type { AddResult, JobQueue, QueueJob } from './job-queue.js';
import { createLru } from './lru.js';

export interface InProcessQueueOptions {
  /** How many delivery ids to remember for deduplication. */
  maxSeenIds?: number;
}

export function createInProcessQueue<J extends QueueJob>(options: InProcessQueueOptions = {}): JobQueue<J> {
  const maxSeen = options.maxSeenIds ?? 10_000;
  const seen = createLru<true>(maxSeen);
  const tails = new Map<string, Promise<void>>();
  let pending = 0;
  let idleWaiters: (() => void)[] = [];
  let run: ((job: J) => Promise<void>) | null = null;
  let report: (err: unknown, job: J) => void = () => {};

  const remember = (id: string): boolean => {
    if (seen.has(id)) return false;
    seen.set(id, true);
    return true;
  };

  const settle = (): void => {
    pending -= 1;
    if (pending > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  return {
    async add(job: J): Promise<AddResult> {
      if (!run) throw new Error('in-process queue: process() must be called before add()');
      if (!remember(job.id)) return 'duplicate';
      const worker = run;
      pending += 1;
      const previous = tails.get(job.key) ?? Promise.resolve();
      const tail = previous
        .then(() => worker(job))
        .catch((err: unknown) => report(err, job))
        .finally(() => {
          if (tails.get(job.key) === tail) tails.delete(job.key);
          settle();
        });
      tails.set(job.key, tail);
      return 'queued';
    },
    process(worker, onError): void {
      run = worker;
      report = onError;
    },
    onIdle(): Promise<void> {
      if (pending === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
