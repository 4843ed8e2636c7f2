// The approach a newcomer would write, measured beside ours on the same data: put every incident's text
// into natural's TfIdf as a document, then score the whole report against every document with
// `tfidfs(reportText)` and take the best. No index, no caps: the cost is catalog size × report size.
import TfIdf from 'natural/lib/natural/tfidf/tfidf.js';
import type { Incident } from '../../src/types.js';

export interface NaiveMatcher {
  /** Index of the best-scoring incident (the naive scan always "matches" something). */
  best(reportText: string): number;
}

/** All of an incident's text, as a newcomer would feed it in. */
function incidentText(incident: Incident): string {
  const m = incident.match;
  return [
    incident.title,
    incident.summary,
    incident.cause,
    ...m.signatures.map((s) => s.phrase),
    ...m.frames.map((f) => f.phrase),
    ...m.keywords.map((k) => k.phrase),
  ].join('\n');
}

export function buildNaiveMatcher(incidents: readonly Incident[]): NaiveMatcher {
  const tfidf = new TfIdf();
  for (const incident of incidents) tfidf.addDocument(incidentText(incident));
  return {
    best(reportText) {
      const scores = tfidf.tfidfs(reportText);
      let best = 0;
      for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
      return best;
    },
  };
}
