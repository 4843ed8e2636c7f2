// Parsers for stack frame formats of managed and scripting runtimes, one function per format:
// Rust panic backtraces, Python tracebacks (and the C stack of `Fatal Python error`), Java/Kotlin,
// JavaScript/Node, .NET, Go and Lua/LuaJIT. Each takes a line already stripped of indentation and
// quote markers (and the next lines, for formats that wrap) and returns frames or null.
import { baseName, one, parseLocation, type ParsedFrames, type RawFrame } from './frame-text.js';

// Rust: `   4: yjit::backend::ir::Assembler::compile` (with RUST_BACKTRACE=full: `4: 0x55d1 - name`).
const RUST = /^\d{1,4}:\s{1,8}(?:0x[0-9a-fA-F]{1,16}\s{1,4}-\s{1,4})?(\S.{0,1000})$/;
// A plausible Rust path: identifiers, `::`, generics, closures; no prose.
const RUST_NAME = /^[\w:<>{}#&*,' [\]-]{1,1000}$/;
// The `at path:line:col` line under a Rust frame (also a JS frame without a function).
const AT_PATH = /^at\s(\S{1,1000}:\d{1,7}(?::\d{1,7})?)$/;
// Python: `File "x.py", line 12, in func` (`Fatal Python error` dumps omit the comma before `in`).
const PYTHON = /^File "([^"]{1,1000})", line (\d{1,7}),? in (\S.{0,300})$/;
// CPython 3.13 C stack in a fatal error: `Binary file "/usr/bin/python3.13", at _Py_DumpStack+0x2c [0x...]`.
const PYTHON_C = /^Binary file "([^"]{1,1000})", at ([^\s[]{1,300})/;
// Java: `at java.base/java.lang.Thread.run(Thread.java:1583)`, `at com.foo.Bar.baz(Bar.java:40) ~[foo.jar:?]`;
// also .NET frames without a source (`at Ns.Dictionary`2.FindValue(TKey key)`, nested `Outer+Inner`).
const JAVA = /^at\s{1,4}(?:([\w.$@-]{1,150})\/\/?)?([\w$.<>`+-]{1,300})\(([^()]{0,300})\)(?:\s.{0,300})?$/;
// Java/Kotlin source in parentheses: `Bar.java:40`, `Native Method`, `Unknown Source`.
const JAVA_SOURCE =
  /^(?:([\w$.-]{1,200}\.(?:java|kt|kts|scala|groovy|clj)|Native Method|Unknown Source)(?::(\d{1,7}))?)$/;
// The line number of a .NET frame: `...x.cs:line 42` at the end.
const DOTNET_LINE = /:line (\d{1,7})$/;
// JavaScript names: identifiers with dots, `<anonymous>`, `[as alias]` parts.
const JS_NAME = /^[\w$.<>[\]]{1,300}$/;
// Go location under a Go frame: `\t/srv/app/main.go:76 +0x19c`.
const GO_LOCATION = /^(\S{1,1000}\.(?:go|s)):(\d{1,7})(?:\s\+0x[0-9a-fA-F]{1,16})?$/;
// A Go function: package path, receiver in parentheses, dots; no spaces.
const GO_NAME = /^[\w./*()[\]{}-]{1,300}$/;
// Lua / LuaJIT traceback: `[C]: in function 'error'`, `app.lua:12: in function 'f'`, `x.lua:3: in main chunk`.
const LUA = /^(\[C\]|\[string "[^"]{0,200}"\]|[^\s:]{1,300}):(?:(\d{1,7}):)?\s{1,4}in\s{1,4}(.{1,300})$/;
// Lua's description of the function: `function 'name'`, `local 'f'`, `method 'm'`, `function <x.lua:3>`.
const LUA_WHAT = /^(?:function|local|global|method|field|upvalue|metamethod)\s{1,4}'([^']{1,200})'$/;

export function parseRust(line: string, next: string | undefined): ParsedFrames | null {
  const m = RUST.exec(line);
  if (m === null) return null;
  const name = (m[1] as string).trim();
  if (!RUST_NAME.test(name) || !(name.includes('::') || name.includes('_') || name.startsWith('<')))
    return null;
  if (name.includes(' ') && !name.includes('<')) return null; // spaces only inside `<impl X>` / `<A as B>`
  const at = next === undefined ? null : AT_PATH.exec(next.trim());
  if (at === null) return one({ fn: name });
  const loc = parseLocation(at[1] as string);
  return { frames: [{ fn: name, file: loc?.file, line: loc?.line }], consumed: 1 };
}

export function parsePython(line: string): ParsedFrames | null {
  const m = PYTHON.exec(line);
  if (m !== null) return one({ fn: (m[3] as string).trim(), file: m[1] as string, line: Number(m[2]) });
  const c = PYTHON_C.exec(line);
  return c === null ? null : one({ fn: c[2] as string, module: baseName(c[1] as string) });
}

/** `at ...` lines: .NET, Java/Kotlin and JavaScript, told apart by their shape. */
export function parseAtFrame(line: string): ParsedFrames | null {
  const dotnet = parseDotNet(line);
  if (dotnet !== null) return dotnet;
  const j = JAVA.exec(line);
  if (j !== null && (j[2] as string).includes('.')) return one(javaFrame(j));
  return parseJavaScript(line);
}

/** .NET: `at Ns.Class.Method(String s) in C:\\src\\x.cs:line 42` (names never contain ` in `). */
function parseDotNet(line: string): ParsedFrames | null {
  const lineNo = DOTNET_LINE.exec(line);
  const inAt = line.indexOf(' in ');
  if (lineNo === null || inAt < 0) return null;
  const fn = line.slice(3, inAt).trim();
  const file = line.slice(inAt + 4, lineNo.index).trim();
  return fn === '' || file === '' ? null : one({ fn, file, line: Number(lineNo[1]) });
}

function javaFrame(m: RegExpExecArray): RawFrame {
  const frame: RawFrame = { fn: m[2] as string };
  if (m[1] !== undefined) frame.module = m[1];
  const src = JAVA_SOURCE.exec((m[3] as string).trim());
  if (src !== null && src[1] !== undefined && !src[1].includes(' ')) {
    frame.file = src[1]; // `Native Method` / `Unknown Source` name no file
    if (src[2] !== undefined) frame.line = Number(src[2]);
  }
  return frame;
}

function parseJavaScript(line: string): ParsedFrames | null {
  let body = line.slice(3).trim();
  if (body.startsWith('async ')) body = body.slice(6).trim();
  if (body.startsWith('new ')) body = body.slice(4).trim();
  let name = '<anonymous>';
  let loc = body;
  const open = body.lastIndexOf(' (');
  if (open > 0 && body.endsWith(')')) {
    name = body.slice(0, open).replace(/\s\[as [\w$]{1,100}\]$/, ''); // `fn [as alias]`: the alias is not the name
    loc = body.slice(open + 2, -1);
  }
  if (!JS_NAME.test(name)) return null;
  if (loc === 'native' || loc === '<anonymous>' || /^index \d{1,7}$/.test(loc)) return one({ fn: name }); // built-ins
  const parsed = parseLocation(loc);
  if (parsed === null || !/:\d{1,7}:\d{1,7}$/.test(loc)) return null; // JS locations always carry a column
  return one({ fn: name, file: parsed.file, line: parsed.line });
}

/** The `at path:line:col` line on its own: a JavaScript frame without a function name. */
export function parseAtPath(line: string): ParsedFrames | null {
  const m = AT_PATH.exec(line);
  if (m === null) return null;
  const loc = parseLocation(m[1] as string);
  return loc === null ? null : one({ fn: '<anonymous>', file: loc.file, line: loc.line });
}

/** Go: `pkg.fn(args)` (or `created by pkg.fn`) followed by a `file.go:line` line; may wrap its arguments. */
export function parseGo(
  line: string,
  next: string | undefined,
  after: string | undefined,
): ParsedFrames | null {
  if (next === undefined) return null;
  // `created by pkg.fn in goroutine 7`: the goroutine number is not part of the name.
  let name = line.startsWith('created by ') ? line.slice(11).replace(/\sin goroutine \d{1,9}$/, '') : line;
  let locLine = next.trim();
  let consumed = 1;
  if (name.endsWith(')')) {
    const open = name.lastIndexOf('(');
    if (open > 0 && name[open - 1] !== '.') name = name.slice(0, open);
  } else if (locLine.startsWith('(') && locLine.endsWith(')') && after !== undefined) {
    locLine = after.trim(); // arguments wrapped onto their own line
    consumed = 2;
  }
  const loc = GO_LOCATION.exec(locLine);
  if (loc === null || !GO_NAME.test(name) || !name.includes('.')) return null;
  return { frames: [{ fn: name, file: loc[1] as string, line: Number(loc[2]) }], consumed };
}

export function parseLua(line: string): ParsedFrames | null {
  const m = LUA.exec(line);
  if (m === null) return null;
  const where = m[1] as string;
  if (!(where.startsWith('[') || where === 'stdin' || /\.(?:lua|moon)$/.test(where) || where.includes('/'))) {
    return null; // only script-like sources: `error: in line 3` is prose
  }
  const what = (m[3] as string).trim();
  const named = LUA_WHAT.exec(what);
  const fn = named !== null ? (named[1] as string) : what === 'main chunk' ? 'main chunk' : '??';
  const frame: RawFrame = { fn, module: where.startsWith('[') ? where : undefined };
  if (!where.startsWith('[')) frame.file = where;
  if (m[2] !== undefined) frame.line = Number(m[2]);
  return one(frame);
}
