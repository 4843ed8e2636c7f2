// Settings: raw YAML value → settings + problems. A bad key falls back to its default and is named.
import { describe, expect, it } from 'vitest';
import { configSchema, DEFAULT_CONFIG } from '../../src/config/config-schema.js';
import { loadConfig } from '../../src/config/load-config.js';
import { DEFAULT_MIN_CONFIDENCE } from '../../src/match/scoring.js';

const FILE = 'acme/app:.github/crash-triage.yml';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_CONFIG).toEqual({
      enabled: true,
      min_confidence: DEFAULT_MIN_CONFIDENCE,
      on_edit: true,
      label_prefix: '',
      extra_labels: [],
      mode: 'comment',
      use_bundled_catalog: true,
      incident_dir: '.github/crash-signatures/',
    });
  });

  it.each<[string, unknown, Partial<typeof DEFAULT_CONFIG>, [string, RegExp][]]>([
    ['no file', null, {}, []],
    ['empty mapping', {}, {}, []],
    [
      'all keys set',
      {
        enabled: false,
        min_confidence: 0.9,
        on_edit: false,
        label_prefix: 'crash: ',
        extra_labels: ['triaged'],
        mode: 'labels-only',
        use_bundled_catalog: false,
        incident_dir: 'docs/incidents',
      },
      {
        enabled: false,
        min_confidence: 0.9,
        on_edit: false,
        label_prefix: 'crash: ',
        extra_labels: ['triaged'],
        mode: 'labels-only',
        use_bundled_catalog: false,
        incident_dir: 'docs/incidents',
      },
      [],
    ],
    ['dry-run mode', { mode: 'dry-run' }, { mode: 'dry-run' }, []],
    [
      'bad mode falls back, others kept',
      { mode: 'loud', on_edit: false },
      { on_edit: false },
      [['mode', /Invalid option/]],
    ],
    ['confidence out of range', { min_confidence: 3 }, {}, [['min_confidence', /<=1|less than or equal/i]]],
    ['confidence as text', { min_confidence: 'high' }, {}, [['min_confidence', /expected number/]]],
    ['unknown key', { enable: false }, {}, [['enable', /unknown setting/]]],
    ['bad label in the list', { extra_labels: ['ok', ''] }, {}, [['extra_labels.1', /too small|>=1/i]]],
    ['folder escaping the repository', { incident_dir: '../secrets' }, {}, [['incident_dir', /folder path/]]],
    ['absolute folder', { incident_dir: '/etc' }, {}, [['incident_dir', /folder path/]]],
    ['not a mapping', ['enabled'], {}, [['(file)', /mapping/]]],
    ['a string', 'enabled', {}, [['(file)', /mapping/]]],
  ])('%s', (_name, raw, expected, problems) => {
    const loaded = loadConfig({ file: FILE, raw });
    expect(loaded.config).toEqual({ ...DEFAULT_CONFIG, ...expected });
    expect(loaded.problems.map((p) => p.field)).toEqual(problems.map(([field]) => field));
    loaded.problems.forEach((p, i) => {
      expect(p.file).toBe(FILE);
      expect(p.message).toMatch(problems[i]![1]);
    });
  });

  it('reports a file the loader could not read, with defaults', () => {
    const loaded = loadConfig({
      file: FILE,
      raw: null,
      error: 'Configuration could not be parsed (invalid YAML)',
    });
    expect(loaded).toEqual({
      config: DEFAULT_CONFIG,
      problems: [
        { file: FILE, field: '(file)', message: 'Configuration could not be parsed (invalid YAML)' },
      ],
    });
  });

  it('the schema parses its own defaults', () => {
    expect(configSchema.parse(DEFAULT_CONFIG)).toEqual(DEFAULT_CONFIG);
  });
});
