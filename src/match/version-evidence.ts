// Version facts against an incident's fixed_in and affects: a report on a version that already has the
// fix (or outside the affected range) is less likely to be this incident, and the reader is told why.
import type { Fact, Incident } from '../types.js';
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
 * The version the report gives for `product`: from the extracted facts, or else (for products the
 * extractor does not know, such as a maintainer's own) the first "<product> [v]X.Y" in the text.
 */
export function productVersion(product: string, facts: readonly Fact[], text: string): Fact | undefined {
  const key = productKey(product);
  const fact = facts.find((f) => f.name === key && f.version !== undefined);
  if (fact || key.length < 2) return fact;
  // The product name is escaped: incident files cannot inject a pattern here.
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?<![\\w-])${escaped}[\\s:/@-]{0,3}v?(\\d+(?:\\.\\d+){1,3})`, 'i').exec(text);
  return m ? { kind: 'runtime', name: key, version: m[1]!, source: m[0] } : undefined;
}

export function versionPenalties(incident: Incident, facts: readonly Fact[], text: string): VersionPenalty[] {
  const out: VersionPenalty[] = [];
  for (const fix of incident.fixedIn) {
    const fixed = parseVersion(fix.version);
    const fact = productVersion(fix.product, facts, text);
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
    const fact = productVersion(range.product, facts, text);
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
