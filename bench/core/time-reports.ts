// Timed loops over generated reports: ours (`triageIssue`, end to end) and the naive scan. Each report
// is timed alone with performance.now(), so the percentiles are per report.
import type { CatalogIndex } from '../../src/match/compile-index.js';
import { triageIssue } from '../../src/triage/triage-issue.js';
import type { GeneratedReport } from '../data/generate-reports.js';
import { summarize } from '../lib/stats.js';
import type { CellResult, NaivePlan, Timing } from './core-types.js';
import type { NaiveMatcher } from './naive-tfidf.js';

function timing(samples: number[]): Timing {
  const s = summarize(samples);
  return { ...s, reportsPerSec: s.meanMs > 0 ? 1000 / s.meanMs : 0 };
}

export function timeOurs(
  reports: readonly GeneratedReport[],
  index: CatalogIndex,
  keepNotes = false,
): CellResult {
  const samples: number[] = [];
  let verdicts = 0;
  let planted = 0;
  let plantedFound = 0;
  let otherVerdicts = 0;
  const formats: Record<string, number> = {};
  const notes = new Set<string>();
  for (const r of reports) {
    const t0 = performance.now();
    const result = triageIssue({ input: r.input, index });
    samples.push(performance.now() - t0);
    const id = result.verdict.incidentId;
    if (id) verdicts++;
    if (r.planted) planted++;
    if (id && id === r.planted) plantedFound++;
    else if (id) otherVerdicts++;
    formats[r.format] = (formats[r.format] ?? 0) + 1;
    if (keepNotes) for (const n of result.signals.notes) notes.add(n);
  }
  return {
    bytes: 0,
    avgBytes: Math.round(reports.reduce((s, r) => s + r.bytes, 0) / Math.max(1, reports.length)),
    ours: timing(samples),
    verdicts,
    planted,
    plantedFound,
    otherVerdicts,
    formats,
    naive: null,
    ratio: null,
    ...(keepNotes ? { notes: [...notes] } : {}),
  };
}

export function timeNaive(reports: readonly GeneratedReport[], naive: NaiveMatcher, plan: NaivePlan): Timing {
  const samples: number[] = [];
  const start = performance.now();
  for (const r of reports) {
    if (samples.length >= plan.maxReports) break;
    if (samples.length >= plan.minReports && performance.now() - start >= plan.budgetMs) break;
    const t0 = performance.now();
    naive.best(`${r.input.title}\n${r.input.body}`);
    samples.push(performance.now() - t0);
  }
  return timing(samples);
}
