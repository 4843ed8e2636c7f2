// The catalog each repository triages against, owned by the triage runner (see run-triage-task.ts): the
// bundled incidents (compiled once), the repository's own incident files, or both merged. A merged catalog is compiled once per set of file
// versions (git blob shas) and kept, so only a changed file costs a recompile.
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
}

export function createRepoCatalogs(bundled: readonly Incident[], { maxCompiled = 200 } = {}): RepoCatalogs {
  const bundledCatalog: RepoCatalog = { index: compileIndex(bundled), problems: [] };
  const emptyCatalog: RepoCatalog = { index: compileIndex([]), problems: [] };
  const compiled = createLru<RepoCatalog>(maxCompiled);

  return {
    bundled: bundledCatalog,
    catalogFor(useBundled, repoFiles) {
      const readProblems = repoFiles.problems;
      if (repoFiles.files.length === 0) {
        const base = useBundled ? bundledCatalog : emptyCatalog;
        return readProblems.length > 0 ? { ...base, problems: readProblems } : base;
      }
      const key = `${useBundled}|${repoFiles.files.map((f) => `${f.source}@${f.sha}`).join('|')}`;
      let catalog = compiled.get(key);
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
        compiled.set(key, catalog);
      }
      return readProblems.length > 0
        ? { ...catalog, problems: [...readProblems, ...catalog.problems] }
        : catalog;
    },
  };
}
