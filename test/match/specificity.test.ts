// Specificity: a one-token signature that crash reports at large contain, or a very short one, cannot
// carry a verdict alone; a phrase specific to the incident can.
import { describe, expect, it } from 'vitest';
import { parseIncidentFile } from '../../src/catalog/parse-incident-file.js';
import { compileIndex } from '../../src/match/compile-index.js';
import { matchIncidents } from '../../src/match/match-incidents.js';
import { specificity } from '../../src/match/specificity.js';
import { extractSignals } from '../../src/signals/extract-signals.js';

describe('specificity', () => {
  it.each([
    // [tokens, factor]
    [['thread'], 0.25],
    [['error'], 0.25],
    [['init'], 0.5],
    [['quill_replay_torn'], 1],
    [['hv_bad_argument'], 1],
    [['thread', 'error'], 1],
  ])('%j → %f', (tokens, factor) => {
    expect(specificity(tokens).factor).toBe(factor);
  });
});

const incident = (signature: string) => `id: quill-replay
title: Quill replay crash
summary: A demo incident.
cause: Because.
match:
  signatures:
    - phrase: ${signature}
      weight: 8
  require:
    - name: Quill
      any: [quill]
`;

describe('a verdict on one string', () => {
  const verdict = (signature: string, body: string) => {
    const parsed = parseIncidentFile('q.yml', incident(signature));
    if (!parsed.ok) throw new Error('fixture');
    return matchIncidents(extractSignals({ title: 'quill crashed', body }), compileIndex([parsed.incident]));
  };

  it('a common word is not enough', () => {
    expect(verdict('thread', '```\nquill: thread 3 stopped\n```').incidentId).toBeNull();
  });

  it('a string specific to the incident is', () => {
    expect(verdict('quill_replay_torn', '```\nquill: quill_replay_torn at 0x1\n```').incidentId).toBe(
      'quill-replay',
    );
  });
});
