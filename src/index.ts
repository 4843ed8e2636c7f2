// The Probot app: read the settings, load the bundled catalog (to report bad files at start), build the
// caches, the triage runner, the queue and the handler, and register it. No logic here; the pipeline is
// src/triage/run-triage-job.ts, and the HTTP edge (npm start) is src/server/.
import type { ApplicationFunction } from 'probot';
import { loadCatalog } from './catalog/bundled-catalog.js';
import { readAppSettings, type AppSettings } from './config/app-settings.js';
import { createGatewayCaches } from './github/issue-gateway.js';
import { createMemoryEditRecord, type EditRecord } from './queue/edit-record.js';
import { onIssueEvent } from './handlers/on-issue-event.js';
import { createJobWorker, reportJobFailure } from './handlers/run-queued-job.js';
import type { TriageJob } from './handlers/triage-job.js';
import { createMetrics, type AppMetrics } from './metrics/metrics.js';
import { createInProcessQueue } from './queue/in-process-queue.js';
import type { JobQueue } from './queue/job-queue.js';
import { createInlineRunner, threadCount, threadedRunner } from './queue/triage-runner.js';
import { createRepoCatalogs } from './triage/repo-catalogs.js';

export interface AppOptions {
  /** Where triage jobs wait; in-process by default. Pass one to wait on `onIdle()`, close it, or share it. */
  queue?: JobQueue<TriageJob>;
  /** Clock of the caches (how long a "file not found" is remembered). */
  now?: () => number;
  /** Settings that replace those read from the environment (`CRASH_TRIAGE_*`, see app-settings.ts). */
  settings?: Partial<AppSettings>;
  metrics?: AppMetrics;
  /** Which issues had an edit triaged; shared (Redis) where replicas share the deliveries. */
  edits?: EditRecord;
  /** Several replicas share the deliveries: this process's record of its own comments proves nothing. */
  replicas?: boolean;
  /** The GitHub App's id: tells its comments from other bots' (`performed_via_github_app`). */
  appId?: number;
}

export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app) => {
    const env = readAppSettings(process.env);
    for (const problem of env.problems) app.log.warn(problem, 'invalid environment variable ignored');
    const settings: AppSettings = { ...env.settings, ...options.settings };
    const loaded = loadCatalog();
    for (const problem of loaded.problems) app.log.warn(problem, 'bundled incident file skipped');
    // The runner owns the compiled catalogs: each triage thread compiles its own, and only the inline
    // runner (no threads) compiles here.
    const threads = threadCount(settings.triageThreads);
    const triage =
      threads > 0
        ? threadedRunner(threads, { catalogCacheMb: settings.catalogCacheMb })
        : createInlineRunner(createRepoCatalogs(loaded.incidents, { maxMegabytes: settings.catalogCacheMb }));
    const caches = createGatewayCaches({
      ...(options.now ? { now: options.now } : {}),
      ...(options.appId ? { appId: options.appId } : {}),
      ownComments: {
        lookup: options.replicas ? 'always' : settings.commentLookup,
        clockSkewMs: settings.clockSkewSeconds * 1000,
      },
    });
    const queue = options.queue ?? createInProcessQueue<TriageJob>({ concurrency: settings.maxJobs });
    const metrics = options.metrics ?? createMetrics(() => queue.depth());
    const worker = createJobWorker(app, {
      caches,
      triage,
      edits: options.edits ?? createMemoryEditRecord(),
      metrics,
      requestTimeoutMs: settings.requestTimeoutSeconds * 1000,
    });
    queue.process(worker, reportJobFailure(app, metrics));
    app.on(['issues.opened', 'issues.edited', 'issue_comment.created'], onIssueEvent(queue));
    app.log.info({ incidents: loaded.incidents.length, ...settings }, 'crash-triage ready');
  };
}

export default createApp();
