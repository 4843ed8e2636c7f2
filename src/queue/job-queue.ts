// The queue the webhook handler hands its work to, so a delivery is acknowledged at once (GitHub gives up
// after 10 s, and throttled writes are spaced seconds apart). Two implementations: in-process (the
// embedded default, lost on restart) and Redis (durable, shared by replicas). Jobs are plain data.

/** A unit of work. `id` makes it idempotent; `key` orders it; `group` shares the workers out. */
export interface QueueJob {
  /** The webhook delivery id: a job whose id was already accepted is dropped (redeliveries), unless it failed. */
  id: string;
  /** Jobs with the same key (`repo-id#number`) run one at a time, in the order they were added. */
  key: string;
  /** Jobs of one group (an installation) hold at most a share of the workers, so one slow API stalls no one else. */
  group: string;
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
  process(
    worker: (job: J, slot: JobSlot) => Promise<void>,
    onError: (err: unknown, job: J, willRetry: boolean) => void,
  ): void;
  /** Resolves when no job is waiting or running (used by the demo, the benchmark and the tests). */
  onIdle(): Promise<void>;
  /** Jobs waiting or running (for the metrics). */
  depth(): Promise<number>;
  /** Whether the queue can take jobs (its store reachable), for /ready. */
  ready(): Promise<boolean>;
  /**
   * Stops starting jobs and gives the running ones `graceMs` to finish. Returns the jobs that were not
   * finished: an in-process queue loses them (the caller logs each), a durable one keeps them for the next
   * process and returns none.
   */
  close(graceMs: number): Promise<J[]>;
}
