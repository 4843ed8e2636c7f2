// The queue's worker: authenticates for the job's installation, builds the gateway over that Octokit (with
// a timeout on every request) and runs the triage job with the issue facts the webhook carried. An
// `opened` job is skipped when the issue's edit was already triaged. Outcomes and times go to the
// metrics; a failure is logged with the delivery id by the queue.
import type { Probot } from 'probot';
import type { GitHubClient } from '../github/github-client.js';
import { createIssueGateway, type GatewayCaches } from '../github/issue-gateway.js';
import { useRequestHooks } from '../github/request-hooks.js';
import type { AppMetrics } from '../metrics/metrics.js';
import type { JobSlot } from '../queue/job-queue.js';
import type { TriageRunner } from '../triage/ports.js';
import { runTriageJob } from '../triage/run-triage-job.js';
import type { EditRecord } from '../queue/edit-record.js';
import type { TriageJob } from './triage-job.js';

export interface JobWorkerDeps {
  caches: GatewayCaches;
  triage: TriageRunner;
  edits: EditRecord;
  metrics: AppMetrics;
  requestTimeoutMs: number;
}

export function createJobWorker(app: Probot, deps: JobWorkerDeps) {
  const { metrics } = deps;
  return async (job: TriageJob, slot?: JobSlot): Promise<void> => {
    const { facts } = job;
    if (facts.trigger.kind === 'opened' && (await deps.edits.wasEdited(job.key))) {
      app.log.info({ id: job.id, issue: job.key }, 'skipped: superseded by a later edit');
      metrics.jobs.inc({ outcome: 'skipped' });
      return;
    }
    const stopTimer = metrics.jobSeconds.startTimer();
    // Probot's Octokit carries the REST methods, pagination and the config loader the gateway uses.
    const octokit = (await app.auth(job.installationId)) as unknown as GitHubClient;
    useRequestHooks(octokit, {
      timeoutMs: deps.requestTimeoutMs,
      count: (method, status) => metrics.githubRequests.inc({ method, status }),
    });
    const gateway = createIssueGateway({
      octokit,
      repo: facts.repo,
      repoId: facts.repoId,
      number: facts.number,
      caches: deps.caches,
      // Commands read past remembered "no such file" answers: a maintainer may just have added one.
      fresh: facts.trigger.kind === 'command',
    });
    const log = app.log.child({ name: 'crash-triage', id: job.id });
    try {
      const result = await runTriageJob(facts, {
        gateway,
        triage: deps.triage,
        log,
        beforeWrites: () => slot?.release(),
      });
      if (facts.trigger.kind === 'edited' && result.status === 'done') await deps.edits.markEdited(job.key);
      metrics.jobs.inc({ outcome: result.status });
    } finally {
      stopTimer();
    }
  };
}

export function reportJobFailure(app: Probot, metrics: AppMetrics) {
  return (err: unknown, job: TriageJob, willRetry: boolean): void => {
    metrics.jobs.inc({ outcome: willRetry ? 'retried' : 'failed' });
    const { facts } = job;
    const about = { err, id: job.id, issue: `${facts.repo}#${facts.number}`, trigger: facts.trigger.kind };
    if (willRetry) app.log.warn({ ...about, next: 'retried with backoff' }, 'triage job failed');
    else
      app.log.error(
        { ...about, next: "redeliver the webhook (GitHub's Redeliver) to run it again" },
        'triage job failed',
      );
  };
}
