// The phrases of a drafted incident, chosen from the report's own strings, pure:
//  - signatures: the crash line (cut to its message) and identifier-like strings and error codes, kept
//    when rare across crash reports (document-frequency.ts), not generic crash vocabulary, and taken
//    from the normalized text so they survive normalization;
//  - frames: the top non-boilerplate frames of its stack traces;
//  - keywords: the rarest plain words, for reports that have no identifiers (prose);
//  - require groups: its operating system and runtime, when the report names them in words.
import { isGenericPhrase } from '../match/generic-terms.js';
import { isStopword } from '../text/stopwords.js';
import { stem, tokenize, tokenizeWithSpans } from '../text/tokenize.js';
import type { PhraseGroup, ReportDetails, Signals, WeightedPhrase } from '../types.js';
import type { DocumentFrequency } from './document-frequency.js';

export interface ChosenPhrases {
  signatures: WeightedPhrase[];
  frames: WeightedPhrase[];
  keywords: WeightedPhrase[];
  require: PhraseGroup[];
}

const MAX_SIGNATURES = 4;
const MAX_FRAMES = 6;
const MAX_KEYWORDS = 5;
// A crash line is cut to this many tokens: long enough to be specific, short enough to survive a
// reworded tail (a path, a line number) in the next report.
const CRASH_LINE_TOKENS = 8;
// A phrase in more than this share of the corpus is not specific to one crash.
const MAX_SHARE = 0.05;
// Identifier-like: an underscore or a letter/digit mix inside a word, or an inner capital (CamelCase).
const IDENTIFIER =
  /^(?=.{5,80}$)(?:[A-Za-z0-9]*[a-z0-9]_[A-Za-z0-9_]*|[A-Za-z]+[0-9][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]+|[A-Z][a-z]+[A-Z][A-Za-z0-9]+)$/;
// Not evidence: addresses, hashes, uuids, bare versions, and platform or architecture names
// (`arm64`, `x86_64`, `darwin24`, `el9`) that every report from that platform carries.
const NOISE =
  /^(?:0x[0-9a-f]+|[0-9a-f]{12,}|v?\d+(?:[._]\d+)*|[0-9a-f-]{32,}|arm64e?|aarch64|x86_64|amd64|i[3-6]86|win(?:32|64)|darwin\d*|el\d+|fc\d+|py3\d*|python3\d*|utf_?8)$/i;
// A crash line's own prefix (`FATAL:`, `panic:`, `panic(cpu 4 caller …):`, `Fatal Python error:`).
const CRASH_PREFIX =
  /^\s*(?:fatal(?: python)? error|fatal|panic(?:\([^)]*\))?|error|assertion failed|thread '[^']*' panicked at)\s*:?\s*/i;
// Product and hardware names every report from that platform may carry.
const PLATFORM_WORDS = new Set([
  'macbook',
  'imac',
  'iphone',
  'ipad',
  'macos',
  'ipados',
  'watchos',
  'visionos',
  'freebsd',
  'openbsd',
  'github',
  'javascript',
  'typescript',
  'powershell',
  'nodejs',
]);
// An exception type alone (`ImportError`, `NullPointerException`) says what kind of error, not which
// crash; a qualified one (`ledgerkit.errors.ColumnMappingError`) names the project and stays.
const BARE_EXCEPTION = /^[A-Z][A-Za-z]*(?:Error|Exception|Fault|Panic)$/;
// The C library's error strings: every failing program prints them; they are context, not identity,
// so they weigh less than the report's own strings.
const SYSTEM_MESSAGES = [
  'no such file or directory',
  'permission denied',
  'cannot open shared object file',
  'segmentation fault',
  'bus error',
  'illegal instruction',
  'out of memory',
  'cannot allocate memory',
  'connection refused',
  'connection reset by peer',
  'broken pipe',
  'operation not permitted',
  'resource temporarily unavailable',
  'too many open files',
  'invalid argument',
  'no space left on device',
  'timed out',
].map((m) => tokenize(m).join(' '));
// Images of the operating system: their frames are on every stack of that platform.
const SYSTEM_MODULE =
  /^(?:libsystem_\w+\.dylib|libdyld\.dylib|dyld|CoreFoundation|Foundation|AppKit|UIKit|UIKitCore|GraphicsServices|HIToolbox|libc\.so.*|libc\+\+.*|libpthread.*|ntdll\.dll|kernel32\.dll|KERNELBASE\.dll|user32\.dll)$/i;
// Where a crash line's message splits into parts worth a phrase each.
const PART_BREAK = /:\s|\(|\)|\[|\]|\s-\s|,\s|;\s/;
// Operating systems and runtimes the require groups name, as they are written in reports.
const FACT_WORDS: Readonly<Record<string, string[]>> = {
  macos: ['macOS', 'Mac OS X', 'OS X', 'Darwin'],
  linux: ['Linux'],
  windows: ['Windows'],
  ios: ['iOS'],
  android: ['Android'],
  freebsd: ['FreeBSD'],
  python: ['Python'],
  ruby: ['Ruby'],
  node: ['Node.js', 'Node'],
  go: ['Go', 'golang'],
  rust: ['Rust', 'rustc'],
  java: ['Java', 'JVM'],
};

export function choosePhrases(
  signals: Signals,
  details: ReportDetails,
  df: DocumentFrequency,
): ChosenPhrases {
  const rare = (phrase: string): boolean => df.of(phrase) <= Math.max(1, df.docs * MAX_SHARE);
  // Rare strings weigh most; a C library message counts as context (with the file or symbol it names).
  const weight = (phrase: string): number =>
    SYSTEM_MESSAGES.includes(tokenize(phrase).join(' ')) ? 2 : df.of(phrase) === 0 ? 6 : 4;
  const frames = chooseFrames(signals);
  // Tokens of every frame (names, modules, files), boilerplate included: frames are matched as frames,
  // and `start_thread` or `clone3.S` in a backtrace is no signature.
  const frameTokens = new Set(
    signals.frames.flatMap((f) => tokenize(`${f.fn} ${f.module ?? ''} ${f.file ?? ''}`)),
  );

  const candidates: string[] = [];
  for (const line of details.crashLines) candidates.push(...crashLineParts(line.text));
  candidates.push(...details.errorCodes.filter((c) => !NOISE.test(c)));
  for (const word of signals.text.split(/[^A-Za-z0-9_]+/))
    if (IDENTIFIER.test(word) && !NOISE.test(word)) candidates.push(word);
  const seen = new Set<string>();
  const ranked = candidates
    .filter((c) => {
      const key = tokenize(c).join(' ');
      if (!key || seen.has(key) || tokenize(c).every((t) => frameTokens.has(t) || PLATFORM_WORDS.has(t)))
        return false;
      if (BARE_EXCEPTION.test(c)) return false;
      seen.add(key);
      return !isGenericPhrase(tokenize(c).map(stem)) && !tokenize(c).every(isStopword);
    })
    // Rarest first; among equals, the order found (crash lines, then codes, then identifiers).
    .map((phrase, order) => ({ phrase, order, n: df.of(phrase) }))
    .sort((a, b) => a.n - b.n || a.order - b.order);
  // Rare phrases only, unless that leaves fewer than two: a report of an incident the corpus already
  // knows shares its best strings with those reports, and they are still the best it has.
  const rareOnes = ranked.filter((r) => rare(r.phrase));
  const signatures: WeightedPhrase[] = [];
  const kept: Set<string>[] = [];
  for (const { phrase } of rareOnes.length >= 2 ? rareOnes : ranked) {
    // One phrase per string: `page_fte` adds nothing next to `page_fte->type`.
    const tokens = new Set(tokenize(phrase));
    const overlaps = kept.some(
      (k) => [...tokens].every((t) => k.has(t)) || [...k].every((t) => tokens.has(t)),
    );
    if (overlaps) continue;
    kept.push(tokens);
    signatures.push({ phrase, weight: weight(phrase) });
    if (signatures.length >= MAX_SIGNATURES) break;
  }

  let keywords: WeightedPhrase[] = [];
  const hadSignatures = signatures.length > 0;
  if (signatures.length + frames.length < 2) {
    // A report in prose: its rarest words are all it has; the rarest two, unseen elsewhere, count as
    // signatures (a product or feature name), the rest as keywords.
    keywords = chooseKeywords(signals, df, new Set(signatures.map((s) => s.phrase)));
    while (
      signatures.length < 2 &&
      frames.length === 0 &&
      !hadSignatures &&
      keywords.length > 0 &&
      df.of(keywords[0]!.phrase) === 0
    )
      signatures.push({ ...keywords.shift()!, weight: 6 });
  }
  return { signatures, frames, keywords, require: chooseRequire(signals) };
}

/**
 * The parts of a crash line's message worth a phrase: split where the message splits (`: `, brackets,
 * ` - `), each of two or more words, cut to CRASH_LINE_TOKENS tokens without trailing numbers.
 */
function crashLineParts(text: string): string[] {
  const parts: string[] = [];
  for (const raw of text.replace(CRASH_PREFIX, '').split(PART_BREAK)) {
    const spans = tokenizeWithSpans(raw);
    let last = Math.min(spans.tokens.length, CRASH_LINE_TOKENS) - 1;
    while (last > 0 && /^\d+$/.test(spans.tokens[last]!)) last--;
    // Two words that say something, at least: `with length` alone is no signature.
    if (last < 1 || spans.tokens.slice(0, last + 1).filter((t) => !isStopword(t)).length < 2) continue;
    parts.push(raw.slice(spans.starts[0], spans.ends[last]).trim());
  }
  return parts;
}

function chooseFrames(signals: Signals): WeightedPhrase[] {
  const names: string[] = [];
  for (const f of signals.frames) {
    if (f.boilerplate || !/[A-Za-z]{3}/.test(f.fn) || names.includes(f.fn)) continue;
    if (f.module && SYSTEM_MODULE.test(f.module)) continue;
    names.push(f.fn);
    if (names.length >= MAX_FRAMES) break;
  }
  // The crashing frames (top of the stack) say the most.
  return names.map((fn, i) => ({ phrase: fn, weight: i < 3 ? 3 : 2 }));
}

function chooseKeywords(signals: Signals, df: DocumentFrequency, taken: Set<string>): WeightedPhrase[] {
  const words = new Map<string, string>();
  for (const w of `${signals.title}\n${signals.text}`.split(/[^\p{L}\p{N}_.-]+/u)) {
    const word = w.replace(/^[.-]+|[.-]+$/g, '');
    const key = word.toLowerCase();
    if (word.length < 4 || words.has(key) || taken.has(word) || isStopword(key) || /^\d/.test(word)) continue;
    if (tokenize(word).length !== 1 || isGenericPhrase([stem(key)])) continue;
    words.set(key, word);
  }
  return [...words.values()]
    .map((word, order) => ({ word, order, n: df.of(word) }))
    .sort((a, b) => a.n - b.n || a.order - b.order)
    .slice(0, MAX_KEYWORDS)
    .map(({ word }) => ({ phrase: word, weight: 1 }));
}

function chooseRequire(signals: Signals): PhraseGroup[] {
  const text = ` ${tokenize(`${signals.title}\n${signals.text}`).join(' ')} `;
  const groups: PhraseGroup[] = [];
  for (const kind of ['os', 'runtime'] as const) {
    const fact = signals.facts.find((f) => f.kind === kind && FACT_WORDS[f.name]);
    if (!fact) continue;
    // Only words the report itself uses: a group its own report lacks would keep it from matching.
    const any = FACT_WORDS[fact.name]!.filter((w) => text.includes(` ${tokenize(w).join(' ')} `));
    if (any.length > 0) groups.push({ name: kind === 'os' ? `on ${any[0]}` : `with ${any[0]}`, any });
  }
  return groups;
}
