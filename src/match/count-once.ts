// One piece of evidence counts once. An incident's phrases often nest: a long signature, a shorter one
// inside it, a keyword inside that; found on one error line, each would score, and one line would carry a
// verdict it does not deserve. Here the strongest phrase at a place takes it, and a phrase that is found
// only at places already taken counts nothing; one found elsewhere too still counts.

export interface PlacedItem {
  points: number;
  /** Where it was found, as flat [first, last] token index pairs. */
  at: readonly number[];
}

/** For each item, the item that took its place when it does not count (its index), else -1. */
export function countOnce(items: readonly PlacedItem[]): number[] {
  const order = items.map((_, k) => k).sort((a, b) => items[b]!.points - items[a]!.points || a - b);
  const taken: { first: number; last: number; by: number }[] = [];
  const takenBy = new Array<number>(items.length).fill(-1);
  for (const k of order) {
    const at = items[k]!.at;
    let free = -1;
    let blocker = -1;
    for (let p = 0; p < at.length && free < 0; p += 2) {
      const hit = taken.find((t) => at[p]! <= t.last && t.first <= at[p + 1]!);
      if (hit) blocker = hit.by;
      else free = p;
    }
    if (free >= 0 || at.length === 0) {
      if (free >= 0) taken.push({ first: at[free]!, last: at[free + 1]!, by: k });
    } else {
      takenBy[k] = blocker;
    }
  }
  return takenBy;
}
