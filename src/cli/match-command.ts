// `crash-triage match [--repo OWNER/NAME] [--catalog DIR]… [--min-confidence X] [--json] [FILE|-]`:
// triage one issue file and print the comment the app would post (or why it would stay quiet).
// `--signals` prints what the extractor read instead (for writing an incident file's phrases).
import { readFileSync } from 'node:fs';
import { renderExplainComment } from '../render/render-comment.js';
import { withoutMarker } from '../render/comment-marker.js';
import { triageIssue } from '../triage/triage-issue.js';
import { extractSignals } from '../signals/extract-signals.js';
import { readReportDetails } from '../signals/read-report-details.js';
import type { IssueInput, Verdict } from '../types.js';
import { parse } from './args.js';
import { CATALOG_OPTIONS, indexFromOptions, minConfidenceOption } from './cli-options.js';
import type { Io } from './io.js';
import { readIssueFile } from './read-issue-file.js';

export const MATCH_USAGE =
  'usage: crash-triage match [--repo OWNER/NAME] [--catalog DIR]... [--no-bundled] [--min-confidence X] [--explain] [--signals] [--json] [FILE|-]';

export async function matchCommand(args: string[], io: Io): Promise<number> {
  const p = parse(args, {
    repo: { type: 'string' },
    ...CATALOG_OPTIONS,
    explain: { type: 'boolean' },
    signals: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if ('error' in p) return io.usage(p.error, MATCH_USAGE);
  const file = p.positionals[0] ?? '-';
  const min = minConfidenceOption(p.values);
  if ('error' in min) return io.usage(min.error, MATCH_USAGE);
  const minConfidence = min.value;

  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : readFileSync(file, 'utf8');
  } catch (err) {
    io.err(`crash-triage match: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const { input } = readIssueFile(text);
  if (typeof p.values.repo === 'string') input.repo = p.values.repo;
  if (p.values.signals) {
    io.out(JSON.stringify(readEverything(input), null, 2));
    return 0;
  }
  const index = indexFromOptions(p.values, io);

  const result = triageIssue({ input, index, ...(minConfidence !== undefined ? { minConfidence } : {}) });
  if (p.values.json) {
    io.out(JSON.stringify(toJson(result.verdict, result.comment), null, 2));
  } else if (p.values.explain) {
    io.out(withoutMarker(renderExplainComment(result.verdict).body));
  } else if (result.comment) {
    io.out(result.comment.body);
    io.out(`labels: ${result.comment.labels.join(', ') || '(none)'}`);
  } else {
    io.out(`No comment: no known incident (${result.verdict.reason ?? 'nothing close enough'}).`);
  }
  return 0;
}

/** The signals the matcher uses and the details read on demand, as one object (notes of both). */
function readEverything(input: IssueInput) {
  const signals = extractSignals(input);
  const details = readReportDetails(signals);
  return {
    title: signals.title,
    frames: signals.frames,
    facts: signals.facts,
    crashLines: details.crashLines,
    errorCodes: details.errorCodes,
    locations: details.locations,
    signals: details.signals,
    codeBlocks: signals.codeBlocks.length,
    notes: [...signals.notes, ...details.notes],
    text: signals.text,
  };
}

function toJson(verdict: Verdict, comment: { body: string; labels: string[] } | null) {
  return {
    verdict: verdict.incidentId,
    confidence: verdict.confidence,
    labels: comment?.labels ?? [],
    comment: comment?.body ?? null,
    reason: verdict.reason ?? null,
    matches: verdict.matches.map((m) => ({
      id: m.id,
      score: m.score,
      confidence: m.confidence,
      eligible: m.eligible,
      evidence: m.evidence,
      reasons: m.reasons,
    })),
  };
}
