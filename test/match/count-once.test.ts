// One piece of evidence counts once: an incident's phrases found nested at one place in a report (a long
// signature, a shorter one inside it, a keyword inside that) give the points of the strongest only.
import { describe, expect, it } from 'vitest';
import { parseIncidentFile } from '../../src/catalog/parse-incident-file.js';
import { compileIndex } from '../../src/match/compile-index.js';
import { countOnce } from '../../src/match/count-once.js';
import { matchIncidents } from '../../src/match/match-incidents.js';
import { extractSignals } from '../../src/signals/extract-signals.js';

describe('countOnce', () => {
  it.each([
    // [items as (points, places), which item took each one's place (-1: counts)]
    [
      'nested in one place: the strongest counts',
      [
        [6, [0, 5]],
        [4, [2, 4]],
        [1, [3, 3]],
      ],
      [-1, 0, 0],
    ],
    [
      'apart: all count',
      [
        [6, [0, 5]],
        [4, [7, 9]],
      ],
      [-1, -1],
    ],
    [
      'nested once, alone elsewhere: counts',
      [
        [6, [0, 5]],
        [1, [3, 3, 20, 20]],
      ],
      [-1, -1],
    ],
    [
      'overlapping, not nested: still one place',
      [
        [3, [0, 4]],
        [2, [3, 6]],
      ],
      [-1, 0],
    ],
    ['no place (points without a place) counts', [[2, []]], [-1]],
  ] as [string, [number, number[]][], number[]][])('%s', (_name, items, expected) => {
    expect(countOnce(items.map(([points, at]) => ({ points, at })))).toEqual(expected);
  });
});

const FILE = `id: widget-overflow
title: Widget overflow in frobnicate
summary: A demo incident.
cause: Because.
match:
  signatures:
    - phrase: 'fatal error: widget overflow in frobnicate'
      weight: 6
    - phrase: widget overflow
      weight: 4
  keywords:
    - phrase: frobnicate
      weight: 2
`;

describe('nested phrases in a report', () => {
  const parsed = parseIncidentFile('w.yml', FILE);
  if (!parsed.ok) throw new Error('fixture');
  const index = compileIndex([parsed.incident]);
  const points = (body: string) => {
    const m = matchIncidents(extractSignals({ title: 'crash', body }), index).matches[0]!;
    return m.evidence.filter((e) => e.points > 0 && e.kind !== 'similarity').map((e) => [e.detail, e.points]);
  };

  it('one error line with all three phrases counts the long signature only', () => {
    expect(points('```\nfatal error: widget overflow in frobnicate\n```')).toEqual([
      ['fatal error: widget overflow in frobnicate', 6],
    ]);
  });

  it('a shorter phrase that also shows on its own line counts there', () => {
    expect(
      points(
        '```\nfatal error: widget overflow in frobnicate\n```\nIt happens whenever frobnicate runs twice.',
      ),
    ).toEqual([
      ['fatal error: widget overflow in frobnicate', 6],
      ['frobnicate', 2],
    ]);
  });
});
