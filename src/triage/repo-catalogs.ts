// The catalog each repository triages against, owned by the triage runner (see run-triage-task.ts): the
// bundled incidents (compiled once), the repository's own incident files, or both merged. A merged catalog is compiled once per set of file
// versions (git blob shas) and kept, so only a changed file costs a recompile. What is kept is bounded by
// an estimate of its memory, not by a count: one repository of a hundred large files weighs what a
// hundred repositories of one small file do.
import { compileIndex, type CatalogIndex } from '../match/compile-index.js';
import { mergeIncidents } from '../catalog/merge-incidents.js';
import { parseIncidentFile } from '../catalog/parse-incident-file.js';
import { createLru } from '../util/lru.js';
import type { CatalogProblem, Incident, RepoIncidentFiles } from '../types.js';

export interface RepoCatalog {
  index: CatalogIndex;
  /** Incident files that were skipped, by file and field. */
  problems: CatalogProblem[];
}

export interface RepoCatalogs {
  /** The bundled catalog, as loaded at start-up. */
  readonly bundled: RepoCatalog;
  catalogFor(useBundled: boolean, repoFiles: RepoIncidentFiles): RepoCatalog;
  /** The estimated heap bytes of the compiled catalogs kept. */
  readonly keptBytes: number;
}

/**
 * Heap bytes a compiled catalog takes per byte of its incident files. Measured: 100 incident files at the
 * schema's limits (14 MB of YAML) compiled to 310 MB of heap, about 22 bytes per byte; files of long
 * phrase lists and few groups about 28. Rounded up, so the budget is not overrun.
 */
export const HEAP_BYTES_PER_SOURCE_BYTE = 32;

interface KeptCatalog {
  catalog: RepoCatalog;
  /** The estimated heap bytes of the compiled catalog. */
  bytes: number;
}

export function createRepoCatalogs(
  bundled: readonly Incident[],
  { maxCompiled = 200, maxMegabytes = 128 } = {},
): RepoCatalogs {
  const bundledCatalog: RepoCatalog = { index: compileIndex(bundled), problems: [] };
  const emptyCatalog: RepoCatalog = { index: compileIndex([]), problems: [] };
  const compiled = createLru<KeptCatalog>(maxCompiled, {
    maxWeight: maxMegabytes * 1024 * 1024,
    weigh: (kept) => kept.bytes,
  });

  return {
    bundled: bundledCatalog,
    catalogFor(useBundled, repoFiles) {
      const readProblems = repoFiles.problems;
      if (repoFiles.files.length === 0) {
        const base = useBundled ? bundledCatalog : emptyCatalog;
        return readProblems.length > 0 ? { ...base, problems: readProblems } : base;
      }
      const key = `${useBundled}|${repoFiles.files.map((f) => `${f.source}@${f.sha}`).join('|')}`;
      let catalog = compiled.get(key)?.catalog;
      if (!catalog) {
        // One source per repository (shared catalogs first, the repository's own last, as read), so a
        // later repository overrides an earlier one by id while a repeated id within one is reported.
        const byRepo = new Map<string, Incident[]>();
        const problems: CatalogProblem[] = [];
        for (const file of repoFiles.files) {
          const repo = file.source.split(':')[0] ?? '';
          if (!byRepo.has(repo)) byRepo.set(repo, []);
          const parsed = parseIncidentFile(file.source, file.text);
          if (parsed.ok) byRepo.get(repo)!.push(parsed.incident);
          else problems.push(...parsed.problems);
        }
        const repos = [...byRepo.values()];
        // The repositories' incidents come last, so they override bundled ones with the same id.
        const merged = mergeIncidents(useBundled ? [bundled, ...repos] : repos);
        catalog = { index: compileIndex(merged.incidents), problems: [...problems, ...merged.problems] };
        const sourceBytes = repoFiles.files.reduce((n, f) => n + f.text.length, 0);
        compiled.set(key, { catalog, bytes: sourceBytes * HEAP_BYTES_PER_SOURCE_BYTE });
      }
      return readProblems.length > 0
        ? { ...catalog, problems: [...readProblems, ...catalog.problems] }
        : catalog;
    },
    get keptBytes() {
      return compiled.weight;
    },
  };
}
