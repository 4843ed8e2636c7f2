// The reports the app benchmark sends: issues of realistic sizes (1-64 KB), some planted with a bundled
// incident's example (the app's catalog is the bundled one), each with the verdict the core gives it, so
// the benchmark knows which deliveries must get exactly one comment and which none.
import { BUNDLED_CATALOG_DIR } from '../../src/catalog/bundled-catalog.js';
import { compileIndex, type CatalogIndex } from '../../src/match/compile-index.js';
import { loadCatalogDir } from '../../src/catalog/load-catalog.js';
import { triageIssue } from '../../src/triage/triage-issue.js';
import type { IssueInput } from '../../src/types.js';
import { generateReport, type PlantTarget } from '../data/generate-reports.js';
import { makeWorld } from '../data/vocabulary.js';
import { Rng } from '../lib/prng.js';
import { PRODUCT_COUNT, WORLD_SEED } from '../core/core-types.js';

export interface PoolReport {
  input: IssueInput;
  /** The incident the core matches it to (so the app must comment), or null. */
  verdict: string | null;
}

export interface ReportPool {
  matching: PoolReport[];
  other: PoolReport[];
  index: CatalogIndex;
}

const KB = 1024;
/** Issue body sizes and their shares: most issues are small, a few paste a whole crash report. */
const SIZES: [number, number][] = [
  [1 * KB, 0.35],
  [4 * KB, 0.35],
  [16 * KB, 0.25],
  [64 * KB, 0.05],
];

function pickSize(rng: Rng): number {
  let u = rng.next();
  for (const [bytes, share] of SIZES) {
    if ((u -= share) < 0) return bytes;
  }
  return SIZES[0]![0];
}

export function buildReportPool(size: number, seed = 777): ReportPool {
  const incidents = loadCatalogDir(BUNDLED_CATALOG_DIR).incidents;
  const index = compileIndex(incidents);
  const world = makeWorld(new Rng(WORLD_SEED), PRODUCT_COUNT);
  const targets: PlantTarget[] = incidents
    .filter((i) => i.examples.length > 0)
    .map((incident) => ({ incident, product: null }));
  const rng = new Rng(seed);
  const pool: ReportPool = { matching: [], other: [], index };
  for (let i = 0; i < size; i++) {
    const r = rng.fork(i);
    const target = targets.length > 0 && r.chance(0.5) ? r.pick(targets) : null;
    // The app triages with the repository of the webhook; no incident names the benchmark's repositories.
    const input = { ...generateReport(r, world, target, pickSize(r)).input, repo: 'bench-org/app' };
    const verdict = triageIssue({ input, index }).verdict.incidentId;
    (verdict ? pool.matching : pool.other).push({ input, verdict });
  }
  return pool;
}
