// The app's triage runners (the port declared in src/triage/ports.ts): on worker threads, so that the
// event loop that answers webhooks and talks to GitHub never waits on a triage and a second core is used,
// or, with no threads, on the main thread, one triage per turn of the event loop. Either way the answer is
// runTriageTask's for the same task, and the runner owns the compiled catalogs: a thread compiles its
// own, the main thread compiles only when it is the runner.
import { availableParallelism } from 'node:os';
import type { RepoCatalogs } from '../triage/repo-catalogs.js';
import type { TriageOutcome, TriageRunner, TriageTask } from '../triage/ports.js';
import { runTriageTask } from '../triage/run-triage-task.js';
import { createWorkerPool, type WorkerPool } from './worker-pool.js';

/** `auto`: one thread per core but one (kept for the event loop), at most 4; none on a single core. */
export function threadCount(setting: number | 'auto'): number {
  return setting === 'auto' ? Math.max(0, Math.min(4, availableParallelism() - 1)) : setting;
}

/** Runs each triage on the main thread, in its own turn of the event loop and one at a time. */
export function createInlineRunner(catalogs: RepoCatalogs): TriageRunner {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const turn = (): Promise<TriageOutcome> =>
        new Promise((resolve, reject) =>
          setImmediate(() => {
            try {
              resolve(runTriageTask(task, catalogs));
            } catch (err) {
              reject(err);
            }
          }),
        );
      const result = tail.then(turn, turn);
      tail = result.catch(() => {});
      return result;
    },
  };
}

// Threads are shared by every app in the process (tests start many): they load the bundled catalog
// themselves and compile a repository's catalog from the files they are sent, so no app owns them.
/** What each triage thread is started with. */
export interface TriageThreadData {
  /** Megabytes of compiled repository catalogs the thread keeps. */
  catalogCacheMb: number;
}

const pools = new Map<number, WorkerPool<TriageTask, TriageOutcome>>();

/**
 * A runner on `threads` worker threads (created once per process and count). The reports of one
 * repository are triaged one after another, in the order asked, so a burst into one repository reaches
 * its writes in the order the issues arrived, as with one thread; repositories run in parallel.
 */
export function threadedRunner(threads: number, { catalogCacheMb = 128 } = {}): TriageRunner {
  let pool = pools.get(threads);
  if (!pool) {
    // The thread's module beside this one: .js when built, .ts when run from the sources.
    const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
    pool = createWorkerPool<TriageTask, TriageOutcome>({
      file: new URL(`./triage-worker.${ext}`, import.meta.url),
      size: threads,
      data: { catalogCacheMb } satisfies TriageThreadData,
    });
    pools.set(threads, pool);
  }
  const shared = pool;
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(task) {
      const repo = task.input.repo?.toLowerCase() ?? '';
      const previous = tails.get(repo);
      const start = (): Promise<TriageOutcome> => shared.run(task);
      const result = previous ? previous.then(start, start) : start();
      const tail = result.catch(() => {});
      tails.set(repo, tail);
      void tail.then(() => {
        if (tails.get(repo) === tail) tails.delete(repo);
      });
      return result;
    },
  };
}
