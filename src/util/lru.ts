// A bounded map that forgets the least recently used entry: the queue's memory of delivery ids and the
// app's caches (conditional responses, incident blobs, known labels, compiled catalogs) all stay bounded.

export interface Lru<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  has(key: string): boolean;
  delete(key: string): void;
  readonly size: number;
}

export function createLru<V>(maxEntries: number): Lru<V> {
  // A Map iterates in insertion order; re-inserting on read makes the first key the least recently used.
  const map = new Map<string, V>();
  return {
    get(key) {
      const value = map.get(key);
      if (value === undefined) return undefined;
      map.delete(key);
      map.set(key, value);
      return value;
    },
    set(key, value) {
      map.delete(key);
      map.set(key, value);
      if (map.size > maxEntries) map.delete(map.keys().next().value!);
    },
    has: (key) => map.has(key),
    delete: (key) => void map.delete(key),
    get size() {
      return map.size;
    },
  };
}
