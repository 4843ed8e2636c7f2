import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  checkValueCount,
  countValues,
  MAX_CONFIG_VALUES,
  SettingsTooLarge,
} from '../../src/config/config-limits.js';
import { loadConfig } from '../../src/config/load-config.js';

// A YAML "billion laughs": each level's list holds the previous level nine times, through aliases.
const ALIAS_BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...'bcdefgh'.split('').map((k, i) => {
    const prev = 'abcdefgh'[i]!;
    return `${k}: &${k} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
  }),
].join('\n');

describe('settings file bounds', () => {
  it.each([
    ['a usual settings file', 'mode: comment\nextra_labels: [crash, triaged]\non_edit: false\n', false],
    ['tens of thousands of keys', Array.from({ length: 30_000 }, (_, i) => `k${i}: ${i}`).join('\n'), true],
    ['a small file that expands through aliases', ALIAS_BOMB, true],
  ])('%s', (_name, yaml, refused) => {
    const raw = load(yaml, { schema: CORE_SCHEMA });
    const count = countValues(raw);
    // The count stops just past the limit, whatever the file expands to.
    expect(count).toBeLessThanOrEqual(MAX_CONFIG_VALUES + 2);
    if (refused) expect(() => checkValueCount(raw)).toThrow(SettingsTooLarge);
    else expect(() => checkValueCount(raw)).not.toThrow();
  });

  it('lists twenty problems of a file full of unknown keys and counts the rest', () => {
    const raw = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`typo_${i}`, i]));
    const { problems } = loadConfig({ file: 'o/r:.github/crash-triage.yml', raw });
    expect(problems).toHaveLength(21);
    expect(problems[20]).toEqual({
      file: 'o/r:.github/crash-triage.yml',
      field: '(file)',
      message: '480 more problems not listed',
    });
  });
});
