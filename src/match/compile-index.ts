// Compiles loaded incidents into the matcher's index, once per catalog. Everything the matcher looks up
// is keyed by a report token, so the cost of matching grows with the report, not with the catalog:
// - phrases (signatures, frames, keywords, require/exclude groups) keyed by their first token, with each
//   distinct phrase text stored once however many incidents use it;
// - a TF-IDF vector per incident over its prose (title, summary, cause, keywords) for text similarity.
import { detached } from '../text/detached.js';
import { stem, tokenize } from '../text/tokenize.js';
import type { Incident } from '../types.js';
import { isStopword } from '../text/stopwords.js';
import { specificity } from './specificity.js';
import { buildTokenFilter, type TokenFilter } from './token-filter.js';

export type PhraseKind = 'signature' | 'frame' | 'keyword' | 'require' | 'exclude';

/** One use of a phrase by one incident. */
export interface PhraseUse {
  incident: number;
  kind: PhraseKind;
  weight: number;
  /** Index of the require/exclude group. */
  group: number;
  /** The phrase as written in the incident file (for evidence). */
  text: string;
  /** The compiled phrase this is a use of. */
  phrase: CompiledPhrase;
}

/** A distinct phrase (token sequence) and every incident that uses it. */
export interface CompiledPhrase {
  tokens: string[];
  /**
   * The phrase has a negative word of its own ("cannot not be created", "does not yet support"): it
   * quotes a message, so a negated clause around it is the message's "not", not the reporter's.
   */
  quotesNegation: boolean;
  uses: PhraseUse[];
  /** The uses with points, as the range [start, end) of the index's packed `postings`. */
  start: number;
  end: number;
}

/**
 * A token trie: the phrases that end here, and the next tokens. Most nodes have one child (the rest of
 * a single phrase), kept inline; a map only where phrases branch (and always at the root).
 */
export interface PhraseNode {
  phrases: CompiledPhrase[] | null;
  onlyToken: string | null;
  onlyChild: PhraseNode | null;
  next: Map<string, PhraseNode> | null;
}

/** A unit TF-IDF vector as parallel arrays (a map per incident cost more memory than the catalog). */
export interface TermVector {
  terms: string[];
  weights: Float64Array;
}

export interface CatalogIndex {
  incidents: Incident[];
  /** Signature and frame phrases, matched on exact tokens, as a token trie. */
  exact: PhraseNode;
  /** Keyword, require and exclude phrases, matched on stemmed tokens, as a trie of stems. */
  stemmed: PhraseNode;
  /** Every phrase's incidents and weights with points, packed for the first, cheap pass (see `start`/`end`). */
  postings: { incidents: Int32Array; weights: Float64Array };
  /** Per incident: its phrase uses, so scoring a candidate reads its own phrases, not every user of a common one. */
  uses: PhraseUse[][];
  /** Per incident: its frame names as single lower-case strings (for fuzzy comparison). */
  frameNames: string[][];
  /** Per incident: unit-length TF-IDF vector of its prose. */
  vectors: TermVector[];
  /** Inverse document frequency of each stem over the catalog's prose. */
  idf: Map<string, number>;
  /** Repository (lower-case owner/name) → incidents that name it. */
  repos: Map<string, number[]>;
  /** The first tokens of `exact` and stems of `stemmed` phrases, as Bloom filters (cheap "not here"). */
  exactFirst: TokenFilter;
  stemmedFirst: TokenFilter;
}

/**
 * An incident with variants becomes one scored copy per variant: its own match plus the variant's
 * require groups and phrases, named by `variant`. The matcher keeps the best copy of each incident.
 */
export function expandVariants(incident: Incident): Incident[] {
  const m = incident.match;
  if (m.variants.length === 0) return [incident];
  return m.variants.map((v) => ({
    ...incident,
    variant: v.name,
    match: {
      ...m,
      signatures: [...m.signatures, ...v.signatures],
      frames: [...m.frames, ...v.frames],
      keywords: [...m.keywords, ...v.keywords],
      require: [...m.require, ...v.require],
    },
  }));
}

export function compileIndex(catalog: readonly Incident[]): CatalogIndex {
  const incidents = catalog.flatMap(expandVariants);
  const index: CatalogIndex = {
    incidents,
    exact: trieNode(new Map()),
    stemmed: trieNode(new Map()),
    postings: { incidents: new Int32Array(0), weights: new Float64Array(0) },
    uses: [],
    frameNames: [],
    vectors: [],
    idf: new Map(),
    repos: new Map(),
    exactFirst: buildTokenFilter([], 0),
    stemmedFirst: buildTokenFilter([], 0),
  };
  // Distinct phrase texts, so identical phrases in many incidents are checked once per report.
  const exactByKey = new Map<string, CompiledPhrase>();
  const stemmedByKey = new Map<string, CompiledPhrase>();

  incidents.forEach((incident, i) => {
    const m = incident.match;
    const own: PhraseUse[] = [];
    index.uses.push(own);
    const add = (text: string, use: Pick<PhraseUse, 'kind' | 'weight' | 'group'>, stemmed: boolean): void => {
      const raw = tokenize(text);
      if (raw.length === 0) return;
      const tokens = stemmed ? raw.map(stem) : raw;
      const phrase = compiledPhrase(
        stemmed ? index.stemmed : index.exact,
        stemmed ? stemmedByKey : exactByKey,
        tokens,
      );
      // A one-token signature or frame common across crash reports counts for less (specificity.ts).
      const exactEvidence = use.kind === 'signature' || use.kind === 'frame';
      const full: PhraseUse = {
        incident: i,
        kind: use.kind,
        weight: exactEvidence ? use.weight * specificity(raw).factor : use.weight,
        group: use.group,
        text,
        phrase,
      };
      phrase.uses.push(full);
      own.push(full);
    };
    for (const p of m.signatures) add(p.phrase, { kind: 'signature', weight: p.weight, group: -1 }, false);
    for (const p of m.frames) add(p.phrase, { kind: 'frame', weight: p.weight, group: -1 }, false);
    for (const p of m.keywords) add(p.phrase, { kind: 'keyword', weight: p.weight, group: -1 }, true);
    m.require.forEach((g, gi) =>
      g.any.forEach((p) => add(p, { kind: 'require', weight: 0, group: gi }, true)),
    );
    m.exclude.forEach((g, gi) =>
      g.any.forEach((p) => add(p, { kind: 'exclude', weight: 0, group: gi }, true)),
    );
    index.frameNames.push(m.frames.map((f) => tokenize(f.phrase).join('_')));
    for (const repo of m.repos) {
      const list = index.repos.get(repo) ?? [];
      list.push(i);
      index.repos.set(repo, list);
    }
  });

  index.postings = packPostings([...exactByKey.values(), ...stemmedByKey.values()]);
  const exactTop = index.exact.next!;
  const stemmedTop = index.stemmed.next!;
  index.exactFirst = buildTokenFilter(exactTop.keys(), exactTop.size);
  index.stemmedFirst = buildTokenFilter(stemmedTop.keys(), stemmedTop.size);
  buildVectors(index);
  return index;
}

// Tokens of the negation cues (negation-scope.ts) as the tokenizer cuts them: "doesn't" and "can't" end
// in a token `t`.
const NEGATIVE_WORDS = new Set([
  'not',
  'no',
  'never',
  'without',
  'nor',
  'none',
  'cannot',
  't',
  '没有',
  '沒有',
  '不是',
]);

/** The phrase with these tokens, added to the trie the first time it is seen. */
function compiledPhrase(
  root: PhraseNode,
  byKey: Map<string, CompiledPhrase>,
  tokens: string[],
): CompiledPhrase {
  const key = tokens.join(' ');
  let phrase = byKey.get(key);
  if (!phrase) {
    const kept = tokens.map(detached);
    phrase = {
      tokens: kept,
      quotesNegation: kept.some((t) => NEGATIVE_WORDS.has(t)),
      uses: [],
      start: 0,
      end: 0,
    };
    byKey.set(key, phrase);
    let node = root;
    for (const t of kept) node = addChild(node, t);
    (node.phrases ??= []).push(phrase);
  }
  return phrase;
}

function trieNode(next: Map<string, PhraseNode> | null = null): PhraseNode {
  return { phrases: null, onlyToken: null, onlyChild: null, next };
}

/** The child of `node` for `token`, or undefined. */
export function childOf(node: PhraseNode, token: string): PhraseNode | undefined {
  if (node.next) return node.next.get(token);
  return node.onlyToken === token ? node.onlyChild! : undefined;
}

function addChild(node: PhraseNode, token: string): PhraseNode {
  const existing = childOf(node, token);
  if (existing) return existing;
  const child = trieNode();
  if (node.next) node.next.set(token, child);
  else if (node.onlyToken === null) {
    node.onlyToken = token;
    node.onlyChild = child;
  } else {
    node.next = new Map([
      [node.onlyToken, node.onlyChild!],
      [token, child],
    ]);
    node.onlyToken = null;
    node.onlyChild = null;
  }
  return child;
}

/** The children of `node`. */
export function childrenOf(node: PhraseNode): PhraseNode[] {
  if (node.next) return [...node.next.values()];
  return node.onlyChild ? [node.onlyChild] : [];
}

function packPostings(phrases: readonly CompiledPhrase[]): CatalogIndex['postings'] {
  let total = 0;
  for (const p of phrases) for (const u of p.uses) if (u.weight > 0) total++;
  const incidents = new Int32Array(total);
  const weights = new Float64Array(total);
  let at = 0;
  for (const p of phrases) {
    p.start = at;
    for (const u of p.uses) {
      if (u.weight <= 0) continue;
      incidents[at] = u.incident;
      weights[at] = u.weight;
      at++;
    }
    p.end = at;
  }
  return { incidents, weights };
}

/** The prose an incident is described with, as stems: what "similar text" is measured against. */
export function proseStems(incident: Incident): string[] {
  const m = incident.match;
  const text = [
    incident.title,
    incident.summary,
    incident.cause,
    ...m.keywords.map((k) => k.phrase),
    ...m.signatures.map((s) => s.phrase),
  ].join('\n');
  return tokenize(text)
    .filter((t) => !isStopword(t))
    .map(stem);
}

function buildVectors(index: CatalogIndex): void {
  const docs = index.incidents.map(proseStems);
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  // Smoothed idf: a stem in every incident still weighs a little, so one-incident catalogs work.
  // One copy of each term, shared by the idf table and every vector that has it.
  const term = new Map<string, string>();
  for (const [t, d] of df) {
    const kept = detached(t);
    term.set(t, kept);
    index.idf.set(kept, Math.log(1 + n / d));
  }
  for (const doc of docs) {
    const v = unitVector(termCounts(doc), index.idf);
    index.vectors.push({
      terms: [...v.keys()].map((t) => term.get(t) ?? t),
      weights: Float64Array.from(v.values()),
    });
  }
}

/** Counts of each term. */
export function termCounts(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/**
 * Sublinear tf × idf, scaled to unit length. Terms the catalog does not know weigh `unknownIdf` in the
 * length (a long report about something else is not similar) but are not kept, as no incident has them.
 */
export function unitVector(
  tf: ReadonlyMap<string, number>,
  idf: ReadonlyMap<string, number>,
  unknownIdf = 0,
): Map<string, number> {
  const v = new Map<string, number>();
  let norm = 0;
  for (const [t, c] of tf) {
    const w = idf.get(t);
    const x = (1 + Math.log(c)) * (w ?? unknownIdf);
    if (w !== undefined) v.set(t, x);
    norm += x * x;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, x] of v) v.set(t, x / norm);
  return v;
}

/** Every phrase in a trie (for inspection and tests; matching walks the trie instead). */
export function triePhrases(root: PhraseNode): CompiledPhrase[] {
  const out: CompiledPhrase[] = [];
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.phrases) out.push(...node.phrases);
    stack.push(...childrenOf(node));
  }
  return out;
}
