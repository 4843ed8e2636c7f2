// Runtime and tool fact rules: language runtimes, VMs and the tools around them, with the version as
// written (`ruby 3.3.6`, `Python 3.13.0`, `LuaJIT 2.1.0-beta3` → 2.1.0, `mimalloc dev3` → 3).
// Most products share one shape, "name [version] version", so they are a data table compiled into a
// single pattern (one pass over the text instead of one per product).
import type { FactRule } from './fact-rule.js';
import { dottedVersion } from './fact-rule.js';

interface Runtime {
  /** Fact name. */
  name: string;
  /** How reports spell it (lower-case regex source; matched against lower-cased text). */
  spellings: string[];
  /** Only this exact spelling counts (`UTM`, not `utm` in a path; `Lua`, not `lua` in a file name). */
  exactCase?: string;
  /** A version without a dot is accepted (`Java 17`, `Node.js 20`); otherwise a dot is required. */
  majorOnly?: boolean;
  /** Largest plausible major version: `Thread.java:745` or `node.js:355` are line numbers. */
  maxMajor: number;
}

/** Runtimes, most specific spelling first (`LuaJIT` before `Lua`, `Apple clang` before `clang`). */
export const RUNTIMES: readonly Runtime[] = [
  { name: 'ruby', spellings: ['ruby'], maxMajor: 9 },
  { name: 'python', spellings: ['cpython', 'python'], maxMajor: 4 },
  { name: 'node', spellings: ['node\\.js', 'nodejs'], majorOnly: true, maxMajor: 40 },
  { name: 'node', spellings: ['node'], maxMajor: 40 },
  { name: 'go', spellings: ['go'], maxMajor: 1 },
  { name: 'rust', spellings: ['rustc', 'rust', 'cargo'], maxMajor: 1 },
  { name: 'java', spellings: ['openjdk', 'java', 'jdk', 'jre'], majorOnly: true, maxMajor: 40 },
  { name: 'luajit', spellings: ['luajit'], maxMajor: 3 },
  { name: 'lua', spellings: ['lua'], exactCase: 'Lua', maxMajor: 5 },
  { name: 'tarantool', spellings: ['tarantool'], maxMajor: 9 },
  { name: 'qemu', spellings: ['qemu-system-[\\w-]{1,20}', 'qemu'], maxMajor: 20 },
  { name: 'utm', spellings: ['utm'], exactCase: 'UTM', maxMajor: 9 },
  { name: 'puma', spellings: ['puma'], maxMajor: 20 },
  { name: 'rails', spellings: ['rails'], maxMajor: 20 },
  { name: 'mimalloc', spellings: ['mimalloc'], maxMajor: 9 },
  { name: 'docker', spellings: ['docker desktop', 'docker'], maxMajor: 40 },
  { name: 'xcode', spellings: ['xcode'], majorOnly: true, maxMajor: 30 },
  { name: 'apple clang', spellings: ['apple clang'], maxMajor: 30 },
  { name: 'clang', spellings: ['clang'], maxMajor: 30 },
  { name: 'gcc', spellings: ['gcc \\(gcc\\)', 'gcc'], maxMajor: 30 },
  { name: 'bun', spellings: ['bun'], maxMajor: 9 },
  { name: 'deno', spellings: ['deno'], maxMajor: 9 },
];

// Each entry's spellings as one anchored pattern, to tell which entry a match belongs to.
const entryPatterns = RUNTIMES.map((r) => ({
  runtime: r,
  pattern: new RegExp(`^(?:${r.spellings.join('|')})$`),
}));

// `<name>[ emulator][ version][:] <version>` over lower-cased text: `ruby 3.3.6`, `QEMU emulator version 9.1.0`,
// `go1.22.3`, `java version "1.8.0_381"`, `puma (6.5.0)`, `mimalloc@3.0.1`, `python3.13`, `UTM Version: 4.6.4`.
const RUNTIME_VERSION = new RegExp(
  `\\b(${RUNTIMES.flatMap((r) => r.spellings).join('|')})(?: emulator)?(?: version)?:?[\\s@"(-]{0,3}v?(\\d{1,4}(?:\\.\\d{1,10}){0,3})`,
  'g',
);

/** The table entry a matched spelling belongs to (`qemu-system-aarch64` → qemu). */
function runtimeOf(spelling: string): Runtime | undefined {
  return entryPatterns.find((e) => e.pattern.test(spelling))?.runtime;
}

let lastText = '';
let lastAnswer = false;

/** Whether the report names mimalloc (remembered for the last text: `dev3` may occur many times). */
function mentionsMimalloc(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastAnswer = /mimalloc/i.test(text);
  }
  return lastAnswer;
}

export const RUNTIME_RULES: readonly FactRule[] = [
  {
    kind: 'runtime',
    name: (m) => runtimeOf(m[1] as string)?.name,
    lower: true,
    pattern: RUNTIME_VERSION,
    version: (m) => dottedVersion(m[2]),
    accept: (m, text, original) => {
      const runtime = runtimeOf(m[1] as string);
      const version = m[2] as string;
      if (runtime === undefined) return false;
      if (runtime.exactCase !== undefined && !original.startsWith(runtime.exactCase)) return false;
      if (text[(m.index ?? 0) - 1] === '.') return false; // `Thread.java:745`: a file extension
      if (!version.includes('.') && runtime.majorOnly !== true) return false;
      if (Number(version.split('.')[0]) > runtime.maxMajor) return false;
      return !/^-Bit/.test(text.slice((m.index ?? 0) + m[0].length)); // `OpenJDK 64-Bit Server VM`
    },
  },
  // YJIT, Ruby's JIT: `+YJIT` in `ruby -v`, `RubyVM::YJIT`, `--yjit`.
  { kind: 'runtime', name: 'yjit', pattern: /\bYJIT\b/g, version: () => undefined },
  {
    // mimalloc's development branches: `dev3` is the 3.x line (only in reports that name mimalloc).
    kind: 'runtime',
    name: 'mimalloc',
    pattern: /\bdev([1-3])\b/g,
    accept: (_m, text) => mentionsMimalloc(text),
  },
  // `.NET 8.0`, `.NET Core 3.1`.
  { kind: 'runtime', name: 'dotnet', pattern: /\.NET(?: Core| Framework)?\s(\d{1,2}\.\d(?:\.\d{1,3})?)/g },
];
