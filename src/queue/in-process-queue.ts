// The embedded default JobQueue: in memory. Jobs of one key run one at a time, in the order they were
// added; jobs of different keys run in parallel, but at most `concurrency` at once (and at most
// `perGroup` of one group, so one installation whose API hangs cannot hold every slot), oldest first, each
// started from its own turn of the event loop (setImmediate). Without the cap, a flood of deliveries would
// start every job at once and the webhook answers would wait behind them. Delivery ids already seen are
// remembered in a bounded LRU, so a redelivered webhook runs nothing, unless its job failed: then GitHub's
// "Redeliver" runs it again. Jobs are lost on restart: close() returns the unfinished ones to be logged.
import { createLru } from '../util/lru.js';
import type { AddResult, JobQueue, JobSlot, QueueJob } from './job-queue.js';

export interface InProcessQueueOptions {
  /** How many delivery ids to remember for deduplication. */
  maxSeenIds?: number;
  /** How many jobs may hold a slot at once (see JobSlot). */
  concurrency?: number;
  /** How many of those one group (installation) may hold; default a quarter of `concurrency`. */
  perGroup?: number;
}

export const DEFAULT_CONCURRENCY = 64;

export function createInProcessQueue<J extends QueueJob>(options: InProcessQueueOptions = {}): JobQueue<J> {
  const maxSeen = options.maxSeenIds ?? 10_000;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const perGroup = Math.max(1, options.perGroup ?? Math.floor(concurrency / 4));
  const seen = createLru<true>(maxSeen);
  // Jobs waiting, per key, in order; `running` are the jobs started and not ended, by key.
  const byKey = new Map<string, J[]>();
  const running = new Map<string, J>();
  // Keys whose next job may start, oldest first (a Set keeps insertion order; a key is in it at most once).
  const ready = new Set<string>();
  const slotsByGroup = new Map<string, number>();
  let slotsInUse = 0;
  let pending = 0;
  let drainScheduled = false;
  let closing = false;
  let idleWaiters: (() => void)[] = [];
  let run: ((job: J, slot: JobSlot) => Promise<void>) | null = null;
  let report: (err: unknown, job: J, willRetry: boolean) => void = () => {};

  const groupSlots = (group: string): number => slotsByGroup.get(group) ?? 0;
  const scheduleDrain = (): void => {
    if (closing || drainScheduled || ready.size === 0 || slotsInUse >= concurrency) return;
    drainScheduled = true;
    setImmediate(drain);
  };

  // Fills the free slots, oldest key first, from a turn of its own: never inside the webhook handler that
  // added the job (its answer goes out first) nor inside the job that freed the slot.
  function drain(): void {
    drainScheduled = false;
    if (closing) return;
    for (const key of ready) {
      if (slotsInUse >= concurrency) break;
      const jobs = byKey.get(key)!;
      if (groupSlots(jobs[0]!.group) >= perGroup) continue;
      ready.delete(key);
      const job = jobs.shift()!;
      if (jobs.length === 0) byKey.delete(key);
      void start(job);
    }
  }

  async function start(job: J): Promise<void> {
    running.set(job.key, job);
    slotsInUse += 1;
    slotsByGroup.set(job.group, groupSlots(job.group) + 1);
    let held = true;
    const slot: JobSlot = {
      release() {
        if (!held) return;
        held = false;
        slotsInUse -= 1;
        const left = groupSlots(job.group) - 1;
        if (left > 0) slotsByGroup.set(job.group, left);
        else slotsByGroup.delete(job.group);
        scheduleDrain();
      },
    };
    try {
      await run!(job, slot);
    } catch (err) {
      // Forgotten, so that GitHub's "Redeliver" of this delivery runs it again.
      seen.delete(job.id);
      report(err, job, false);
    } finally {
      slot.release();
      running.delete(job.key);
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
      if (closing) throw new Error('in-process queue: closed');
      if (seen.has(job.id)) return 'duplicate';
      seen.set(job.id, true);
      pending += 1;
      const jobs = byKey.get(job.key);
      if (jobs) jobs.push(job);
      else byKey.set(job.key, [job]);
      if (!running.has(job.key)) ready.add(job.key);
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
    depth: () => Promise.resolve(pending),
    ready: () => Promise.resolve(!closing),
    async close(graceMs: number): Promise<J[]> {
      closing = true;
      const waiting = [...byKey.values()].flat();
      // Jobs never started will not start now: only the running ones are waited for.
      pending -= waiting.length;
      byKey.clear();
      ready.clear();
      if (running.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        const idle = new Promise<void>((resolve) => idleWaiters.push(resolve));
        await Promise.race([idle, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
        clearTimeout(timer);
      }
      const unfinished = [...running.values(), ...waiting];
      for (const job of unfinished) seen.delete(job.id);
      return unfinished;
    },
  };
}
