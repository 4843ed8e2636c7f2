// natural's per-module paths ship no types of their own; declare the parts we import.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  function jaroWinkler(a: string, b: string, options?: { ignoreCase?: boolean }): number;
  export default jaroWinkler;
}
declare module 'natural/lib/natural/tfidf/tfidf.js' {
  export class TfIdf {
    addDocument(doc: string | string[], key?: unknown): void;
    tfidf(terms: string | string[], index: number): number;
    tfidfs(
      terms: string | string[],
      callback?: (i: number, measure: number, key?: unknown) => void,
    ): number[];
  }
}
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
