// Signals + catalog index → a verdict: the incident, or "no known incident" with the reason.
// Two passes keep it fast on large catalogs: a cheap pass sums the points of phrases found in the report
// per incident; only the best `maxCandidates` get full scoring (fuzzy frames, similarity, gates, versions).
import type { CatalogIndex, CompiledPhrase, PhraseUse } from './compile-index.js';
import type { Match, Signals, Verdict } from '../types.js';
import { type FoundPhrase, reportFeatures } from './report-features.js';
import { nearestFrameLookup, scoreIncident, type IncidentHits } from './score-incident.js';
import { DEFAULT_MIN_CONFIDENCE, SCORING, scoreFor } from './scoring.js';
import { versionLookup } from './version-evidence.js';

export interface MatchOptions {
  /** Confidence a verdict needs (0..1). */
  minConfidence?: number;
  /** `owner/name` of the repository the report was filed in. */
  repo?: string;
  /** How many matches to return (best first). */
  limit?: number;
}

let scratch = new Float64Array(0);

export function matchIncidents(signals: Signals, index: CatalogIndex, options: MatchOptions = {}): Verdict {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const features = reportFeatures(signals, index, options.repo);

  // The first pass sums points per incident in a typed array (no allocation per use); only the
  // best maxCandidates incidents get their uses gathered, in a second pass.
  const found = [...features.exact, ...features.stemmed];
  // Reused between reports: a fresh typed array per report makes V8 collect garbage more often.
  if (scratch.length < index.incidents.length) scratch = new Float64Array(index.incidents.length);
  const cheap = scratch;
  const touched: number[] = [];
  const { incidents, weights } = index.postings;
  for (const f of found) {
    for (let k = f.phrase.start; k < f.phrase.end; k++) {
      const i = incidents[k]!;
      if (cheap[i] === 0) touched.push(i);
      cheap[i] = cheap[i]! + weights[k]!;
    }
  }
  const chosen = topCandidates(touched, cheap, SCORING.maxCandidates);
  for (const i of touched) cheap[i] = 0;
  // Second pass, for the chosen incidents only: their own uses whose phrase the report contains, in the
  // order the phrases were found. The repository name can satisfy a require or exclude group, nothing more.
  const foundAt = new Map<CompiledPhrase, number>();
  found.forEach((f, k) => foundAt.set(f.phrase, k));
  const repoAt = new Map<CompiledPhrase, number>();
  features.repo.forEach((f, k) => repoAt.set(f.phrase, k));
  const inferredAt = new Map<CompiledPhrase, number>();
  features.inferred.forEach((f, k) => inferredAt.set(f.phrase, k));
  const candidates: IncidentHits[] = chosen.map((i) => {
    const gathered: { use: PhraseUse; found: FoundPhrase; at: number }[] = [];
    for (const use of index.uses[i]!) {
      const k = foundAt.get(use.phrase);
      if (k !== undefined) gathered.push({ use, found: found[k]!, at: k });
      else if (use.kind === 'require' || use.kind === 'exclude') {
        const r = repoAt.get(use.phrase);
        const inf = use.kind === 'require' ? inferredAt.get(use.phrase) : undefined;
        if (r !== undefined) gathered.push({ use, found: features.repo[r]!, at: found.length + r });
        else if (inf !== undefined)
          gathered.push({
            use,
            found: features.inferred[inf]!,
            at: found.length + features.repo.length + inf,
          });
      }
    }
    gathered.sort((x, y) => x.at - y.at);
    return { incident: i, uses: gathered.map(({ use, found: f }) => ({ use, found: f })) };
  });

  const ctx = {
    index,
    features,
    nearestFrame: nearestFrameLookup(features.frameNamesByPrefix),
    versionOf: versionLookup(signals.facts, signals.text, features.words, signals.negated),
    ...(options.repo ? { repo: options.repo } : {}),
  };
  const scored: Match[] = candidates
    .map((h) => scoreIncident(h, ctx))
    .sort((a, b) => b.confidence - a.confidence || b.score - a.score || a.id.localeCompare(b.id));
  // An incident's variants are scored apart; the best one stands for it.
  const seen = new Set<string>();
  const matches = scored.filter((m) => !seen.has(m.id) && seen.add(m.id));
  const limited = matches.slice(0, options.limit ?? 5);
  const verdict = finalVerdict(matches, limited, minConfidence);
  return { ...verdict, neededScore: scoreFor(minConfidence) };
}

function finalVerdict(matches: Match[], limited: Match[], minConfidence: number): Verdict {
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

/**
 * The `k` incidents with the most points, best first (ties: catalog order). Thousands of incidents can
 * share a common phrase; sorting all of them per report cost more than the rest of the pass.
 */
export function topCandidates(touched: readonly number[], points: Float64Array, k: number): number[] {
  const top: number[] = [];
  const better = (a: number, b: number) => points[a]! > points[b]! || (points[a] === points[b] && a < b);
  for (const i of touched) {
    if (top.length === k && !better(i, top[k - 1]!)) continue;
    let at = top.length === k ? k - 1 : top.length;
    while (at > 0 && better(i, top[at - 1]!)) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = i;
  }
  return top;
}

function shortfall(top: Match, minConfidence: number): string {
  if (!top.eligible) return `nearest is ${top.id}, ruled out: ${top.reasons.join('; ')}`;
  return `nearest is ${top.id} at confidence ${top.confidence.toFixed(2)}, below the minimum ${minConfidence.toFixed(2)}`;
}
