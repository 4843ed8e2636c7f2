// The in-process queue: one job at a time per key, keys in parallel up to its concurrency (oldest first,
// never started inside the call that added them), a slot given back early frees room for the next job,
// delivery ids deduplicated (a failed one may run again), failures reported without blocking the key, one
// group held to its share of the slots, onIdle() when everything has run, close() with a grace period.
import { describe, expect, it } from 'vitest';
import { createInProcessQueue } from '../../src/queue/in-process-queue.js';

interface Job {
  id: string;
  key: string;
  group: string;
  ms: number;
  fail?: boolean;
  /** Gives the slot back after this many ms, then waits `ms` more (a job waiting on throttled writes). */
  releaseAfter?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function queueWithLog(maxSeenIds?: number, concurrency?: number, perGroup?: number) {
  const log: string[] = [];
  const errors: string[] = [];
  let running = 0;
  const peak = { running: 0 };
  const queue = createInProcessQueue<Job>({
    ...(maxSeenIds ? { maxSeenIds } : {}),
    ...(concurrency ? { concurrency } : {}),
    ...(perGroup ? { perGroup } : {}),
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
    await queue.add({ group: 'g', id: 'a', key: 'o/r#1', ms: 20 });
    await queue.add({ group: 'g', id: 'b', key: 'o/r#1', ms: 1 });
    await queue.onIdle();
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('runs different keys in parallel', async () => {
    const { queue, log } = queueWithLog();
    await queue.add({ group: 'g', id: 'a', key: 'o/r#1', ms: 20 });
    await queue.add({ group: 'g', id: 'b', key: 'o/r#2', ms: 1 });
    await queue.onIdle();
    expect(log).toEqual(['start a', 'start b', 'end b', 'end a']);
  });

  it('drops a job whose id was already accepted', async () => {
    const { queue, log } = queueWithLog();
    expect(await queue.add({ group: 'g', id: 'a', key: 'k', ms: 1 })).toBe('queued');
    expect(await queue.add({ group: 'g', id: 'a', key: 'k', ms: 1 })).toBe('duplicate');
    await queue.onIdle();
    expect(await queue.add({ group: 'g', id: 'a', key: 'k', ms: 1 })).toBe('duplicate');
    expect(log).toEqual(['start a', 'end a']);
  });

  it('forgets the oldest ids beyond its bound', async () => {
    const { queue } = queueWithLog(2);
    for (const id of ['a', 'b', 'c']) await queue.add({ group: 'g', id, key: id, ms: 0 });
    await queue.onIdle();
    expect(await queue.add({ group: 'g', id: 'a', key: 'a', ms: 0 })).toBe('queued');
    expect(await queue.add({ group: 'g', id: 'c', key: 'c', ms: 0 })).toBe('duplicate');
  });

  it('reports a failed job and goes on with the next one of the key', async () => {
    const { queue, log, errors } = queueWithLog();
    await queue.add({ group: 'g', id: 'a', key: 'k', ms: 1, fail: true });
    await queue.add({ group: 'g', id: 'b', key: 'k', ms: 1 });
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
      await queue.add({ group: id, id, key: id, ms });
    await queue.onIdle();
    expect(peak.running).toBe(2);
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c', 'end c', 'start d', 'end d', 'end a']);
  });

  it('starts a job on a later turn of the event loop, never inside add()', async () => {
    const { queue, log } = queueWithLog();
    await queue.add({ group: 'g', id: 'a', key: 'k', ms: 0 });
    await Promise.resolve();
    expect(log).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['start a']);
    await queue.onIdle();
  });

  it('starts the next job when a running one gives its slot back, and keeps its key busy', async () => {
    const { queue, log, peak } = queueWithLog(undefined, 1);
    await queue.add({ group: 'g', id: 'a', key: 'k1', ms: 30, releaseAfter: 1 });
    await queue.add({ group: 'g', id: 'b', key: 'k1', ms: 1 });
    await queue.add({ group: 'g', id: 'c', key: 'k2', ms: 1 });
    await queue.onIdle();
    expect(peak.running).toBe(1);
    // c runs while a waits without its slot; b, of a's key, only after a has ended.
    expect(log).toEqual(['start a', 'start c', 'end c', 'end a', 'start b', 'end b']);
  });

  it('is idle at once when empty, and refuses jobs before it has a worker', async () => {
    const queue = createInProcessQueue<Job>();
    await expect(queue.onIdle()).resolves.toBeUndefined();
    await expect(queue.add({ group: 'g', id: 'a', key: 'k', ms: 0 })).rejects.toThrow(/process\(\)/);
  });

  it('holds one group to its share of the slots, so other groups still run', async () => {
    const { queue, log } = queueWithLog(undefined, 4, 2);
    for (const id of ['h1', 'h2', 'h3', 'h4']) await queue.add({ group: 'hanging', id, key: id, ms: 40 });
    await queue.add({ group: 'other', id: 'o1', key: 'o1', ms: 1 });
    await sleep(20);
    // Two of the hanging group's jobs run; the other group's job has run meanwhile.
    expect(log.filter((l) => l.startsWith('start h'))).toEqual(['start h1', 'start h2']);
    expect(log).toContain('end o1');
    await queue.onIdle();
    expect(log.filter((l) => l.startsWith('end h'))).toHaveLength(4);
  });

  it('runs a delivery again when its first run failed (GitHub\'s "Redeliver")', async () => {
    const { queue, log, errors } = queueWithLog();
    expect(await queue.add({ group: 'g', id: 'a', key: 'k', ms: 1, fail: true })).toBe('queued');
    await queue.onIdle();
    expect(errors).toEqual(['a: boom a']);
    expect(await queue.add({ group: 'g', id: 'a', key: 'k', ms: 1 })).toBe('queued');
    await queue.onIdle();
    expect(log).toEqual(['start a', 'start a', 'end a']);
    expect(await queue.add({ group: 'g', id: 'a', key: 'k', ms: 1 })).toBe('duplicate');
  });

  it('close() starts nothing more, waits for running jobs within the grace period, and returns the rest', async () => {
    const { queue, log } = queueWithLog(undefined, 1);
    await queue.add({ group: 'g', id: 'quick', key: 'k1', ms: 20 });
    await queue.add({ group: 'g', id: 'queued', key: 'k2', ms: 1 });
    await sleep(5);
    const unfinished = await queue.close(1_000);
    expect(log).toEqual(['start quick', 'end quick']);
    expect(unfinished.map((j) => j.id)).toEqual(['queued']);
    await expect(queue.add({ group: 'g', id: 'late', key: 'k3', ms: 1 })).rejects.toThrow(/closed/);
  });

  it('close() gives up on a job that outlasts the grace period and returns it', async () => {
    const { queue } = queueWithLog();
    await queue.add({ group: 'g', id: 'slow', key: 'k', ms: 500 });
    await sleep(5);
    const started = Date.now();
    const unfinished = await queue.close(30);
    expect(Date.now() - started).toBeLessThan(400);
    expect(unfinished.map((j) => j.id)).toEqual(['slow']);
    expect(await queue.ready()).toBe(false);
  });
});
