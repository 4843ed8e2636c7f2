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
const ALIASES: Record<string, string> = { cpython: 'python', 'mac os x': 'macos', 'os x': 'macos', osx: 'macos' };

export function productKey(product: string): string {
  const p = product.trim().toLowerCase();
  return ALIASES[p] ?? p;
}

export function versionPenalties(incident: Incident, facts: readonly Fact[]): VersionPenalty[] {
  const out: VersionPenalty[] = [];
  const versioned = facts.filter((f) => f.version !== undefined);
  for (const fix of incident.fixedIn) {
    const key = productKey(fix.product);
    const fixed = parseVersion(fix.version);
    const fact = versioned.find((f) => f.name === key);
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
    const key = productKey(range.product);
    const fact = versioned.find((f) => f.name === key);
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
