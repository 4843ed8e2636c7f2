// Tokenizing shared by the report side (signals) and the catalog side (compiled phrases), so that both
// sides cut text the same way and a phrase matches whole tokens. Identifiers keep their underscores
// (`lj_trace_exit` is one token). natural's tokenizers drop CJK text, so runs of Han characters become
// overlapping bigrams (the usual CJK retrieval unit: the same characters always give the same tokens,
// where dictionary segmentation cuts a word differently depending on its neighbours), and kana / Thai
// runs are cut into words with Intl.Segmenter.
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { detached } from './detached.js';

// Letters, digits and underscore make a token; everything else separates tokens.
const TOKEN = /[\p{L}\p{N}_]+/gu;
// Scripts written without spaces between words.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
// A token containing them is cut into runs: Han, other unspaced scripts, and the rest.
// Script_Extensions for kana, so the prolonged sound mark (ー, shared by both kana) stays in its word.
const RUNS =
  /(\p{Script=Han}+)|([\p{scx=Hiragana}\p{scx=Katakana}\p{Script=Thai}]+)|([^\p{Script=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{Script=Thai}]+)/gu;
// Longest token kept: longer runs (base64, minified code) carry no crash signature.
const MAX_TOKEN_LENGTH = 80;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Lower-cased tokens of `text`, in order. Leading/trailing underscores are dropped (`__GI_raise` → `gi_raise`). */
export function tokenize(text: string): string[] {
  return tokenizeWithSpans(text).tokens;
}

/** Tokens with the [start, end) offsets in `text` of each, so evidence can quote the report's own words. */
export interface TokenSpans {
  tokens: string[];
  starts: number[];
  ends: number[];
}

export function tokenizeWithSpans(text: string): TokenSpans {
  const out: TokenSpans = { tokens: [], starts: [], ends: [] };
  // Lower-casing can change lengths for a few characters (İ); offsets are then approximate, never unsafe.
  const lower = text.toLowerCase();
  const n = lower.length;
  // Reports are mostly ASCII: scan char codes, and hand a token to the Unicode pattern only when it
  // starts with or reaches a non-ASCII character (a regex match object per token cost a third of the time).
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (c < 128) {
      if (!ASCII_WORD[c]) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && ASCII_WORD[lower.charCodeAt(j)]) j++;
      if (j === n || lower.charCodeAt(j) < 128) {
        pushToken(out, lower.slice(i, j), i);
        i = j;
        continue;
      }
    }
    WORD.lastIndex = i;
    const m = WORD.exec(lower);
    if (!m) {
      i++;
      continue;
    }
    pushUnicodeToken(out, m[0], i);
    i += m[0].length;
  }
  return out;
}

// [a-z0-9_] after lower-casing (upper-case ASCII letters are gone by then).
const ASCII_WORD = new Uint8Array(128).map((_, c) => (/[a-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0));
// The same class as TOKEN, anchored where the scanner stands.
const WORD = new RegExp(TOKEN.source, 'uy');

function pushUnicodeToken(out: TokenSpans, raw: string, at: number): void {
  if (!UNSPACED.test(raw)) {
    pushToken(out, raw, at);
    return;
  }
  for (const run of raw.matchAll(RUNS)) {
    const runAt = at + run.index;
    if (run[1]) pushHanBigrams(out, run[1], runAt);
    else if (run[2]) {
      for (const seg of segmenter.segment(run[2])) {
        if (seg.isWordLike) pushToken(out, seg.segment, runAt + seg.index);
      }
    } else if (run[3]) pushToken(out, run[3], runAt);
  }
}

function push(out: TokenSpans, token: string, start: number, end: number): void {
  out.tokens.push(token);
  out.starts.push(start);
  out.ends.push(end);
}

function pushHanBigrams(out: TokenSpans, run: string, at: number): void {
  // Han characters are all in the BMP, so string offsets are character offsets here.
  if (run.length === 1) push(out, run, at, at + 1);
  for (let i = 0; i + 1 < run.length; i++) push(out, run.slice(i, i + 2), at + i, at + i + 2);
}

function pushToken(out: TokenSpans, raw: string, at: number): void {
  // `_PyRecursiveMutex_Unlock` and `PyRecursiveMutex_Unlock` are the same symbol to a reader.
  let a = 0;
  let b = raw.length;
  while (a < b && raw.charCodeAt(a) === 95) a++;
  while (b > a && raw.charCodeAt(b - 1) === 95) b--;
  if (b === a || b - a > MAX_TOKEN_LENGTH) return;
  push(out, a === 0 && b === raw.length ? raw : raw.slice(a, b), at + a, at + b);
}

const stemCache = new Map<string, string>();

/** Porter stem for plain English words; identifiers, numbers and CJK words are kept as they are. */
export function stem(token: string): string {
  if (token.length <= 3 || !isPlainWord(token)) return token;
  let s = stemCache.get(token);
  if (s === undefined) {
    s = porterStemmer.stem(token);
    // Detached: a report's token (and its stem) can be a view of the whole report's text.
    if (stemCache.size < 50_000) stemCache.set(detached(token), (s = detached(s)));
  }
  return s;
}

/** Only a-z (most report tokens are numbers or identifiers: a char loop answers faster than a pattern). */
function isPlainWord(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}
