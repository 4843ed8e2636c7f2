// A regression test for a bug these tests found in src/ (listed in known-bugs.ts) and that is now fixed:
// it reproduces the original case exactly and asserts the fixed behaviour. Counted in the summary.
import { it } from 'vitest';
import type { KnownBug } from './known-bugs.js';
import { tally } from './tally.js';

/** A plain `it` for a fixed bug, counted in the summary's known-bugs line. */
export function itFailsKnownBug(bug: KnownBug, name: string, fn: () => unknown | Promise<unknown>): void {
  it(`[fixed bug ${bug}] ${name}`, async () => {
    tally('known-bugs', { [`bug:${bug}`]: 1 });
    await fn();
  });
}
