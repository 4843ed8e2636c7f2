// Scores one incident against one report and records the evidence behind every point.
// Points: signatures (uncapped: they are the incident's own words), frames (capped), keywords (capped,
// generic crash words count a quarter), text similarity, repository. Gates: every require group must be
// present and no exclude group may be; versions already fixed scale the score down.
import jaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import type { CatalogIndex, PhraseUse, TermVector } from './compile-index.js';
import type { Evidence, Incident, Match } from '../types.js';
import { countOnce } from './count-once.js';
import { isGenericPhrase } from './generic-terms.js';
import type { FoundPhrase, ReportFeatures } from './report-features.js';
import { reporterVersions, type VersionLookup, versionPenalties } from './version-evidence.js';
import { SCORING, confidenceOf } from './scoring.js';

/** The phrase uses of one incident found in the report, gathered by `matchIncidents`. */
export interface IncidentHits {
  incident: number;
  uses: { use: PhraseUse; found: FoundPhrase }[];
}

export interface ScoreContext {
  index: CatalogIndex;
  features: ReportFeatures;
  /** The report frame most like a catalog frame name. */
  nearestFrame: (name: string) => NearestFrame;
  /** The report's version of a product (from its facts, else its text). */
  versionOf: VersionLookup;
  repo?: string;
}

export function scoreIncident(hits: IncidentHits, ctx: ScoreContext): Match {
  const incident = ctx.index.incidents[hits.incident]!;
  const evidence: Evidence[] = [];
  const reasons: string[] = [];
  let signaturePoints = 0;
  let framePoints = 0;
  let keywordPoints = 0;
  const frameHit = new Set<string>();
  const requireHit = new Map<number, string>();
  const excludeHit = new Map<number, string>();

  // The points each use would bring, then one count per place (count-once.ts).
  const pointsOf = (use: PhraseUse, found: FoundPhrase): number => {
    switch (use.kind) {
      case 'signature':
        return use.weight;
      case 'frame':
        // A frame in the trace is stronger than the same name mentioned in prose.
        return ctx.features.frameNames.has(found.phrase.tokens.join('_'))
          ? use.weight
          : use.weight * SCORING.frameInProseFactor;
      case 'keyword':
        return isGenericPhrase(found.phrase.tokens) ? use.weight * SCORING.genericFactor : use.weight;
      default:
        return 0;
    }
  };
  const scored = hits.uses.map(({ use, found }) => ({ points: pointsOf(use, found), at: found.at }));
  const takenBy = countOnce(scored.map((x) => (x.points > 0 ? x : { points: 0, at: [] })));

  hits.uses.forEach(({ use, found }, k) => {
    const by = takenBy[k]!;
    const points = by >= 0 ? 0 : scored[k]!.points;
    const inside = by >= 0 ? ` (inside "${hits.uses[by]!.use.text}": counted once)` : '';
    switch (use.kind) {
      case 'signature':
        signaturePoints += points;
        evidence.push({ kind: 'signature', detail: use.text, matched: found.matched + inside, points });
        break;
      case 'frame': {
        frameHit.add(found.phrase.tokens.join('_'));
        const where = ctx.features.frameNames.has(found.phrase.tokens.join('_')) ? 'stack frame' : 'in text';
        framePoints += points;
        evidence.push({
          kind: 'frame',
          detail: use.text,
          matched: `${found.matched} (${where})${inside}`,
          points: round(points),
        });
        break;
      }
      case 'keyword':
        keywordPoints += points;
        evidence.push({
          kind: 'keyword',
          detail: use.text,
          matched: found.matched + inside,
          points: round(points),
        });
        break;
      case 'require':
        if (!requireHit.has(use.group)) requireHit.set(use.group, found.matched);
        break;
      case 'exclude':
        if (!excludeHit.has(use.group)) excludeHit.set(use.group, found.matched);
        break;
    }
  });

  // What the report mentions only to say it does not apply ("TSO is not enabled"): shown, not counted.
  for (const f of ctx.features.negated) {
    const use = f.phrase.uses.find((u) => u.incident === hits.incident);
    if (use) evidence.push({ kind: 'negated', detail: use.text, matched: f.matched, points: 0 });
  }

  framePoints += fuzzyFrames(incident, ctx, frameHit, hits.incident, evidence);
  framePoints = Math.min(framePoints, SCORING.frameCap);
  keywordPoints = Math.min(keywordPoints, SCORING.keywordCap);

  const similarity = cosine(ctx.features.vector, ctx.index.vectors[hits.incident]!);
  const similarityPoints = similarity * SCORING.similarityWeight;
  if (similarityPoints >= 0.05) {
    evidence.push({
      kind: 'similarity',
      detail: `text similarity ${similarity.toFixed(2)} (TF-IDF cosine)`,
      points: round(similarityPoints),
    });
  }

  let repoPoints = 0;
  if (ctx.repo && incident.match.repos.includes(ctx.repo.toLowerCase())) {
    repoPoints = SCORING.repoPoints;
    evidence.push({ kind: 'repo', detail: ctx.repo, points: repoPoints });
  }

  let score = signaturePoints + framePoints + keywordPoints + similarityPoints + repoPoints;

  // A group the incident marks as shown by the repository: a report filed there shows it.
  incident.match.require.forEach((group, gi) => {
    if (requireHit.has(gi) || !ctx.repo || !group.repos) return;
    if (group.repos.some((r) => repoMatches(r, ctx.repo!))) requireHit.set(gi, `filed in ${ctx.repo}`);
  });

  // Every required group present together is evidence in itself: the incident's whole context is there.
  const allRequired = incident.match.require.every((_, gi) => requireHit.has(gi));
  const groupPoints = allRequired ? SCORING.requiredGroupPoints : 0;
  let eligible = allRequired;
  incident.match.require.forEach((group, gi) => {
    const matched = requireHit.get(gi);
    if (matched !== undefined) {
      evidence.push({ kind: 'required', detail: group.name, matched, points: groupPoints });
      score += groupPoints;
    } else {
      evidence.push({ kind: 'missing-required', detail: group.name, points: 0 });
      reasons.push(`the report does not show ${group.name}`);
    }
  });
  // An exclude group weighs against the incident's own evidence (its signatures and frames).
  const ownPoints = round(signaturePoints + framePoints);
  incident.match.exclude.forEach((group, gi) => {
    const matched = excludeHit.get(gi);
    if (matched === undefined) return;
    if (!group.absolute && ownPoints >= SCORING.excludeOutweighedAt) {
      evidence.push({
        kind: 'excluded',
        detail: group.name,
        matched: `${matched} (outweighed: the incident's own signatures and frames count ${ownPoints} points)`,
        points: 0,
      });
      return;
    }
    eligible = false;
    evidence.push({ kind: 'excluded', detail: group.name, matched, points: 0 });
    reasons.push(`the report mentions "${matched}", which points to ${group.name}`);
  });

  for (const p of versionPenalties(incident, ctx.versionOf)) {
    score *= SCORING.fixedVersionFactor;
    evidence.push({ kind: 'version', detail: p.detail, matched: p.matched, points: 0 });
    reasons.push(p.reason);
  }

  const confidence = eligible ? confidenceOf(score) : confidenceOf(score) * SCORING.ineligibleFactor;
  const versions = reporterVersions(incident, ctx.versionOf);
  if (incident.variant) evidence.push({ kind: 'variant', detail: incident.variant, points: 0 });
  return {
    ...(incident.variant ? { variant: incident.variant } : {}),
    ...(versions.length > 0 ? { versions } : {}),
    id: incident.id,
    title: incident.title,
    score: round(score),
    confidence: round(confidence),
    eligible,
    evidence: evidence.sort((a, b) => b.points - a.points),
    reasons,
  };
}

/** Frames of the incident not found exactly, compared with similar report frames (see `nearestFrame`). */
function fuzzyFrames(
  incident: Incident,
  ctx: ScoreContext,
  frameHit: ReadonlySet<string>,
  i: number,
  evidence: Evidence[],
): number {
  let points = 0;
  const names = ctx.index.frameNames[i]!;
  names.forEach((name, fi) => {
    if (frameHit.has(name) || name.length < 6) return;
    const { similarity: best, name: bestName } = ctx.nearestFrame(name);
    if (best < SCORING.fuzzyFrameMin) return;
    // best === 1: the frame is in the trace but its line was cut from the text (size cap).
    const weight = incident.match.frames[fi]!.weight * (best === 1 ? 1 : best * SCORING.fuzzyFrameFactor);
    points += weight;
    evidence.push({
      kind: 'fuzzy-frame',
      detail: incident.match.frames[fi]!.phrase,
      matched: bestName,
      points: round(weight),
    });
  });
  return points;
}

export interface NearestFrame {
  similarity: number;
  name: string;
}

// Jaro-Winkler adds at most 0.4 × (1 − jaro) for a shared prefix, so reaching `fuzzyFrameMin` takes
// jaro ≥ MIN_JARO. Jaro is (m/|a| + m/|b| + (m − t)/m) / 3 for m matching characters, so it needs
// m/|a| + m/|b| ≥ 3·MIN_JARO − 1; m is at most the shorter length and at most the characters both names
// share. Pairs that fail these bounds cannot reach the minimum and are not compared (most of them).
const MIN_JARO = (SCORING.fuzzyFrameMin - 0.4) / 0.6;
const MIN_LENGTH_RATIO = 3 * MIN_JARO - 2;
const charCounts = new Uint16Array(65536);

/** False when Jaro-Winkler of `a` and `b` cannot reach `fuzzyFrameMin` (true does not mean it does). */
export function mayBeSimilar(a: string, b: string): boolean {
  const ratio = Math.min(a.length, b.length) / Math.max(a.length, b.length);
  if (ratio < MIN_LENGTH_RATIO) return false;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    charCounts[c] = charCounts[c]! + 1;
  }
  let shared = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (charCounts[c]! > 0) {
      charCounts[c] = charCounts[c]! - 1;
      shared++;
    }
  }
  for (let i = 0; i < a.length; i++) charCounts[a.charCodeAt(i)] = 0;
  return shared * (a.length + b.length) >= (3 * MIN_JARO - 1) * a.length * b.length;
}

/**
 * The report frame most like a catalog frame name (Jaro-Winkler, among names sharing its first three
 * characters), remembered per name for the report: many candidates share frame names.
 */
export function nearestFrameLookup(
  byPrefix: ReadonlyMap<string, readonly string[]>,
): (name: string) => NearestFrame {
  const known = new Map<string, NearestFrame>();
  return (name) => {
    let nearest = known.get(name);
    if (nearest) return nearest;
    nearest = { similarity: 0, name: '' };
    for (const candidate of byPrefix.get(name.slice(0, 3)) ?? []) {
      if (!mayBeSimilar(name, candidate)) continue;
      const sim = jaroWinkler(name, candidate);
      if (sim > nearest.similarity) nearest = { similarity: sim, name: candidate };
    }
    known.set(name, nearest);
    return nearest;
  };
}

function cosine(report: ReadonlyMap<string, number>, incident: TermVector): number {
  let dot = 0;
  const { terms, weights } = incident;
  for (let k = 0; k < terms.length; k++) {
    const x = report.get(terms[k]!);
    if (x !== undefined) dot += x * weights[k]!;
  }
  return dot;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** `owner/name` or `owner/*` against a repository's full name, ignoring case. */
function repoMatches(pattern: string, repo: string): boolean {
  const p = pattern.toLowerCase();
  const r = repo.toLowerCase();
  return p.endsWith('/*') ? r.startsWith(p.slice(0, -1)) : p === r;
}
