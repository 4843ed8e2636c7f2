// The default JobQueue: in memory. Jobs of one key run one at a time, in the order they were added; jobs
// of different keys run in parallel, but at most `concurrency` at once, oldest first, each started from
// its own turn of the event loop (setImmediate). Without the cap, a flood of deliveries would start every
// job at once: they would all compete for the one thread, and the webhook answers would wait behind them.
// Delivery ids already seen are remembered in a bounded LRU, so a redelivered webhook runs nothing. Jobs
// are lost on restart; the app's "find my comment before writing" rule keeps a rerun harmless.
import type { AddResult, JobQueue, JobSlot, QueueJob } from './job-queue.js';
import { createLru } from '../util/lru.js';

export interface InProcessQueueOptions {
  /** How many delivery ids to remember for deduplication. */
  maxSeenIds?: number;
  /** How many jobs may hold a slot at once (see JobSlot). */
  concurrency?: number;
}

export const DEFAULT_CONCURRENCY = 64;

export function createInProcessQueue<J extends QueueJob>(options: InProcessQueueOptions = {}): JobQueue<J> {
  const maxSeen = options.maxSeenIds ?? 10_000;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const seen = createLru<true>(maxSeen);
  // Jobs waiting, per key, in order; `busyKeys` are the keys with a job running.
  const byKey = new Map<string, J[]>();
  const busyKeys = new Set<string>();
  // Keys whose next job may start, oldest first (a Set keeps insertion order; a key is in it at most once).
  const ready = new Set<string>();
  let slotsInUse = 0;
  let pending = 0;
  let drainScheduled = false;
  let idleWaiters: (() => void)[] = [];
  let run: ((job: J, slot: JobSlot) => Promise<void>) | null = null;
  let report: (err: unknown, job: J) => void = () => {};

  const remember = (id: string): boolean => {
    if (seen.has(id)) return false;
    seen.set(id, true);
    return true;
  };

  const scheduleDrain = (): void => {
    if (drainScheduled || ready.size === 0 || slotsInUse >= concurrency) return;
    drainScheduled = true;
    setImmediate(drain);
  };

  // Fills the free slots, oldest key first, from a turn of its own: never inside the webhook handler that
  // added the job (its answer goes out first) nor inside the job that freed the slot.
  function drain(): void {
    drainScheduled = false;
    for (const key of ready) {
      if (slotsInUse >= concurrency) break;
      ready.delete(key);
      const jobs = byKey.get(key)!;
      const job = jobs.shift()!;
      if (jobs.length === 0) byKey.delete(key);
      busyKeys.add(key);
      void start(job);
    }
  }

  async function start(job: J): Promise<void> {
    slotsInUse += 1;
    let held = true;
    const slot: JobSlot = {
      release() {
        if (!held) return;
        held = false;
        slotsInUse -= 1;
        scheduleDrain();
      },
    };
    try {
      await run!(job, slot);
    } catch (err) {
      report(err, job);
    } finally {
      slot.release();
      busyKeys.delete(job.key);
      if (byKey.has(job.key)) ready.add(job.key);
      scheduleDrain();
      settle();
    }
  }

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
      pending += 1;
      const jobs = byKey.get(job.key);
      if (jobs) jobs.push(job);
      else byKey.set(job.key, [job]);
      if (!busyKeys.has(job.key)) ready.add(job.key);
      scheduleDrain();
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
