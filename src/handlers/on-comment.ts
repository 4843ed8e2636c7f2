// Webhook handler for `issue_comment.created`: guards that say why they return (pull requests, bots
// including this app, comments without a `/triage` line), then one call (queue the command). Whether the
// commenter may give commands is checked by the job, so the delivery is acknowledged at once.
import type { Context } from 'probot';
import { parseCommand } from '../commands/parse-command.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { TriageJob } from '../triage/run-triage-job.js';
import { issueKey } from './issue-key.js';

export function onComment(queue: JobQueue<TriageJob>) {
  return async (context: Context<'issue_comment.created'>): Promise<void> => {
    const { payload } = context;
    const about = {
      issue: `${payload.repository.full_name}#${payload.issue.number}`,
      comment: payload.comment.id,
    };
    if (!payload.installation) return void context.log.info(about, 'skipped: not sent to an installation');
    if (payload.issue.pull_request) return void context.log.debug(about, 'skipped: pull request comment');
    if (context.isBot)
      return void context.log.debug({ ...about, sender: payload.sender.login }, 'skipped: bot comment');
    const command = parseCommand(payload.comment.body);
    if (!command) return void context.log.debug(about, 'skipped: no /triage command');
    const result = await queue.add({
      id: context.id,
      key: issueKey(payload),
      trigger: {
        kind: 'command',
        command,
        by: payload.comment.user?.login ?? payload.sender.login,
        commentId: payload.comment.id,
      },
      event: { id: context.id, name: 'issue_comment', payload },
    });
    if (result === 'duplicate') context.log.info(about, 'skipped: delivery already handled');
    else context.log.debug({ ...about, command: command.name }, 'command queued');
  };
}
