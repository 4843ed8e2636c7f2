// Step 6 of the job (see run-triage-job.ts): carry out a plan's actions, in order, through the gateway's writes.
import type { IssueWriter } from './ports.js';
import type { TriagePlan } from './plan-triage.js';

export async function applyPlan(plan: TriagePlan, writer: IssueWriter): Promise<void> {
  for (const action of plan.actions) {
    switch (action.kind) {
      case 'react':
        await writer.react(action.commentId, action.content);
        break;
      case 'create-comment':
        await writer.createComment(action.body);
        break;
      case 'update-comment':
        await writer.updateComment(action.commentId, action.body);
        break;
      case 'add-labels':
        await writer.addLabels(action.labels);
        break;
      case 'remove-labels':
        await writer.removeLabels(action.labels);
        break;
    }
  }
}
