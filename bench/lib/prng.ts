// A small seeded PRNG (sfc32) so every run of the benchmark generates the same catalogs and reports:
// figures from two runs differ only by the machine, never by the data.

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // Spread one 32-bit seed over the four words of state, then discard the first outputs (sfc32's advice).
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** `k` distinct items (fewer when the list is shorter), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < k && copy.length > 0) out.push(copy.splice(this.int(copy.length), 1)[0]!);
    return out;
  }

  /**
   * Index in [0, n) with Zipf-like weights (rank r has weight 1/(r+1)^s): a few items are common and
   * most are rare, as products in a real catalog or words in real text.
   */
  zipf(n: number, s = 1): number {
    // Inverse-CDF over a continuous approximation: cheap and good enough for test data.
    if (s === 1) return Math.min(n - 1, Math.floor(Math.exp(this.next() * Math.log(n + 1))) - 1);
    const u = this.next();
    const max = (Math.pow(n + 1, 1 - s) - 1) / (1 - s);
    return Math.min(n - 1, Math.max(0, Math.floor(Math.pow(u * max * (1 - s) + 1, 1 / (1 - s))) - 1));
  }

  /** `n` lower-case hex digits. */
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(16)];
    return s;
  }

  /** An upper-case UUID. */
  uuid(): string {
    const h = this.hex(32).toUpperCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** A new generator whose sequence depends only on this one's next output and `salt`. */
  fork(salt: number): Rng {
    return new Rng((this.int(0x7fffffff) ^ Math.imul(salt, 0x9e3779b1)) >>> 0);
  }
}
