// What the Action shows on the workflow run: the step summary (the verdict, its confidence and the
// evidence behind it, or why it stayed quiet) and the step's outputs (`incident`, `confidence`) for later
// steps. Pure: a job result in, Markdown and key/value pairs out.
import { confidenceWords, renderExplainComment } from '../render/render-comment.js';
import { withoutMarker } from '../render/comment-marker.js';
import { cell, inlineCode } from '../render/markdown.js';
import type { JobResult } from '../triage/run-triage-job.js';

export interface StepReport {
  summary: string;
  outputs: { incident: string; confidence: string };
}

export function summarizeJob(issue: string, result: JobResult): StepReport {
  const heading = `### crash-triage on ${cell(issue)}`;
  if (result.status === 'skipped') {
    return {
      summary: `${heading}\n\nNothing to do: ${cell(result.reason)}.\n`,
      outputs: { incident: '', confidence: '' },
    };
  }
  const { outcome, plan, config } = result;
  const verdict = outcome?.verdict ?? null;
  const incident = outcome?.incident ?? null;
  const confidence = incident && verdict ? verdict.confidence : null;
  const lines = [heading, ''];
  if (incident) {
    const how =
      confidence === null
        ? 'chosen by a maintainer'
        : `${confidenceWords(confidence)} (confidence ${confidence.toFixed(2)})`;
    lines.push(`**Incident:** ${inlineCode(incident.id)}: ${cell(incident.title)} (${how})`);
  } else {
    lines.push(`**No known incident.** ${cell(verdict?.reason ?? plan.reason)}`);
  }
  const written = plan.actions.map((a) => a.kind);
  const mode = config.mode === 'dry-run' ? ' (dry run: nothing was written)' : '';
  lines.push(
    '',
    `**Decision:** ${cell(plan.reason)}; ${written.length > 0 ? written.join(', ') : 'no writes'}${mode}.`,
  );
  if (result.problems.length > 0) {
    lines.push('', '| file | field | problem |', '|---|---|---|');
    for (const p of result.problems)
      lines.push(`| ${cell(p.file)} | ${cell(p.field)} | ${cell(p.message)} |`);
  }
  if (verdict && verdict.matches.length > 0) {
    // The same evidence tables `/triage explain` posts, without the comment's hidden marker.
    lines.push('', withoutMarker(renderExplainComment(verdict).body));
  }
  return {
    summary: `${lines.join('\n')}\n`,
    outputs: {
      incident: incident?.id ?? '',
      confidence: confidence === null ? '' : confidence.toFixed(2),
    },
  };
}
