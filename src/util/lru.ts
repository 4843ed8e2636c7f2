// A bounded map that forgets the least recently used entry: the queue's memory of delivery ids and the
// app's caches (conditional responses, incident blobs, known labels, compiled catalogs) all stay bounded.
// Caches whose entries differ in size (a compiled catalog of one small file or of a hundred large ones)
// are bounded by weight as well as by count, so memory follows the budget, not the number of entries.

export interface Lru<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  has(key: string): boolean;
  delete(key: string): void;
  readonly size: number;
  /** The summed weight of the entries kept (their count when no `weigh` was given). */
  readonly weight: number;
}

export interface LruBudget<V> {
  /** The most weight kept; an entry heavier than this alone is not kept at all (it is used and dropped). */
  maxWeight: number;
  weigh: (value: V) => number;
}

export function createLru<V>(maxEntries: number, budget?: LruBudget<V>): Lru<V> {
  // A Map iterates in insertion order; re-inserting on read makes the first key the least recently used.
  const map = new Map<string, { value: V; weight: number }>();
  const maxWeight = budget?.maxWeight ?? Infinity;
  const weigh = budget?.weigh ?? (() => 1);
  let total = 0;
  const remove = (key: string): void => {
    const entry = map.get(key);
    if (!entry) return;
    total -= entry.weight;
    map.delete(key);
  };
  return {
    get(key) {
      const entry = map.get(key);
      if (entry === undefined) return undefined;
      map.delete(key);
      map.set(key, entry);
      return entry.value;
    },
    set(key, value) {
      remove(key);
      const weight = weigh(value);
      if (weight > maxWeight) return;
      map.set(key, { value, weight });
      total += weight;
      while (map.size > maxEntries || total > maxWeight) remove(map.keys().next().value!);
    },
    has: (key) => map.has(key),
    delete: remove,
    get size() {
      return map.size;
    },
    get weight() {
      return total;
    },
  };
}
