// A triage thread (see triage-runner.ts): loads and compiles the bundled catalog once, compiles a
// repository's catalog from the files it is sent (kept, by file versions, as the main thread does), and
// answers each task with the triage's verdict and comment, or the error it threw.
import { parentPort } from 'node:worker_threads';
import { loadCatalog } from '../catalog/bundled-catalog.js';
import { createRepoCatalogs } from '../triage/repo-catalogs.js';
import { triageIssue } from '../triage/triage-issue.js';
import { outcomeOf, type TriageOutcome, type TriageTask } from './triage-runner.js';
import type { WorkerReply } from './worker-pool.js';

const catalogs = createRepoCatalogs(loadCatalog().incidents);

parentPort!.on('message', ({ id, task }: { id: number; task: TriageTask }) => {
  let reply: WorkerReply<TriageOutcome>;
  try {
    const { index } = catalogs.catalogFor(task.catalog.useBundled, {
      files: task.catalog.files,
      problems: [],
    });
    reply = { id, result: outcomeOf(triageIssue({ ...task, index })) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort!.postMessage(reply);
});
