// Lines that state the failure itself: panics (kernel, Rust, Go, YJIT), fatal errors, assertion
// failures in their many spellings (including LuaJIT's `lj_assert_fail` arguments in a gdb frame),
// uncaught exceptions and error lines that name the failure. An ordered rule table; the first rule
// that matches a line decides its kind. Lines are the normalized text lines, so addresses and ids are
// already placeholders.
import type { CrashLine, CrashLineKind } from '../types.js';
import { MAX_CRASH_LINE_CHARS, MAX_CRASH_LINES } from './limits.js';
import { stripLogPrefix } from './log-prefix.js';
import { OrderedSet } from './ordered-set.js';

interface CrashRule {
  kind: CrashLineKind;
  /** Tested on the line without its log prefix. */
  pattern: RegExp;
  /** `match`: the crash line starts where the pattern matched (for lines with a prefix of noise). */
  from: 'line' | 'match';
  /** When the line ends with `:`, the message is on the next line (Rust ≥ 1.73 panics). */
  joinNext?: boolean;
}

const RULES: readonly CrashRule[] = [
  // macOS kernel panic: `panic(cpu 6 caller addr): [SPTM] ...`.
  { kind: 'panic', pattern: /^panic\(cpu \d{1,3} caller [^)]{1,40}\):/, from: 'line' },
  // Rust: `thread 'main' panicked at src/main.rs:10:5:` (message on the next line) or `... at 'msg', x.rs:1`.
  {
    kind: 'panic',
    pattern: /thread '[^'\n]{0,200}'(?: \(\d{1,10}\))? panicked at/,
    from: 'match',
    joinNext: true,
  },
  // Go: `panic: runtime error: ...`, and `panic: ` + a message.
  { kind: 'panic', pattern: /^panic: \S/, from: 'line' },
  // Go's net/http recovers handler panics and logs them: `http: panic serving [::1]:60825: runtime error: ...`.
  { kind: 'panic', pattern: /\b(?:http: )?panic serving\b/, from: 'match' },
  // Rust panic messages quoted without the `thread ... panicked` line, and custom hooks' `Panicked at x.rs:1:2`.
  {
    kind: 'panic',
    pattern:
      /\bcalled `(?:Option|Result)::(?:unwrap|expect)[^`\n]{0,20}` on an? `(?:None|Err)` value|^Panicked at /,
    from: 'line',
  },
  // Ruby YJIT and similar runtimes: `ruby: YJIT has panicked. More info to follow...`.
  { kind: 'panic', pattern: /\b[\w-]{1,40} has panicked\b/, from: 'match' },
  // Linux: `Kernel panic - not syncing: Attempted to kill init!`.
  { kind: 'panic', pattern: /^Kernel panic\s?[-:]/i, from: 'line' },
  // Apple secure monitors' panic strings quoted without the `panic(cpu ...)` prefix: `[SPTM] VIOLATION_...`.
  { kind: 'panic', pattern: /^\[(?:SPTM|TXM|PPL|SEP)\]\s/, from: 'line' },
  // Rust runtime aborts: `fatal runtime error: stack overflow`.
  { kind: 'fatal', pattern: /^fatal runtime error:/i, from: 'line' },
  // CPython: `Fatal Python error: _PyRecursiveMutex_Unlock: ...`, anywhere in the line.
  { kind: 'fatal', pattern: /Fatal Python error:/, from: 'match' },
  // Go runtime, compilers: `fatal error: concurrent map writes`.
  { kind: 'fatal', pattern: /^fatal error:\s?\S/i, from: 'line' },
  // Swift / PHP / V8: `Fatal error: Unexpectedly found nil`, `# Fatal error in , line 0`.
  { kind: 'fatal', pattern: /^(?:#\s)?Fatal error(?: in [^:\n]{0,80})?:/, from: 'line' },
  // Loggers and Android: `FATAL: ...`, `FATAL ERROR: ...`, `FATAL EXCEPTION: main`, `[FATAL] ...`.
  { kind: 'fatal', pattern: /^(?:FATAL(?: ERROR| EXCEPTION)?:|\[FATAL\])\s?\S/, from: 'line' },
  // C assert on macOS and Windows: `Assertion failed: (p != NULL), function mi_free, file free.c, line 12.`
  { kind: 'assertion', pattern: /\bAssertion failed\b/i, from: 'match' },
  // glibc assert: `prog: lj_x.c:12: fn: Assertion `x != 0' failed.`, and `Assertion "msg" failed`.
  { kind: 'assertion', pattern: /Assertion [`'"][^\n]{0,400}?[`'"] failed/, from: 'line' },
  // Rust: `assertion `left != right` failed: ...`.
  { kind: 'assertion', pattern: /\bassertion `[^`\n]{0,400}` failed/, from: 'match' },
  // LuaJIT / WebKit / many C projects: `LuaJIT ASSERT lj_x.c:243: fn: cond`, `ASSERTION FAILED: x`.
  { kind: 'assertion', pattern: /\bASSERT(?:ION)?\b/, from: 'line' },
  // Chromium / glog / abseil: `Check failed: x`, `DCHECK failed: x`.
  { kind: 'assertion', pattern: /\b(?:D?CHECK|Check) failed\b/, from: 'match' },
  // Node and Python assertion errors are assertions, not generic exceptions.
  { kind: 'assertion', pattern: /^(?:Uncaught )?AssertionError\b/, from: 'line' },
  // Java: `Exception in thread "main" java.lang.NullPointerException: ...`, and `Caused by: ...`.
  { kind: 'exception', pattern: /^(?:Exception in thread "[^"\n]{0,100}" |Caused by: )\S/, from: 'line' },
  // Objective-C / C++ terminate messages.
  {
    kind: 'exception',
    pattern: /Terminating app due to uncaught exception|terminate called after throwing an instance of/,
    from: 'match',
  },
  // .NET: `Unhandled exception. System.NullReferenceException: ...`.
  { kind: 'exception', pattern: /^Unhandled [Ee]xception[.:]/, from: 'line' },
  // An exception type at the start of a line: `TypeError: x`, `java.lang.IllegalStateException`, `KeyError: 'a'`.
  {
    kind: 'exception',
    pattern:
      /^(?:Uncaught |Unhandled )?(?:[A-Za-z_$][\w$]{0,80}\.){0,12}[A-Z][\w$]{0,80}(?:Error|Exception|Exit|Interrupt|Fault)(?=[:\s[(]|$)/,
    from: 'line',
  },
  // Ruby: `app.rb:12:in 'foo': undefined method 'x' for nil (NoMethodError)`.
  { kind: 'exception', pattern: /\([A-Z][\w:]{0,80}(?:Error|Exception)\)$/, from: 'line' },
  // `Error: ret = HV_BAD_ARGUMENT (...)` anywhere, even inside a JSON log line.
  {
    kind: 'error',
    pattern: /\b(?:error|Error|ERROR):\s?(?:ret\s?=\s?)?[A-Z][A-Z0-9]{0,30}(?:_[A-Z0-9]{1,30}){1,8}/,
    from: 'match',
  },
  // `QEMU error: x`, `qemu-system-aarch64: Error: x`, `mimalloc: error: x`, `==pid==ERROR: AddressSanitizer: x`.
  {
    kind: 'error',
    pattern:
      /^(?:==\w{1,10}==)?(?:[\w./-]{1,60}:\s{0,2}){0,3}(?:\[[\w.-]{1,30}\]\s{0,2})?(?:[\w-]{1,30}\s)?(?:error|ERROR|Error)(?:\[\w{1,10}\])?:\s{0,4}\S/,
    from: 'line',
  },
  // A bracketed component then a symbolic code: `[hvf] HV_BAD_ARGUMENT: ...`.
  { kind: 'error', pattern: /^\[[\w-]{1,20}\]\s[A-Z][A-Z0-9]{0,30}(?:_[A-Z0-9]{1,30}){1,8}:/, from: 'line' },
];

// Words without which a line is no crash line (lines starting with `[` are candidates too). Found in one
// pass over the lower-cased joined lines (much faster in V8 than a case-insensitive pattern); only the
// lines they are on are classified.
const TRIGGER =
  /panic|fatal|assert|check failed|error|exception|terminat|fault|interrupt|exit|violation|unwrap|expect/g;
// LuaJIT's assertion arguments in a gdb frame: `file=addr "lj_sysprof.c", line=243, func=addr "f", fmt=addr "cond"`.
const LJ_ASSERT_FILE = /file=[^"\n]{0,40}"(?:[^"\n]{0,300}\/)?([^"/\n]{1,200})"/; // the base name of `file`
const LJ_ASSERT_LINE = /\bline=(\d{1,7})/; // `line=243`
const LJ_ASSERT_FUNC = /func=[^"\n]{0,40}"([^"\n]{1,200})"/; // the quoted function name
const LJ_ASSERT_FMT = /fmt=[^"\n]{0,40}"([^"\n]{1,500})"/; // the quoted condition or message
// Backticks of markdown code spans around a quoted line (`` `Error: x` ``).
const EDGE_BACKTICKS = /^`{1,3}|`{1,3}$/g;
// Runs of whitespace, collapsed in crash line text.
const WHITESPACE = /\s+/g;

/** Crash lines of `lines` (normalized text lines, title first), deduplicated by kind and text. */
export function extractCrashLines(lines: readonly string[]): { crashLines: CrashLine[]; truncated: boolean } {
  const out = new OrderedSet<CrashLine>(MAX_CRASH_LINES);
  for (const i of candidateLines(lines)) {
    const raw = lines[i] as string;
    const found = raw.includes('lj_assert_fail') ? luajitAssert(raw, lines[i + 1]) : classify(raw, lines, i);
    if (found === null) continue;
    out.add(found, `${found.kind}\u0000${found.text}`);
    if (out.full) return { crashLines: out.items, truncated: i < lines.length - 1 };
  }
  return { crashLines: out.items, truncated: false };
}

/** Indices of the lines that hold a trigger word or start with `[`, in order, each once. */
function candidateLines(lines: readonly string[]): number[] {
  const joined = lines.join('\n').toLowerCase();
  const hits = new Uint8Array(lines.length);
  if (joined.length === lines.reduce((n, l) => n + l.length + 1, -1)) {
    let line = 0;
    let lineEnd = (lines[0] ?? '').length; // offset of the `\n` after the current line
    TRIGGER.lastIndex = 0;
    for (const m of joined.matchAll(TRIGGER)) {
      while (m.index > lineEnd && line < lines.length - 1) {
        line++;
        lineEnd += 1 + (lines[line] as string).length;
      }
      hits[line] = 1;
    }
  } else {
    hits.fill(1); // lower-casing changed offsets (rare characters such as `İ`): classify every line
  }
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++)
    if (hits[i] === 1 || startsWithBracket(lines[i] as string)) out.push(i);
  return out;
}

function startsWithBracket(line: string): boolean {
  let i = 0;
  while (i < line.length && ' \t>*+-'.includes(line[i] as string)) i++;
  return line[i] === '[';
}

function classify(raw: string, lines: readonly string[], i: number): CrashLine | null {
  const line = stripLogPrefix(raw).trim();
  for (const rule of RULES) {
    const m = rule.pattern.exec(line);
    if (m === null) continue;
    let text = rule.from === 'match' ? line.slice(m.index) : line;
    if (line.startsWith('{') && text !== line) {
      const quote = text.indexOf('"'); // a message inside a JSON log line ends at its closing quote
      if (quote > 0) text = text.slice(0, quote);
    }
    if (rule.joinNext === true && text.endsWith(':')) text = `${text} ${nextNonEmpty(lines, i)}`;
    return { kind: rule.kind, text: clean(text) };
  }
  return null;
}

function nextNonEmpty(lines: readonly string[], i: number): string {
  for (let k = i + 1; k < lines.length && k <= i + 3; k++) {
    const t = (lines[k] as string).trim();
    if (t !== '') return t;
  }
  return '';
}

/** `lj_assert_fail (g=.., file=.. "x.c", line=12, func=.. "f", fmt=.. "cond")`, possibly wrapped onto the next line. */
function luajitAssert(line: string, next: string | undefined): CrashLine | null {
  const joined = next !== undefined && !next.trimStart().startsWith('#') ? `${line} ${next}` : line;
  const file = LJ_ASSERT_FILE.exec(joined)?.[1];
  const fmt = LJ_ASSERT_FMT.exec(joined)?.[1];
  if (file === undefined && fmt === undefined) return null;
  const lineNo = LJ_ASSERT_LINE.exec(joined)?.[1];
  const func = LJ_ASSERT_FUNC.exec(joined)?.[1];
  const where = [
    file === undefined ? undefined : lineNo === undefined ? file : `${file}:${lineNo}`,
    func,
    fmt,
  ];
  return {
    kind: 'assertion',
    text: clean(`lj_assert_fail ${where.filter((w) => w !== undefined).join(': ')}`),
  };
}

function clean(text: string): string {
  const t = text.replace(WHITESPACE, ' ').replace(EDGE_BACKTICKS, '').trim();
  return t.length > MAX_CRASH_LINE_CHARS ? t.slice(0, MAX_CRASH_LINE_CHARS) : t;
}
