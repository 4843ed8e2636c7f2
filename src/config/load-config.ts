// Raw settings (whatever YAML the repository has) → valid settings and the problems found. Never throws
// on bad input: a bad key falls back to its default and becomes a problem that names the file and field,
// so a typo in the settings file cannot stop the app.
import type { CatalogProblem } from '../types.js';
import { configSchema, DEFAULT_CONFIG, type RepoConfig } from './config-schema.js';

/** What the gateway read: the merged YAML (null when there is no file), or why it could not be read. */
export interface RawConfig {
  /** The file, as `owner/repo:path`, for messages. */
  file: string;
  raw: unknown;
  /** Set when the file exists but could not be used (invalid YAML, bad `_extends`). */
  error?: string;
}

export interface LoadedConfig {
  config: RepoConfig;
  problems: CatalogProblem[];
}

export function loadConfig(read: RawConfig): LoadedConfig {
  const { file, raw } = read;
  if (read.error)
    return { config: DEFAULT_CONFIG, problems: [{ file, field: '(file)', message: read.error }] };
  if (raw === null || raw === undefined) return { config: DEFAULT_CONFIG, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      config: DEFAULT_CONFIG,
      problems: [{ file, field: '(file)', message: 'must be a YAML mapping of settings' }],
    };
  }
  const parsed = configSchema.safeParse(raw);
  if (parsed.success) return { config: parsed.data, problems: [] };

  const problems: CatalogProblem[] = [];
  const bad = new Set<string>();
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        bad.add(key);
        problems.push({ file, field: key, message: 'unknown setting (ignored)' });
      }
      continue;
    }
    const key = String(issue.path[0] ?? '(file)');
    bad.add(key);
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(file)';
    problems.push({ file, field, message: `${issue.message} (using the default)` });
  }
  // Drop the offending keys and keep the rest: every key has a default, so this parse cannot fail.
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key)));
  return { config: configSchema.parse(kept), problems: capProblems(file, problems) };
}

/** A reply lists a handful of problems; the rest are counted, so a file of typos stays a short reply. */
const MAX_PROBLEMS = 20;

function capProblems(file: string, problems: CatalogProblem[]): CatalogProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.length - MAX_PROBLEMS;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { file, field: '(file)', message: `${rest} more problems not listed` },
  ];
}
