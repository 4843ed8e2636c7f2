// The benchmark's data generators: deterministic, in the real catalog format, at the sizes asked for,
// in every crash format, and planted reports really carry their incident's evidence.
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../src/match/compile-index.js';
import { parseIncidentFile } from '../../src/catalog/parse-incident-file.js';
import { triageIssue } from '../../src/triage/triage-issue.js';
import type { Incident } from '../../src/types.js';
import { generateIncidentFiles } from '../../bench/data/generate-incidents.js';
import { generateReports, type PlantTarget } from '../../bench/data/generate-reports.js';
import { makeWorld } from '../../bench/data/vocabulary.js';
import { Rng } from '../../bench/lib/prng.js';
import { percentile } from '../../bench/lib/stats.js';

const world = makeWorld(new Rng(1), 300);
const files = generateIncidentFiles(new Rng(2), world, 60);
const incidents: Incident[] = files.map((f) => {
  const parsed = parseIncidentFile(f.name, f.text);
  if (!parsed.ok) throw new Error(`${f.name}: ${JSON.stringify(parsed.problems)}`);
  return parsed.incident;
});
const products = new Map(world.products.map((p) => [p.name, p]));
const targets: PlantTarget[] = incidents.map((incident, i) => ({
  incident,
  product: products.get(files[i]!.product)!,
}));

describe('benchmark generators', () => {
  it('writes incident files the catalog schema accepts, the same for the same seed', () => {
    expect(incidents).toHaveLength(60);
    expect(generateIncidentFiles(new Rng(2), world, 60).map((f) => f.text)).toEqual(files.map((f) => f.text));
    expect(new Set(incidents.map((i) => i.id)).size).toBe(60);
  });

  it.each([1024, 16 * 1024, 64 * 1024])('makes reports of about %i bytes', (bytes) => {
    const reports = generateReports(new Rng(3), world, targets, { count: 40, bytes, plantedShare: 0.3 });
    for (const r of reports) {
      expect(r.bytes).toBeLessThanOrEqual(bytes * 1.05);
      expect(r.bytes).toBeGreaterThanOrEqual(bytes * (bytes > 1024 ? 0.95 : 0.6));
    }
    expect(generateReports(new Rng(3), world, targets, { count: 40, bytes, plantedShare: 0.3 })).toEqual(
      reports,
    );
  });

  it('uses every crash format', () => {
    const reports = generateReports(new Rng(4), world, targets, { count: 300, bytes: 4096, plantedShare: 0 });
    expect(new Set(reports.map((r) => r.format))).toEqual(
      new Set(['ips', 'kernel-panic', 'gdb', 'python', 'rust', 'go', 'java', 'js']),
    );
  });

  it('plants evidence the matcher finds, and most other reports match nothing', () => {
    const index = compileIndex(incidents);
    const reports = generateReports(new Rng(5), world, targets, {
      count: 120,
      bytes: 16 * 1024,
      plantedShare: 0.3,
    });
    const verdicts = reports.map((r) => triageIssue({ input: r.input, index }).verdict.incidentId);
    const planted = reports.filter((r) => r.planted);
    const found = reports.filter((r, i) => r.planted && verdicts[i] === r.planted);
    const stray = reports.filter((r, i) => !r.planted && verdicts[i] !== null);
    expect(found.length / planted.length).toBeGreaterThan(0.9);
    expect(stray.length / (reports.length - planted.length)).toBeLessThan(0.1);
  });

  it('draws Zipf indexes inside the range, small ones most often', () => {
    const rng = new Rng(6);
    const draws = Array.from({ length: 5000 }, () => rng.zipf(100, 0.8)).sort((a, b) => a - b);
    expect(draws[0]).toBeGreaterThanOrEqual(0);
    expect(draws.at(-1)).toBeLessThan(100);
    expect(percentile(draws, 50)).toBeLessThan(35);
  });
});
