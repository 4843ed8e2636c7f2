// The pure core of the pipeline, steps 4a-4c of the job (see run-triage-job.ts): issue text → signals →
// verdict → comment. Synchronous and deterministic; the app, the Action, the CLI, the eval command, the
// backtest and the benchmark all call this same function.
import type { CatalogIndex } from '../match/compile-index.js';
import { matchIncidents } from '../match/match-incidents.js';
import { renderIncidentComment, type RenderOptions } from '../render/render-comment.js';
import { ruleOutIncidents } from './rule-out-incidents.js';
import { extractSignals } from '../signals/extract-signals.js';
import type { Incident, IssueInput, RenderedComment, Signals, Verdict } from '../types.js';

export interface TriageRequest {
  input: IssueInput;
  index: CatalogIndex;
  /** Confidence a verdict needs; the matcher's default when absent. */
  minConfidence?: number;
  render?: RenderOptions;
  /** Incidents a maintainer ruled out on this issue (`/triage not`): never the verdict. */
  ruledOut?: readonly string[];
}

export interface TriageResult {
  signals: Signals;
  verdict: Verdict;
  /** The matched incident, when there is a verdict. */
  incident: Incident | null;
  /** The comment to post, when there is a verdict. */
  comment: RenderedComment | null;
}

export function triageIssue(req: TriageRequest): TriageResult {
  // 4a. extract signals
  const signals = extractSignals(req.input);
  // 4b. match against the catalog
  const matched = matchIncidents(signals, req.index, {
    ...(req.minConfidence !== undefined ? { minConfidence: req.minConfidence } : {}),
    ...(req.input.repo ? { repo: req.input.repo } : {}),
  });
  const verdict = ruleOutIncidents(matched, req.ruledOut ?? [], req.minConfidence);
  // 4c. render the comment
  const incident = verdict.incidentId
    ? (req.index.incidents.find((i) => i.id === verdict.incidentId) ?? null)
    : null;
  const comment = incident
    ? renderIncidentComment(
        incident,
        verdict.matches.find((m) => m.id === incident.id),
        req.render,
      )
    : null;
  return { signals, verdict, incident, comment };
}
