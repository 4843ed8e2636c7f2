// English stopwords (natural's list) for text similarity: words that say nothing about a crash.
import { words } from 'natural/lib/natural/util/stopwords.js';

const STOPWORDS = new Set<string>(words);

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}
