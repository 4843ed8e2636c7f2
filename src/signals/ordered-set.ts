// An ordered, deduplicated list with a size cap: how every list in Signals is collected (first
// appearance wins, a report cannot make a list grow without bound).

export class OrderedSet<T = string> {
  readonly items: T[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly cap: number) {}

  /** Adds `item` unless its key was seen or the cap is reached; returns true when added. */
  add(item: T, key: string = String(item)): boolean {
    if (this.items.length >= this.cap || this.seen.has(key)) return false;
    this.seen.add(key);
    this.items.push(item);
    return true;
  }

  get full(): boolean {
    return this.items.length >= this.cap;
  }
}
