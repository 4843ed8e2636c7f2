// The queue the webhook handlers hand their work to, so a delivery is acknowledged at once (GitHub gives
// up after 10 s, and throttled writes are spaced seconds apart). Small on purpose: a durable shared queue
// (Redis, SQS...) can implement it later, which is why jobs are plain data and not closures.

/** A unit of work. `id` makes it idempotent; `key` orders it. */
export interface QueueJob {
  /** The webhook delivery id: a job whose id was already accepted is dropped (redeliveries). */
  id: string;
  /** Jobs with the same key (`owner/repo#number`) run one at a time, in the order they were added. */
  key: string;
}

export type AddResult = 'queued' | 'duplicate';

/**
 * A running job's share of the queue's concurrency. The job may release it early, once what is left is
 * waiting on GitHub (throttled writes), so that a burst into one installation, whose writes are spaced
 * seconds apart, does not hold every slot; the job's key stays busy until the job ends.
 */
export interface JobSlot {
  release(): void;
}

export interface JobQueue<J extends QueueJob> {
  /** Accepts a job and returns without waiting for it to run. */
  add(job: J): Promise<AddResult>;
  /** Sets the function that runs jobs, and where a job's failure is reported. Call once, before `add`. */
  process(worker: (job: J, slot: JobSlot) => Promise<void>, onError: (err: unknown, job: J) => void): void;
  /** Resolves when no job is waiting or running (used by the demo, the benchmark and the tests). */
  onIdle(): Promise<void>;
}
