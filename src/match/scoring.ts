// The numbers that turn evidence into a score and a score into a confidence, in one place so that
// calibration (against the catalog's examples and counter-examples and the eval set) changes one file.

export const SCORING = {
  /** A catalog frame named only in prose counts this fraction of its weight. */
  frameInProseFactor: 0.6,
  /** Fuzzy frame hits count this fraction of weight × similarity. */
  fuzzyFrameFactor: 0.7,
  /** Jaro-Winkler similarity at which two frame names are taken as the same function. */
  fuzzyFrameMin: 0.93,
  /** Keywords made only of generic crash words ("crash", "kernel panic") count this fraction. */
  genericFactor: 0.25,
  /** Caps: a long trace or a chatty report cannot pile up points from one kind of weak evidence. */
  frameCap: 12,
  keywordCap: 5,
  /** Text similarity (TF-IDF cosine, 0..1) is worth up to this many points. */
  similarityWeight: 3,
  /** Points per require group when all of them are present. */
  requiredGroupPoints: 1,
  /** Reported in one of the incident's repositories. */
  repoPoints: 1,
  /** Each fixed-version / outside-range fact scales the score by this. */
  fixedVersionFactor: 0.4,
  /**
   * Points of an incident's own signatures and frames at which an exclude group no longer rules a report
   * out (unless the group is `absolute`): a report that shows the incident's code, location and frames is
   * that incident, whatever else one word of it suggests.
   */
  excludeOutweighedAt: 12,
  /** A candidate missing a required group, or hit by an exclude group, keeps this much of its confidence. */
  ineligibleFactor: 0.25,
  /** Logistic calibration: the score at which confidence is 0.5, and the spread. */
  midpoint: 7,
  spread: 1.5,
  /** A verdict needs the runner-up (if also eligible and confident) to score less than this share of the top. */
  ambiguityRatio: 0.85,
  /** How many candidates get full scoring (fuzzy frames, similarity) after the cheap first pass. */
  maxCandidates: 25,
} as const;

/** Confidence the app posts under unless a repository configures its own. */
export const DEFAULT_MIN_CONFIDENCE = 0.75;

/** Score → 0..1. */
export function confidenceOf(score: number): number {
  return 1 / (1 + Math.exp(-(score - SCORING.midpoint) / SCORING.spread));
}

/** The score at which confidence reaches `confidence` (the inverse of `confidenceOf`). */
export function scoreFor(confidence: number): number {
  const c = Math.min(Math.max(confidence, 0.001), 0.999);
  return Math.round((SCORING.midpoint + SCORING.spread * Math.log(c / (1 - c))) * 100) / 100;
}
