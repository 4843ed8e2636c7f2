// The report side of matching, computed once per report: its tokens, the catalog phrases found in it
// (each distinct phrase looked up only at positions where its first token occurs), the names of its
// non-boilerplate frames, and its TF-IDF vector against the catalog's vocabulary.
import type { CatalogIndex, CompiledPhrase, PhraseNode, PhraseUse } from './compile-index.js';
import { childOf, unitVector } from './compile-index.js';
import { mayContain } from './token-filter.js';
import { isStopword } from '../text/stopwords.js';
import { stem, tokenize, tokenizeWithSpans } from '../text/tokenize.js';
import type { Signals } from '../types.js';

/** Most frames compared fuzzily per report; real traces rarely have more distinct named frames. */
const MAX_FRAMES = 400;

export interface FoundPhrase {
  phrase: CompiledPhrase;
  /** The report's own words where it was found (unstemmed), for evidence. */
  matched: string;
  /**
   * Where it was found, as flat [first, last] token index pairs (the first few places): one incident's
   * phrases found at the same place (a keyword inside a signature) count once (see score-incident.ts).
   */
  at: number[];
}

/** Places kept per found phrase: enough to tell a phrase that also stands alone from one only nested. */
const MAX_PLACES = 4;

export interface ReportFeatures {
  tokenCount: number;
  exact: FoundPhrase[];
  stemmed: FoundPhrase[];
  /**
   * Keyword, require and exclude phrases found only inside negated clauses ("TSO is not enabled"): they
   * count for nothing, and are shown as such in the evidence.
   */
  negated: FoundPhrase[];
  /** Phrases found in the repository name: context only (they may satisfy require / exclude groups). */
  repo: FoundPhrase[];
  /** Phrases found in inferred facts ("macOS, inferred from …"): they may satisfy require groups only. */
  inferred: FoundPhrase[];
  /** Names of the report's non-boilerplate frames, as `tokens_joined_by_underscore`, with their last token too. */
  frameNames: Set<string>;
  /** The same names, by their first three characters, for fuzzy comparison. */
  frameNamesByPrefix: Map<string, string[]>;
  /** The report's distinct tokens (the keys). */
  words: ReadonlyMap<string, unknown>;
  /** Unit TF-IDF vector over catalog terms (report terms unknown to the catalog count in its length only). */
  vector: Map<string, number>;
}

interface DistinctToken {
  stem: string;
  count: number;
  /** The tries' nodes for phrases whose first token (or stem) this is. */
  exact: PhraseNode | undefined;
  stemmed: PhraseNode | undefined;
}

export function reportFeatures(signals: Signals, index: CatalogIndex, repo?: string): ReportFeatures {
  const spans = tokenizeWithSpans(signals.text);
  const tokens = spans.tokens;
  // One map lookup per token: its stem, and where phrases starting with it begin in the catalog's tries,
  // are worked out once per distinct token (the tries' top levels hold the whole catalog's vocabulary).
  const distinct = new Map<string, DistinctToken>();
  const n = tokens.length;
  const stems = new Array<string>(n);
  const exactStarts = new Array<PhraseNode | undefined>(n);
  const stemmedStarts = new Array<PhraseNode | undefined>(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    let d = distinct.get(t);
    if (!d) {
      const s = stem(t);
      d = {
        stem: s,
        count: 0,
        exact: mayContain(index.exactFirst, t) ? index.exact.next?.get(t) : undefined,
        stemmed: mayContain(index.stemmedFirst, s) ? index.stemmed.next?.get(s) : undefined,
      };
      distinct.set(t, d);
    }
    d.count++;
    stems[i] = d.stem;
    exactStarts[i] = d.exact;
    stemmedStarts[i] = d.stemmed;
  }
  const prose = new Map<string, number>();
  for (const [t, d] of distinct) if (!isStopword(t)) prose.set(d.stem, (prose.get(d.stem) ?? 0) + d.count);
  // The report's own words for tokens i..j (inclusive), for evidence.
  const quote = (i: number, j: number): string =>
    signals.text.slice(spans.starts[i], spans.ends[j]).replace(/\s+/g, ' ');
  const frameNames = new Set<string>();
  for (const f of signals.frames) {
    if (f.boilerplate || frameNames.size >= MAX_FRAMES) continue;
    const parts = tokenize(f.fn);
    if (parts.length === 0) continue;
    frameNames.add(parts.join('_'));
    frameNames.add(parts[parts.length - 1]!);
  }
  const frameNamesByPrefix = new Map<string, string[]>();
  for (const name of frameNames) {
    const key = name.slice(0, 3);
    const list = frameNamesByPrefix.get(key);
    if (list) list.push(name);
    else frameNamesByPrefix.set(key, [name]);
  }
  // A term no incident uses weighs like the rarest catalog term in the report's length.
  const unknownIdf = Math.log(1 + Math.max(1, index.incidents.length));
  const negatedTokens = negatedTokenFlags(spans.starts, signals.negated);
  const stemmed = findPhrases(stems, stemmedStarts, quote, negatedTokens);
  return {
    tokenCount: tokens.length,
    words: distinct,
    exact: findPhrases(tokens, exactStarts, quote).found,
    stemmed: stemmed.found,
    negated: stemmed.negated,
    repo: repoPhrases(repo, index),
    inferred: inferredPhrases(signals.facts, index),
    frameNames,
    frameNamesByPrefix,
    vector: unitVector(prose, index.idf, unknownIdf),
  };
}

/** An issue filed in `SerenityOS/serenity` is about SerenityOS even when its text never says so. */
function repoPhrases(repo: string | undefined, index: CatalogIndex): FoundPhrase[] {
  if (!repo) return [];
  return contextPhrases(repo.replace(/[/_.-]+/g, ' '), `repository ${repo}`, index, ['require', 'exclude']);
}

/**
 * The catalog's group phrases (of `kinds`) in a few words of context that are not the report's text (a
 * repository name, an inferred platform), each quoted as `quote`.
 */
function contextPhrases(
  words: string,
  quote: string,
  index: CatalogIndex,
  kinds: readonly PhraseUse['kind'][],
): FoundPhrase[] {
  const stems = tokenize(words).map(stem);
  const starts = stems.map((s) => index.stemmed.next?.get(s));
  const { found } = findPhrases(stems, starts, () => quote);
  return found.filter((f) => f.phrase.uses.some((u) => kinds.includes(u.kind)));
}

/** Per token, 1 when it starts inside a negated clause (`ranges`: flat, sorted [start, end) pairs). */
function negatedTokenFlags(starts: readonly number[], ranges: readonly number[]): Uint8Array | null {
  if (ranges.length === 0) return null;
  const flags = new Uint8Array(starts.length);
  let k = 0;
  for (let i = 0; i < starts.length; i++) {
    const at = starts[i]!;
    while (k < ranges.length && ranges[k + 1]! <= at) k += 2;
    if (k >= ranges.length) break;
    if (at >= ranges[k]!) flags[i] = 1;
  }
  return flags;
}

/** A platform the report shows without naming it can satisfy a require group naming that platform. */
function inferredPhrases(facts: Signals['facts'], index: CatalogIndex): FoundPhrase[] {
  const out: FoundPhrase[] = [];
  for (const fact of facts) {
    if (!fact.inferred) continue;
    const label = fact.source.slice(0, fact.source.indexOf(','));
    out.push(...contextPhrases(label, fact.source, index, ['require']));
  }
  return out;
}

/**
 * Every distinct phrase that occurs in `seq`, once each, with the original words it matched. `starts[i]`
 * is the trie node of the phrases beginning with `seq[i]` (undefined: none do). An occurrence touching a
 * negated token (`negated[i]`) does not count, unless the phrase has a negative word of its own; a
 * phrase found only that way is listed in `negated`.
 */
function findPhrases(
  seq: readonly string[],
  starts: readonly (PhraseNode | undefined)[],
  quote: (i: number, j: number) => string,
  negated: Uint8Array | null = null,
): { found: FoundPhrase[]; negated: FoundPhrase[] } {
  const found = new Map<CompiledPhrase, FoundPhrase>();
  const out: FoundPhrase[] = [];
  const negatedOnly = new Map<CompiledPhrase, FoundPhrase>();
  for (let i = 0; i < seq.length; i++) {
    let node = starts[i];
    let j = i;
    let inNegation = negated !== null && negated[i] === 1;
    while (node) {
      if (node.phrases) {
        for (const phrase of node.phrases) {
          const negatedHere = inNegation && !phrase.quotesNegation;
          const seen = found.get(phrase);
          if (seen) {
            if (!negatedHere && seen.at.length < 2 * MAX_PLACES) seen.at.push(i, j);
            continue;
          }
          if (negatedHere) {
            if (!negatedOnly.has(phrase))
              negatedOnly.set(phrase, { phrase, matched: quote(i, j).slice(0, 200), at: [i, j] });
            continue;
          }
          const first = { phrase, matched: quote(i, j).slice(0, 200), at: [i, j] };
          found.set(phrase, first);
          out.push(first);
        }
      }
      if (++j >= seq.length) break;
      if (negated !== null && negated[j] === 1) inNegation = true;
      node = childOf(node, seq[j]!);
    }
  }
  return { found: out, negated: [...negatedOnly.values()].filter((f) => !found.has(f.phrase)) };
}
