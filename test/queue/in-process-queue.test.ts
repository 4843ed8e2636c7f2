// The in-process queue: one job at a time per key, keys in parallel up to its concurrency (oldest first,
// never started inside the call that added them), a slot given back early frees room for the next job,
// delivery ids deduplicated, failures reported without blocking the key, onIdle() when everything has run.
import { describe, expect, it } from 'vitest';
import { createInProcessQueue } from '../../src/queue/in-process-queue.js';

interface Job {
  id: string;
  key: string;
  ms: number;
  fail?: boolean;
  /** Gives the slot back after this many ms, then waits `ms` more (a job waiting on throttled writes). */
  releaseAfter?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function queueWithLog(maxSeenIds?: number, concurrency?: number) {
  const log: string[] = [];
  const errors: string[] = [];
  let running = 0;
  const peak = { running: 0 };
  const queue = createInProcessQueue<Job>({
    ...(maxSeenIds ? { maxSeenIds } : {}),
    ...(concurrency ? { concurrency } : {}),
  });
  queue.process(
    async (job, slot) => {
      log.push(`start ${job.id}`);
      running += 1;
      peak.running = Math.max(peak.running, running);
      if (job.releaseAfter !== undefined) {
        await sleep(job.releaseAfter);
        running -= 1;
        slot.release();
        await sleep(job.ms);
      } else {
        await sleep(job.ms);
        running -= 1;
      }
      if (job.fail) throw new Error(`boom ${job.id}`);
      log.push(`end ${job.id}`);
    },
    (err, job) => errors.push(`${job.id}: ${(err as Error).message}`),
  );
  return { queue, log, errors, peak };
}

describe('createInProcessQueue', () => {
  it('runs jobs of one key one at a time, in order', async () => {
    const { queue, log } = queueWithLog();
    await queue.add({ id: 'a', key: 'o/r#1', ms: 20 });
    await queue.add({ id: 'b', key: 'o/r#1', ms: 1 });
    await queue.onIdle();
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('runs different keys in parallel', async () => {
    const { queue, log } = queueWithLog();
    await queue.add({ id: 'a', key: 'o/r#1', ms: 20 });
    await queue.add({ id: 'b', key: 'o/r#2', ms: 1 });
    await queue.onIdle();
    expect(log).toEqual(['start a', 'start b', 'end b', 'end a']);
  });

  it('drops a job whose id was already accepted', async () => {
    const { queue, log } = queueWithLog();
    expect(await queue.add({ id: 'a', key: 'k', ms: 1 })).toBe('queued');
    expect(await queue.add({ id: 'a', key: 'k', ms: 1 })).toBe('duplicate');
    await queue.onIdle();
    expect(await queue.add({ id: 'a', key: 'k', ms: 1 })).toBe('duplicate');
    expect(log).toEqual(['start a', 'end a']);
  });

  it('forgets the oldest ids beyond its bound', async () => {
    const { queue } = queueWithLog(2);
    for (const id of ['a', 'b', 'c']) await queue.add({ id, key: id, ms: 0 });
    await queue.onIdle();
    expect(await queue.add({ id: 'a', key: 'a', ms: 0 })).toBe('queued');
    expect(await queue.add({ id: 'c', key: 'c', ms: 0 })).toBe('duplicate');
  });

  it('reports a failed job and goes on with the next one of the key', async () => {
    const { queue, log, errors } = queueWithLog();
    await queue.add({ id: 'a', key: 'k', ms: 1, fail: true });
    await queue.add({ id: 'b', key: 'k', ms: 1 });
    await queue.onIdle();
    expect(errors).toEqual(['a: boom a']);
    expect(log).toEqual(['start a', 'start b', 'end b']);
  });

  it('runs at most `concurrency` jobs at once, the oldest waiting one next', async () => {
    const { queue, log, peak } = queueWithLog(undefined, 2);
    for (const [id, ms] of [
      ['a', 30],
      ['b', 10],
      ['c', 1],
      ['d', 1],
    ] as const)
      await queue.add({ id, key: id, ms });
    await queue.onIdle();
    expect(peak.running).toBe(2);
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c', 'end c', 'start d', 'end d', 'end a']);
  });

  it('starts a job on a later turn of the event loop, never inside add()', async () => {
    const { queue, log } = queueWithLog();
    await queue.add({ id: 'a', key: 'k', ms: 0 });
    await Promise.resolve();
    expect(log).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['start a']);
    await queue.onIdle();
  });

  it('starts the next job when a running one gives its slot back, and keeps its key busy', async () => {
    const { queue, log, peak } = queueWithLog(undefined, 1);
    await queue.add({ id: 'a', key: 'k1', ms: 30, releaseAfter: 1 });
    await queue.add({ id: 'b', key: 'k1', ms: 1 });
    await queue.add({ id: 'c', key: 'k2', ms: 1 });
    await queue.onIdle();
    expect(peak.running).toBe(1);
    // c runs while a waits without its slot; b, of a's key, only after a has ended.
    expect(log).toEqual(['start a', 'start c', 'end c', 'end a', 'start b', 'end b']);
  });

  it('is idle at once when empty, and refuses jobs before it has a worker', async () => {
    const queue = createInProcessQueue<Job>();
    await expect(queue.onIdle()).resolves.toBeUndefined();
    await expect(queue.add({ id: 'a', key: 'k', ms: 0 })).rejects.toThrow(/process\(\)/);
  });
});
