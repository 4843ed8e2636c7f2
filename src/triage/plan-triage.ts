// Step 5 of the job (see run-triage-job.ts): what to write, decided from the triage outcome, the app's
// existing comment, the repository's settings and what triggered the job. Pure: the same inputs give the same plan, and the
// plan carries the reason for the log line. The rules that keep "one comment per issue" live here:
// write into the existing comment when there is one, never a second; leave a dismissed issue alone.
import type { RepoConfig } from '../config/config-schema.js';
import {
  renderDismissedComment,
  renderExplainComment,
  renderHelpComment,
  renderNoMatchComment,
  renderProblemsSection,
  renderUnknownIncidentComment,
  withNoLongerMatchingNote,
  withoutReply,
  withReply,
  withSection,
} from '../render/render-comment.js';
import { withRuledOut } from '../render/comment-marker.js';
import type { CatalogProblem, LabelSpec, RenderedComment } from '../types.js';
import { labelSpecs } from './label-specs.js';
import type { IncidentRef, OwnComment, Reaction, TriageOutcome, Trigger } from './ports.js';

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

export interface PlanInput {
  trigger: Trigger;
  config: RepoConfig;
  /** The triage of the issue's current text (or the chosen incident); null for `help`. */
  outcome: TriageOutcome | null;
  existing: OwnComment | null;
  /** The labels of the incident the existing comment names (empty when not known). */
  previousLabels: readonly string[];
  /** Labels on the issue now (from the event). */
  issueLabels: readonly string[];
  /** Settings and incident-file problems, shown in replies to maintainers. */
  problems: readonly CatalogProblem[];
  /** Incidents ruled out on the issue (`/triage not`): every comment written keeps them in its marker. */
  ruledOut?: readonly string[];
}

export function planTriage(input: PlanInput): TriagePlan {
  if (input.trigger.kind === 'command') {
    const plan = planCommand(input, input.trigger);
    return keepRuledOut(input, {
      ...plan,
      actions: [{ kind: 'react', commentId: input.trigger.commentId, content: 'eyes' }, ...plan.actions],
    });
  }
  return keepRuledOut(input, planEvent(input));
}

/**
 * Writes the ruled-out incidents into the marker of every comment the plan writes (the renderers know
 * nothing of them), and drops an update that then leaves the comment as it is.
 */
function keepRuledOut(input: PlanInput, plan: TriagePlan): TriagePlan {
  const ruledOut = input.ruledOut ?? [];
  if (ruledOut.length === 0 && !input.existing?.marker.not) return plan;
  const actions = plan.actions.flatMap((a): TriageAction[] => {
    if (a.kind === 'create-comment') return [{ ...a, body: withRuledOut(a.body, ruledOut) }];
    if (a.kind !== 'update-comment') return [a];
    const body = withRuledOut(a.body, ruledOut);
    return input.existing && same(body, input.existing.body) ? [] : [{ ...a, body }];
  });
  return { ...plan, actions };
}

/**
 * Whether the job must look up the app's comment before planning (each lookup is one API request).
 * `knownAbsent`: this process can prove the app has no comment on the issue (see own-comment-record.ts).
 */
export function needsOwnComment(
  trigger: Trigger,
  outcome: TriageOutcome | null,
  commentCount: number,
  knownAbsent = false,
): boolean {
  // A command always looks: its answer goes into the app's comment, and commands are rare.
  if (trigger.kind === 'command') return true;
  if (knownAbsent) return false;
  if (outcome?.comment) return true;
  // No verdict on an edit: only an existing matched comment would change (it gets a note).
  return trigger.kind === 'edited' && commentCount > 0;
}

function planEvent(input: PlanInput): TriagePlan {
  const { existing, outcome, config, trigger } = input;
  // A maintainer's decision stands until a maintainer changes it: events (a reporter's edit) leave it.
  if (existing?.marker.state === 'dismissed') return nothing('dismissed by a maintainer');
  if (existing?.marker.state === 'chosen') return nothing('incident chosen by a maintainer');
  if (outcome?.incident && input.ruledOut?.includes(outcome.incident.id))
    return nothing('incident ruled out by a maintainer');
  if (!outcome?.comment || !outcome.incident) {
    if (trigger.kind === 'edited' && existing?.marker.state === 'matched' && config.mode !== 'labels-only') {
      const body = withNoLongerMatchingNote(existing.body);
      return same(body, existing.body)
        ? nothing('no longer matches (note already there)')
        : {
            actions: [{ kind: 'update-comment', commentId: existing.id, body }],
            reason: 'no longer matches: note added',
          };
    }
    return nothing(outcome?.verdict?.reason ?? 'no confident match');
  }
  // `opened` carries the issue's oldest text: if a comment exists, a later event already answered.
  if (trigger.kind === 'opened' && existing) return nothing('already triaged');
  const { comment, incident } = outcome;
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
    // Labels first: a process stopped between the two writes leaves labels without a comment, which the
    // next run completes (it finds no comment), never a comment whose labels are lost.
    return { actions: [...addLabels(missing, incident), create(comment.body)], reason: 'matched' };
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
  const { existing, outcome } = input;
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
      if (!outcome?.verdict) return nothing('explain without a triage result');
      return reply(existing, withSection(renderExplainComment(outcome.verdict), problems), 'explain');
    case 'rerun': {
      if (!outcome?.verdict) return nothing('rerun without a triage result');
      if (outcome.comment && outcome.incident) {
        const comment = withSection(outcome.comment, problems);
        return { actions: replaceWith(input, existing, comment, outcome.incident), reason: 'rerun: matched' };
      }
      const comment = withSection(renderNoMatchComment(outcome.verdict), problems);
      return { actions: replaceWith(input, existing, comment, null), reason: 'rerun: no match' };
    }
    case 'as': {
      if (outcome?.unknownChosen) {
        const { id, known } = outcome.unknownChosen;
        return reply(existing, renderUnknownIncidentComment(id, known), 'as: unknown incident');
      }
      if (!outcome?.comment || !outcome.incident) return nothing('as without a rendered incident');
      const { comment, incident } = outcome;
      return { actions: replaceWith(input, existing, comment, incident), reason: `as: ${incident.id}` };
    }
    case 'not':
      return planRuleOut(input, command.incidentId);
    case 'dismiss': {
      // The incident whose labels go: the one the app's comment names, else the one the text matches now.
      const named = existing?.marker.incident;
      const id = named ?? outcome?.verdict?.incidentId ?? undefined;
      const labels = named ? input.previousLabels : (outcome?.comment?.labels ?? []);
      const comment = renderDismissedComment(id, trigger.by);
      return {
        actions: replaceWith(input, existing, comment, null, { previous: { id, labels } }),
        reason: 'dismissed',
      };
    }
  }
}

/**
 * `/triage not <id>`: the incident is recorded as ruled out (the marker, see keepRuledOut). If the comment
 * shows it, or shows no maintainer decision, the comment becomes the triage without it: the next confident
 * candidate, or no match, with the ruled-out incident's labels taken off.
 */
function planRuleOut(input: PlanInput, id: string): TriagePlan {
  const { existing, outcome } = input;
  const shown = existing?.marker.incident === id;
  const decided = existing?.marker.state === 'dismissed' || existing?.marker.state === 'chosen';
  if (existing && decided && !shown) {
    // Another incident a maintainer chose (or a dismissal) stands; only the marker changes.
    return {
      actions: [{ kind: 'update-comment', commentId: existing.id, body: existing.body }],
      reason: `not: ${id} recorded`,
    };
  }
  if (!outcome?.verdict) return nothing('not without a triage result');
  const problems = renderProblemsSection(input.problems);
  if (outcome.comment && outcome.incident) {
    const comment = withSection(outcome.comment, problems);
    return {
      actions: replaceWith(input, existing, comment, outcome.incident),
      reason: `not: ${id}; matched ${outcome.incident.id}`,
    };
  }
  const comment = withSection(renderNoMatchComment(outcome.verdict), problems);
  return { actions: replaceWith(input, existing, comment, null), reason: `not: ${id}; no match` };
}

interface ReplaceOptions {
  /** The incident whose labels go, when not the one the existing comment names. */
  previous?: { id: string | undefined; labels: readonly string[] };
}

/**
 * Moves the labels from the earlier incident (the one the existing comment names) to `incident`'s, adding
 * only those the issue lacks, then writes `comment` as the app's comment (updating the existing one).
 */
function replaceWith(
  input: PlanInput,
  existing: OwnComment | null,
  comment: RenderedComment,
  incident: IncidentRef | null,
  { previous = { id: existing?.marker.incident, labels: input.previousLabels } }: ReplaceOptions = {},
): TriageAction[] {
  // Labels before the comment, as for a new match (see planEvent).
  const actions: TriageAction[] = [];
  const newLabels = comment.labels;
  const oldLabels = previous.id !== undefined && previous.id !== incident?.id ? previous.labels : [];
  // Which of them the issue still has is read at write time (the event's list may be stale).
  const stale = oldLabels.filter((l) => !newLabels.includes(l));
  if (stale.length > 0) actions.push({ kind: 'remove-labels', labels: stale });
  if (incident)
    actions.push(
      ...addLabels(
        newLabels.filter((l) => !input.issueLabels.includes(l)),
        incident,
      ),
    );
  actions.push(...upsert(existing, comment.body));
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

function addLabels(labels: readonly string[], incident: IncidentRef): TriageAction[] {
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
