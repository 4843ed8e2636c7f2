// The whole result as Markdown: the machine, then each part's tables, then the targets.
import type { AppBenchResult } from './app/app-types.js';
import { printApp } from './app/print-app.js';
import type { CatalogResult } from './core/core-types.js';
import { catalogTable, gridTable } from './core/print-core.js';
import { WARM_UP_MS } from './core/core-types.js';
import type { MachineInfo } from './lib/machine.js';
import { markdownTable } from './lib/table.js';
import type { ReplicaResult } from './replicas/run-replicas.js';
import { targetsTable, type TargetResult } from './targets.js';

export interface BenchResult {
  machine: MachineInfo;
  quick: boolean;
  seconds: number;
  core: CatalogResult[];
  app: AppBenchResult | null;
  /** `npm start` in-process vs Redis with one and two replicas (absent in runs saved before it existed). */
  replicas?: ReplicaResult | null;
  targets: TargetResult[];
}

export function printReport(r: BenchResult): string {
  const { machine } = r;
  const out: string[] = [
    `## crash-triage benchmark`,
    '',
    `Machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node} (${machine.platform}); ran in ${r.seconds.toFixed(0)} s${r.quick ? ' (--quick: fewer reports, smaller catalogs)' : ''}.`,
  ];
  if (r.core.length > 0) {
    out.push('', '### Catalog load (files → parsed, validated incidents → index), memory after a full GC');
    out.push('', catalogTable(r.core));
    out.push('', '### Triage per report (`triageIssue`: extract → match → render) and the naive TF-IDF scan');
    out.push(
      '',
      `Each report size is warmed up for ${(WARM_UP_MS / 1000).toFixed(1)} s on other reports first, as in a running server.`,
    );
    out.push('', gridTable(r.core));
  }
  if (r.app) out.push('', printApp(r.app));
  if (r.replicas) {
    out.push('', '### `npm start`: in-process queue vs Redis (BullMQ), one and two replicas (throttling on)');
    out.push(
      '',
      markdownTable(
        [
          'set-up',
          'deliveries',
          'comments/s',
          'delivery → comment median ms',
          'p99 ms',
          'unanswered',
          'doubled',
        ],
        r.replicas.runs.map((x) => [
          x.setup,
          x.deliveries,
          x.perSecond,
          x.medianMs,
          x.p99Ms,
          x.unanswered,
          x.doubled,
        ]),
      ),
    );
  }
  out.push('', '### Targets', '', targetsTable(r.targets));
  return `${out.join('\n')}\n`;
}
