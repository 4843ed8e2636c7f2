// The made-up world the synthetic catalog and reports describe: products (each with a language, a
// repository, modules and function names written the way that language's traces write them) and a
// pool of pseudo-words for everything else. Generated from a seed, so it is the same on every run.
import type { Rng } from '../lib/prng.js';
import { CODAS, ONSETS, TECH_NOUNS, TECH_VERBS, VOWELS } from './words.js';

export type Lang = 'c' | 'objc' | 'rust' | 'go' | 'python' | 'java' | 'js';
export const LANGS: readonly Lang[] = ['c', 'objc', 'rust', 'go', 'python', 'java', 'js'];

export interface Product {
  /** Lower-case name, one token (`vortal`). */
  name: string;
  /** As written in prose (`Vortal`). */
  display: string;
  /** Upper-case prefix of its error codes and C symbols (`VRT`). */
  prefix: string;
  repo: string;
  lang: Lang;
  version: string;
  /** Function names incidents are written about (and planted reports show). */
  coreFns: string[];
  /** Function names only reports show: the rest of a real trace. */
  otherFns: string[];
  /** Source files, for `file:line` locations. */
  files: string[];
}

export interface World {
  products: Product[];
  /** Pseudo-words for names of things that are neither products nor functions (hosts, users, modules). */
  words: string[];
}

/** A pronounceable made-up word of 2-3 syllables. */
export function pseudoWord(rng: Rng): string {
  let w = '';
  const syllables = rng.range(2, 3);
  for (let i = 0; i < syllables; i++) {
    w += part(rng.pick(ONSETS)) + rng.pick(VOWELS) + part(rng.pick(CODAS));
  }
  return w;
}

function part(s: string): string {
  return s === '-' ? '' : s;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `count` distinct pseudo-words, none of them an English word of the lists (so they never collide). */
export function pseudoWords(rng: Rng, count: number): string[] {
  const taken = new Set<string>([...TECH_NOUNS, ...TECH_VERBS]);
  const out: string[] = [];
  while (out.length < count) {
    const w = pseudoWord(rng);
    if (w.length < 4 || taken.has(w)) continue;
    taken.add(w);
    out.push(w);
  }
  return out;
}

/** The world: `productCount` products (rank order = how common they are in the catalog) and a word pool. */
export function makeWorld(rng: Rng, productCount: number): World {
  const names = pseudoWords(rng, productCount + 3000);
  const products: Product[] = [];
  for (let i = 0; i < productCount; i++) products.push(makeProduct(rng, names[i]!, names));
  return { products, words: names.slice(productCount) };
}

function makeProduct(rng: Rng, name: string, names: readonly string[]): Product {
  const lang = rng.pick(LANGS);
  const prefix = (name.replace(/[aeiouy]/g, '') + name).slice(0, 3).toUpperCase();
  const owner = rng.chance(0.5) ? name : rng.pick(names);
  const modules = [...new Set([...rng.sample(TECH_NOUNS, 4), rng.pick(names)])];
  const fn = (): string => symbol(rng, lang, { name, prefix, owner, module: rng.pick(modules) });
  const coreFns = unique(() => fn(), 40);
  const otherFns = unique(() => fn(), 60).filter((f) => !coreFns.includes(f));
  return {
    name,
    display: capitalize(name),
    prefix,
    repo: `${owner}/${name}`,
    lang,
    version: `${rng.range(0, 9)}.${rng.range(0, 30)}.${rng.range(0, 12)}`,
    coreFns,
    otherFns,
    files: modules.map((m) => `${m}.${EXT[lang]}`),
  };
}

const EXT: Record<Lang, string> = {
  c: 'c',
  objc: 'm',
  rust: 'rs',
  go: 'go',
  python: 'py',
  java: 'java',
  js: 'js',
};

function unique(make: () => string, count: number): string[] {
  const set = new Set<string>();
  for (let tries = 0; set.size < count && tries < count * 5; tries++) set.add(make());
  return [...set];
}

interface SymbolParts {
  name: string;
  prefix: string;
  owner: string;
  module: string;
}

/** A function name as the language's traces write it. */
function symbol(rng: Rng, lang: Lang, p: SymbolParts): string {
  const noun = rng.pick(TECH_NOUNS);
  const verb = rng.pick(TECH_VERBS);
  const type = capitalize(p.module) + capitalize(noun);
  switch (lang) {
    case 'c':
      return rng.chance(0.6) ? `${p.prefix.toLowerCase()}_${noun}_${verb}` : `${verb}_${p.module}_${noun}`;
    case 'objc':
      return rng.chance(0.5)
        ? `${p.prefix}${type}${capitalize(verb)}`
        : `-[${p.prefix}${type} ${verb}With${capitalize(noun)}:]`;
    case 'rust':
      return `${p.name}::${p.module}::${type}::${verb}_${noun}`;
    case 'go':
      return `github.com/${p.owner}/${p.name}/${p.module}.(*${type}).${capitalize(verb)}`;
    case 'python':
      return `${verb}_${noun}`;
    case 'java':
      return `com.${p.owner}.${p.name}.${p.module}.${type}.${verb}${capitalize(noun)}`;
    case 'js':
      return `${type}.${verb}${capitalize(noun)}`;
  }
}

/**
 * How an incident file names a frame: often the symbol as the trace shows it, sometimes (as people
 * write them) only its last parts: `Queue::flush_queue`, `(*Queue).Flush`, `QueueManager.flushQueue`.
 */
export function catalogFrameName(rng: Rng, lang: Lang, fn: string): string {
  if (!rng.chance(0.4)) return fn;
  if (lang === 'rust') return fn.split('::').slice(-2).join('::');
  if (lang === 'go') return fn.slice(fn.lastIndexOf('/') + 1);
  if (lang === 'java') return fn.split('.').slice(-2).join('.');
  return fn;
}
