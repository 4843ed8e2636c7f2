// Error codes, source locations and signal names found anywhere in the (normalized) report text:
// symbolic codes (`HV_BAD_ARGUMENT`, `KERN_INVALID_ADDRESS`), numeric codes next to an error word
// (`ret = ... (0xfae94003`), `file.c:1044` locations, and `SIGABRT` / `EXC_BAD_ACCESS` / `Abort trap: 6`.
// Each list is deduplicated, in order of first appearance, and capped. Patterns never cross a line.
import { NON_CODE_NAMES, NON_CODE_PREFIXES } from './boilerplate.js';
import { MAX_CODES, MAX_LOCATIONS, MAX_SIGNALS } from './limits.js';
import { OrderedSet } from './ordered-set.js';

// An underscore between two upper-case letters or digits: the seed of an ALL_CAPS code. The scan jumps
// from `_` to `_`; the whole word around it is read in code and checked with SYMBOLIC_WORD.
const CODE_SEED = /_(?<=[A-Z0-9]_)(?=[A-Z0-9])/g;
// ALL_CAPS words joined by underscores (`EXC_BAD_ACCESS`), starting with a letter.
const SYMBOLIC_WORD = /^[A-Z][A-Z0-9]{0,30}(?:_[A-Z0-9]{1,30}){1,8}$/;
// `0x` + 1..8 hex digits, a whole number (longer ones are addresses, already `addr`); the literal
// comes first and the start of the number is checked behind it, so the scan jumps from `0x` to `0x`.
const SHORT_HEX = /0x(?<![\w.]0x)[0-9a-fA-F]{1,8}(?![\w])/g;
// NTSTATUS error values (`0xc0000005`) and failure HRESULTs (`0x80070005`) are codes wherever they are.
const WINDOWS_CODE = /^0x(?:[cC]0[0-9a-fA-F]{6}|8[0-9a-fA-F]{7})$/;
// An error word just before a number: `error 0x..`, `code=0x..`, `ret = 0x..`, `status: 0x..`.
const ERROR_WORD_BEFORE =
  /\b(?:error|err|errno|errcode|code|ret|returned|return|status|exception|signal|result|hresult|reason|failed|failure)[\s:=(,#]{0,4}$/i;
// A symbolic code just before a number: `HV_BAD_ARGUMENT (0xfae94003`.
const SYMBOL_BEFORE = /\b[A-Z][A-Z0-9]{0,30}(?:_[A-Z0-9]{1,30}){1,8}[\s:=(,#]{0,4}$/;
const CONTEXT_CHARS = 48;
// An environment read just before a name: `ENV['X']`, `ENV.fetch('X')`, `getenv("X")`, `os.environ["X"]`, `process.env.X`.
const ENV_READ = /(?:\bENV(?:\.fetch\(|\[)|getenv\(|environ(?:\.get\(|\[)|process\.env\.)['"]?$/;

const nonCodes = new Set(NON_CODE_NAMES);

/** Symbolic and numeric error codes, as written. */
export function extractErrorCodes(text: string): string[] {
  const found: { at: number; code: string }[] = [];
  CODE_SEED.lastIndex = 0;
  let wordEnd = -1;
  for (const m of text.matchAll(CODE_SEED)) {
    if (m.index < wordEnd) continue; // another underscore of the word just read
    let at = m.index;
    while (at > 0 && isWordChar(text.charCodeAt(at - 1))) at--;
    wordEnd = m.index;
    while (wordEnd < text.length && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
    const code = text.slice(at, wordEnd);
    if (!SYMBOLIC_WORD.test(code) || text[at - 1] === '$') continue;
    if (code.length < 5 || nonCodes.has(code) || NON_CODE_PREFIXES.some((p) => code.startsWith(p))) continue;
    const before = text[at - 1];
    const after = text[wordEnd];
    // `FOO_BAR=1`, `${FOO_BAR}`, `%FOO_BAR%`: a variable being set or read, not a failure.
    if ((after === '=' && text[wordEnd + 1] !== '=') || before === '{' || before === '%') continue;
    if (ENV_READ.test(text.slice(Math.max(0, at - 16), at))) continue;
    found.push({ at, code });
    if (found.length > MAX_CODES * 4) break;
  }
  SHORT_HEX.lastIndex = 0;
  for (const m of text.matchAll(SHORT_HEX)) {
    const code = m[0];
    if (/^0x0+$/.test(code)) continue; // zero is no code
    if (WINDOWS_CODE.test(code) || hasErrorContext(text, m.index)) found.push({ at: m.index, code });
    if (found.length > MAX_CODES * 8) break;
  }
  found.sort((a, b) => a.at - b.at);
  const out = new OrderedSet(MAX_CODES);
  for (const f of found) out.add(f.code, f.code.toLowerCase());
  return out.items;
}

/** Letters, digits and `_`. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function hasErrorContext(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const window = text.slice(Math.max(lineStart, at - CONTEXT_CHARS), at);
  return ERROR_WORD_BEFORE.test(window) || SYMBOL_BEFORE.test(window);
}

// `.ext:line` or `.ext:line:col`; the file name before the dot is read backwards in code, so the scan
// jumps from dot to dot instead of trying every word.
const LOCATION_TAIL = /\.([A-Za-z][A-Za-z0-9+]{0,4}):(\d{1,7})(?::\d{1,5})?(?![\w])/g;
const MAX_FILE_NAME_CHARS = 150;
// Python traceback form: `File ".../worker.py", line 12`.
const PYTHON_LOCATION = /File "(?:[^"\n]{0,1000}[/\\])?([^"/\\\n]{1,200}\.py)", line (\d{1,7})/g;
// .NET form: `Program.cs:line 42` (the name before `.cs` is read backwards, as above).
const DOTNET_LOCATION = /\.cs:line (\d{1,7})/g;

/** Source file extensions: `file.c:12` is a location, `example.com:8080` is not. */
const SOURCE_EXTENSIONS = new Set(
  (
    'c h cc cpp cxx c++ hpp hh hxx ipp tcc inc m mm rs go py pyx rb js mjs cjs ts tsx jsx java kt kts ' +
    'scala groovy cs fs vb swift lua zig s asm php pl pm ex exs erl hrl hs ml dart nim d f90 cu vala cr jl clj v'
  ).split(' '),
);

/** Start of the file name that ends at `dot`: letters, digits, `_`, `-`, `+` and inner dots. */
function fileNameStart(text: string, dot: number): number {
  let i = dot;
  const limit = Math.max(0, dot - MAX_FILE_NAME_CHARS);
  while (i > limit && isFileNameChar(text.charCodeAt(i - 1))) i--;
  while (i < dot && text[i] === '.') i++; // `../hvf.c`: leading dots belong to the path
  return i;
}

function isFileNameChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 ||
    c === 45 ||
    c === 43 ||
    c === 46
  );
}

/** `file.ext:line` locations (the column is dropped), as base names. */
export function extractLocations(text: string): string[] {
  const found: { at: number; loc: string }[] = [];
  LOCATION_TAIL.lastIndex = 0;
  for (const m of text.matchAll(LOCATION_TAIL)) {
    if (!SOURCE_EXTENSIONS.has((m[1] as string).toLowerCase())) continue;
    const start = fileNameStart(text, m.index);
    if (start === m.index) continue;
    found.push({ at: start, loc: `${text.slice(start, m.index)}.${m[1]}:${Number(m[2])}` });
    if (found.length > MAX_LOCATIONS * 4) break;
  }
  PYTHON_LOCATION.lastIndex = 0;
  for (const m of text.matchAll(PYTHON_LOCATION)) {
    found.push({ at: m.index, loc: `${m[1]}:${Number(m[2])}` });
    if (found.length > MAX_LOCATIONS * 8) break;
  }
  DOTNET_LOCATION.lastIndex = 0;
  for (const m of text.matchAll(DOTNET_LOCATION)) {
    const start = fileNameStart(text, m.index);
    if (start < m.index) found.push({ at: start, loc: `${text.slice(start, m.index)}.cs:${Number(m[1])}` });
    if (found.length > MAX_LOCATIONS * 8) break;
  }
  found.sort((a, b) => a.at - b.at);
  const out = new OrderedSet(MAX_LOCATIONS);
  for (const f of found) out.add(f.loc);
  return out.items;
}

// POSIX signal names and Mach / Windows exception types, case-sensitive as the OS prints them.
const SIGNAL_NAME =
  /\b(?:SIG(?:ABRT|SEGV|BUS|ILL|TRAP|KILL|FPE|TERM|SYS|PIPE|QUIT|INT|HUP|XCPU|XFSZ|EMT|IOT|USR1|USR2|STKFLT|ALRM)|EXC_(?:BAD_ACCESS|CRASH|BREAKPOINT|BAD_INSTRUCTION|ARITHMETIC|RESOURCE|GUARD|SOFTWARE|EMULATION|SYSCALL|CORPSE_NOTIFY)|EXCEPTION_(?:ACCESS_VIOLATION|STACK_OVERFLOW|ILLEGAL_INSTRUCTION|INT_DIVIDE_BY_ZERO|BREAKPOINT|IN_PAGE_ERROR)|STATUS_(?:ACCESS_VIOLATION|STACK_BUFFER_OVERRUN|STACK_OVERFLOW|HEAP_CORRUPTION|ILLEGAL_INSTRUCTION|BREAKPOINT))\b/g;
// Shell and OS messages for fatal signals (first letter in either case), with macOS's optional `: <number>`.
const SIGNAL_PHRASE =
  /\b([Ss]egmentation fault|[Ss]egmentation violation|[Aa]bort trap|[Bb]us error|[Ii]llegal instruction|[Tt]race\/BPT trap|[Ff]loating point exception|Killed)(?:: (\d{1,2}))?\b/g;

/** Canonical spelling of each phrase, and the signal it means. */
const PHRASES: Record<string, { name: string; signal: string }> = {
  'segmentation fault': { name: 'Segmentation fault', signal: 'SIGSEGV' },
  'segmentation violation': { name: 'Segmentation violation', signal: 'SIGSEGV' },
  'abort trap': { name: 'Abort trap', signal: 'SIGABRT' },
  'bus error': { name: 'Bus error', signal: 'SIGBUS' },
  'illegal instruction': { name: 'Illegal instruction', signal: 'SIGILL' },
  'trace/bpt trap': { name: 'Trace/BPT trap', signal: 'SIGTRAP' },
  'floating point exception': { name: 'Floating point exception', signal: 'SIGFPE' },
  killed: { name: 'Killed', signal: 'SIGKILL' },
};

/**
 * Signal names, exception types and signal messages. A message keeps macOS's number when written
 * (`Abort trap: 6`) and brings the signal it means (`SIGABRT`) after it.
 */
export function extractSignalNames(text: string): string[] {
  const found: { at: number; names: string[] }[] = [];
  SIGNAL_NAME.lastIndex = 0;
  for (const m of text.matchAll(SIGNAL_NAME)) {
    found.push({ at: m.index, names: [m[0]] });
    if (found.length > MAX_SIGNALS * 4) break;
  }
  SIGNAL_PHRASE.lastIndex = 0;
  for (const m of text.matchAll(SIGNAL_PHRASE)) {
    const phrase = PHRASES[(m[1] as string).toLowerCase()];
    if (phrase === undefined) continue;
    // `Killed` alone is an ordinary word; only the shell's `Killed: 9` is the signal.
    if (phrase.name === 'Killed' && m[2] !== '9') continue;
    const name = m[2] === undefined ? phrase.name : `${phrase.name}: ${m[2]}`;
    found.push({ at: m.index, names: [name, phrase.signal] });
    if (found.length > MAX_SIGNALS * 8) break;
  }
  found.sort((a, b) => a.at - b.at);
  const out = new OrderedSet(MAX_SIGNALS);
  for (const f of found) for (const n of f.names) out.add(n);
  return out.items;
}
