import { describe, expect, it } from 'vitest';
import { evalMetrics } from '../../src/cli/eval-metrics.js';

describe('evalMetrics', () => {
  it('counts right, wrong and missed verdicts', () => {
    const m = evalMetrics([
      { file: 'a.md', expected: 'x', got: 'x', confidence: 0.9 }, // tp
      { file: 'b.md', expected: 'x', got: null, confidence: 0.2 }, // fn
      { file: 'c.md', expected: null, got: null, confidence: 0.1 }, // tn
      { file: 'd.md', expected: null, got: 'y', confidence: 0.8 }, // fp
      { file: 'e.md', expected: 'y', got: 'x', confidence: 0.8 }, // fp and fn
    ]);
    expect([m.tp, m.fp, m.fn, m.tn]).toEqual([1, 2, 2, 1]);
    expect(m.precision).toBeCloseTo(1 / 3);
    expect(m.recall).toBeCloseTo(1 / 3);
    expect(m.misses.map((x) => x.file)).toEqual(['b.md', 'd.md', 'e.md']);
    expect(m.perIncident).toEqual([
      { id: 'x', positives: 2, found: 1, falsePositives: 1 },
      { id: 'y', positives: 1, found: 0, falsePositives: 1 },
    ]);
  });

  it('counts right, wrong and missed per kind of case, however the kind is spelt', () => {
    const m = evalMetrics([
      { file: 'a.md', expected: 'x', got: 'x', confidence: 0.9, kind: 'positive' },
      { file: 'b.md', expected: 'x', got: null, confidence: 0.2 }, // no kind: a positive
      { file: 'c.md', expected: 'x', got: 'y', confidence: 0.8, kind: 'pos' },
      { file: 'd.md', expected: null, got: 'x', confidence: 0.8, kind: 'hardneg' },
      { file: 'e.md', expected: null, got: null, confidence: 0.1, kind: 'hard-negative' },
      { file: 'f.md', expected: null, got: null, confidence: 0.1, kind: 'Hard negative' },
      { file: 'g.md', expected: null, got: null, confidence: 0.1 }, // no kind: a negative
      { file: 'h.md', expected: null, got: null, confidence: 0.1, kind: 'regression' },
    ]);
    expect(m.byKind).toEqual([
      { kind: 'positive', cases: 3, right: 1, wrong: 1, missed: 1 },
      { kind: 'hard negative', cases: 3, right: 2, wrong: 1, missed: 0 },
      { kind: 'negative', cases: 1, right: 1, wrong: 0, missed: 0 },
      { kind: 'other', cases: 1, right: 1, wrong: 0, missed: 0 },
    ]);
  });

  it('precision is 1 when there is no verdict at all', () => {
    expect(evalMetrics([{ file: 'a.md', expected: null, got: null, confidence: 0 }]).precision).toBe(1);
  });
});
