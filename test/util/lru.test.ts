import { describe, expect, it } from 'vitest';
import { createLru } from '../../src/util/lru.js';

describe('createLru', () => {
  it('forgets the least recently used entry past its count', () => {
    const lru = createLru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([true, false, true]);
    expect(lru.weight).toBe(2);
  });

  it.each([
    // [entries set in order (key, weight), budget, keys kept, weight kept]
    [
      [
        ['a', 40],
        ['b', 40],
        ['c', 40],
      ],
      100,
      ['b', 'c'],
      80,
    ],
    [
      [
        ['a', 10],
        ['b', 20],
        ['c', 90],
      ],
      100,
      ['c'],
      90,
    ],
    // An entry over the whole budget is not kept, and does not push the others out.
    [
      [
        ['a', 10],
        ['big', 500],
      ],
      100,
      ['a'],
      10,
    ],
    // Replacing a key replaces its weight.
    [
      [
        ['a', 60],
        ['a', 20],
        ['b', 70],
      ],
      100,
      ['a', 'b'],
      90,
    ],
  ] as [[string, number][], number, string[], number][])(
    'keeps at most its weight budget: %j within %i',
    (entries, maxWeight, kept, weight) => {
      const lru = createLru<number>(100, { maxWeight, weigh: (w) => w });
      for (const [key, w] of entries) lru.set(key, w);
      expect(['a', 'b', 'c', 'big'].filter((k) => lru.has(k))).toEqual(kept);
      expect(lru.weight).toBe(weight);
    },
  );

  it('a deleted entry gives its weight back', () => {
    const lru = createLru<number>(10, { maxWeight: 100, weigh: (w) => w });
    lru.set('a', 70);
    lru.delete('a');
    lru.set('b', 70);
    expect(lru.has('b')).toBe(true);
    expect(lru.weight).toBe(70);
  });
});
