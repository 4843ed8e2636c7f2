// A small pool of worker threads that each answer `{ id, task }` messages with `{ id, result }` or
// `{ id, error }`. Tasks are handed out oldest first to the thread with the fewest in hand (at most two
// each, so a thread never waits for the main thread between tasks and a slow task delays few others).
// A thread holds the process open only while it has work. A thread that dies fails its tasks and is
// replaced when there is more work.
import { Worker } from 'node:worker_threads';

export interface WorkerPoolOptions {
  /** The thread's module. A `.ts` file (running from the sources: tests, benchmark) is loaded through tsx. */
  file: URL;
  size: number;
  /** Handed to each thread as `workerData`. */
  data?: unknown;
}

export interface WorkerPool<T, R> {
  run(task: T): Promise<R>;
}

interface Pending<T, R> {
  id: number;
  task: T;
  resolve: (result: R) => void;
  reject: (err: Error) => void;
}

interface Thread<T, R> {
  worker: Worker;
  inHand: Map<number, Pending<T, R>>;
}

export type WorkerReply<R> = { id: number; result: R } | { id: number; error: string };

const PER_THREAD = 2;

export function createWorkerPool<T, R>(options: WorkerPoolOptions): WorkerPool<T, R> {
  const waiting: Pending<T, R>[] = [];
  const threads: Thread<T, R>[] = [];
  let nextId = 0;

  const spawn = (): Thread<T, R> => {
    const worker = options.file.pathname.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(options.file.href)}); })`,
          { eval: true, workerData: options.data },
        )
      : new Worker(options.file, { workerData: options.data });
    worker.unref();
    const thread: Thread<T, R> = { worker, inHand: new Map() };
    worker.on('message', (reply: WorkerReply<R>) => {
      const pending = thread.inHand.get(reply.id);
      if (!pending) return;
      thread.inHand.delete(reply.id);
      if ('error' in reply) pending.reject(new Error(reply.error));
      else pending.resolve(reply.result);
      if (thread.inHand.size === 0) worker.unref();
      dispatch();
    });
    // A dead thread fails what it had in hand; a new one is started when there is work for it (so a
    // thread that cannot even start fails the tasks it is given instead of restarting in a loop).
    const fail = (err: Error): void => {
      const index = threads.indexOf(thread);
      if (index === -1) return;
      threads.splice(index, 1);
      for (const pending of thread.inHand.values()) pending.reject(err);
      thread.inHand.clear();
      dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`worker thread exited with code ${code}`)));
    return thread;
  };

  function dispatch(): void {
    while (waiting.length > 0 && threads.length < options.size) threads.push(spawn());
    while (waiting.length > 0) {
      let best: Thread<T, R> | undefined;
      for (const thread of threads) {
        if (thread.inHand.size < PER_THREAD && (!best || thread.inHand.size < best.inHand.size))
          best = thread;
      }
      if (!best) return;
      const pending = waiting.shift()!;
      if (best.inHand.size === 0) best.worker.ref();
      best.inHand.set(pending.id, pending);
      best.worker.postMessage({ id: pending.id, task: pending.task });
    }
  }

  for (let i = 0; i < options.size; i++) threads.push(spawn());

  return {
    run(task) {
      return new Promise<R>((resolve, reject) => {
        waiting.push({ id: nextId++, task, resolve, reject });
        dispatch();
      });
    },
  };
}
