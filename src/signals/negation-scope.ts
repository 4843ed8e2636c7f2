// Negation scope in a report's prose: "TSO is not enabled", "nested virtualization is turned off", "not on
// my old Intel Mac", "works on 3.12", "没有开启". A clause (up to sentence punctuation, a comma, "but")
// that holds a negation cue is negated as a whole; what it mentions is not the report's context. A
// maintainer reads it that way: the reporter is saying what they do NOT have, or where it still works.
//
// Only prose is read this way (code blocks and logs are not: "could not map memory" is an error line,
// not a statement of absence), and neither is an error message quoted in prose ("I get Error: Node Sass
// does not yet support your current environment"): from its head (`Error:`, `TypeError:`, `fatal:`) to
// the end of the line it is the program talking. The error idioms of prose are not cues either:
// "cannot start", "not found", "not a function", "no module named", "no longer works" describe the
// failure itself.

/** Character ranges [start, end) of negated clauses in one line. */
export type Ranges = [number, number][];

// Clause boundaries: sentence punctuation (ASCII and CJK), a comma or semicolon, a colon followed by a
// space, and the words that turn a sentence ("but", "however", "although", "though", "whereas", 但;
// "yet", but not in "not yet").
const CLAUSE_BREAK =
  /[.!?;,，。；！？、]+(?=\s|$)|[;，。；！？]|:\s|\s(?:but|however|although|though|whereas)\s|(?<!\bnot|n't)\syet\s|但是|但|不过|然而/gi;

// Cues that make a clause a statement of absence or of where it does not happen (or no longer does:
// "pinning numpy 1.26.4 fixes it", "it builds successfully with 1.26").
const CUE =
  /\b(?:not|no|never|without|nor|none|disabled|off|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|hasn't|haven't|won't)\b|\b(?:works?|worked|fine|ok|okay)\s+(?:\w+\s+)?(?:on|with|in|under)\b|\b(?:downgrad\w*|roll(?:ed|ing)?\s+back)\s+to\b|\b(?:fix(?:es|ed)|solv(?:es|ed)|resolv(?:es|ed))\s+(?:it|this|that|the\s+(?:issue|problem|crash|error))\b|\bworks?\s+again\b|\b(?:builds?|built|runs?|ran)\s+successfully\b|\bsuccessfully\s+(?:builds?|built|runs?|ran)\b|没有|沒有|未|不是|不在|不开|不開|不用|无|無/i;

// Cues that are part of how a failure is described: the clause is about the crash, not its absence.
// So is a fix that did not help: "installing libssl-dev did not fix it", "依然没有解决 …" negate the
// fix, and what the clause names is still the report's.
const FAILURE_IDIOM =
  /\b(?:cannot|can't|can ?not|could ?not|couldn't|unable|fail(?:s|ed)?|no longer|not (?:yet )?(?:found|supported|supports?|implemented|permitted|allowed|available|responding|respond|working|work|load|loaded|open|opened|start|started|boot|booting|launch|launching|defined|a function|a constructor|iterable|callable|subscriptable|recognized|compatible|exists?|match(?:es|ed)?|valid|be (?:found|loaded|opened|resolved))|no such|no space|no memory|not enough|no module named|(?:has|have) no attribute|no (?:matching|suitable|compatible)|(?:does|do|did)n't (?:yet )?(?:support|exist|match)|(?:does|do|did|has|have|had)(?:n't| not)(?: yet)? (?:fix|solve|resolve|help|change)\w*|not (?:fixed|solved|resolved|helped))\b|不能|无法|無法|不了|不支持|没有?解决|未解决/i;
const FAILURE_IDIOMS = new RegExp(FAILURE_IDIOM.source, 'gi');

// A double negative about working is a failure: "doesn't work on 15.1", "does not run with YJIT".
const FAILS_TO_WORK = /(?:\bnot|n't|\bnever|\bno longer)\s+(?:\w+\s+)?(?:works?|run|runs)\b/i;

// The version left behind in a change: "upgraded from 3.12 to 3.13", "after updating from UTM 4.5 to
// 4.6", "从 14.6 升级到 15.1". Only the "from …" part is where it worked; the clause goes on to where it
// crashes, so it is not negated as a whole.
const CHANGED_FROM =
  /\b(?:upgrad|updat|migrat|switch|mov|bump|went|go)\w*\s+((?:\w+\s+){0,2})(from\s+(?:[^,;:.!?]|\.(?=\d)){1,40}?)\s+(?:to|->|→|=>)\s+(v?\d+(?:\.\d+)*)?/gi;
const CHANGED_FROM_ZH = /()(从\s*[^，。；,;]{1,30}?)\s*(?:升级|更新|迁移|换)到\s*(v?\d+(?:\.\d+)*)?/g;
// A line without these words holds no version change (a cheap test before the two patterns above).
const MAY_CHANGE = /\bfrom\b|从/i;
// The product named before the old version: "from Python 3.12" → "Python".
const PRODUCT_BEFORE_VERSION = /^(?:from|从)\s*(.*?)\s*v?\d+(?:\.\d+)*$/i;
// "upgraded UTM from 4.5 to 4.6": the word before "from", unless it names no product.
const NOT_A_PRODUCT =
  /^(?:the|my|our|it|this|that|app|everything|all|we|i|version|versions|again|just|today)$/i;

function productWord(skipped: string | undefined): string | undefined {
  const word = skipped?.trim().split(/\s+/).pop();
  return word && /^[a-z]/i.test(word) && !NOT_A_PRODUCT.test(word) ? word : undefined;
}

/** One "from …" part; when the new version is bare ("to 3.13"), the product it belongs to. */
interface ChangedFrom {
  range: [number, number];
  /** "python 3.13.0" and where it ends, when the old part named the product and the new one did not. */
  carried?: { text: string; end: number };
}

function changedFrom(line: string): ChangedFrom[] {
  const out: ChangedFrom[] = [];
  for (const re of [CHANGED_FROM, CHANGED_FROM_ZH]) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const from = m[2]!;
      const start = m.index + m[0].indexOf(from);
      const found: ChangedFrom = { range: [start, start + from.length] };
      const product = PRODUCT_BEFORE_VERSION.exec(from.trim())?.[1] || productWord(m[1]);
      if (product && m[3] !== undefined)
        found.carried = { text: `${product} ${m[3]}`, end: m.index + m[0].length };
      out.push(found);
    }
  }
  return out;
}

const overlaps = ([a, b]: [number, number], ranges: Ranges): boolean =>
  ranges.some(([s, e]) => a < e && s < b);

// Where an error message starts in a line of prose: `Error:`, `TypeError:`, `fatal error:`, `panic:`,
// `error[E0425]:`, `Assertion failed:`.
const ERROR_HEAD =
  /(?:^|[\s(["'`>])(?:[A-Z][\w.]*(?:Error|Exception|Fault)|[Ee]rror|ERROR|[Ff]atal(?: error)?|FATAL|[Pp]anic|PANIC|[Aa]ssertion failed|Segmentation fault)(?:\[\w+\])?:(?=\s|$)/;

/** The negated clauses of one prose line, and the "from …" part of a version change. */
export function negatedClauses(whole: string): Ranges {
  // Most prose lines have neither a cue nor a version change: nothing else to read.
  if (!CUE.test(whole) && !MAY_CHANGE.test(whole)) return [];
  // The error message a line quotes is read as written.
  const head = whole.includes(':') ? ERROR_HEAD.exec(whole) : null;
  const line = head ? whole.slice(0, head.index) : whole;
  const clauses = negatedWholeClauses(line);
  const from = changedFrom(line)
    .map((c) => c.range)
    .filter((r) => !overlaps(r, clauses));
  if (from.length === 0) return clauses;
  return [...clauses, ...from].sort((x, y) => x[0] - y[0]);
}

function negatedWholeClauses(line: string): Ranges {
  if (!CUE.test(line)) return [];
  const out: Ranges = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(line); ; m = CLAUSE_BREAK.exec(line)) {
    const end = m ? m.index : line.length;
    if (end > start && isNegated(line.slice(start, end))) out.push([start, end]);
    if (!m) break;
    start = m.index + m[0].length;
  }
  return out;
}

function isNegated(clause: string): boolean {
  if (!CUE.test(clause)) return false;
  if (FAILS_TO_WORK.test(clause)) return false;
  // An error idiom with no other cue: "it cannot start the VM" is the symptom.
  const withoutIdioms = clause.replace(FAILURE_IDIOMS, ' ');
  return CUE.test(withoutIdioms);
}

/**
 * `line` with its negated clauses blanked (same length), for readers of facts and versions. A version
 * change keeps only its new version, with the product the old one named: "from Python 3.12 to 3.13"
 * reads as "Python 3.13".
 */
export function maskNegated(line: string): string {
  const ranges = negatedClauses(line);
  if (ranges.length === 0) return line;
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += line.slice(at, s) + ' '.repeat(e - s);
    at = e;
  }
  out += line.slice(at);
  for (const { range, carried } of changedFrom(line)) {
    if (carried === undefined || !ranges.some(([s, e]) => s === range[0] && e === range[1])) continue;
    const start = carried.end - carried.text.length;
    out = out.slice(0, range[0]) + ' '.repeat(start - range[0]) + carried.text + out.slice(carried.end);
  }
  return out;
}
