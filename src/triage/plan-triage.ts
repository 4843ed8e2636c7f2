// Step 4 of the pipeline: what to write, decided from the triage result, the app's existing comment, the
// repository's settings and what triggered the job. Pure: the same inputs give the same plan, and the
// plan carries the reason for the log line. The rules that keep "one comment per issue" live here:
// write into the existing comment when there is one, never a second; leave a dismissed issue alone.
import type { Command } from '../commands/parse-command.js';
import type { RepoConfig } from '../config/config-schema.js';
import type { OwnComment, Reaction } from '../github/gateway-types.js';
import {
  incidentLabels,
  renderDismissedComment,
  renderExplainComment,
  renderHelpComment,
  renderIncidentComment,
  renderNoMatchComment,
  renderProblemsSection,
  renderUnknownIncidentComment,
  withNoLongerMatchingNote,
  withoutReply,
  withReply,
  withSection,
  type RenderOptions,
} from '../render/render-comment.js';
import type { CatalogProblem, Incident, RenderedComment } from '../types.js';
import { labelSpecs, type LabelSpec } from './label-specs.js';
import type { TriageResult } from './triage-issue.js';

export type Trigger =
  | { kind: 'opened' }
  | { kind: 'edited' }
  | { kind: 'command'; command: Command; by: string; commentId: number };

export type TriageAction =
  | { kind: 'react'; commentId: number; content: Reaction }
  | { kind: 'create-comment'; body: string }
  | { kind: 'update-comment'; commentId: number; body: string }
  | { kind: 'add-labels'; labels: LabelSpec[] }
  | { kind: 'remove-labels'; labels: string[] };

export interface TriagePlan {
  actions: TriageAction[];
  /** Why, in a few words, for the log line. */
  reason: string;
}

/** What planning needs of a triage (the signals are not needed, so a triage thread need not send them). */
export type TriageAnswer = Pick<TriageResult, 'verdict' | 'incident' | 'comment'>;

export interface PlanInput {
  trigger: Trigger;
  config: RepoConfig;
  /** The triage of the issue's current text; null for the commands that need none (`help`, `as`). */
  result: TriageAnswer | null;
  existing: OwnComment | null;
  /** Labels on the issue now (from the event). */
  issueLabels: readonly string[];
  /** The catalog in use, for `/triage as` and for the labels of an earlier incident. */
  incidents: readonly Incident[];
  /** Settings and incident-file problems, shown in replies to maintainers. */
  problems: readonly CatalogProblem[];
}

export function planTriage(input: PlanInput): TriagePlan {
  if (input.trigger.kind === 'command') {
    const plan = planCommand(input, input.trigger);
    return {
      ...plan,
      actions: [{ kind: 'react', commentId: input.trigger.commentId, content: 'eyes' }, ...plan.actions],
    };
  }
  return planEvent(input);
}

/**
 * Whether the job must look up the app's comment before planning (each lookup is one API request).
 * `knownAbsent`: this process can prove the app has no comment on the issue (see own-comment-record.ts).
 */
export function needsOwnComment(
  trigger: Trigger,
  result: TriageAnswer | null,
  commentCount: number,
  knownAbsent = false,
): boolean {
  // A command always looks: its answer goes into the app's comment, and commands are rare.
  if (trigger.kind === 'command') return true;
  if (knownAbsent) return false;
  if (result?.comment) return true;
  // No verdict on an edit: only an existing matched comment would change (it gets a note).
  return trigger.kind === 'edited' && commentCount > 0;
}

function planEvent(input: PlanInput): TriagePlan {
  const { existing, result, config, trigger } = input;
  if (existing?.marker.state === 'dismissed') return nothing('dismissed by a maintainer');
  if (!result?.comment || !result.incident) {
    if (trigger.kind === 'edited' && existing?.marker.state === 'matched' && config.mode !== 'labels-only') {
      const body = withNoLongerMatchingNote(existing.body);
      return same(body, existing.body)
        ? nothing('no longer matches (note already there)')
        : {
            actions: [{ kind: 'update-comment', commentId: existing.id, body }],
            reason: 'no longer matches: note added',
          };
    }
    return nothing(result?.verdict.reason ?? 'no confident match');
  }
  // `opened` carries the issue's oldest text: if a comment exists, a later event already answered.
  if (trigger.kind === 'opened' && existing) return nothing('already triaged');
  const { comment, incident } = result;
  if (config.mode === 'labels-only') {
    const missing = comment.labels.filter((l) => !input.issueLabels.includes(l));
    return missing.length > 0
      ? {
          actions: [{ kind: 'add-labels', labels: labelSpecs(missing, incident) }],
          reason: 'matched (labels only)',
        }
      : nothing('matched (labels already there)');
  }
  if (!existing) {
    const missing = comment.labels.filter((l) => !input.issueLabels.includes(l));
    return { actions: [create(comment.body), ...addLabels(missing, incident)], reason: 'matched' };
  }
  if (existing.marker.state === 'matched' && existing.marker.incident === incident.id) {
    // Same incident: refresh the text (an earlier command's reply under it stays while the text is the
    // same), and leave the labels as the maintainers have them now.
    return same(comment.body, withoutReply(existing.body))
      ? nothing('matched, comment unchanged')
      : {
          actions: [{ kind: 'update-comment', commentId: existing.id, body: comment.body }],
          reason: 'matched, comment updated',
        };
  }
  return { actions: replaceWith(input, existing, comment, incident), reason: 'matched, comment updated' };
}

function planCommand(input: PlanInput, trigger: Extract<Trigger, { kind: 'command' }>): TriagePlan {
  const { existing, result, config } = input;
  const options: RenderOptions = { labelPrefix: config.label_prefix, extraLabels: config.extra_labels };
  const problems = renderProblemsSection(input.problems);
  const command = trigger.command;
  switch (command.name) {
    case 'help':
      return reply(
        existing,
        renderHelpComment(command.unknown),
        command.unknown ? 'unknown command' : 'help',
      );
    case 'explain':
      if (!result) return nothing('explain without a triage result');
      return reply(existing, withSection(renderExplainComment(result.verdict), problems), 'explain');
    case 'rerun': {
      if (!result) return nothing('rerun without a triage result');
      if (result.comment && result.incident) {
        const comment = withSection(result.comment, problems);
        return { actions: replaceWith(input, existing, comment, result.incident), reason: 'rerun: matched' };
      }
      const comment = withSection(renderNoMatchComment(result.verdict), problems);
      return { actions: replaceWith(input, existing, comment, null), reason: 'rerun: no match' };
    }
    case 'as': {
      const incident = input.incidents.find((i) => i.id === command.incidentId);
      if (!incident) {
        const ids = input.incidents.map((i) => i.id);
        return reply(existing, renderUnknownIncidentComment(command.incidentId, ids), 'as: unknown incident');
      }
      const comment = renderIncidentComment(incident, undefined, { ...options, chosenBy: trigger.by });
      return { actions: replaceWith(input, existing, comment, incident), reason: `as: ${incident.id}` };
    }
    case 'dismiss': {
      const id = existing?.marker.incident ?? result?.verdict.incidentId ?? undefined;
      const comment = renderDismissedComment(id, trigger.by);
      return {
        actions: replaceWith(input, existing, comment, null, { previousId: id }),
        reason: 'dismissed',
      };
    }
  }
}

interface ReplaceOptions {
  /** The incident whose labels go, when not the one the existing comment names. */
  previousId?: string | undefined;
}

/**
 * Writes `comment` as the app's comment (updating the existing one) and moves the labels from the
 * earlier incident (the one the existing comment names) to `incident`'s, adding only those the issue lacks.
 */
function replaceWith(
  input: PlanInput,
  existing: OwnComment | null,
  comment: RenderedComment,
  incident: Incident | null,
  { previousId = existing?.marker.incident }: ReplaceOptions = {},
): TriageAction[] {
  const actions = upsert(existing, comment.body);
  const options: RenderOptions = {
    labelPrefix: input.config.label_prefix,
    extraLabels: input.config.extra_labels,
  };
  const previous = input.incidents.find((i) => i.id === previousId);
  const newLabels = comment.labels;
  const oldLabels = previous && previous.id !== incident?.id ? incidentLabels(previous, options) : [];
  const stale = oldLabels.filter((l) => !newLabels.includes(l) && input.issueLabels.includes(l));
  if (stale.length > 0) actions.push({ kind: 'remove-labels', labels: stale });
  if (incident)
    actions.push(
      ...addLabels(
        newLabels.filter((l) => !input.issueLabels.includes(l)),
        incident,
      ),
    );
  return actions;
}

/** A command's answer under the existing comment's main part, or a new comment when there is none. */
function reply(existing: OwnComment | null, answer: RenderedComment, reason: string): TriagePlan {
  const body = existing ? withReply(existing.body, answer) : answer.body;
  return { actions: upsert(existing, body), reason };
}

function upsert(existing: OwnComment | null, body: string): TriageAction[] {
  if (!existing) return [create(body)];
  return same(body, existing.body) ? [] : [{ kind: 'update-comment', commentId: existing.id, body }];
}

function create(body: string): TriageAction {
  return { kind: 'create-comment', body };
}

function addLabels(labels: readonly string[], incident: Incident): TriageAction[] {
  return labels.length > 0 ? [{ kind: 'add-labels', labels: labelSpecs(labels, incident) }] : [];
}

function nothing(reason: string): TriagePlan {
  return { actions: [], reason };
}

/** GitHub may store a comment with CRLF line ends and without the trailing newline. */
function same(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\r\n/g, '\n').replace(/\s+$/, '');
  return norm(a) === norm(b);
}
