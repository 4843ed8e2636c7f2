// Where the pure triage (extract → match → render) runs for the app: on worker threads, so that the
// event loop that answers webhooks and talks to GitHub never waits on it and a second core is used, or,
// with no threads, on the main thread, one triage per turn of the event loop. Either way the result is
// the same: triageIssue of the same text against the same catalog.
import { availableParallelism } from 'node:os';
import type { CatalogIndex } from '../match/compile-index.js';
import type { RepoIncidentFile } from '../github/gateway-types.js';
import type { RenderOptions } from '../render/render-comment.js';
import { triageIssue } from '../triage/triage-issue.js';
import type { IssueInput, RenderedComment, Verdict } from '../types.js';
import { createWorkerPool, type WorkerPool } from './worker-pool.js';

/** One triage, as plain data (a thread is sent this, and compiles or reuses its own catalog from it). */
export interface TriageTask {
  input: IssueInput;
  minConfidence: number;
  render: RenderOptions;
  /** The catalog: the bundled incidents and/or the repository's incident files (see repo-catalogs.ts). */
  catalog: { useBundled: boolean; files: RepoIncidentFile[] };
}

/** What the app needs of a triage (the matched incident is looked up by id in the job's own catalog). */
export interface TriageOutcome {
  verdict: Verdict;
  comment: RenderedComment | null;
}

export interface TriageRunner {
  /** `index` is `task.catalog` compiled in this thread: the inline runner uses it, a thread its own. */
  run(task: TriageTask, index: CatalogIndex): Promise<TriageOutcome>;
}

/** `auto`: one thread per core but one (kept for the event loop), at most 4; none on a single core. */
export function threadCount(setting: number | 'auto'): number {
  return setting === 'auto' ? Math.max(0, Math.min(4, availableParallelism() - 1)) : setting;
}

/** Runs each triage on the main thread, in its own turn of the event loop and one at a time. */
export function createInlineRunner(): TriageRunner {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task, index) {
      const turn = (): Promise<TriageOutcome> =>
        new Promise((resolve, reject) =>
          setImmediate(() => {
            try {
              resolve(outcomeOf(triageIssue({ ...task, index })));
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

/** Keeps what the app uses: the signals and the incident (the job has its own copy) are not sent back. */
export function outcomeOf(result: TriageOutcome): TriageOutcome {
  return { verdict: result.verdict, comment: result.comment };
}

// Threads are shared by every app in the process (tests start many): they load the bundled catalog
// themselves and compile a repository's catalog from the files they are sent, so no app owns them.
const pools = new Map<number, WorkerPool<TriageTask, TriageOutcome>>();

/**
 * A runner on `threads` worker threads (created once per process and count), or inline for 0. The reports
 * of one repository are triaged one after another, in the order asked, so a burst into one repository
 * reaches its writes in the order the issues arrived, as with one thread; repositories run in parallel.
 */
export function sharedTriageRunner(threads: number): TriageRunner {
  if (threads <= 0) return createInlineRunner();
  let pool = pools.get(threads);
  if (!pool) {
    // The thread's module beside this one: .js when built, .ts when run from the sources.
    const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
    pool = createWorkerPool<TriageTask, TriageOutcome>({
      file: new URL(`./triage-worker.${ext}`, import.meta.url),
      size: threads,
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
