// `crash-triage lint [--no-examples] [DIR]`: validate incident files (default: the bundled catalog), then
// run their examples and counter-examples. Prints `file: field: problem` lines; exit 1 when any.
import { resolve } from 'node:path';
import { BUNDLED_CATALOG_DIR, loadCatalog } from '../catalog/bundled-catalog.js';
import { compileIndex } from '../match/compile-index.js';
import { rangeCanHold } from '../match/compare-versions.js';
import { expandVariants } from '../match/compile-index.js';
import { DEFAULT_MIN_CONFIDENCE, SCORING, scoreFor } from '../match/scoring.js';
import { specificity } from '../match/specificity.js';
import { productKey } from '../match/version-evidence.js';
import { LINUX_DISTROS } from '../signals/os-facts.js';
import { RUNTIMES } from '../signals/runtime-facts.js';
import { tokenize } from '../text/tokenize.js';
import type { Incident } from '../types.js';
import { loadCatalogDir } from '../catalog/load-catalog.js';
import { checkExamples } from '../triage/check-examples.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { INCIDENT_FILE } from '../catalog/load-catalog.js';
import { lintIncident, lintIncidentText } from '../catalog/lint-incident.js';
import type { CatalogProblem } from '../types.js';
import { parse } from './args.js';
import { formatProblem, type Io } from './io.js';

export const LINT_USAGE = 'usage: crash-triage lint [--no-examples] [--no-bundled] [DIR | --catalog DIR]';

export async function lintCommand(args: string[], io: Io): Promise<number> {
  const p = parse(args, {
    'no-examples': { type: 'boolean' },
    'no-bundled': { type: 'boolean' },
    // The folder as the other commands take it.
    catalog: { type: 'string' },
  });
  if ('error' in p) return io.usage(p.error, LINT_USAGE);
  const given = [...p.positionals, ...(typeof p.values.catalog === 'string' ? [p.values.catalog] : [])];
  if (given.length > 1) return io.usage('give one folder to lint', LINT_USAGE);
  const dir = resolve(given[0] ?? BUNDLED_CATALOG_DIR);
  const own = loadCatalogDir(dir);
  const problems = [...own.problems];
  const warnings: CatalogProblem[] = [];
  const notes: string[] = [];
  // The rules an author cannot see: YAML that dropped text, phrases normalization rewrites, nested phrases.
  for (const name of safeList(dir))
    problems.push(...lintIncidentText(join(dir, name), readFileSync(join(dir, name), 'utf8')));
  for (const incident of own.incidents) {
    const found = lintIncident(incident);
    problems.push(...found.errors);
    warnings.push(...found.warnings);
    notes.push(
      `note: ${formatProblem({ file: incident.source, field: 'match', message: weakestPath(incident) })}`,
    );
    notes.push(...outweighedExcludes(incident));
    warnings.push(...unknownProducts(incident));
    // Version ranges that hold no version: the incident would rule out every report that gives one.
    incident.affects.forEach((a, k) => {
      if (rangeCanHold(a.range) === false)
        problems.push({
          file: incident.source,
          field: `affects.${k}.range`,
          message: `"${a.range}" holds no version (inverted or empty): write the lower bound first, e.g. ">=3.13.0 <3.13.1"`,
        });
    });
  }
  if (!p.values['no-examples'] && own.incidents.length > 0) {
    // Examples are checked against what the app would use: the bundled catalog plus this folder.
    const isBundled = dir === resolve(BUNDLED_CATALOG_DIR);
    const all =
      isBundled || p.values['no-bundled'] ? { incidents: own.incidents, problems: [] } : loadCatalog([dir]);
    problems.push(...all.problems.filter((x) => !own.problems.some((o) => o.file === x.file)));
    problems.push(...checkExamples(own.incidents, compileIndex(all.incidents)));
  }
  for (const problem of problems) io.out(formatProblem(problem));
  for (const warning of warnings) io.out(`warning: ${formatProblem(warning)}`);
  for (const note of notes) io.out(note);
  const examples = own.incidents.reduce((n, i) => n + i.examples.length + i.counterExamples.length, 0);
  io.err(
    `${own.incidents.length} incident(s), ${examples} example(s) checked, ${problems.length} problem(s), ${warnings.length} warning(s) in ${dir}`,
  );
  return problems.length > 0 ? 1 : 0;
}

/** The incident files of `dir` small enough to read (the loader has already reported the others). */
function safeList(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => INCIDENT_FILE.test(n) && statSync(join(dir, n)).size <= 256 * 1024)
      .sort();
  } catch {
    return [];
  }
}

/** A phrase's points as the matcher would count them at most: its weight, tempered by specificity. */
interface WeighedPhrase {
  phrase: string;
  points: number;
}

/** Phrases with their points, strongest first. */
function weighed(list: readonly { phrase: string; weight: number }[]): WeighedPhrase[] {
  return list
    .map((p) => ({ phrase: p.phrase, points: p.weight * specificity(tokenize(p.phrase)).factor }))
    .sort((a, b) => b.points - a.points);
}

/** The fewest of `phrases` (strongest first) that take `from` points to `needed`, as `"phrase" (points)`. */
function fewestReaching(
  phrases: readonly WeighedPhrase[],
  from: number,
  needed: number,
): { used: string[]; reached: boolean } {
  let total = from;
  const used: string[] = [];
  for (const p of phrases) {
    if (total >= needed) break;
    total += p.points;
    used.push(`"${p.phrase}" (${Math.round(p.points * 100) / 100})`);
  }
  return { used, reached: total >= needed };
}

/**
 * The incident's weakest path to a verdict: the fewest of its signatures and frames (weighed by their
 * specificity) that, with the context of its require groups, reach the score a verdict needs at the
 * default confidence. One phrase is a short path: a report with that string and the context is answered.
 */
function weakestPath(incident: Incident): string {
  const needed = scoreFor(DEFAULT_MIN_CONFIDENCE);
  const paths = expandVariants(incident).map((shape) => {
    const context = shape.match.require.length * SCORING.requiredGroupPoints;
    const phrases = weighed([...shape.match.signatures, ...shape.match.frames]);
    return { shape, context, ...fewestReaching(phrases, context, needed) };
  });
  const best = paths.filter((p) => p.reached).sort((a, b) => a.used.length - b.used.length)[0];
  if (!best)
    return `no path to a verdict from signatures and frames alone: keywords and similar text must add the rest of the ${needed} points`;
  const variant = best.shape.variant ? ` (variant "${best.shape.variant}")` : '';
  return `weakest path to a verdict${variant}: ${best.used.length} phrase(s), ${best.used.join(' + ')}, with the context of ${best.shape.match.require.length} require group(s) (${best.context} points) reach the ${needed} needed${best.used.length === 1 ? '; one string decides it: make sure it is specific to this incident' : ''}`;
}

/**
 * Exclude groups not marked `absolute` that the incident's own signatures and frames can outweigh: the
 * author sees the group, not the rule that a strong enough report is matched despite it.
 */
function outweighedExcludes(incident: Incident): string[] {
  const signatures = weighed(incident.match.signatures);
  const frames = weighed(incident.match.frames);
  const framePoints = Math.min(
    frames.reduce((n, f) => n + f.points, 0),
    SCORING.frameCap,
  );
  const own = signatures.reduce((n, p) => n + p.points, 0) + framePoints;
  if (own < SCORING.excludeOutweighedAt) return [];
  // The fewest phrases that reach it, for the example.
  const strongest = [...signatures, ...frames].sort((a, b) => b.points - a.points);
  const path = fewestReaching(strongest, 0, SCORING.excludeOutweighedAt).used;
  return incident.match.exclude.flatMap((group, gi) =>
    group.absolute
      ? []
      : [
          `note: ${formatProblem({
            file: incident.source,
            field: `match.exclude.${gi}`,
            message: `"${group.name}" does not rule out a report where the incident's own signatures and frames reach ${SCORING.excludeOutweighedAt} points (${path.join(' + ')} do); add \`absolute: true\` if it must always rule out`,
          })}`,
        ],
  );
}

// The names reports' version facts use (src/signals/*-facts.ts): a product written otherwise is found
// only where a report spells it the same way followed by a version.
const FACT_NAMES = new Set<string>([
  ...RUNTIMES.map((r) => r.name),
  ...Object.values(LINUX_DISTROS),
  ...['macos', 'linux', 'amazon linux', 'ios', 'ipados', 'watchos', 'tvos', 'visionos'],
]);

function unknownProducts(incident: Incident): CatalogProblem[] {
  const named = [
    ...incident.fixedIn.map((f, k) => ({ product: f.product, field: `fixed_in.${k}.product` })),
    ...incident.affects.map((a, k) => ({ product: a.product, field: `affects.${k}.product` })),
  ];
  return named
    .filter(({ product }) => !FACT_NAMES.has(productKey(product)))
    .map(({ product, field }) => ({
      file: incident.source,
      field,
      message: `"${product}" is not a name reports' version facts use (such as ${[...FACT_NAMES].slice(0, 6).join(', ')}); its version is found only where a report writes "${product} 1.2": use one of those names if you mean one`,
    }));
}
