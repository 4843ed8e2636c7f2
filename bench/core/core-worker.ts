// One catalog size, in its own process (forked by run-core.ts, started with --expose-gc): load the
// catalog from its files, measure time and memory, generate the reports, time ours and the naive scan
// on every report size, and send the figures back over IPC.
import { compileIndex } from '../../src/match/compile-index.js';
import { loadCatalogDirs } from '../../src/catalog/load-catalog.js';
import { generateReports, plantTargets } from '../data/generate-reports.js';
import { makeWorld } from '../data/vocabulary.js';
import { Rng } from '../lib/prng.js';
import { MB } from '../lib/stats.js';
import { WARM_UP_MS, type CatalogResult, type CellResult, type CoreJob } from './core-types.js';
import { buildNaiveMatcher } from './naive-tfidf.js';
import { timeNaive, timeOurs } from './time-reports.js';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function memory(): { rssMB: number; heapMB: number } {
  gc();
  const m = process.memoryUsage();
  return { rssMB: m.rss / MB, heapMB: m.heapUsed / MB };
}

function run(job: CoreJob): CatalogResult {
  const baseline = memory();
  const t0 = performance.now();
  const loaded = loadCatalogDirs(job.catalogDir ? [job.bundledDir, job.catalogDir] : [job.bundledDir]);
  const t1 = performance.now();
  const index = compileIndex(loaded.incidents);
  const t2 = performance.now();
  const peakRssMB = (process.resourceUsage().maxRSS * 1024) / MB;
  const after = memory();

  const world = makeWorld(new Rng(job.worldSeed), job.productCount);
  const targets = plantTargets(loaded.incidents, world, job.catalogDir);

  const reportsFor = (bytes: number, count: number, salt: number) =>
    generateReports(new Rng(job.reportSeed + salt), world, targets, {
      count,
      bytes,
      plantedShare: job.plantedShare,
    });

  // Warm up on every size before timing anything, as a long-running server is: the JIT needs a few
  // hundred reports, not a few dozen, before its code is steady (measured: the 64 KB median falls from
  // 7.8 ms on the first 200 reports to 4.4 ms after 2,000). The reports differ from the timed ones.
  for (const [k, cell] of job.cells.entries()) {
    const warm = reportsFor(cell.bytes, 20, 1000 + k);
    const until = performance.now() + WARM_UP_MS;
    do timeOurs(warm, index);
    while (performance.now() < until);
  }

  const cells: CellResult[] = [];
  for (const [k, cell] of job.cells.entries()) {
    gc();
    const reports = reportsFor(cell.bytes, cell.count, k);
    cells.push({ ...timeOurs(reports, index), bytes: cell.bytes });
  }
  let bigBody: CellResult | null = null;
  if (job.bigBody) {
    gc();
    const reports = reportsFor(job.bigBody.bytes, job.bigBody.count, 99);
    bigBody = { ...timeOurs(reports, index, true), bytes: job.bigBody.bytes };
  }

  let naiveBuildMs: number | null = null;
  if (job.naive) {
    const plan = job.naive;
    gc();
    const n0 = performance.now();
    const naive = buildNaiveMatcher(index.incidents);
    naiveBuildMs = performance.now() - n0;
    for (const [k, cell] of job.cells.entries()) {
      const result = cells[k]!;
      result.naive = timeNaive(reportsFor(cell.bytes, plan.maxReports, k), naive, plan);
      result.ratio = result.naive.medianMs / result.ours.medianMs;
    }
  }

  return {
    catalogSize: job.catalogSize,
    incidents: loaded.incidents.length,
    bundled: loaded.incidents.filter((i) => !job.catalogDir || !i.source.startsWith(job.catalogDir)).length,
    problems: loaded.problems.length,
    parseMs: t1 - t0,
    indexMs: t2 - t1,
    baselineRssMB: baseline.rssMB,
    baselineHeapMB: baseline.heapMB,
    rssMB: after.rssMB,
    heapMB: after.heapMB,
    peakRssMB,
    naiveBuildMs,
    cells,
    bigBody,
  };
}

const job = JSON.parse(process.argv[2] ?? '{}') as CoreJob;
const result = run(job);
process.send?.(result, () => process.exit(0));
