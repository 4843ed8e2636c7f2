// The Probot app: load and compile the bundled catalog once, build the caches, the queue and the
// handlers, and register them. No logic here; see src/triage/run-triage-job.ts for the pipeline.
import type { ApplicationFunction } from 'probot';
import { loadCatalog } from './catalog/bundled-catalog.js';
import { readAppSettings, type AppSettings } from './config/app-settings.js';
import { createGatewayCaches, createIssueGateway } from './github/issue-gateway.js';
import { onComment } from './handlers/on-comment.js';
import { onIssue } from './handlers/on-issue.js';
import { createJobWorker, reportJobFailure } from './handlers/run-queued-job.js';
import { createInProcessQueue } from './queue/in-process-queue.js';
import type { JobQueue } from './queue/job-queue.js';
import { sharedTriageRunner, threadCount } from './queue/triage-runner.js';
import { createRepoCatalogs } from './triage/repo-catalogs.js';
import type { TriageJob } from './triage/run-triage-job.js';

export interface AppOptions {
  /** Where triage jobs wait; in-process by default. Pass one to wait on `onIdle()` or to share it. */
  queue?: JobQueue<TriageJob>;
  /** Clock of the caches (how long a "file not found" is remembered) and of the own-comment record. */
  now?: () => number;
  /** Settings that replace those read from the environment (`CRASH_TRIAGE_*`, see app-settings.ts). */
  settings?: Partial<AppSettings>;
}

export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app) => {
    const env = readAppSettings(process.env);
    for (const problem of env.problems) app.log.warn(problem, 'invalid environment variable ignored');
    const settings: AppSettings = { ...env.settings, ...options.settings };
    const loaded = loadCatalog();
    for (const problem of loaded.problems) app.log.warn(problem, 'bundled incident file skipped');
    const catalogs = createRepoCatalogs(loaded.incidents);
    const caches = createGatewayCaches({
      ...(options.now ? { now: options.now } : {}),
      ownComments: { lookup: settings.commentLookup, clockSkewMs: settings.clockSkewSeconds * 1000 },
    });
    const queue = options.queue ?? createInProcessQueue<TriageJob>({ concurrency: settings.maxJobs });
    queue.process(
      createJobWorker(app, {
        catalogs,
        gatewayFor: (context, gw) => createIssueGateway(context, caches, gw),
        ownComments: caches.ownComments,
        triage: sharedTriageRunner(threadCount(settings.triageThreads)),
      }),
      reportJobFailure(app),
    );
    app.on(['issues.opened', 'issues.edited'], onIssue(queue));
    app.on('issue_comment.created', onComment(queue));
    app.log.info({ incidents: loaded.incidents.length, ...settings }, 'crash-triage ready');
  };
}

export default createApp();
