// Merging incident lists from several sources (bundled, --catalog folders, a repository's own files).
// Within one source a repeated id is an error; across sources the later source overrides, so a
// repository can replace a bundled incident with its own wording.
import type { CatalogProblem, Incident } from '../types.js';

export function mergeIncidents(sources: readonly (readonly Incident[])[]): {
  incidents: Incident[];
  problems: CatalogProblem[];
} {
  const byId = new Map<string, Incident>();
  const problems: CatalogProblem[] = [];
  for (const source of sources) {
    const seen = new Map<string, Incident>();
    for (const incident of source) {
      const twin = seen.get(incident.id);
      if (twin) {
        problems.push({
          file: incident.source,
          field: 'id',
          message: `duplicate id "${incident.id}" (also in ${twin.source})`,
        });
        continue;
      }
      seen.set(incident.id, incident);
      byId.set(incident.id, incident);
    }
  }
  return { incidents: [...byId.values()], problems };
}
