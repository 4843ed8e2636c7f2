// Tokenizing shared by the report side (signals) and the catalog side (compiled phrases), so that both
// sides cut text the same way and a phrase matches whole tokens. Identifiers keep their underscores
// (`lj_trace_exit` is one token). natural's tokenizers drop CJK text, so runs of Han characters become
// overlapping bigrams (the usual CJK retrieval unit: the same characters always give the same tokens,
// where dictionary segmentation cuts a word differently depending on its neighbours), and kana / Thai
// runs are cut into words with Intl.Segmenter.
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

// Letters, digits and underscore make a token; everything else separates tokens.
const TOKEN = /[\p{L}\p{N}_]+/gu;
// Scripts written without spaces between words.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
// A token containing them is cut into runs: Han, other unspaced scripts, and the rest.
// Script_Extensions for kana, so the prolonged sound mark (ー, shared by both kana) stays in its word.
const RUNS = /(\p{Script=Han}+)|([\p{scx=Hiragana}\p{scx=Katakana}\p{Script=Thai}]+)|([^\p{Script=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{Script=Thai}]+)/gu;
// Longest token kept: longer runs (base64, minified code) carry no crash signature.
const MAX_TOKEN_LENGTH = 80;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Lower-cased tokens of `text`, in order. Leading/trailing underscores are dropped (`__GI_raise` → `gi_raise`). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(TOKEN)) {
    const raw = m[0];
    if (UNSPACED.test(raw)) {
      for (const run of raw.matchAll(RUNS)) {
        if (run[1]) pushHanBigrams(out, run[1]);
        else if (run[2]) for (const seg of segmenter.segment(run[2])) seg.isWordLike && pushToken(out, seg.segment);
        else if (run[3]) pushToken(out, run[3]);
      }
    } else {
      pushToken(out, raw);
    }
  }
  return out;
}

function pushHanBigrams(out: string[], run: string): void {
  const chars = [...run];
  if (chars.length === 1) out.push(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
}

function pushToken(out: string[], raw: string): void {
  // `_PyRecursiveMutex_Unlock` and `PyRecursiveMutex_Unlock` are the same symbol to a reader.
  const t = trimUnderscores(raw);
  if (t.length > 0 && t.length <= MAX_TOKEN_LENGTH) out.push(t);
}

function trimUnderscores(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 95) a++;
  while (b > a && s.charCodeAt(b - 1) === 95) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

const PLAIN_WORD = /^[a-z]+$/;
const stemCache = new Map<string, string>();

/** Porter stem for plain English words; identifiers, numbers and CJK words are kept as they are. */
export function stem(token: string): string {
  if (token.length <= 3 || !PLAIN_WORD.test(token)) return token;
  let s = stemCache.get(token);
  if (s === undefined) {
    s = porterStemmer.stem(token);
    if (stemCache.size < 50_000) stemCache.set(token, s);
  }
  return s;
}

/** Tokens, stemmed. */
export function stemTokens(tokens: readonly string[]): string[] {
  return tokens.map(stem);
}
