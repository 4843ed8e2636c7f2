// Global setup of `npm run test:reliability`: gives the test files a folder to record their counts in
// (support/tally.ts), and at the end prints one summary line per area from what they recorded.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { addUp, summaryLines } from './summary.js';
import type { Area, Counts } from './tally.js';

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'crash-triage-reliability-'));
  project.provide('reliabilityTallyDir', dir);
  return () => {
    const records: { area: Area; counts: Counts }[] = [];
    for (const name of readdirSync(dir)) {
      for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
        if (line.trim() !== '') records.push(JSON.parse(line) as { area: Area; counts: Counts });
      }
    }
    rmSync(dir, { recursive: true, force: true });
    const lines = summaryLines(addUp(records));
    process.stdout.write(`\nReliability summary\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
  };
}
