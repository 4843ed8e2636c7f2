// Parsers for native stack frame formats, one function per format: lldb, gdb (and its relatives:
// AddressSanitizer and Tarantool's `#1 0x4b4b7d in fn+301`), macOS crash reports, glibc/Ruby
// `backtrace_symbols`, WinDbg `module!function+0x12`, symbolicated kernel panic frames and the
// `"symbol"` fields of macOS .ips JSON. Each takes a line already stripped of indentation and quote
// markers (and the next lines, for formats that wrap) and returns frames or null.
import {
  baseName,
  one,
  parseLocation,
  readSymbol,
  tabular,
  type ParsedFrames,
  type RawFrame,
} from './frame-text.js';

// lldb: `* frame #0: 0x0000000104f1f5e4 libfoo.dylib`sym(args) at file.c:12:3 [opt]`.
const LLDB = /^(?:\*\s{0,4})?frame #\d{1,5}:\s{0,8}(?:0x[0-9a-fA-F]{1,16}\s{1,8})?(.{1,4000})$/;
// gdb / sanitizers: `#3  0x0000555555 in fn (args) at f.c:780`, `#8  fn (args) at f.c:258`, `#1 0x4b4b7d in fn+301`.
const GDB = /^#\d{1,5}\s{1,8}(?:(0x[0-9a-fA-F]{1,16})\s{1,8}(?:in\s{1,4})?)?(.{1,4000})$/;
// A symbol may start with a letter, `_`, `~`, `<`, `?`, an ObjC `-[`/`+[`, or `(anonymous namespace)`.
const SYMBOL_START = /^(?:[A-Za-z_~<?$]|[-+]\[|\(anonymous)/;
// Sanitizer location right after the symbol: ` /src/file.c:12:3`.
const SANITIZER_LOCATION = /^\s{1,4}(\S{1,1000}:\d{1,7}(?::\d{1,7})?)/;
// Sanitizer module + offset: `(/lib/x86_64-linux-gnu/libc.so.6+0x29d90)`.
const MODULE_OFFSET = /\(([^()\s]{1,300})\+0x[0-9a-fA-F]{1,16}\)/;
// A `(file.swift:12)` location after a macOS frame symbol.
const TRAILING_PAREN_LOCATION = /\s\(([^()\s]{1,300}:\d{1,7})\)$/;
// glibc / Ruby backtrace_symbols: `/usr/lib/libruby.so.3.3(rb_vm_bugreport+0x5cc) [0x7f2a1b2c3d4e]`.
const BACKTRACE_SYMBOLS = /^(\S{1,500}?)\(([^()\s]{0,300})\)\s{0,4}\[0x[0-9a-fA-F]{1,16}\]$/;
// WinDbg: `ntdll!RtlRaiseException+0x4e [d:\src\x.c @ 42]`, after optional index/address columns.
const WINDBG =
  /(?:^|\s)([A-Za-z_][\w.-]{0,99})!([^\s!+]{1,400})(\+0x[0-9a-fA-F]{1,16})?(?:\s{1,4}\[([^\]]{1,500}) @ (\d{1,7})\])?$/;
// WinDbg `k` output starts with a two-digit hex frame number.
const WINDBG_INDEX = /^[0-9a-fA-F]{2}\s/;
// Symbolicated kernel frame: `0xfffffe0012345678 panic_trap_to_debugger + 132`.
const ADDRESS_SYMBOL =
  /^0x[0-9a-fA-F]{9,16}\s{1,8}(?:in\s)?([A-Za-z_][\w:.$~]{0,300})(?:\s\+\s(?:0x[0-9a-fA-F]{1,16}|\d{1,9}))?$/;
// Intel panic log: `0xffffff80a1b2c3d0 : 0xffffff8012345678 mach_kernel : _panic + 0x1a`.
const PANIC_RETURN =
  /^0x[0-9a-fA-F]{1,16}\s{0,4}:\s{0,4}0x[0-9a-fA-F]{1,16}\s{1,4}(\S{1,200})\s{1,4}:\s{1,4}(.{1,400})$/;
// macOS .ips JSON frames: `"symbol":"mi_free"`.
const IPS_SYMBOL = /"symbol"\s{0,4}:\s{0,4}"([^"\\]{1,300})"/g;

function withLocation(frame: RawFrame, loc: string | undefined): RawFrame {
  if (loc === undefined) return frame;
  const parsed = parseLocation(loc);
  if (parsed !== null) {
    frame.file = parsed.file;
    frame.line = parsed.line;
  }
  return frame;
}

/** The location after the last ` at ` when it ends the text (`... at lj_err.c:780`). */
function atLocation(rest: string): string | undefined {
  const at = rest.lastIndexOf(' at ');
  if (at < 0) return undefined;
  const loc = rest.slice(at + 4).trim();
  return loc === '' || loc.includes(' ') ? undefined : loc;
}

export function parseLldb(line: string): ParsedFrames | null {
  const m = LLDB.exec(line);
  if (m === null) return null;
  let rest = (m[1] as string).replace(/\s\[(?:opt|artificial)\]/g, ''); // markers are not part of the location
  let module: string | undefined;
  const tick = rest.indexOf('`');
  if (tick > 0) {
    module = rest.slice(0, tick).trim();
    rest = rest.slice(tick + 1);
  }
  const at = rest.lastIndexOf(' at ');
  const frame: RawFrame = { fn: at >= 0 ? rest.slice(0, at) : rest, module };
  return one(withLocation(frame, at >= 0 ? rest.slice(at + 4) : undefined));
}

export function parseGdb(line: string, nextLine: string | undefined): ParsedFrames | null {
  let next = nextLine;
  const m = GDB.exec(line);
  if (m === null) return null;
  const hasAddress = m[1] !== undefined;
  let body = (m[2] as string).trim();
  let consumed = 0;
  if (body === 'in' && next !== undefined && !next.trimStart().startsWith('#')) {
    body = next.trim(); // gdb wrapped the line right after `in`: the symbol starts the next line
    next = undefined;
    consumed = 1;
  }
  if (body.startsWith('(') && hasAddress) {
    const mod = MODULE_OFFSET.exec(body);
    return one({ fn: '??', module: mod === null ? undefined : baseName(mod[1] as string) });
  }
  if (!SYMBOL_START.test(body)) return null;
  const { symbol, rest } = readSymbol(body);
  // Without an address, ask for an argument list or a location so that `#123 was fixed` is not a frame.
  const named = symbol.includes('(') || symbol.startsWith('<') || rest.trimStart().startsWith('(');
  if (!hasAddress && !named && !rest.includes(' at ')) {
    return null;
  }
  const frame: RawFrame = { fn: symbol };
  const from = rest.lastIndexOf(' from '); // gdb: `fn () from /lib/x86_64-linux-gnu/libc.so.6`
  if (from >= 0) frame.module = baseName(rest.slice(from + 6));
  if (rest.includes('+0x')) {
    const mod = MODULE_OFFSET.exec(rest);
    if (mod !== null) frame.module = baseName(mod[1] as string);
  }
  const loc = atLocation(rest) ?? SANITIZER_LOCATION.exec(rest)?.[1];
  if (loc !== undefined) return { frames: [withLocation(frame, loc)], consumed };
  // gdb wraps long argument lists: the ` at file:line` may end the next line.
  if (next !== undefined && (next.includes(') at ') || next.trimStart().startsWith('at '))) {
    const wrapped = atLocation(` ${next.trim()}`);
    if (wrapped !== undefined && !next.trimStart().startsWith('#')) {
      return { frames: [withLocation(frame, wrapped)], consumed: 1 };
    }
  }
  return { frames: [frame], consumed };
}

export function parseMacCrash(line: string): ParsedFrames | null {
  // `3   libsystem_c.dylib   0x000000018a2b3c4d abort + 180`, hand-parsed (the most common frame line
  // of all): number, spaces, image, spaces, `0x...`, symbol.
  let i = 0;
  while (i < line.length && i < 5 && isDigit(line.charCodeAt(i))) i++;
  if (i === 0 || i > 4 || !isSpace(line.charCodeAt(i))) return null;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  const addr = line.indexOf(' 0x', i);
  if (addr <= i) return null;
  let j = addr + 3;
  const hexStart = j;
  while (j < line.length && isHex(line.charCodeAt(j))) j++;
  if (j === hexStart || j - hexStart > 16 || !isSpace(line.charCodeAt(j))) return null;
  let symbol = line.slice(j).trim();
  if (symbol === '') return null;
  let loc: string | undefined;
  if (symbol.endsWith(')')) {
    const m = TRAILING_PAREN_LOCATION.exec(symbol);
    if (m !== null) {
      symbol = symbol.slice(0, m.index).trim();
      loc = m[1];
    }
  }
  return tabular(withLocation({ fn: withoutSpacedOffset(symbol), module: line.slice(i, addr).trim() }, loc));
}

/** `abort + 180` → `abort`, by hand: this runs for every line of a macOS crash report. */
function withoutSpacedOffset(symbol: string): string {
  const plus = symbol.lastIndexOf(' + ');
  if (plus <= 0) return symbol;
  for (let k = plus + 3; k < symbol.length; k++) if (!isDigit(symbol.charCodeAt(k))) return symbol;
  return plus + 3 < symbol.length ? symbol.slice(0, plus) : symbol;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

export function parseBacktraceSymbols(line: string): ParsedFrames | null {
  const m = BACKTRACE_SYMBOLS.exec(line);
  if (m === null) return null;
  const symbol = m[2] as string;
  return tabular({
    fn: symbol === '' || symbol.startsWith('+') ? '??' : symbol,
    module: baseName(m[1] as string),
  });
}

export function parseWinDbg(line: string): ParsedFrames | null {
  const m = WINDBG.exec(line);
  if (m === null) return null;
  if (m[3] === undefined && m[4] === undefined && !WINDBG_INDEX.test(line)) return null;
  const frame: RawFrame = { fn: m[2] as string, module: m[1] as string };
  if (m[4] !== undefined) {
    frame.file = m[4];
    frame.line = Number(m[5]);
  }
  return one(frame);
}

export function parseKernelFrame(line: string): ParsedFrames | null {
  const panic = PANIC_RETURN.exec(line);
  if (panic !== null) return tabular({ fn: panic[2] as string, module: panic[1] as string });
  const m = ADDRESS_SYMBOL.exec(line);
  return m === null ? null : tabular({ fn: m[1] as string });
}

export function parseIpsJson(line: string): ParsedFrames | null {
  const frames: RawFrame[] = [];
  IPS_SYMBOL.lastIndex = 0;
  for (const m of line.matchAll(IPS_SYMBOL)) frames.push({ fn: m[1] as string });
  return frames.length === 0 ? null : { frames, consumed: 0 };
}
