// Precision, recall and per-incident counts over labelled cases. Precision counts every non-null verdict
// (right / all); recall counts positives found. Pure, so the figures are tested on a table.

export interface EvalOutcome {
  file: string;
  /** Incident id, or null for `expected: none`. */
  expected: string | null;
  got: string | null;
  confidence: number;
}

export interface IncidentRow {
  id: string;
  positives: number;
  found: number;
  /** Verdicts of this id that were wrong. */
  falsePositives: number;
}

export interface EvalMetrics {
  cases: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  perIncident: IncidentRow[];
  misses: EvalOutcome[];
}

export function evalMetrics(outcomes: readonly EvalOutcome[]): EvalMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const rows = new Map<string, IncidentRow>();
  const row = (id: string): IncidentRow => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { id, positives: 0, found: 0, falsePositives: 0 }));
    return r;
  };
  const misses: EvalOutcome[] = [];
  for (const o of outcomes) {
    if (o.expected) row(o.expected).positives++;
    if (o.got !== null && o.got === o.expected) {
      tp++;
      row(o.expected).found++;
      continue;
    }
    if (o.got === null && o.expected === null) {
      tn++;
      continue;
    }
    misses.push(o);
    if (o.got !== null) {
      // A wrong verdict; if a positive got the wrong id it is also a miss of its own incident.
      fp++;
      row(o.got).falsePositives++;
      if (o.expected) fn++;
    } else {
      fn++;
    }
  }
  const verdicts = tp + fp;
  const positives = outcomes.filter((o) => o.expected !== null).length;
  return {
    cases: outcomes.length,
    tp,
    fp,
    fn,
    tn,
    precision: verdicts === 0 ? 1 : tp / verdicts,
    recall: positives === 0 ? 1 : tp / positives,
    perIncident: [...rows.values()].sort((a, b) => a.id.localeCompare(b.id)),
    misses,
  };
}
