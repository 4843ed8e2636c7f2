// The core figures as Markdown tables: catalog loading and memory, then the grid of catalog size ×
// report size with our timings, the naive scan's, and their ratio.
import { markdownTable, sizeLabel } from '../lib/table.js';
import type { CatalogResult, CellResult } from './core-types.js';

export function catalogTable(results: readonly CatalogResult[]): string {
  return markdownTable(
    [
      'incidents',
      'parse+validate ms',
      'index ms',
      'load ms',
      'heap MB',
      'RSS MB',
      'peak RSS MB',
      'RSS before load MB',
      'naive build ms',
    ],
    results.map((r) => [
      r.incidents,
      r.parseMs,
      r.indexMs,
      r.parseMs + r.indexMs,
      r.heapMB,
      r.rssMB,
      r.peakRssMB,
      r.baselineRssMB,
      r.naiveBuildMs,
    ]),
  );
}

function row(incidents: number, c: CellResult, label = sizeLabel(c.bytes)) {
  return [
    incidents,
    label,
    c.ours.n,
    c.ours.medianMs,
    c.ours.p99Ms,
    c.ours.maxMs,
    c.ours.reportsPerSec,
    `${c.verdicts} (${c.plantedFound}/${c.planted} planted, ${c.otherVerdicts} other)`,
    c.naive?.n,
    c.naive?.medianMs,
    c.ratio === null
      ? null
      : `${c.ratio < 10 ? c.ratio.toFixed(1) : Math.round(c.ratio).toLocaleString('en-US')}×`,
  ];
}

export function gridTable(results: readonly CatalogResult[]): string {
  const rows = results.flatMap((r) => [
    ...r.cells.map((c) => row(r.incidents, c)),
    ...(r.bigBody ? [row(r.incidents, r.bigBody)] : []),
  ]);
  return markdownTable(
    [
      'incidents',
      'report',
      'n',
      'median ms',
      'p99 ms',
      'max ms',
      'reports/s',
      'verdicts',
      'naive n',
      'naive median ms',
      'naive/ours',
    ],
    rows,
  );
}
