// The app's process settings from environment variables: defaults, valid values, and invalid values that
// fall back to the default with a problem naming the variable.
import { describe, expect, it } from 'vitest';
import { DEFAULT_APP_SETTINGS, readAppSettings } from '../../src/config/app-settings.js';

describe('readAppSettings', () => {
  it('has defaults for every setting', () => {
    expect(readAppSettings({})).toEqual({ settings: DEFAULT_APP_SETTINGS, problems: [] });
    expect(DEFAULT_APP_SETTINGS).toEqual({
      commentLookup: 'when-needed',
      clockSkewSeconds: 300,
      requestTimeoutSeconds: 20,
      maxJobs: 64,
      triageThreads: 'auto',
      catalogCacheMb: 128,
    });
  });

  it.each<[string, Record<string, string>, Partial<typeof DEFAULT_APP_SETTINGS>]>([
    ['comment lookup forced', { CRASH_TRIAGE_COMMENT_LOOKUP: 'always' }, { commentLookup: 'always' }],
    [
      'comment lookup when needed',
      { CRASH_TRIAGE_COMMENT_LOOKUP: ' when-needed ' },
      { commentLookup: 'when-needed' },
    ],
    ['clock skew', { CRASH_TRIAGE_CLOCK_SKEW_SECONDS: '30' }, { clockSkewSeconds: 30 }],
    ['no clock skew', { CRASH_TRIAGE_CLOCK_SKEW_SECONDS: '0' }, { clockSkewSeconds: 0 }],
    ['jobs', { CRASH_TRIAGE_MAX_JOBS: '16' }, { maxJobs: 16 }],
    ['no threads', { CRASH_TRIAGE_THREADS: '0' }, { triageThreads: 0 }],
    ['threads', { CRASH_TRIAGE_THREADS: '2' }, { triageThreads: 2 }],
    ['catalog cache budget', { CRASH_TRIAGE_CATALOG_CACHE_MB: '512' }, { catalogCacheMb: 512 }],
    ['empty means default', { CRASH_TRIAGE_THREADS: '' }, {}],
  ])('reads %s', (_name, env, expected) => {
    expect(readAppSettings(env)).toEqual({
      settings: { ...DEFAULT_APP_SETTINGS, ...expected },
      problems: [],
    });
  });

  it.each<[string, string]>([
    ['CRASH_TRIAGE_COMMENT_LOOKUP', 'never'],
    ['CRASH_TRIAGE_CLOCK_SKEW_SECONDS', '-5'],
    ['CRASH_TRIAGE_CLOCK_SKEW_SECONDS', '1.5'],
    ['CRASH_TRIAGE_MAX_JOBS', '0'],
    ['CRASH_TRIAGE_MAX_JOBS', 'lots'],
    ['CRASH_TRIAGE_THREADS', '-1'],
    ['CRASH_TRIAGE_CATALOG_CACHE_MB', '1'],
  ])('keeps the default for %s=%s and names the variable', (variable, value) => {
    const { settings, problems } = readAppSettings({ [variable]: value });
    expect(settings).toEqual(DEFAULT_APP_SETTINGS);
    expect(problems).toEqual([{ variable, value, message: expect.any(String) }]);
  });
});
