// Version facts against an incident's fixed_in and affects: a report on a version that already has the
// fix (or outside the affected range) is less likely to be this incident, and the reader is told why.
import type { Fact, Incident, ReporterVersion } from '../types.js';
import { tokenize } from '../text/tokenize.js';
import { compareVersions, inRange, parseVersion } from './compare-versions.js';

export interface VersionPenalty {
  detail: string;
  matched: string;
  reason: string;
}

// Product names as incident files write them → the fact names the extractor produces.
const ALIASES: Record<string, string> = {
  cpython: 'python',
  'mac os x': 'macos',
  'os x': 'macos',
  osx: 'macos',
};

export function productKey(product: string): string {
  const p = product.trim().toLowerCase();
  return ALIASES[p] ?? p;
}

/**
 * A product's version in the report (the first it gives), and the other versions it gives for it: a
 * report that names two ("Numpy=2.0" in its environment, "fine with numpy 1.26.4" in its prose) is not
 * ruled out by either alone.
 */
export type ReportedVersion = Fact & {
  version: string;
  /** The other versions; read from the text only when asked (a penalty is in view), not per lookup. */
  also: () => readonly string[];
};

/** Looks up the version a report gives for a product; one per report, shared by every candidate. */
export type VersionLookup = (product: string) => ReportedVersion | undefined;

/** At most this many versions of one product are read from a report's text. */
const MAX_MENTIONS = 8;

/**
 * The version the report gives for a product: from the extracted facts, or else (for products the
 * extractor does not know, such as a maintainer's own) the first "<product> [v]X.Y" in the text.
 * Answers are kept per product, and the text is searched only when the report has the name's first
 * word among its tokens: up to 25 candidates ask, and a pattern over a 64 KB text costs far more.
 */
export function versionLookup(
  facts: readonly Fact[],
  text: string,
  words: { has(token: string): boolean },
  negated: readonly number[] = [],
): VersionLookup {
  const known = new Map<string, ReportedVersion | undefined>();
  return (product) => {
    const key = productKey(product);
    if (known.has(key)) return known.get(key);
    let found: ReportedVersion | undefined;
    const withVersion = facts.filter((f) => f.name === key && f.version !== undefined);
    if (withVersion.length > 0) {
      const first = withVersion[0]!;
      const also = others(withVersion.map((f) => f.version!));
      found = { ...first, version: first.version!, also: () => also };
    } else if (key.length >= 2 && mayMention(key, text, words)) {
      found = versionInText(key, text, negated);
    }
    known.set(key, found);
    return found;
  };
}

/** The versions after the first, without repeats of it or of each other. */
function others(versions: readonly string[]): string[] {
  return [...new Set(versions)].filter((v) => v !== versions[0]);
}

function mayMention(key: string, text: string, words: { has(token: string): boolean }): boolean {
  // Names in scripts the tokenizer cuts into bigrams or words are looked for in the text itself.
  if (!/^[\x00-\x7f]*$/.test(key)) return text.toLowerCase().includes(key);
  const first = tokenize(key)[0];
  return first !== undefined && words.has(first);
}

/**
 * Mentions of `key` with a version outside negated clauses ("works on X 1.2" is not the crash's): the
 * first, and the others. "numpy 2.0", "numpy: 2.0", "numpy@2.0". A pin ("numpy==2.0.0", "numpy=2.0") is
 * either what is installed (`pip freeze`, conda) or the workaround ("I added protobuf==3.20.1"): it
 * can only be one of the others, so it can keep a report from being ruled out, never rule it out.
 * Not a requirement either: "numpy>=1.20" says nothing of what is installed.
 */
function versionInText(key: string, text: string, negated: readonly number[]): ReportedVersion | undefined {
  // The product name is escaped: incident files cannot inject a pattern here.
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `(?<![\\w-])${escaped}(?:[\\s:/@-]{0,3}|(\\s?={1,2}\\s?))v?(\\d+(?:\\.\\d+){1,3})`,
    'gi',
  );
  let first: RegExpExecArray | undefined;
  for (let m = pattern.exec(text); m && !first; m = pattern.exec(text))
    if (m[1] === undefined && !inRanges(negated, m.index)) first = m;
  if (!first) return undefined;
  const version = first[2]!;
  let also: string[] | undefined;
  return {
    kind: 'runtime',
    name: key,
    version,
    source: first[0],
    also: () => (also ??= others([version, ...mentions(pattern, text, negated)])),
  };
}

/** Every version of the product's mentions outside negated clauses, pins included (at most a few). */
function mentions(pattern: RegExp, text: string, negated: readonly number[]): string[] {
  const versions: string[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m && versions.length < MAX_MENTIONS; m = pattern.exec(text))
    if (!inRanges(negated, m.index)) versions.push(m[2]!);
  return versions;
}

function inRanges(ranges: readonly number[], at: number): boolean {
  for (let k = 0; k < ranges.length; k += 2) if (at >= ranges[k]! && at < ranges[k + 1]!) return true;
  return false;
}

/** The reporter's versions of the products the incident names, each judged: affected, fixed or outside. */
export function reporterVersions(incident: Incident, versionOf: VersionLookup): ReporterVersion[] {
  const out: ReporterVersion[] = [];
  for (const fix of incident.fixedIn) {
    const fixed = parseVersion(fix.version);
    const fact = versionOf(fix.product);
    const have = fact ? parseVersion(fact.version!) : null;
    if (!fixed || !fact || !have) continue;
    out.push({
      product: fix.product,
      version: fact.version!,
      status: compareVersions(have, fixed) >= 0 ? 'fixed' : 'affected',
      fixedIn: fix.version,
    });
  }
  for (const range of incident.affects) {
    if (out.some((v) => productKey(v.product) === productKey(range.product))) continue;
    const fact = versionOf(range.product);
    if (!fact) continue;
    const inside = inRange(fact.version!, range.range);
    if (inside === null) continue;
    out.push({ product: range.product, version: fact.version!, status: inside ? 'affected' : 'outside' });
  }
  return out;
}

/**
 * A version that has the fix, or lies outside the affected range, scales the score down: only when every
 * version the report gives for the product does (two versions, one affected: it is not ruled out).
 */
export function versionPenalties(incident: Incident, versionOf: VersionLookup): VersionPenalty[] {
  const out: VersionPenalty[] = [];
  for (const fix of incident.fixedIn) {
    const fixed = parseVersion(fix.version);
    const fact = versionOf(fix.product);
    if (!fixed || !fact) continue;
    const hasFix = (v: string) => {
      const have = parseVersion(v);
      return have !== null && compareVersions(have, fixed) >= 0;
    };
    if (hasFix(fact.version) && fact.also().every(hasFix)) {
      out.push({
        detail: `fixed in ${fix.product} ${fix.version}`,
        matched: fact.source,
        reason: `the report is on ${fix.product} ${fact.version}, which already has the fix (${fix.version})`,
      });
    }
  }
  for (const range of incident.affects) {
    const fact = versionOf(range.product);
    if (!fact) continue;
    // Already said above: a fixed version is outside the range too.
    if (out.some((p) => p.matched === fact.source)) continue;
    const outside = (v: string) => inRange(v, range.range) === false;
    if (outside(fact.version) && fact.also().every(outside)) {
      out.push({
        detail: `affects ${range.product} ${range.range}`,
        matched: fact.source,
        reason: `the report is on ${range.product} ${fact.version}, outside the affected versions (${range.range})`,
      });
    }
  }
  return out;
}
