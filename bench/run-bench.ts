// `npm run bench [-- --json] [-- --json-out FILE] [-- --quick] [-- --only core|app]`: the benchmark of issue 4. Prints the
// machine and every figure as Markdown tables (progress goes to stderr), or with --json one JSON object.
// Not part of the tests: it measures, it asserts nothing; targets are reported as met or missed.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runAppBench, type AppBenchResult } from './app/run-app-bench.js';
import type { CatalogResult } from './core/core-types.js';
import { catalogTable, gridTable } from './core/print-core.js';
import { runCore, type CorePlan } from './core/run-core.js';
import { printApp } from './app/print-app.js';
import { machineInfo } from './lib/machine.js';
import { evaluateTargets, targetsTable } from './targets.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'json-out': { type: 'string' },
  },
});
const quick = values.quick;
const log = (line: string): void => void process.stderr.write(`${line}\n`);

const KB = 1024;
const corePlan: CorePlan = {
  catalogSizes: quick ? [5, 1000] : [5, 100, 1000, 10_000],
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

const started = performance.now();
const machine = machineInfo();
log(
  `crash-triage benchmark on ${machine.cores} × ${machine.cpuModel}, Node ${machine.node}${quick ? ' (quick)' : ''}`,
);
const core: CatalogResult[] = values.only === 'app' ? [] : await runCore(corePlan);
const app: AppBenchResult | null = values.only === 'core' ? null : await runAppBench({ quick, log });
const targets = evaluateTargets(core, app);
const seconds = (performance.now() - started) / 1000;

const json = JSON.stringify({ machine, quick, seconds, core, app, targets }, null, 2);
if (values['json-out']) writeFileSync(values['json-out'], `${json}\n`);
if (values.json) {
  process.stdout.write(`${json}\n`);
} else {
  const out: string[] = [
    `## crash-triage benchmark`,
    '',
    `Machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node} (${machine.platform}); ran in ${seconds.toFixed(0)} s${quick ? ' (--quick: fewer reports, smaller catalogs)' : ''}.`,
  ];
  if (core.length > 0) {
    out.push(
      '',
      '### Catalog load (files → parsed, validated incidents → index), memory after a full GC',
      '',
      catalogTable(core),
    );
    out.push(
      '',
      '### Triage per report (`triageIssue`: extract → match → render) and the naive TF-IDF scan',
      '',
      gridTable(core),
    );
  }
  if (app) out.push('', printApp(app));
  out.push('', '### Targets', '', targetsTable(targets));
  process.stdout.write(`${out.join('\n')}\n`);
}
