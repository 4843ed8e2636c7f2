import { describe, expect, it } from 'vitest';
import { detached, detachedStrings } from '../../src/text/detached.js';

describe('detached', () => {
  it.each([
    ['short', 'abc'],
    ['long ASCII', 'lj_trace_exit_with_a_long_name'],
    ['non-ASCII', 'ошибка памяти при сборке мусора'],
    ['a lone surrogate survives', 'prefix \ud800 suffix that is long'],
    ['emoji', 'crash 😀 crash 😀 crash 😀'],
  ])('keeps the characters: %s', (_name, s) => {
    expect(detached(s)).toBe(s);
  });

  it('copies every string of a nested value in place', () => {
    const value = { a: ['x'.repeat(20), 1, null], b: { c: 'y'.repeat(30) } };
    expect(detachedStrings(value)).toEqual({ a: ['x'.repeat(20), 1, null], b: { c: 'y'.repeat(30) } });
  });
});
