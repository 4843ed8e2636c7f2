// `/triage not <id>`, pure: the verdict without the ruled-out incidents (the matcher's own rules on
// what is left), and the plan that records them in every comment the app writes on the issue.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config-schema.js';
import { readMarker, renderMarker } from '../../src/render/comment-marker.js';
import { planTriage } from '../../src/triage/plan-triage.js';
import type { TriageOutcome } from '../../src/triage/ports.js';
import { ruleOutIncidents } from '../../src/triage/rule-out-incidents.js';
import type { Match, Verdict } from '../../src/types.js';

const m = (id: string, score: number, confidence: number, eligible = true): Match => ({
  id,
  title: id,
  score,
  confidence,
  eligible,
  evidence: [],
  reasons: [],
});
const verdict = (...matches: Match[]): Verdict => ({
  incidentId: matches[0]!.id,
  confidence: matches[0]!.confidence,
  matches,
});

describe('ruleOutIncidents', () => {
  it.each<[string, Verdict, string[], string | null, RegExp | null]>([
    ['nothing ruled out: unchanged', verdict(m('a-a', 10, 0.9), m('b-b', 4, 0.8)), [], 'a-a', null],
    ['an incident not among the candidates: unchanged', verdict(m('a-a', 10, 0.9)), ['z-z'], 'a-a', null],
    [
      'the top one out: the next confident one',
      verdict(m('a-a', 10, 0.95), m('b-b', 6, 0.9)),
      ['a-a'],
      'b-b',
      null,
    ],
    [
      'the next one not confident: no verdict',
      verdict(m('a-a', 10, 0.95), m('b-b', 2, 0.4)),
      ['a-a'],
      null,
      /no other confident match/,
    ],
    [
      'the next one not eligible: no verdict',
      verdict(m('a-a', 10, 0.95), m('b-b', 9, 0.9, false)),
      ['a-a'],
      null,
      /ruled out by a maintainer: a-a/,
    ],
    [
      'the next two too close: no verdict',
      verdict(m('a-a', 10, 0.95), m('b-b', 8, 0.9), m('c-c', 7.9, 0.9)),
      ['a-a'],
      null,
      /too close/,
    ],
    ['all out: no verdict', verdict(m('a-a', 10, 0.95)), ['a-a'], null, /ruled out/],
  ])('%s', (_name, v, out, id, reason) => {
    const after = ruleOutIncidents(v, out, 0.75);
    expect(after.incidentId).toBe(id);
    for (const gone of out) expect(after.matches.map((x) => x.id)).not.toContain(gone);
    if (reason) expect(after.reason).toMatch(reason);
  });
});

describe('planTriage keeps the ruled-out list', () => {
  const NONE: TriageOutcome = {
    verdict: { incidentId: null, confidence: 0, matches: [], reason: 'ruled out' },
    incident: null,
    comment: null,
    unknownChosen: null,
    previousLabels: [],
    problems: [],
  };
  const base = { config: DEFAULT_CONFIG, previousLabels: [], issueLabels: [], problems: [] };

  it('/triage not on a dismissed comment only stamps the marker', () => {
    const body = `${renderMarker({ state: 'dismissed', incident: 'a-a' })}\n\n### Dismissed\n`;
    const plan = planTriage({
      ...base,
      trigger: { kind: 'command', command: { name: 'not', incidentId: 'b-b' }, by: 'm', commentId: 1 },
      outcome: NONE,
      existing: { id: 5, body, marker: readMarker(body)! },
      ruledOut: ['b-b'],
    });
    const update = plan.actions.find((a) => a.kind === 'update-comment');
    expect(update && 'body' in update && update.body).toBe(
      body.replace('incident=a-a -->', 'incident=a-a not=b-b -->'),
    );
  });

  it('an unchanged comment whose marker already lists them is not written again', () => {
    const body = `${renderMarker({ state: 'dismissed', incident: 'a-a', not: ['b-b'] })}\n\n### Dismissed\n`;
    const plan = planTriage({
      ...base,
      trigger: { kind: 'command', command: { name: 'not', incidentId: 'b-b' }, by: 'm', commentId: 1 },
      outcome: NONE,
      existing: { id: 5, body, marker: readMarker(body)! },
      ruledOut: ['b-b'],
    });
    expect(plan.actions.map((a) => a.kind)).toEqual(['react']);
  });
});
