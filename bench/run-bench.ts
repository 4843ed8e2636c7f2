// `npm run bench`: the benchmark of issue 4. Prints the machine and every figure as Markdown tables
// (progress goes to stderr). Options: --json (one JSON object instead), --json-out FILE (also save it),
// --quick (a smoke run), --only core|app|replicas, --catalogs 5,10000 (which catalog sizes; default all four),
// --from FILE (print the tables of a saved run).
// Not part of the tests: it measures and asserts nothing; the targets are reported as met or missed.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runAppBench, type AppBenchResult } from './app/run-app-bench.js';
import type { CatalogResult } from './core/core-types.js';
import { runCore, type CorePlan } from './core/run-core.js';
import { machineInfo } from './lib/machine.js';
import { printReport, type BenchResult } from './print-report.js';
import { runReplicas } from './replicas/run-replicas.js';
import { evaluateTargets } from './targets.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'json-out': { type: 'string' },
    from: { type: 'string' },
    catalogs: { type: 'string' },
  },
});
const quick = values.quick;
const log = (line: string): void => void process.stderr.write(`${line}\n`);

const KB = 1024;
const catalogSizes = values.catalogs?.split(',').map((n) => Number(n.trim()));
if (catalogSizes?.some((n) => !Number.isInteger(n) || n < 1 || n > 100_000)) {
  log(`--catalogs takes catalog sizes between 1 and 100000, comma-separated (got "${values.catalogs}")`);
  process.exit(2);
}
const corePlan: CorePlan = {
  catalogSizes: catalogSizes ? catalogSizes : quick ? [5, 1000] : [5, 100, 1000, 10_000],
  cells: [
    { bytes: 1 * KB, count: quick ? 50 : 500 },
    { bytes: 16 * KB, count: quick ? 30 : 300 },
    { bytes: 64 * KB, count: quick ? 20 : 200 },
  ],
  bigBody: { bytes: 1024 * KB, count: quick ? 2 : 10 },
  naive: { budgetMs: quick ? 1000 : 4000, minReports: 3, maxReports: quick ? 10 : 40 },
  plantedShare: 0.2,
  log,
};

if (values.from) {
  // Print the tables of a run saved with --json-out.
  process.stdout.write(printReport(JSON.parse(readFileSync(values.from, 'utf8')) as BenchResult));
  process.exit(0);
}

const started = performance.now();
const machine = machineInfo();
log(
  `crash-triage benchmark on ${machine.cores} × ${machine.cpuModel}, Node ${machine.node}${quick ? ' (quick)' : ''}`,
);
const only = (part: string): boolean => values.only === undefined || values.only === part;
const core: CatalogResult[] = only('core') ? await runCore(corePlan) : [];
const app: AppBenchResult | null = only('app') ? await runAppBench({ quick, log }) : null;
const replicas = only('replicas') ? await runReplicas({ quick, log }) : null;
const result: BenchResult = {
  machine,
  quick,
  seconds: (performance.now() - started) / 1000,
  core,
  app,
  replicas,
  targets: evaluateTargets(core, app),
};
const json = JSON.stringify(result, null, 2);
if (values['json-out']) writeFileSync(values['json-out'], `${json}\n`);
process.stdout.write(values.json ? `${json}\n` : printReport(result));
