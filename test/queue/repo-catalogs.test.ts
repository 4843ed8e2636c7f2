// Compiled repository catalogs are kept by estimated memory: many repositories of large incident files
// cannot pile up, and a repository whose catalog was dropped compiles again and matches as before.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEAP_BYTES_PER_SOURCE_BYTE, createRepoCatalogs } from '../../src/triage/repo-catalogs.js';
import { triageIssue } from '../../src/triage/triage-issue.js';

const ROCKET = readFileSync(
  new URL('../fixtures/app/incidents/rocket-flameout.yml', import.meta.url),
  'utf8',
);
const REPORT = readFileSync(new URL('../fixtures/app/reports/rocket-flameout.md', import.meta.url), 'utf8');

/** One repository's folder: the rocket incident, renamed, padded with comments to `kb` kilobytes. */
function repoFiles(repo: number, kb: number) {
  const padding = `# ${'padding '.repeat(120)}\n`.repeat(Math.ceil((kb * 1024) / 970));
  const text = ROCKET + padding;
  return {
    files: [{ source: `acme/r${repo}:.github/crash-signatures/rocket.yml`, sha: `sha-${repo}`, text }],
    problems: [],
  };
}

describe('compiled repository catalogs', () => {
  it('stay within their memory budget, however many repositories come', () => {
    const catalogs = createRepoCatalogs([], { maxMegabytes: 8 });
    const budget = 8 * 1024 * 1024;
    for (let r = 0; r < 40; r++) catalogs.catalogFor(false, repoFiles(r, 64));
    // Each is about 64 KB × HEAP_BYTES_PER_SOURCE_BYTE of estimated heap (2 MB): four fit in 8 MB.
    expect(catalogs.keptBytes).toBeLessThanOrEqual(budget);
    expect(catalogs.keptBytes).toBeGreaterThan(budget - 2 * 64 * 1024 * HEAP_BYTES_PER_SOURCE_BYTE);
  });

  it('a dropped catalog compiles again and matches as it did', () => {
    const catalogs = createRepoCatalogs([], { maxMegabytes: 8 });
    const first = catalogs.catalogFor(false, repoFiles(0, 64));
    for (let r = 1; r < 40; r++) catalogs.catalogFor(false, repoFiles(r, 64));
    const again = catalogs.catalogFor(false, repoFiles(0, 64));
    expect(again).not.toBe(first);
    const verdict = (index: typeof first.index) =>
      triageIssue({ input: { title: 'Telemetry crash in the igniter loop', body: REPORT }, index }).verdict
        .incidentId;
    expect(verdict(again.index)).toBe(verdict(first.index));
    expect(verdict(again.index)).toBe('rocket-igniter-flameout');
  });
});
