// The webhook handler for `issues.opened`, `issues.edited` and `issue_comment.created`: guards that say why
// they return, then one call (queue the job). It returns at once, so the delivery is acknowledged within
// GitHub's 10 s; whether a commenter may give commands is checked by the job.
import type { Context } from 'probot';
import { decideEvent, issueFacts, issueKey, type IssueEventPayload } from '../github/webhook-event.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { TriageJob } from './triage-job.js';

type IssueEventContext = Context<'issues.opened' | 'issues.edited' | 'issue_comment.created'>;

export function onIssueEvent(queue: JobQueue<TriageJob>) {
  return async (context: IssueEventContext): Promise<void> => {
    const payload = context.payload as IssueEventPayload & { installation?: { id: number } };
    const about = {
      issue: `${payload.repository.full_name}#${payload.issue.number}`,
      action: `${context.name}.${payload.action}`,
    };
    if (!payload.installation) return void context.log.info(about, 'skipped: not sent to an installation');
    const decision = decideEvent(context.name as 'issues' | 'issue_comment', payload);
    if ('skip' in decision) return void context.log[decision.level](about, `skipped: ${decision.skip}`);
    const facts = issueFacts(payload, decision.trigger);
    const result = await queue.add({
      id: context.id,
      key: issueKey(facts),
      group: String(payload.installation.id),
      installationId: payload.installation.id,
      facts,
    });
    if (result === 'duplicate') context.log.info(about, 'skipped: delivery already handled');
    else context.log.debug(about, 'triage queued');
  };
}
