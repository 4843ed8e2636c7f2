// Step 6 of the job (see run-triage-job.ts): carry out a plan's actions, in order, through the gateway's writes.
import type { IssueWriter } from './ports.js';
import type { TriagePlan } from './plan-triage.js';

/** Carries out the actions; returns what GitHub refused that is not an error (a locked issue's comment). */
export async function applyPlan(plan: TriagePlan, writer: IssueWriter): Promise<string[]> {
  const refused: string[] = [];
  for (const action of plan.actions) {
    switch (action.kind) {
      case 'react':
        await writer.react(action.commentId, action.content);
        break;
      case 'create-comment':
        if ((await writer.createComment(action.body)) === 'locked')
          refused.push('comment: the issue is locked');
        break;
      case 'update-comment':
        await writer.updateComment(action.commentId, action.body);
        break;
      case 'add-labels':
        if ((await writer.addLabels(action.labels)) === 'refused')
          refused.push('labels: refused by GitHub (422)');
        break;
      case 'remove-labels':
        await writer.removeLabels(action.labels);
        break;
    }
  }
  return refused;
}
