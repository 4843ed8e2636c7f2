// A Bloom filter over the tokens that start a catalog phrase. A report has about a thousand distinct
// tokens and most start no phrase (numbers, names of its own code); asking the trie's top-level map,
// which holds the whole catalog's vocabulary, costs a cache miss each at 10,000 incidents. The filter
// answers "certainly not" from a small bit array that stays in cache; "maybe" goes on to the map.

export interface TokenFilter {
  bits: Uint32Array;
  /** Bit index mask (the bit array's size is a power of two). */
  mask: number;
}

/** A filter for `tokens` with about 16 bits per token (false positives under 0.1% with 3 probes). */
export function buildTokenFilter(tokens: Iterable<string>, count: number): TokenFilter {
  let size = 1024;
  while (size < count * 16) size *= 2;
  const filter: TokenFilter = { bits: new Uint32Array(size / 32), mask: size - 1 };
  for (const t of tokens) {
    const h = hash(t);
    for (let k = 0, p = h; k < PROBES; k++, p = next(p, h)) set(filter, p);
  }
  return filter;
}

/** False when `token` is certainly not in the filter. */
export function mayContain(filter: TokenFilter, token: string): boolean {
  const h = hash(token);
  for (let k = 0, p = h; k < PROBES; k++, p = next(p, h)) {
    const bit = p & filter.mask;
    if ((filter.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

const PROBES = 3;

function set(filter: TokenFilter, p: number): void {
  const bit = p & filter.mask;
  filter.bits[bit >>> 5] = filter.bits[bit >>> 5]! | (1 << (bit & 31));
}

// FNV-1a over UTF-16 code units, and a second probe from the same hash (Kirsch–Mitzenmacher).
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function next(p: number, h: number): number {
  return (p + ((h >>> 15) | 1)) >>> 0;
}
