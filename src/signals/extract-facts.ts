// Platform and version facts of a report: operating system (with macOS builds translated), chip and
// architecture, runtimes and tools. Runs the rule tables of os-facts.ts, apple-chips.ts and
// runtime-facts.ts over the text (header lines included: `OS Version:` and `Hardware Model:` are facts
// even though they are not evidence), each rule guarded, then orders and deduplicates the results.
import type { Fact } from '../types.js';
import { chipFamily, CHIP_RULES } from './apple-chips.js';
import { factText, runFactRule, type FactRule, type FoundFact } from './fact-rule.js';
import { guard } from './guard.js';
import { MAX_FACTS } from './limits.js';
import { OrderedSet } from './ordered-set.js';
import { LINUX_DISTROS, OS_RULES } from './os-facts.js';
import { RUNTIME_RULES } from './runtime-facts.js';

const ALL_RULES: readonly { group: string; rules: readonly FactRule[] }[] = [
  { group: 'os', rules: OS_RULES },
  { group: 'chip', rules: CHIP_RULES },
  { group: 'runtime', rules: RUNTIME_RULES },
];

/** Linux distributions: each also implies a `linux` fact. */
const DISTRO_NAMES = new Set(Object.values(LINUX_DISTROS));

// Apple chip names with a tier: `m4 max` also implies the family `m4`.
const TIERED_CHIP = /^m\d (?:pro|max|ultra)$/;

/** Facts in order of first appearance, deduplicated by kind + name + version. */
export function extractFacts(text: string, notes: string[] = []): Fact[] {
  const subject = factText(text);
  const found: FoundFact[] = [];
  ALL_RULES.forEach(({ group, rules }) => {
    rules.forEach((rule, index) => {
      const hits = guard(
        notes,
        `fact rule ${group}#${index}`,
        () => runFactRule(rule, subject, MAX_FACTS),
        [],
      );
      for (const hit of hits) found.push(hit);
    });
  });
  found.sort((a, b) => a.at - b.at);

  const facts = new OrderedSet<Fact>(MAX_FACTS);
  const add = (fact: Fact): void => {
    facts.add(fact, `${fact.kind}\u0000${fact.name}\u0000${fact.version ?? ''}`);
  };
  for (const { fact } of found) {
    add(fact);
    if (fact.kind === 'chip' && hasFamily(fact.name))
      add({ kind: 'chip', name: chipFamily(fact.name), source: fact.source });
    if (fact.kind === 'os' && DISTRO_NAMES.has(fact.name))
      add({ kind: 'os', name: 'linux', source: fact.source });
  }
  return dropVersionless(facts.items);
}

function hasFamily(name: string): boolean {
  return TIERED_CHIP.test(name);
}

/**
 * Drops facts that a more precise fact of the same kind and name already says: `macos` (no version) or
 * `macos 15` once `macos 15.1` is known.
 */
function dropVersionless(facts: Fact[]): Fact[] {
  const byName = new Map<string, string[]>();
  for (const f of facts) {
    if (f.version === undefined) continue;
    const key = `${f.kind}\u0000${f.name}`;
    byName.set(key, [...(byName.get(key) ?? []), f.version]);
  }
  return facts.filter((f) => {
    const versions = byName.get(`${f.kind}\u0000${f.name}`);
    if (versions === undefined) return true;
    if (f.version === undefined) return false;
    const prefix = `${f.version}.`;
    return !versions.some((v) => v.startsWith(prefix));
  });
}
