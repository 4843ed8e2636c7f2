// The queue's worker: turns a queued job (plain data) back into a Probot context, authenticated for the
// event's installation, and runs the triage job. A failure is logged with the delivery id, never lost.
import { Context, type Probot } from 'probot';
import type { IssueContext } from '../github/issue-gateway.js';
import { runTriageJob, type TriageDeps, type TriageJob } from '../triage/run-triage-job.js';

export function createJobWorker(app: Probot, deps: TriageDeps) {
  return async (job: TriageJob): Promise<void> => {
    const octokit = await app.auth(job.event.payload.installation?.id);
    const log = app.log.child({ name: 'crash-triage', id: job.id });
    const context = new Context(
      job.event as ConstructorParameters<typeof Context>[0],
      octokit,
      log,
    ) as IssueContext;
    await runTriageJob(context, job.trigger, deps);
  };
}

export function reportJobFailure(app: Probot) {
  return (err: unknown, job: TriageJob): void => {
    app.log.error({ err, id: job.id, issue: job.key, trigger: job.trigger.kind }, 'triage job failed');
  };
}
