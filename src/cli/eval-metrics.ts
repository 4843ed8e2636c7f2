// Precision, recall and per-incident counts over labelled cases. Precision counts every non-null verdict
// (right / all); recall counts positives found. Pure, so the figures are tested on a table.

export interface EvalOutcome {
  file: string;
  /** Incident id, or null for `expected: none`. */
  expected: string | null;
  got: string | null;
  confidence: number;
  /** The case's `kind:` as written (`positive`, `hardneg`, `hard-negative`, `negative`…), if any. */
  kind?: string;
}

/** Right and wrong per kind of case: a wrong verdict on a hard negative is not one on a plain negative. */
export interface KindRow {
  kind: 'positive' | 'hard negative' | 'negative' | 'other';
  cases: number;
  /** Found (positives) or left alone (negatives). */
  right: number;
  /** Verdicts naming the wrong incident (or any incident, for a negative). */
  wrong: number;
  /** Positives with no verdict. */
  missed: number;
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
  byKind: KindRow[];
  misses: EvalOutcome[];
}

const KIND_ORDER: KindRow['kind'][] = ['positive', 'hard negative', 'negative', 'other'];

/** `hardneg`, `hard-negative`, `Hard negative` → hard negative; no kind: by what is expected. */
function kindOf(o: EvalOutcome): KindRow['kind'] {
  if (o.kind === undefined) return o.expected ? 'positive' : 'negative';
  const k = o.kind.toLowerCase().replace(/[\s_-]+/g, '');
  if (k === 'positive' || k === 'pos') return 'positive';
  if (k === 'hardneg' || k === 'hardnegative') return 'hard negative';
  if (k === 'negative' || k === 'neg') return 'negative';
  return 'other';
}

function byKind(outcomes: readonly EvalOutcome[]): KindRow[] {
  const rows = new Map<KindRow['kind'], KindRow>();
  for (const o of outcomes) {
    const kind = kindOf(o);
    let r = rows.get(kind);
    if (!r) rows.set(kind, (r = { kind, cases: 0, right: 0, wrong: 0, missed: 0 }));
    r.cases++;
    if (o.got === o.expected) r.right++;
    else if (o.got !== null) r.wrong++;
    else r.missed++;
  }
  return KIND_ORDER.flatMap((k) => rows.get(k) ?? []);
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
    byKind: byKind(outcomes),
    misses,
  };
}
