// The whole result as Markdown: the machine, then each part's tables, then the targets.
import type { AppBenchResult } from './app/app-types.js';
import { printApp } from './app/print-app.js';
import type { CatalogResult } from './core/core-types.js';
import { catalogTable, gridTable } from './core/print-core.js';
import type { MachineInfo } from './lib/machine.js';
import { targetsTable, type TargetResult } from './targets.js';

export interface BenchResult {
  machine: MachineInfo;
  quick: boolean;
  seconds: number;
  core: CatalogResult[];
  app: AppBenchResult | null;
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
    out.push('', gridTable(r.core));
  }
  if (r.app) out.push('', printApp(r.app));
  out.push('', '### Targets', '', targetsTable(r.targets));
  return `${out.join('\n')}\n`;
}
