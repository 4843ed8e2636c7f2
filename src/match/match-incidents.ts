// Signals + catalog index → a verdict: the incident, or "no known incident" with the reason.
// Two passes keep it fast on large catalogs: a cheap pass sums the points of phrases found in the report
// per incident; only the best `maxCandidates` get full scoring (fuzzy frames, similarity, gates, versions).
import type { CatalogIndex } from '../catalog/compile-index.js';
import type { Match, Signals, Verdict } from '../types.js';
import { reportFeatures } from './report-features.js';
import { scoreIncident, type IncidentHits } from './score-incident.js';
import { DEFAULT_MIN_CONFIDENCE, SCORING } from './scoring.js';

export interface MatchOptions {
  /** Confidence a verdict needs (0..1). */
  minConfidence?: number;
  /** `owner/name` of the repository the report was filed in. */
  repo?: string;
  /** How many matches to return (best first). */
  limit?: number;
}

export function matchIncidents(signals: Signals, index: CatalogIndex, options: MatchOptions = {}): Verdict {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const features = reportFeatures(signals, index, options.repo);

  const hits = new Map<number, IncidentHits>();
  const cheap = new Map<number, number>();
  for (const found of [...features.exact, ...features.stemmed]) {
    for (const use of found.phrase.uses) {
      let h = hits.get(use.incident);
      if (!h) {
        h = { incident: use.incident, uses: [] };
        hits.set(use.incident, h);
      }
      h.uses.push({ use, found });
      cheap.set(use.incident, (cheap.get(use.incident) ?? 0) + use.weight);
    }
  }
  // The repository name is context: it can satisfy a require group or an exclude group, nothing more.
  for (const found of features.repo) {
    for (const use of found.phrase.uses) {
      if (use.kind !== 'require' && use.kind !== 'exclude') continue;
      hits.get(use.incident)?.uses.push({ use, found });
    }
  }

  // Only incidents with positive evidence are candidates (a require or exclude phrase alone is not).
  const candidates = [...cheap.entries()]
    .filter(([, points]) => points > 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, SCORING.maxCandidates)
    .map(([i]) => hits.get(i)!);

  const ctx = {
    index,
    features,
    facts: signals.facts,
    text: signals.text,
    ...(options.repo ? { repo: options.repo } : {}),
  };
  const matches: Match[] = candidates
    .map((h) => scoreIncident(h, ctx))
    .sort((a, b) => b.confidence - a.confidence || b.score - a.score || a.id.localeCompare(b.id));
  const limited = matches.slice(0, options.limit ?? 5);

  const top = matches[0];
  if (!top)
    return {
      incidentId: null,
      confidence: 0,
      matches: limited,
      reason: 'no incident shares any evidence with the report',
    };
  if (!top.eligible || top.confidence < minConfidence) {
    return {
      incidentId: null,
      confidence: top.confidence,
      matches: limited,
      reason: shortfall(top, minConfidence),
    };
  }
  const runnerUp = matches.find((m, i) => i > 0 && m.eligible && m.confidence >= minConfidence);
  if (runnerUp && runnerUp.score >= top.score * SCORING.ambiguityRatio) {
    return {
      incidentId: null,
      confidence: top.confidence,
      matches: limited,
      reason: `ambiguous: ${top.id} (score ${top.score}) and ${runnerUp.id} (score ${runnerUp.score}) are too close to choose`,
    };
  }
  return { incidentId: top.id, confidence: top.confidence, matches: limited };
}

function shortfall(top: Match, minConfidence: number): string {
  if (!top.eligible) return `nearest is ${top.id}, ruled out: ${top.reasons.join('; ')}`;
  return `nearest is ${top.id} at confidence ${top.confidence.toFixed(2)}, below the minimum ${minConfidence.toFixed(2)}`;
}
