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

/** Looks up the version a report gives for a product; one per report, shared by every candidate. */
export type VersionLookup = (product: string) => Fact | undefined;

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
  const known = new Map<string, Fact | undefined>();
  return (product) => {
    const key = productKey(product);
    if (known.has(key)) return known.get(key);
    let fact = facts.find((f) => f.name === key && f.version !== undefined);
    if (!fact && key.length >= 2 && mayMention(key, text, words)) fact = versionInText(key, text, negated);
    known.set(key, fact);
    return fact;
  };
}

function mayMention(key: string, text: string, words: { has(token: string): boolean }): boolean {
  // Names in scripts the tokenizer cuts into bigrams or words are looked for in the text itself.
  if (!/^[\x00-\x7f]*$/.test(key)) return text.toLowerCase().includes(key);
  const first = tokenize(key)[0];
  return first !== undefined && words.has(first);
}

/** The first mention of `key` with a version outside negated clauses ("works on X 1.2" is not the crash's). */
function versionInText(key: string, text: string, negated: readonly number[]): Fact | undefined {
  // The product name is escaped: incident files cannot inject a pattern here.
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\w-])${escaped}[\\s:/@-]{0,3}v?(\\d+(?:\\.\\d+){1,3})`, 'gi');
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (inRanges(negated, m.index)) continue;
    return { kind: 'runtime', name: key, version: m[1]!, source: m[0] };
  }
  return undefined;
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

export function versionPenalties(incident: Incident, versionOf: VersionLookup): VersionPenalty[] {
  const out: VersionPenalty[] = [];
  for (const fix of incident.fixedIn) {
    const fixed = parseVersion(fix.version);
    const fact = versionOf(fix.product);
    if (!fixed || !fact) continue;
    const have = parseVersion(fact.version!);
    if (have && compareVersions(have, fixed) >= 0) {
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
    if (inRange(fact.version!, range.range) === false) {
      out.push({
        detail: `affects ${range.product} ${range.range}`,
        matched: fact.source,
        reason: `the report is on ${range.product} ${fact.version}, outside the affected versions (${range.range})`,
      });
    }
  }
  return out;
}
