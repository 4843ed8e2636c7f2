// Parts 1 and 2 of the benchmark: writes the synthetic catalogs as incident files in a temporary folder
// (the largest catalog's files, so each catalog extends the smaller ones), then runs one worker process
// per catalog size, one after another so that no two measurements share the machine's two cores.
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_CATALOG_DIR } from '../../src/catalog/bundled-catalog.js';
import { loadCatalogDir } from '../../src/catalog/load-catalog.js';
import { generateIncidentFiles } from '../data/generate-incidents.js';
import { makeWorld } from '../data/vocabulary.js';
import { Rng } from '../lib/prng.js';
import {
  CATALOG_SEED,
  PRODUCT_COUNT,
  REPORT_SEED,
  WORLD_SEED,
  type CatalogResult,
  type CoreJob,
  type NaivePlan,
} from './core-types.js';

export interface CorePlan {
  catalogSizes: number[];
  cells: { bytes: number; count: number }[];
  bigBody: { bytes: number; count: number };
  naive: NaivePlan;
  /** Share of reports planted with an incident's evidence. */
  plantedShare: number;
  log: (line: string) => void;
}

export async function runCore(plan: CorePlan): Promise<CatalogResult[]> {
  const bundled = loadCatalogDir(BUNDLED_CATALOG_DIR).incidents.length;
  const largest = Math.max(...plan.catalogSizes);
  const world = makeWorld(new Rng(WORLD_SEED), PRODUCT_COUNT);
  const files = generateIncidentFiles(new Rng(CATALOG_SEED), world, Math.max(0, largest - bundled));
  const root = mkdtempSync(join(tmpdir(), 'crash-triage-bench-'));
  try {
    const results: CatalogResult[] = [];
    for (const size of plan.catalogSizes) {
      const synthetic = Math.max(0, size - bundled);
      let dir: string | null = null;
      if (synthetic > 0) {
        dir = join(root, `catalog-${size}`);
        mkdirSync(dir);
        for (const f of files.slice(0, synthetic)) writeFileSync(join(dir, f.name), f.text);
      }
      plan.log(`core: catalog of ${size} (${bundled} bundled + ${synthetic} synthetic incident files)...`);
      const job: CoreJob = {
        catalogSize: size,
        catalogDir: dir,
        bundledDir: BUNDLED_CATALOG_DIR,
        worldSeed: WORLD_SEED,
        productCount: PRODUCT_COUNT,
        reportSeed: REPORT_SEED,
        plantedShare: plan.plantedShare,
        cells: plan.cells,
        bigBody: size === largest ? plan.bigBody : null,
        naive: plan.naive,
      };
      results.push(await runWorker(job));
    }
    return results;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function runWorker(job: CoreJob): Promise<CatalogResult> {
  const worker = fileURLToPath(new URL('./core-worker.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = fork(worker, [JSON.stringify(job)], {
      execArgv: [...process.execArgv, '--expose-gc'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let result: CatalogResult | null = null;
    child.on('message', (m) => (result = m as CatalogResult));
    child.on('error', reject);
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`core worker for ${job.catalogSize} exited with ${code}`)),
    );
  });
}
