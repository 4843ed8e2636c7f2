// `crash-triage backtest --groups`: the repository's crash reports the catalog does not match, grouped
// by a normalized signature as Sentry and Socorro group crashes: the top frames of the report's stack
// (boilerplate skipped) and its crash line with numbers and quoted values blanked. The largest groups
// are the incidents the repository should document next (`crash-triage draft` on one of them). Pure.
import { extractSignals } from '../signals/extract-signals.js';
import { readReportDetails } from '../signals/read-report-details.js';
import type { IssueInput } from '../types.js';

export interface CrashGroup {
  /** The frames and crash line the group shares. */
  signature: string;
  issues: { number: number; url: string; title: string }[];
}

export interface UnmatchedReport {
  number: number;
  url: string;
  input: IssueInput;
}

/** Frames a signature is made of: the crashing ones say which crash it is. */
const TOP_FRAMES = 3;
const MAX_CRASH_LINE = 120;

// The crash line, blanked where reports of one crash differ: quoted values, numbers, hex.
const BLANKS: [RegExp, string][] = [
  [/'[^']*'|"[^"]*"/g, "'…'"], // `KeyError: 'user_42'` and `KeyError: 'user_7'` are one crash
  [/\b0x[0-9a-f]+\b/gi, '0x…'], // addresses and codes that vary per run
  [/\d+/g, 'N'], // counts, indexes, line numbers, goroutine and thread ids
];

/** The signature of one report, or null when it holds neither a stack trace nor a crash line. */
export function crashSignature(input: IssueInput): string | null {
  const signals = extractSignals(input);
  const frames = [...new Set(signals.frames.filter((f) => !f.boilerplate).map((f) => f.fn))].slice(
    0,
    TOP_FRAMES,
  );
  const line = readReportDetails(signals).crashLines[0]?.text;
  const crash =
    line === undefined
      ? ''
      : BLANKS.reduce((t, [re, to]) => t.replace(re, to), line).slice(0, MAX_CRASH_LINE);
  if (frames.length === 0 && !crash) return null;
  return [crash, ...frames].filter(Boolean).join(' | ');
}

/** The groups, largest first (ties: the newest issue first); single reports are groups of one. */
export function groupUnmatched(reports: readonly UnmatchedReport[]): CrashGroup[] {
  const groups = new Map<string, CrashGroup>();
  for (const r of reports) {
    const signature = crashSignature(r.input);
    if (signature === null) continue;
    let group = groups.get(signature);
    if (!group) groups.set(signature, (group = { signature, issues: [] }));
    group.issues.push({ number: r.number, url: r.url, title: r.input.title });
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.issues.length - a.issues.length ||
      Math.max(...b.issues.map((i) => i.number)) - Math.max(...a.issues.map((i) => i.number)),
  );
}
