// Runs each incident's own examples (must match it) and counter-examples (must not match it) through
// the same triage the app runs. Used by `crash-triage lint` and by the catalog test.
import type { CatalogIndex } from '../match/compile-index.js';
import type { CatalogProblem, Incident } from '../types.js';
import { triageIssue } from './triage-issue.js';

export function checkExamples(
  incidents: readonly Incident[],
  index: CatalogIndex,
  minConfidence?: number,
): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const opts = minConfidence !== undefined ? { minConfidence } : {};
  for (const incident of incidents) {
    incident.examples.forEach((ex, i) => {
      const { verdict } = triageIssue({ input: ex, index, ...opts });
      if (verdict.incidentId === incident.id) return;
      problems.push({
        file: incident.source,
        field: `examples.${i}`,
        message: `"${ex.title}" should match ${incident.id} but got ${verdict.incidentId ?? 'no verdict'} (confidence ${verdict.confidence.toFixed(2)}${verdict.reason ? `; ${verdict.reason}` : ''})`,
      });
    });
    incident.counterExamples.forEach((ex, i) => {
      const { verdict } = triageIssue({ input: ex, index, ...opts });
      if (verdict.incidentId !== incident.id) return;
      problems.push({
        file: incident.source,
        field: `counter_examples.${i}`,
        message: `"${ex.title}" must not match ${incident.id} but did (confidence ${verdict.confidence.toFixed(2)})`,
      });
    });
  }
  return problems;
}
