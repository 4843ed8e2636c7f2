// Signals → the crash lines, error codes, `file:line` locations and signal names in the report's text.
// The matcher works from the text, frames and facts alone, so these are read only when someone asks
// (`crash-triage match --signals`, for writing incident files); like extraction, it never throws.
import type { ReportDetails, Signals } from '../types.js';
import { extractErrorCodes, extractLocations, extractSignalNames } from './extract-codes.js';
import { extractCrashLines } from './extract-crash-lines.js';
import { guard } from './guard.js';
import { MAX_CRASH_LINES } from './limits.js';

export function readReportDetails(signals: Pick<Signals, 'text'>): ReportDetails {
  const notes: string[] = [];
  const { text } = signals;
  // The text is the title, then the kept lines: crash lines are looked for in both.
  const crash = guard(notes, 'crash lines', () => extractCrashLines(text.split('\n')), {
    crashLines: [],
    truncated: false,
  });
  if (crash.truncated) notes.push(`crash lines capped at ${MAX_CRASH_LINES}`);
  return {
    crashLines: crash.crashLines,
    errorCodes: guard(notes, 'error codes', () => extractErrorCodes(text), []),
    locations: guard(notes, 'locations', () => extractLocations(text), []),
    signals: guard(notes, 'signals', () => extractSignalNames(text), []),
    notes,
  };
}
