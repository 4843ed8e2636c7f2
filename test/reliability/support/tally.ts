// The counts behind the summary `npm run test:reliability` prints. Each test file runs in its own
// process, so counts are appended as JSON lines to a folder the global setup provides (and reads back at
// the end); run by the main `vitest run`, where there is no such folder, recording does nothing.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/** The summary's areas, one line each, in the order printed. */
export const AREAS = [
  'fuzz',
  'catalog',
  'faults',
  'concurrency',
  'security',
  'edge',
  'durable',
  'known-bugs',
] as const;
export type Area = (typeof AREAS)[number];

/** Counts to add up; a key ending in `Max` keeps the largest value instead; string values keep the last. */
export type Counts = Record<string, number | string>;

declare module 'vitest' {
  export interface ProvidedContext {
    reliabilityTallyDir: string;
  }
}

function tallyFile(): string | null {
  let dir: string | undefined;
  try {
    dir = inject('reliabilityTallyDir');
  } catch {
    dir = undefined;
  }
  return dir ? join(dir, `${process.pid}.jsonl`) : null;
}

/** Adds `counts` to `area`'s line of the summary. */
export function tally(area: Area, counts: Counts): void {
  const file = tallyFile();
  if (file) appendFileSync(file, `${JSON.stringify({ area, counts })}\n`);
}

/** Counts a test file gathers as it goes (`...Max` keys keep the largest), for one tally at the end. */
export function createCounts(): { counts: Counts; add(more: Record<string, number>): void } {
  const counts: Counts = {};
  return {
    counts,
    add(more) {
      for (const [k, v] of Object.entries(more)) {
        const before = Number(counts[k] ?? 0);
        counts[k] = k.endsWith('Max') ? Math.max(before, v) : before + v;
      }
    },
  };
}
