// Options shared by `match` and `eval`: which catalog to load and the confidence a verdict needs.
import { loadCatalog } from '../catalog/bundled-catalog.js';
import { defaultCacheDir } from '../backtest/etag-cache.js';
import { compileIndex, type CatalogIndex } from '../match/compile-index.js';
import { strings, type Parsed } from './args.js';
import { printProblems, type Io } from './io.js';

export const CATALOG_OPTIONS = {
  catalog: { type: 'string', multiple: true },
  'no-bundled': { type: 'boolean' },
  'min-confidence': { type: 'string' },
} as const;

/** The bundled catalog plus `--catalog` folders (problems go to stderr; they never stop the command). */
export function indexFromOptions(values: Parsed['values'], io: Io): CatalogIndex {
  const catalog = loadCatalog(strings(values.catalog), { bundled: !values['no-bundled'] });
  printProblems(catalog.problems, io);
  return compileIndex(catalog.incidents);
}

/** `--min-confidence` as a number, undefined when absent, or an error message. */
export function minConfidenceOption(values: Parsed['values']): { value?: number } | { error: string } {
  const raw = values['min-confidence'];
  if (raw === undefined) return {};
  const value = Number(raw);
  if (!(value >= 0 && value <= 1)) return { error: '--min-confidence must be a number from 0 to 1' };
  return { value };
}

/** How the commands that read a repository reach GitHub: token, API (GHES too) and the ETag cache folder. */
export function githubAccess(
  env: Record<string, string | undefined>,
  values: Parsed['values'],
): { token?: string; apiUrl: string; cacheDir: string } {
  const token = env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim() || undefined;
  const apiUrl = (env.GITHUB_API_URL?.trim() || 'https://api.github.com').replace(/\/+$/, '');
  const cacheDir = typeof values['cache-dir'] === 'string' ? values['cache-dir'] : defaultCacheDir(env);
  return { ...(token ? { token } : {}), apiUrl, cacheDir };
}
