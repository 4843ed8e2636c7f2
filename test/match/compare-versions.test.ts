import { describe, expect, it } from 'vitest';
import { compareVersions, inRange, parseVersion, rangeCanHold } from '../../src/match/compare-versions.js';

describe('versions', () => {
  it.each([
    ['15.1.1', '15.2', -1],
    ['15.2', '15.2.0', 0],
    ['26.0', '15.2', 1],
    ['3.13.1', '3.13.0', 1],
    ['v3.10', '3.9', 1],
  ])('compare %s with %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(parseVersion(a)!, parseVersion(b)!))).toBe(sign);
  });

  it.each([
    ['15.1', '<15.2', true],
    ['15.2', '<15.2', false],
    ['3.13.0', '>=3.13.0 <3.13.1', true],
    ['3.12.7', '>=3.13.0 <3.13.1', false],
    ['3.13.1', '>=3.13.0 <3.13.1', false],
    ['abc', '<1', null],
  ])('%s in %s', (v, range, expected) => {
    expect(inRange(v, range)).toBe(expected);
  });
});

describe('rangeCanHold', () => {
  it.each([
    ['>=3.13.0 <3.13.1', true],
    ['<15.2', true],
    ['>=4.6.0 <=4.6.1', true],
    ['=2.3', true],
    ['>=3.13 <3.12', false],
    ['<1.0 >1.0', false],
    ['>2 <2', false],
    ['=2 =3', false],
    ['soon', null],
  ] as const)('%s → %s', (range, holds) => {
    expect(rangeCanHold(range)).toBe(holds);
  });
});
