// One hostile report through the core, checked: triage and signal extraction never throw and stay
// within a time bound, their output stays bounded, and every comment the app could write about the report
// (the match, "no match", "explain", an explain reply under a match) is safe to post (markdown-audit.ts).
// A comment that is unsafe only because of a known bug (known-bugs.ts) is counted apart: the check
// renders it again as the fix would and audits that.
import type { CatalogIndex } from '../../../src/match/compile-index.js';
import {
  renderExplainComment,
  renderIncidentComment,
  renderNoMatchComment,
  withReply,
} from '../../../src/render/render-comment.js';
import { extractSignals } from '../../../src/signals/extract-signals.js';
import { MAX_CODE_BLOCKS, MAX_CRASH_LINES, MAX_FRAMES } from '../../../src/signals/limits.js';
import { readReportDetails } from '../../../src/signals/read-report-details.js';
import { triageIssue } from '../../../src/triage/triage-issue.js';
import type { IssueInput, Signals, Verdict } from '../../../src/types.js';
import { KNOWN_BUGS, type KnownBug } from './known-bugs.js';
import { auditComment, auditProblems, escapePipesInTableCode } from './markdown-audit.js';

/** One report's triage may take this long at most (a generous bound; the figures are printed). */
export const REPORT_TIME_BOUND_MS = 2_000;

export interface ReportCheck {
  /** The time of `triageIssue` alone. */
  ms: number;
  /** Problems found: a throw, a slow report, an unbounded output, an unsafe comment (named). */
  problems: string[];
  comments: number;
  /** Comments unsafe only because of known bugs, by bug. */
  knownBugs: Partial<Record<KnownBug, number>>;
  longestComment: number;
  crashed: boolean;
}

export function checkReport(input: IssueInput, index: CatalogIndex): ReportCheck {
  const check: ReportCheck = {
    ms: 0,
    problems: [],
    comments: 0,
    knownBugs: {},
    longestComment: 0,
    crashed: false,
  };
  let signals: Signals;
  try {
    signals = extractSignals(input);
  } catch (err) {
    check.crashed = true;
    check.problems.push(`extractSignals threw: ${String(err)}`);
    return check;
  }
  check.problems.push(...signalProblems(signals));

  const start = performance.now();
  let result: ReturnType<typeof triageIssue>;
  try {
    result = triageIssue({ input, index });
  } catch (err) {
    check.crashed = true;
    check.problems.push(`triageIssue threw: ${String(err)}`);
    return check;
  }
  check.ms = performance.now() - start;
  if (check.ms > REPORT_TIME_BOUND_MS) check.problems.push(`triage took ${Math.round(check.ms)} ms`);

  const comments = renderAll(result.verdict, index, result.comment?.body);
  const escaped = renderAll(escapeReasons(result.verdict), index, result.comment?.body);
  comments.forEach(([name, body], i) => {
    const problems = auditProblems(auditComment(body));
    check.comments += 1;
    check.longestComment = Math.max(check.longestComment, body.length);
    if (problems.length === 0) return;
    const fixed = escaped[i]![1];
    const clean = (text: string): boolean => auditProblems(auditComment(text)).length === 0;
    const bug: KnownBug | null = clean(escapePipesInTableCode(body))
      ? KNOWN_BUGS.tablePipe
      : clean(fixed) || clean(escapePipesInTableCode(fixed))
        ? KNOWN_BUGS.reasonHtml
        : null;
    if (bug) check.knownBugs[bug] = (check.knownBugs[bug] ?? 0) + 1;
    else check.problems.push(`${name} comment: ${problems.join('; ')}`);
  });
  return check;
}

/** The comments the app could write about a verdict: always the same list, in the same order. */
function renderAll(verdict: Verdict, index: CatalogIndex, matched: string | undefined): [string, string][] {
  const top = verdict.matches[0];
  const topIncident = top ? index.incidents.find((i) => i.id === top.id) : undefined;
  // The match comment, forced for the nearest candidate whatever its confidence: it quotes the report.
  const forced = topIncident ? renderIncidentComment(topIncident, top).body : '';
  const explain = renderExplainComment(verdict);
  return [
    ['no-match', renderNoMatchComment(verdict).body],
    ['explain', explain.body],
    ['match', matched ?? ''],
    ['forced match', forced],
    ['match + explain reply', forced ? withReply(forced, explain) : ''],
  ];
}

/** The verdict as the fix for the reason-html bug would show it: quoted report words HTML-escaped. */
function escapeReasons(verdict: Verdict): Verdict {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    ...verdict,
    ...(verdict.reason !== undefined ? { reason: esc(verdict.reason) } : {}),
    matches: verdict.matches.map((m) => ({ ...m, reasons: m.reasons.map(esc) })),
  };
}

/** Signals must stay bounded and clean whatever the input. */
function signalProblems(s: Signals): string[] {
  const out: string[] = [];
  if (s.title.includes('\n')) out.push('title has a line break');
  if (s.text.length > 400_000) out.push(`text is ${s.text.length} chars`);
  if (s.frames.length > MAX_FRAMES) out.push(`${s.frames.length} frames`);
  const details = readReportDetails(s);
  if (details.crashLines.length > MAX_CRASH_LINES) out.push(`${details.crashLines.length} crash lines`);
  // Inline code spans may add to the blocks, up to the same cap.
  if (s.codeBlocks.length > MAX_CODE_BLOCKS) out.push(`${s.codeBlocks.length} code blocks`);
  if (s.text.includes('\u0000')) out.push('NUL in text');
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s.text)) {
    out.push('lone surrogate in text');
  }
  return out;
}
