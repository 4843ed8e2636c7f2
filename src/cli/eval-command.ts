// `crash-triage eval [--json] [--catalog DIR]... DIR`: run every *.md case of a labelled folder through
// the same triage the app runs and print precision, recall, a per-incident table, right and wrong per
// kind of case (the `kind:` of its front matter: positive, hard negative, negative), and every miss.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { triageIssue } from '../triage/triage-issue.js';
import { parse } from './args.js';
import { CATALOG_OPTIONS, indexFromOptions, minConfidenceOption } from './cli-options.js';
import { evalMetrics, type EvalMetrics, type EvalOutcome } from './eval-metrics.js';
import type { Io } from './io.js';
import { readIssueFile } from './read-issue-file.js';

export const EVAL_USAGE =
  'usage: crash-triage eval [--json] [--catalog DIR]... [--no-bundled] [--min-confidence X] DIR';

export async function evalCommand(args: string[], io: Io): Promise<number> {
  const p = parse(args, {
    json: { type: 'boolean' },
    ...CATALOG_OPTIONS,
  });
  if ('error' in p) return io.usage(p.error, EVAL_USAGE);
  const dir = p.positionals[0];
  if (!dir) return io.usage('a folder of labelled cases is required', EVAL_USAGE);
  const min = minConfidenceOption(p.values);
  if ('error' in min) return io.usage(min.error, EVAL_USAGE);
  const minConfidence = min.value;

  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md')
      .sort();
  } catch (err) {
    io.err(`crash-triage eval: cannot read ${dir}: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const index = indexFromOptions(p.values, io);

  const outcomes: EvalOutcome[] = [];
  for (const name of names) {
    const { input, meta } = readIssueFile(readFileSync(join(dir, name), 'utf8'));
    const expected = typeof meta.expected === 'string' && meta.expected !== 'none' ? meta.expected : null;
    const { verdict } = triageIssue({
      input,
      index,
      ...(minConfidence !== undefined ? { minConfidence } : {}),
    });
    outcomes.push({
      file: name,
      expected,
      got: verdict.incidentId,
      confidence: verdict.confidence,
      ...(typeof meta.kind === 'string' ? { kind: meta.kind } : {}),
    });
  }
  const m = evalMetrics(outcomes);
  if (p.values.json) {
    const { perIncident, ...rest } = m;
    io.out(JSON.stringify({ ...rest, perIncident }, null, 2));
  } else {
    printReport(m, io);
  }
  return 0;
}

function printReport(m: EvalMetrics, io: Io): void {
  io.out(`cases ${m.cases}  tp ${m.tp}  fp ${m.fp}  fn ${m.fn}  tn ${m.tn}`);
  io.out(`precision ${m.precision.toFixed(2)}  recall ${m.recall.toFixed(2)}`);
  io.out('');
  io.out('incident                              positives  found  wrong verdicts');
  for (const r of m.perIncident) {
    io.out(
      `${r.id.padEnd(38)}${String(r.positives).padStart(9)}${String(r.found).padStart(7)}${String(r.falsePositives).padStart(16)}`,
    );
  }
  io.out('');
  io.out('kind of case       cases  right  wrong verdicts  missed');
  for (const k of m.byKind) {
    io.out(
      `${k.kind.padEnd(17)}${String(k.cases).padStart(7)}${String(k.right).padStart(7)}${String(k.wrong).padStart(16)}${String(k.missed).padStart(8)}`,
    );
  }
  io.out('');
  if (m.misses.length === 0) {
    io.out('misses: none');
    return;
  }
  io.out('misses:');
  for (const x of m.misses) {
    io.out(
      `  ${x.file}: expected ${x.expected ?? 'none'}, got ${x.got ?? 'none'} (confidence ${x.confidence.toFixed(2)})`,
    );
  }
}
