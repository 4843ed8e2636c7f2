// The shape of a fact rule (a pattern and the fact it yields) and the runner shared by the OS, chip
// and runtime rule tables. Patterns start with a literal or a word boundary and a literal where they
// can: each rule is one pass over the text, so a rule must be cheap when it finds nothing.
import type { Fact } from '../types.js';
import { MAX_FACT_SOURCE_CHARS } from './limits.js';

export interface FactRule {
  kind: Fact['kind'];
  /** Lower-case product name; or a function of the match for rules that name several products. */
  name: string | ((m: RegExpMatchArray) => string | undefined);
  /** Global regex, run over the whole text. */
  pattern: RegExp;
  /**
   * The pattern is written in lower case and runs over the lower-cased text: V8 runs a case-sensitive
   * pattern over `text.toLowerCase()` several times faster than a case-insensitive one over the text.
   */
  lower?: boolean;
  /** The version from a match; by default the first capture group that is set, cut to a dotted number. */
  version?: (m: RegExpMatchArray) => string | undefined;
  /** Rejects a match (false positives the pattern cannot express); `original` is the match as written. */
  accept?: (m: RegExpMatchArray, text: string, original: string) => boolean;
}

/** A fact with the position it was found at, for ordering. */
export interface FoundFact {
  at: number;
  fact: Fact;
}

// A dotted number at the start: `v3.2.8-beta` → `3.2.8`, `1.8.0_381` → `1.8.0`.
const DOTTED = /^v?(\d{1,4}(?:\.\d{1,10}){0,3})/;

/** The dotted number a version string starts with. */
export function dottedVersion(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const m = DOTTED.exec(text.trim());
  return m === null ? undefined : (m[1] as string);
}

function firstGroup(m: RegExpMatchArray): string | undefined {
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return m[i];
  return undefined;
}

/** The text a fact rule runs over: as written, and lower-cased when that keeps every offset. */
export interface FactText {
  text: string;
  lower: string;
}

export function factText(text: string): FactText {
  const lower = text.toLowerCase();
  // A few characters change length when lower-cased (`İ`); then offsets would not map back.
  return { text, lower: lower.length === text.length ? lower : text };
}

/** All facts one rule finds (at most `limit`). */
export function runFactRule(rule: FactRule, subject: FactText, limit: number): FoundFact[] {
  const { text } = subject;
  const out: FoundFact[] = [];
  const pattern = rule.lower === true && subject.lower === text ? caseless(rule.pattern) : rule.pattern;
  pattern.lastIndex = 0;
  for (const m of (rule.lower === true ? subject.lower : text).matchAll(pattern)) {
    if (out.length >= limit) break;
    const at = m.index ?? 0;
    const original = text.slice(at, at + m[0].length);
    if (rule.accept !== undefined && !rule.accept(m, text, original)) continue;
    const name = typeof rule.name === 'string' ? rule.name : rule.name(m);
    if (name === undefined) continue;
    const version = rule.version !== undefined ? rule.version(m) : dottedVersion(firstGroup(m));
    const fact: Fact = { kind: rule.kind, name, source: source(original) };
    if (version !== undefined && version !== '') fact.version = version;
    out.push({ at, fact });
  }
  return out;
}

const caselessCache = new WeakMap<RegExp, RegExp>();

/** A lower-case pattern made case-insensitive, for text whose lower-cased form has other offsets. */
function caseless(pattern: RegExp): RegExp {
  let re = caselessCache.get(pattern);
  if (re === undefined) {
    re = new RegExp(pattern.source, `${pattern.flags}i`);
    caselessCache.set(pattern, re);
  }
  return re;
}

function source(text: string): string {
  const t = text.trim();
  return t.length > MAX_FACT_SOURCE_CHARS ? t.slice(0, MAX_FACT_SOURCE_CHARS) : t;
}
