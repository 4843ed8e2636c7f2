// How common a phrase is across crash reports: the number of reports (documents) holding all of its
// tokens. A draft's signatures should be rare (specific to one crash), so phrases are ranked by this.
// Pure; the corpus (the bundled catalog's examples, the project's report fixtures) is read elsewhere.
import { tokenize } from '../text/tokenize.js';

export interface DocumentFrequency {
  /** Documents in the corpus. */
  docs: number;
  /** Documents that contain every token of `phrase` (anywhere: a cheap upper bound on the phrase itself). */
  of(phrase: string): number;
}

export function documentFrequency(texts: readonly string[]): DocumentFrequency {
  const sets = texts.map((t) => new Set(tokenize(t)));
  const memo = new Map<string, number>();
  return {
    docs: sets.length,
    of(phrase) {
      const tokens = [...new Set(tokenize(phrase))];
      const key = tokens.join(' ');
      let n = memo.get(key);
      if (n === undefined) {
        n = tokens.length === 0 ? sets.length : sets.filter((s) => tokens.every((t) => s.has(t))).length;
        memo.set(key, n);
      }
      return n;
    },
  };
}
