// Settings of the running app (not of a repository), read from environment variables: how the process
// works, never what it writes. Every variable is optional; an invalid value falls back to its default
// and is reported (the app logs it as a warning), so a typo cannot stop the app.

export interface AppSettings {
  /**
   * `when-needed`: skip looking up the app's comment when this process can prove there is none (see
   * src/github/own-comment-record.ts). `always`: look every time; needed when several processes
   * (replicas) share the deliveries, since one does not know what the others wrote.
   */
  commentLookup: 'when-needed' | 'always';
  /** How far apart GitHub's clock and this machine's may be, in seconds (for the proof above). */
  clockSkewSeconds: number;
  /** How many triage jobs may read and triage at once (their throttled writes do not count). */
  maxJobs: number;
  /** Worker threads that run the triage; 0 runs it on the main thread; `auto` picks from the CPU count. */
  triageThreads: number | 'auto';
  /** Seconds each request to GitHub's API may take before it fails (and is retried like a 5xx). */
  requestTimeoutSeconds: number;
  /**
   * Megabytes of compiled repository catalogs kept, per triage thread (each keeps its own); the least
   * recently used are dropped and compiled again when next needed.
   */
  catalogCacheMb: number;
}

export const DEFAULT_APP_SETTINGS: AppSettings = {
  commentLookup: 'when-needed',
  clockSkewSeconds: 300,
  maxJobs: 64,
  triageThreads: 'auto',
  requestTimeoutSeconds: 20,
  catalogCacheMb: 128,
};

/** The variables, by setting. */
export const APP_ENV = {
  commentLookup: 'CRASH_TRIAGE_COMMENT_LOOKUP',
  clockSkewSeconds: 'CRASH_TRIAGE_CLOCK_SKEW_SECONDS',
  maxJobs: 'CRASH_TRIAGE_MAX_JOBS',
  triageThreads: 'CRASH_TRIAGE_THREADS',
  requestTimeoutSeconds: 'CRASH_TRIAGE_REQUEST_TIMEOUT_SECONDS',
  catalogCacheMb: 'CRASH_TRIAGE_CATALOG_CACHE_MB',
} as const;

export interface AppSettingProblem {
  variable: string;
  value: string;
  message: string;
}

export function readAppSettings(env: Record<string, string | undefined>): {
  settings: AppSettings;
  problems: AppSettingProblem[];
} {
  const settings: AppSettings = { ...DEFAULT_APP_SETTINGS };
  const problems: AppSettingProblem[] = [];
  const read = (variable: string, parse: (value: string) => boolean, message: string): void => {
    const value = env[variable]?.trim();
    if (value && !parse(value)) problems.push({ variable, value, message });
  };
  const integer = (value: string, min: number, max: number): number | null => {
    const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    return n >= min && n <= max ? n : null;
  };

  read(
    APP_ENV.commentLookup,
    (v) => {
      if (v !== 'always' && v !== 'when-needed') return false;
      settings.commentLookup = v;
      return true;
    },
    'must be `always` or `when-needed`',
  );
  // The whole-number settings: variable, range and the words of the problem.
  const whole = (
    key: 'clockSkewSeconds' | 'maxJobs' | 'requestTimeoutSeconds' | 'catalogCacheMb',
    min: number,
    max: number,
    unit: string,
  ) =>
    read(
      APP_ENV[key],
      (v) => {
        const n = integer(v, min, max);
        if (n === null) return false;
        settings[key] = n;
        return true;
      },
      `must be a whole number${unit}, ${min} to ${max}`,
    );
  whole('clockSkewSeconds', 0, 86_400, ' of seconds');
  whole('maxJobs', 1, 1000, '');
  whole('requestTimeoutSeconds', 1, 600, ' of seconds');
  whole('catalogCacheMb', 8, 16_384, ' of megabytes');
  read(
    APP_ENV.triageThreads,
    (v) => {
      const n = v === 'auto' ? 'auto' : integer(v, 0, 64);
      if (n === null) return false;
      settings.triageThreads = n;
      return true;
    },
    'must be `auto` or a whole number, 0 to 64',
  );
  return { settings, problems };
}
