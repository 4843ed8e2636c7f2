// Options shared by `match` and `eval`: which catalog to load and the confidence a verdict needs.
import { loadCatalog } from '../catalog/bundled-catalog.js';
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
