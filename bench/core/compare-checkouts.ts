// `npm run bench:compare -- DIR`: is this checkout slower than another (DIR, a checkout of an earlier
// revision with its own src/ and signatures/, e.g. `git worktree add ../before HEAD~5`)? Both cores load
// the same 10,000-incident catalog in one process, and each report goes through both, in alternating
// order, so the machine's noise (which moves separate runs of `npm run bench` by 20% here) falls on both
// alike. Prints the paired medians and p99s per report size. Measures, asserts nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateIncidentFiles } from '../data/generate-incidents.js';
import { generateReports, plantTargets } from '../data/generate-reports.js';
import { makeWorld } from '../data/vocabulary.js';
import { Rng } from '../lib/prng.js';
import { summarize, type Summary } from '../lib/stats.js';
import type { Incident, IssueInput } from '../../src/types.js';
import { CATALOG_SEED, PRODUCT_COUNT, REPORT_SEED, WORLD_SEED } from './core-types.js';

interface Core {
  name: string;
  triage: (input: IssueInput) => void;
  incidents: readonly Incident[];
}

const SIZES_KB = [16, 64];
const REPORTS = 200;
const ROUNDS = 3;
const WARM_UP_MS = 3000;

async function loadCore(name: string, root: string, catalogDir: string): Promise<Core> {
  const from = (p: string) => import(pathToFileURL(join(root, p)).href);
  const { loadCatalogDirs } = await from('src/catalog/load-catalog.ts');
  const { compileIndex } = await from('src/match/compile-index.ts');
  const { triageIssue } = await from('src/triage/triage-issue.ts');
  const loaded = loadCatalogDirs([join(root, 'signatures'), catalogDir]);
  const index = compileIndex(loaded.incidents);
  return { name, incidents: loaded.incidents, triage: (input) => void triageIssue({ input, index }) };
}

const other = process.argv[2];
if (!other) {
  process.stderr.write('usage: npm run bench:compare -- DIR   (DIR: a checkout of another revision)\n');
  process.exit(2);
}
const world = makeWorld(new Rng(WORLD_SEED), PRODUCT_COUNT);
const dir = mkdtempSync(join(tmpdir(), 'crash-triage-compare-'));
try {
  for (const f of generateIncidentFiles(new Rng(CATALOG_SEED), world, 9995))
    writeFileSync(join(dir, f.name), f.text);
  const before = await loadCore(resolve(other), resolve(other), dir);
  const now = await loadCore('this checkout', resolve(import.meta.dirname, '../..'), dir);
  // The reports `npm run bench` times.
  const targets = plantTargets(now.incidents, world, dir);
  const row = (s: Summary) => `median ${s.medianMs.toFixed(2)} ms, p99 ${s.p99Ms.toFixed(2)} ms`;
  console.log(`10,000 incidents; ${REPORTS} reports × ${ROUNDS} rounds per size, each through both cores`);
  for (const kb of SIZES_KB) {
    const opts = { count: REPORTS, bytes: kb * 1024, plantedShare: 0.2 };
    const warm = generateReports(new Rng(99), world, targets, { ...opts, count: 20 });
    const until = performance.now() + WARM_UP_MS;
    while (performance.now() < until) for (const r of warm) for (const c of [before, now]) c.triage(r.input);
    const samples = new Map<Core, number[]>([
      [before, []],
      [now, []],
    ]);
    const reports = generateReports(new Rng(REPORT_SEED), world, targets, opts);
    for (let round = 0; round < ROUNDS; round++)
      reports.forEach((r, k) => {
        for (const c of (k + round) % 2 === 0 ? [before, now] : [now, before]) {
          const t0 = performance.now();
          c.triage(r.input);
          samples.get(c)!.push(performance.now() - t0);
        }
      });
    console.log(`${kb} KB: ${before.name}: ${row(summarize(samples.get(before)!))}`);
    console.log(`${kb} KB: ${now.name}: ${row(summarize(samples.get(now)!))}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
