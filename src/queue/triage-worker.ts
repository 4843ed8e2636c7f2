// A triage thread (see triage-runner.ts): loads and compiles the bundled catalog once, compiles a
// repository's catalog from the files it is sent (kept, by file versions), and answers each task with
// runTriageTask's outcome, or the error it threw.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../catalog/bundled-catalog.js';
import type { TriageOutcome, TriageTask } from '../triage/ports.js';
import { createRepoCatalogs } from '../triage/repo-catalogs.js';
import { runTriageTask } from '../triage/run-triage-task.js';
import type { TriageThreadData } from './triage-runner.js';
import type { WorkerReply } from './worker-pool.js';

const { catalogCacheMb } = workerData as TriageThreadData;
const catalogs = createRepoCatalogs(loadCatalog().incidents, { maxMegabytes: catalogCacheMb });

parentPort!.on('message', ({ id, task }: { id: number; task: TriageTask }) => {
  let reply: WorkerReply<TriageOutcome>;
  try {
    reply = { id, result: runTriageTask(task, catalogs) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort!.postMessage(reply);
});
