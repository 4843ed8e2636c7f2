// `/triage not <id>`: a maintainer ruled an incident out on one issue, so the verdict is taken again
// without it. Pure, applied to the matcher's answer (the matcher stays unaware of issues): the ruled-out
// candidates leave the list, and the best remaining one becomes the verdict by the matcher's own rules
// (eligible, confident enough, not too close to the next).
import { DEFAULT_MIN_CONFIDENCE, SCORING } from '../match/scoring.js';
import type { Verdict } from '../types.js';

export function ruleOutIncidents(
  verdict: Verdict,
  ruledOut: readonly string[],
  minConfidence = DEFAULT_MIN_CONFIDENCE,
): Verdict {
  if (ruledOut.length === 0 || !verdict.matches.some((m) => ruledOut.includes(m.id))) return verdict;
  const matches = verdict.matches.filter((m) => !ruledOut.includes(m.id));
  const top = matches[0];
  const said = `ruled out by a maintainer: ${ruledOut.join(', ')}`;
  if (!top) return { incidentId: null, confidence: 0, matches, reason: said };
  if (!top.eligible || top.confidence < minConfidence) {
    return {
      incidentId: null,
      confidence: top.confidence,
      matches,
      reason: `${said}; no other confident match`,
    };
  }
  const runnerUp = matches.find((m, i) => i > 0 && m.eligible && m.confidence >= minConfidence);
  if (runnerUp && runnerUp.score >= top.score * SCORING.ambiguityRatio) {
    return {
      incidentId: null,
      confidence: top.confidence,
      matches,
      reason: `${said}; ${top.id} and ${runnerUp.id} are too close to choose`,
    };
  }
  return { incidentId: top.id, confidence: top.confidence, matches };
}
