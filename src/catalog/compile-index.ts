// Compiles loaded incidents into the matcher's index, once per catalog. Everything the matcher looks up
// is keyed by a report token, so the cost of matching grows with the report, not with the catalog:
// - phrases (signatures, frames, keywords, require/exclude groups) keyed by their first token, with each
//   distinct phrase text stored once however many incidents use it;
// - a TF-IDF vector per incident over its prose (title, summary, cause, keywords) for text similarity.
import { stem, tokenize } from '../text/tokenize.js';
import type { Incident } from '../types.js';
import { isStopword } from '../text/stopwords.js';

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
}

/** A distinct phrase (token sequence) and every incident that uses it. */
export interface CompiledPhrase {
  tokens: string[];
  uses: PhraseUse[];
}

export interface CatalogIndex {
  incidents: Incident[];
  /** Signature and frame phrases, matched on exact tokens, keyed by first token. */
  exact: Map<string, CompiledPhrase[]>;
  /** Keyword, require and exclude phrases, matched on stemmed tokens, keyed by first stem. */
  stemmed: Map<string, CompiledPhrase[]>;
  /** Per incident: its frame names as single lower-case strings (for fuzzy comparison). */
  frameNames: string[][];
  /** Per incident: unit-length TF-IDF vector of its prose, stem → weight. */
  vectors: Map<string, number>[];
  /** Inverse document frequency of each stem over the catalog's prose. */
  idf: Map<string, number>;
  /** Repository (lower-case owner/name) → incidents that name it. */
  repos: Map<string, number[]>;
}

export function compileIndex(incidents: readonly Incident[]): CatalogIndex {
  const index: CatalogIndex = {
    incidents: [...incidents],
    exact: new Map(),
    stemmed: new Map(),
    frameNames: [],
    vectors: [],
    idf: new Map(),
    repos: new Map(),
  };
  // Distinct phrase texts, so identical phrases in many incidents are checked once per report.
  const exactByKey = new Map<string, CompiledPhrase>();
  const stemmedByKey = new Map<string, CompiledPhrase>();

  incidents.forEach((incident, i) => {
    const m = incident.match;
    const add = (text: string, use: Omit<PhraseUse, 'incident' | 'text'>, stemmed: boolean): void => {
      const raw = tokenize(text);
      if (raw.length === 0) return;
      const tokens = stemmed ? raw.map(stem) : raw;
      addPhrase(stemmed ? index.stemmed : index.exact, stemmed ? stemmedByKey : exactByKey, tokens, {
        ...use,
        incident: i,
        text,
      });
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

  buildVectors(index);
  return index;
}

function addPhrase(
  map: Map<string, CompiledPhrase[]>,
  byKey: Map<string, CompiledPhrase>,
  tokens: string[],
  use: PhraseUse,
): void {
  const key = tokens.join(' ');
  let phrase = byKey.get(key);
  if (!phrase) {
    phrase = { tokens, uses: [] };
    byKey.set(key, phrase);
    const first = tokens[0]!;
    const list = map.get(first);
    if (list) list.push(phrase);
    else map.set(first, [phrase]);
  }
  phrase.uses.push(use);
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
  for (const [t, d] of df) index.idf.set(t, Math.log(1 + n / d));
  for (const doc of docs) index.vectors.push(unitVector(termCounts(doc), index.idf));
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
