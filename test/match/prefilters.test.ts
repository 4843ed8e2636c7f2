// The matcher skips work it can prove useless: Jaro-Winkler comparisons that cannot reach the fuzzy
// frame minimum, and sorting every touched incident when only the best few are scored. These properties
// say the shortcuts never change an answer.
import fc from 'fast-check';
import jaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import { describe, expect, it } from 'vitest';
import { topCandidates } from '../../src/match/match-incidents.js';
import { mayBeSimilar } from '../../src/match/score-incident.js';
import { SCORING } from '../../src/match/scoring.js';

// Frame-like names: a shared stem with small edits, so many pairs land near the threshold.
const frameName = fc
  .tuple(
    fc.constantFrom('lj_trace_exit', 'pymutex_unlock', 'hv_vcpu_run', 'mi_thread_init', 'rb_yjit_compile'),
    fc.array(fc.tuple(fc.nat(30), fc.constantFrom('', 'x', '_', 'e', 'é', '2')), { maxLength: 4 }),
  )
  .map(([base, edits]) => {
    let s = base;
    for (const [at, ch] of edits) {
      const i = at % (s.length + 1);
      s = s.slice(0, i) + ch + s.slice(i + (ch === '' ? 1 : 0));
    }
    return s;
  });

describe('matcher shortcuts', () => {
  it('mayBeSimilar never rules out a pair that reaches the fuzzy frame minimum', () => {
    let pruned = 0;
    fc.assert(
      fc.property(frameName, frameName, (a, b) => {
        if (!mayBeSimilar(a, b)) {
          pruned++;
          expect(jaroWinkler(a, b)).toBeLessThan(SCORING.fuzzyFrameMin);
        }
      }),
      { numRuns: 5000 },
    );
    // The bound must do something, or the property says nothing.
    expect(pruned).toBeGreaterThan(500);
  });

  it.each([
    ['very different lengths', 'lj_trace_exit', 'lj_trace_exit_with_a_long_suffix', false],
    ['same letters reordered stay possible', 'abcdefgh', 'abcdefhg', true],
    ['few shared characters', 'lj_trace_exit', 'lj_qqqqqqqqqq', false],
  ])('mayBeSimilar: %s', (_name, a, b, expected) => {
    expect(mayBeSimilar(a, b)).toBe(expected);
  });

  it('topCandidates gives the same incidents, in the same order, as sorting all of them', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(200), { maxLength: 120 }),
        fc.array(fc.constantFrom(0.5, 1, 1.5, 2, 3, 7.25), { minLength: 201, maxLength: 201 }),
        fc.integer({ min: 1, max: 30 }),
        (touched, pointList, k) => {
          const points = Float64Array.from(pointList);
          const sorted = [...touched].sort((a, b) => points[b]! - points[a]! || a - b).slice(0, k);
          expect(topCandidates(touched, points, k)).toEqual(sorted);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
