import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTokenFilter, mayContain } from '../../src/match/token-filter.js';

describe('token filter', () => {
  it('never says "not here" for a token it was built with (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 300 }),
        (tokens) => {
          const filter = buildTokenFilter(tokens, tokens.length);
          for (const t of tokens) expect(mayContain(filter, t)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rules out almost every token it was not built with', () => {
    const catalog = Array.from({ length: 20_000 }, (_, i) => `word${i}`);
    const filter = buildTokenFilter(catalog, catalog.length);
    const strangers = Array.from({ length: 20_000 }, (_, i) => `other${i}`);
    const falsePositives = strangers.filter((t) => mayContain(filter, t)).length;
    expect(falsePositives / strangers.length).toBeLessThan(0.01);
  });

  it('an empty filter rules out everything', () => {
    expect(mayContain(buildTokenFilter([], 0), 'crash')).toBe(false);
  });
});
