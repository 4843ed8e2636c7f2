// Webhook handler for `issues.opened` and `issues.edited`: guards that say why they return, then one call
// (queue the triage job). Returns at once, so the delivery is acknowledged within GitHub's 10 s.
import type { Context } from 'probot';
import type { JobQueue } from '../queue/job-queue.js';
import type { TriageJob } from '../triage/run-triage-job.js';
import { issueKey } from './issue-key.js';

export function onIssue(queue: JobQueue<TriageJob>) {
  return async (context: Context<'issues.opened' | 'issues.edited'>): Promise<void> => {
    const { payload } = context;
    const about = {
      issue: `${payload.repository.full_name}#${payload.issue.number}`,
      action: payload.action,
    };
    if (!payload.installation) return void context.log.info(about, 'skipped: not sent to an installation');
    if (payload.action === 'edited') {
      // Title-only edits, label changes and the like carry no new crash text.
      const before = payload.changes.body?.from;
      if (before === undefined) return void context.log.info(about, 'skipped: body not edited');
      if (before === (payload.issue.body ?? ''))
        return void context.log.info(about, 'skipped: body unchanged');
    }
    const result = await queue.add({
      id: context.id,
      key: issueKey(payload),
      trigger: { kind: payload.action },
      event: { id: context.id, name: 'issues', payload },
    });
    if (result === 'duplicate') context.log.info(about, 'skipped: delivery already handled');
    else context.log.debug(about, 'triage queued');
  };
}
