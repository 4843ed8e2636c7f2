// planTriage: triage outcome + existing comment + settings + trigger → actions. One row per rule; the rules that
// keep one comment per issue and leave dismissed issues alone are all here.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/bundled-catalog.js';
import type { Command } from '../../src/commands/parse-command.js';
import { DEFAULT_CONFIG, type RepoConfig } from '../../src/config/config-schema.js';
import { renderMarker, type MarkerData } from '../../src/render/comment-marker.js';
import {
  incidentLabels,
  renderHelpComment,
  renderIncidentComment,
  withReply,
} from '../../src/render/render-comment.js';
import { needsOwnComment, planTriage, type PlanInput } from '../../src/triage/plan-triage.js';
import type { OwnComment, TriageOutcome, Trigger } from '../../src/triage/ports.js';
import { createRepoCatalogs } from '../../src/triage/repo-catalogs.js';
import { runTriageTask } from '../../src/triage/run-triage-task.js';
import type { Match } from '../../src/types.js';

const { incidents } = loadCatalog();
const PUMA = incidents.find((i) => i.id === 'puma-m4-sptm-yjit')!;
const LUAJIT = incidents.find((i) => i.id === 'luajit-gc-oom-trace-exit')!;
const PUMA_LABELS = ['crash', 'known-incident', 'upstream: apple', 'platform: macos'];

const catalogs = createRepoCatalogs(incidents);
const match: Match = {
  id: PUMA.id,
  title: PUMA.title,
  score: 12,
  confidence: 0.96,
  eligible: true,
  evidence: [],
  reasons: [],
};
const answer = { unknownChosen: null, previousLabels: [], problems: [] };
const MATCHED: TriageOutcome = {
  verdict: { incidentId: PUMA.id, confidence: 0.96, matches: [match] },
  incident: { id: PUMA.id, title: PUMA.title },
  comment: renderIncidentComment(PUMA, match),
  ...answer,
};
const NONE: TriageOutcome = {
  verdict: {
    incidentId: null,
    confidence: 0.2,
    matches: [],
    reason: 'no incident shares any evidence with the report',
  },
  incident: null,
  comment: null,
  ...answer,
};
/** `/triage as <id>`, as the runner answers it. */
const CHOSEN = (incidentId: string): TriageOutcome =>
  runTriageTask(
    {
      input: { title: '', body: '' },
      minConfidence: 0.6,
      render: {},
      catalog: { useBundled: true, files: [] },
      chosen: { incidentId, by: 'maint' },
    },
    catalogs,
  );

const own = (marker: MarkerData, body = `${renderMarker(marker)}\n\nold text\n`): OwnComment => ({
  id: 70,
  body,
  marker,
});
const command = (c: Command): Trigger => ({ kind: 'command', command: c, by: 'maint', commentId: 9 });
const OPENED: Trigger = { kind: 'opened' };
const EDITED: Trigger = { kind: 'edited' };

interface Row {
  trigger: Trigger;
  result: TriageOutcome | null;
  existing?: OwnComment | null;
  config?: Partial<RepoConfig>;
  labels?: string[];
}

/** The labels of the incident the existing comment names, as the runner reports them. */
function previousLabels(existing: OwnComment | null | undefined): string[] {
  const named = incidents.find((i) => i.id === existing?.marker.incident);
  return named ? incidentLabels(named) : [];
}

function input(row: Row & { problems?: PlanInput['problems'] }): PlanInput {
  return {
    trigger: row.trigger,
    config: { ...DEFAULT_CONFIG, ...row.config },
    outcome: row.result,
    existing: row.existing ?? null,
    previousLabels: previousLabels(row.existing),
    issueLabels: row.labels ?? [],
    problems: row.problems ?? [],
  };
}

function plan(row: Row) {
  const p = planTriage(input(row));
  return {
    reason: p.reason,
    actions: p.actions.map((a) =>
      a.kind === 'add-labels'
        ? `add ${a.labels.map((l) => l.name).join(',')}`
        : a.kind === 'remove-labels'
          ? `remove ${a.labels.join(',')}`
          : a.kind,
    ),
  };
}

describe('planTriage', () => {
  it.each<[string, Row, string[], string]>([
    // Events
    [
      'opened, match, no comment: comment + labels',
      { trigger: OPENED, result: MATCHED },
      [`add ${PUMA_LABELS}`, 'create-comment'],
      'matched',
    ],
    [
      'opened, match, labels already there',
      { trigger: OPENED, result: MATCHED, labels: ['crash'] },
      ['add known-incident,upstream: apple,platform: macos', 'create-comment'],
      'matched',
    ],
    [
      'opened, no match: nothing',
      { trigger: OPENED, result: NONE },
      [],
      'no incident shares any evidence with the report',
    ],
    [
      'opened, comment exists (later event answered): nothing',
      { trigger: OPENED, result: MATCHED, existing: own({ state: 'matched', incident: PUMA.id }) },
      [],
      'already triaged',
    ],
    [
      'edited, same incident, new text: update only',
      { trigger: EDITED, result: MATCHED, existing: own({ state: 'matched', incident: PUMA.id }) },
      ['update-comment'],
      'matched, comment updated',
    ],
    [
      'edited, same incident, same text: nothing',
      {
        trigger: EDITED,
        result: MATCHED,
        existing: { id: 70, body: MATCHED.comment!.body, marker: { state: 'matched', incident: PUMA.id } },
      },
      [],
      'matched, comment unchanged',
    ],
    [
      'edited, same text, a command reply under it: nothing (the reply stays)',
      {
        trigger: EDITED,
        result: MATCHED,
        existing: {
          id: 70,
          body: withReply(MATCHED.comment!.body, renderHelpComment()),
          marker: { state: 'matched', incident: PUMA.id },
        },
      },
      [],
      'matched, comment unchanged',
    ],
    [
      'edited, other incident before: update + move labels',
      {
        trigger: EDITED,
        result: MATCHED,
        existing: own({ state: 'matched', incident: LUAJIT.id }),
        labels: LUAJIT.labels,
      },
      [
        `remove ${LUAJIT.labels.filter((l) => !PUMA_LABELS.includes(l))}`,
        'add upstream: apple,platform: macos',
        'update-comment',
      ],
      'matched, comment updated',
    ],
    [
      'edited, earlier no-match reply: update + labels',
      { trigger: EDITED, result: MATCHED, existing: own({ state: 'no-match' }) },
      [`add ${PUMA_LABELS}`, 'update-comment'],
      'matched, comment updated',
    ],
    [
      'edited, no longer matches: note',
      { trigger: EDITED, result: NONE, existing: own({ state: 'matched', incident: PUMA.id }) },
      ['update-comment'],
      'no longer matches: note added',
    ],
    [
      'edited, no match, no comment: nothing',
      { trigger: EDITED, result: NONE },
      [],
      'no incident shares any evidence with the report',
    ],
    [
      'edited, dismissed: nothing',
      { trigger: EDITED, result: MATCHED, existing: own({ state: 'dismissed', incident: PUMA.id }) },
      [],
      'dismissed by a maintainer',
    ],
    [
      'labels-only, match: labels only',
      { trigger: OPENED, result: MATCHED, config: { mode: 'labels-only' } },
      [`add ${PUMA_LABELS}`],
      'matched (labels only)',
    ],
    [
      'labels-only, labels there: nothing',
      { trigger: EDITED, result: MATCHED, config: { mode: 'labels-only' }, labels: PUMA_LABELS },
      [],
      'matched (labels already there)',
    ],
    [
      'prefix and extra labels',
      {
        trigger: OPENED,
        result: {
          ...MATCHED,
          comment: renderIncidentComment(PUMA, match, { labelPrefix: 'ct/', extraLabels: ['triaged'] }),
        },
        config: { label_prefix: 'ct/', extra_labels: ['triaged'] },
      },
      ['add ct/crash,ct/known-incident,ct/upstream: apple,ct/platform: macos,triaged', 'create-comment'],
      'matched',
    ],
    // Commands: a reaction first, then the answer in the one comment
    [
      '/triage, match, no comment',
      { trigger: command({ name: 'rerun' }), result: MATCHED },
      ['react', `add ${PUMA_LABELS}`, 'create-comment'],
      'rerun: matched',
    ],
    [
      '/triage, no match: no-match reply, old labels go',
      {
        trigger: command({ name: 'rerun' }),
        result: NONE,
        existing: own({ state: 'matched', incident: PUMA.id }),
        labels: PUMA_LABELS,
      },
      ['react', `remove ${PUMA_LABELS}`, 'update-comment'],
      'rerun: no match',
    ],
    [
      '/triage on a dismissed issue: applies again',
      {
        trigger: command({ name: 'rerun' }),
        result: MATCHED,
        existing: own({ state: 'dismissed', incident: PUMA.id }),
      },
      ['react', `add ${PUMA_LABELS}`, 'update-comment'],
      'rerun: matched',
    ],
    [
      '/triage explain, no comment: creates it',
      { trigger: command({ name: 'explain' }), result: NONE },
      ['react', 'create-comment'],
      'explain',
    ],
    [
      '/triage explain, comment: reply under it',
      {
        trigger: command({ name: 'explain' }),
        result: MATCHED,
        existing: own({ state: 'matched', incident: PUMA.id }),
      },
      ['react', 'update-comment'],
      'explain',
    ],
    [
      '/triage as known id',
      {
        trigger: command({ name: 'as', incidentId: LUAJIT.id }),
        result: CHOSEN(LUAJIT.id),
        existing: own({ state: 'matched', incident: PUMA.id }),
        labels: PUMA_LABELS,
      },
      [
        'react',
        'remove upstream: apple,platform: macos',
        `add ${LUAJIT.labels.filter((l) => !PUMA_LABELS.includes(l))}`,
        'update-comment',
      ],
      `as: ${LUAJIT.id}`,
    ],
    [
      '/triage as unknown id',
      { trigger: command({ name: 'as', incidentId: 'nope-nope' }), result: CHOSEN('nope-nope') },
      ['react', 'create-comment'],
      'as: unknown incident',
    ],
    [
      '/triage dismiss: labels go, comment marked',
      {
        trigger: command({ name: 'dismiss' }),
        result: MATCHED,
        existing: own({ state: 'matched', incident: PUMA.id }),
        labels: [...PUMA_LABELS, 'bug'],
      },
      ['react', `remove ${PUMA_LABELS}`, 'update-comment'],
      'dismissed',
    ],
    [
      '/triage dismiss, labels-only (no comment yet)',
      {
        trigger: command({ name: 'dismiss' }),
        result: MATCHED,
        config: { mode: 'labels-only' },
        labels: PUMA_LABELS,
      },
      ['react', `remove ${PUMA_LABELS}`, 'create-comment'],
      'dismissed',
    ],
    [
      '/triage help',
      { trigger: command({ name: 'help' }), result: null },
      ['react', 'create-comment'],
      'help',
    ],
    [
      'unknown command: help',
      {
        trigger: command({ name: 'help', unknown: 'frob' }),
        result: null,
        existing: own({ state: 'matched', incident: PUMA.id }),
      },
      ['react', 'update-comment'],
      'unknown command',
    ],
  ])('%s', (_name, row, actions, reason) => {
    expect(plan(row)).toEqual({ actions, reason });
  });

  it('the dismissed comment names the incident and who dismissed it', () => {
    const p = planTriage(
      input({
        trigger: command({ name: 'dismiss' }),
        result: MATCHED,
        existing: null,
        problems: [],
      }),
    );
    const create = p.actions.find((a) => a.kind === 'create-comment');
    expect(create && 'body' in create && create.body).toMatch(
      /^<!-- crash-triage:v1 state=dismissed incident=puma-m4-sptm-yjit -->\n\n### Dismissed\n\n@\u200dmaint dismissed/,
    );
  });

  it('a second note is not added when the comment already has one', () => {
    const first = planTriage(
      input({
        trigger: EDITED,
        result: NONE,
        existing: own({ state: 'matched', incident: PUMA.id }),
        problems: [],
      }),
    );
    const update = first.actions[0]!;
    expect(update.kind).toBe('update-comment');
    const body = update.kind === 'update-comment' ? update.body : '';
    const again = planTriage(
      input({
        trigger: EDITED,
        result: NONE,
        existing: { id: 70, body, marker: { state: 'matched', incident: PUMA.id } },
        problems: [],
      }),
    );
    expect(again).toEqual({ actions: [], reason: 'no longer matches (note already there)' });
  });

  it('a problems section is added to /triage replies, naming file and field', () => {
    const p = planTriage(
      input({
        trigger: command({ name: 'rerun' }),
        result: NONE,
        existing: null,
        problems: [
          {
            file: 'o/r:.github/crash-triage.yml',
            field: 'mode',
            message: 'Invalid option (using the default)',
          },
        ],
      }),
    );
    const create = p.actions[1]!;
    expect(create.kind === 'create-comment' && create.body).toContain(
      '| `o/r:.github/crash-triage.yml` | `mode` | Invalid option (using the default) |',
    );
  });
});

describe('needsOwnComment', () => {
  it.each<[string, Trigger, TriageOutcome | null, number, boolean, boolean]>([
    ['a command always looks', command({ name: 'help' }), null, 0, false, true],
    ['a command looks even when no comment can exist', command({ name: 'help' }), null, 0, true, true],
    ['a verdict looks (never a second comment)', OPENED, MATCHED, 0, false, true],
    ['a verdict does not look when no comment can exist', OPENED, MATCHED, 0, true, false],
    ['an edit with a verdict does not look when no comment can exist', EDITED, MATCHED, 3, true, false],
    ['opened without a verdict: nothing to write, no lookup', OPENED, NONE, 0, false, false],
    ['edited without a verdict, no comments: no lookup', EDITED, NONE, 0, false, false],
    ['edited without a verdict, comments: may need a note', EDITED, NONE, 3, false, true],
    ['edited without a verdict, comments, none of them the app’s', EDITED, NONE, 3, true, false],
  ])('%s', (_name, trigger, result, count, knownAbsent, expected) => {
    expect(needsOwnComment(trigger, result, count, knownAbsent)).toBe(expected);
  });
});
