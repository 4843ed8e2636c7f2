// The queue's worker: authenticates for the job's installation, builds the gateway over that Octokit and
// runs the triage job with the issue facts the webhook carried. A failure is logged with the delivery id.
import type { Probot } from 'probot';
import type { GitHubClient } from '../github/github-client.js';
import { createIssueGateway, type GatewayCaches } from '../github/issue-gateway.js';
import type { JobSlot } from '../queue/job-queue.js';
import type { TriageRunner } from '../triage/ports.js';
import { runTriageJob } from '../triage/run-triage-job.js';
import { createLru } from '../util/lru.js';
import type { TriageJob } from './triage-job.js';

export interface JobWorkerDeps {
  caches: GatewayCaches;
  triage: TriageRunner;
}

export function createJobWorker(app: Probot, deps: JobWorkerDeps) {
  // Issues whose `edited` job has run: an `opened` job after it carries older text (GitHub does not
  // promise delivery order), so it is skipped.
  const edited = createLru<true>(10_000);
  return async (job: TriageJob, slot?: JobSlot): Promise<void> => {
    const { facts } = job;
    if (facts.trigger.kind === 'opened' && edited.has(job.key)) {
      app.log.info({ id: job.id, issue: job.key }, 'skipped: superseded by a later edit');
      return;
    }
    if (facts.trigger.kind === 'edited') edited.set(job.key, true);
    // Probot's Octokit carries the REST methods, pagination and the config loader the gateway uses.
    const octokit = (await app.auth(job.installationId)) as unknown as GitHubClient;
    const gateway = createIssueGateway({
      octokit,
      repo: facts.repo,
      number: facts.number,
      caches: deps.caches,
      // Commands read past remembered "no such file" answers: a maintainer may just have added one.
      fresh: facts.trigger.kind === 'command',
    });
    const log = app.log.child({ name: 'crash-triage', id: job.id });
    await runTriageJob(facts, { gateway, triage: deps.triage, log, beforeWrites: () => slot?.release() });
  };
}

export function reportJobFailure(app: Probot) {
  return (err: unknown, job: TriageJob): void => {
    app.log.error({ err, id: job.id, issue: job.key, trigger: job.facts.trigger.kind }, 'triage job failed');
  };
}
