// The in-process queue: one job at a time per key, keys in parallel, delivery ids deduplicated, failures
// reported without blocking the key, and onIdle() when everything has run.
import { describe, expect, it } from 'vitest';
import { createInProcessQueue } from '../../src/queue/in-process-queue.js';

interface Job {
  id: string;
  key: string;
  ms: number;
  fail?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function queueWithLog(maxSeenIds?: number) {
  const log: string[] = [];
  const errors: string[] = [];
  const queue = createInProcessQueue<Job>(maxSeenIds ? { maxSeenIds } : {});
  queue.process(
    async (job) => {
      log.push(`start ${job.id}`);
      await sleep(job.ms);
      if (job.fail) throw new Error(`boom ${job.id}`);
      log.push(`end ${job.id}`);
    },
    (err, job) => errors.push(`${job.id}: ${(err as Error).message}`),
  );
  return { queue, log, errors };
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

  it('is idle at once when empty, and refuses jobs before it has a worker', async () => {
    const queue = createInProcessQueue<Job>();
    await expect(queue.onIdle()).resolves.toBeUndefined();
    await expect(queue.add({ id: 'a', key: 'k', ms: 0 })).rejects.toThrow(/process\(\)/);
  });
});
