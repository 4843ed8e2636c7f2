// The queue's worker: turns a queued job (plain data) back into a Probot context, authenticated for the
// event's installation, and runs the triage job. A failure is logged with the delivery id, never lost.
import { Context, type Probot } from 'probot';
import type { IssueContext } from '../github/issue-gateway.js';
import type { JobSlot } from '../queue/job-queue.js';
import { createLru } from '../queue/lru.js';
import { runTriageJob, type TriageDeps, type TriageJob } from '../triage/run-triage-job.js';

export function createJobWorker(app: Probot, deps: TriageDeps) {
  // Issues whose `edited` job has run: an `opened` job after it carries older text (GitHub does not
  // promise delivery order), so it is skipped.
  const edited = createLru<true>(10_000);
  return async (job: TriageJob, slot?: JobSlot): Promise<void> => {
    if (job.trigger.kind === 'opened' && edited.has(job.key)) {
      app.log.info({ id: job.id, issue: job.key }, 'skipped: superseded by a later edit');
      return;
    }
    if (job.trigger.kind === 'edited') edited.set(job.key, true);
    const octokit = await app.auth(job.event.payload.installation?.id);
    const log = app.log.child({ name: 'crash-triage', id: job.id });
    const context = new Context(
      job.event as ConstructorParameters<typeof Context>[0],
      octokit,
      log,
    ) as IssueContext;
    await runTriageJob(context, job.trigger, deps, slot);
  };
}

export function reportJobFailure(app: Probot) {
  return (err: unknown, job: TriageJob): void => {
    app.log.error({ err, id: job.id, issue: job.key, trigger: job.trigger.kind }, 'triage job failed');
  };
}
