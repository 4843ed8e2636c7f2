// The demo's closing table: one row per example report, what the app did (from its comment's marker)
// and why (the evidence the same triage core gives, or the reason it stayed quiet), with the confidence
// in the words the comment uses. Pure.
import type { CatalogIndex } from '../match/compile-index.js';
import { readMarker } from '../render/comment-marker.js';
import { confidenceWords } from '../render/render-comment.js';
import { triageIssue } from '../triage/triage-issue.js';
import type { IssueInput } from '../types.js';

export interface DemoRow {
  file: string;
  input: IssueInput;
  /** The app's comments on the issue, as the stand-in holds them. */
  comments: { body: string }[];
}

const WHY_EVIDENCE = 3;
const WIDTH = { report: 30, verdict: 44 };

export function summaryTable(rows: readonly DemoRow[], index: CatalogIndex): string[] {
  const lines = [
    `${pad('report', WIDTH.report)} ${pad('verdict', WIDTH.verdict)} why`,
    `${'-'.repeat(WIDTH.report)} ${'-'.repeat(WIDTH.verdict)} ${'-'.repeat(40)}`,
  ];
  for (const row of rows) {
    const marker = row.comments.map((c) => readMarker(c.body)).find((m) => m !== null);
    const { verdict } = triageIssue({ input: row.input, index });
    const said = marker?.incident ? `${marker.state}: ${marker.incident}` : 'no comment';
    const top = verdict.matches.find((m) => m.id === marker?.incident);
    const why = top
      ? `${confidenceWords(top.confidence)}: ${top.evidence
          .filter((e) => e.points > 0)
          .sort((a, b) => b.points - a.points)
          .slice(0, WHY_EVIDENCE)
          .map((e) => `${e.kind} "${e.matched ?? e.detail}"`)
          .join(', ')}`
      : (verdict.reason ?? 'no confident match');
    lines.push(`${pad(row.file, WIDTH.report)} ${pad(said, WIDTH.verdict)} ${why}`);
  }
  return lines;
}

function pad(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n);
}
