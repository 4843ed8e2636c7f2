// Normalizes the function name of a stack frame so that the same function reads the same in every
// format and build: no address, offset, argument list, template/generic arguments, `[inlined]` or
// `[opt]` markers, Rust hash suffix. Namespace paths (C++ `a::b`, Rust `a::b`, Java `a.b.C.m`) stay.
// Also decides whether a frame is boilerplate (see boilerplate.ts).
import { BOILERPLATE_FILE_PREFIXES, BOILERPLATE_FRAME_PREFIXES, BOILERPLATE_FRAMES } from './boilerplate.js';

const MAX_INPUT_CHARS = 1000;
const MAX_NAME_CHARS = 300;
const UNKNOWN = '??';

// lldb/compiler markers after a name: ` [opt]`, ` [inlined]`, ` [artificial]`.
const MARKERS = /\s{0,4}\[(?:opt|inlined|artificial)\]/g;
// ` (in libfoo.dylib)` as printed by atos and sample: the module is not part of the name.
const IN_MODULE = /\s\(in [^()]{1,200}\)/g;
// A trailing offset: ` + 180`, `+0x1c`, `+301`.
const TRAILING_OFFSET = /\s?\+\s?(?:0x[0-9a-fA-F]{1,16}|\d{1,9})$/;
// A plain name: identifier characters with `.`/`::`/`$` separators, no brackets, spaces or markers,
// not starting with `0x` (an address) and not ending with a separator.
const PLAIN_NAME = /^(?!0x)[A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*)*$/;
// A bare address or `0x...` + offset: an unsymbolicated frame.
const ADDRESS_ONLY = /^0x[0-9a-fA-F]{1,16}$/;
// Rust legacy-mangling hash suffix: `::h0123456789abcdef`.
const RUST_HASH = /::h[0-9a-f]{16}$/;
// Empty path segments left after removing `<impl ...>` groups.
const EMPTY_SEGMENTS = /(?:::){2,}/g;
// Runs of whitespace inside a name (ObjC selectors, `(anonymous namespace)`).
const WHITESPACE = /\s+/g;
// Generic groups kept as they are: they name a frame rather than parametrize it.
const KEPT_ANGLE = new Set([
  'anonymous',
  'lambda',
  'listcomp',
  'dictcomp',
  'setcomp',
  'genexpr',
  'module',
  'unknown',
  'init',
  'clinit',
]);

// Crash reports repeat the same symbols across threads: remember recent answers (a cache only; the
// result of a call never depends on it).
const MAX_CACHED = 4096;
const nameCache = new Map<string, string>();
const boilerplateCache = new Map<string, boolean>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, value);
  return value;
}

/** The normalized function name of a raw frame symbol; `??` when nothing is left. */
export function normalizeFrameName(raw: string): string {
  const cached = nameCache.get(raw);
  return cached ?? remember(nameCache, raw, computeFrameName(raw));
}

function computeFrameName(raw: string): string {
  let s = raw.length > MAX_INPUT_CHARS ? raw.slice(0, MAX_INPUT_CHARS) : raw;
  s = s.trim();
  if (s.includes('+')) s = stripTrailingOffsets(s);
  // Most names are plain identifiers or paths (`abort`, `lj_err_throw`, `com.foo.Bar.baz`): done.
  if (PLAIN_NAME.test(s) && !s.includes('::h'))
    return s.length > MAX_NAME_CHARS ? s.slice(0, MAX_NAME_CHARS) : s;
  const inlined = s.lastIndexOf('[inlined]');
  if (inlined >= 0 && s.slice(inlined + 9).trim() !== '') s = s.slice(inlined + 9);
  s = s.replace(MARKERS, '').replace(IN_MODULE, '').trim();
  if (s.includes('+')) s = stripTrailingOffsets(s);
  if (s === '' || ADDRESS_ONLY.test(s) || /^\?+$/.test(s)) return UNKNOWN; // unsymbolicated or `?`
  if (/^<[^<>]{1,80}>$/.test(s)) return s; // `<unknown>`, `<module>`, `<signal handler called>`: a whole name in brackets.
  s = stripGenerics(s, 0);
  s = cutArguments(s);
  s = s.replace(RUST_HASH, '').replace(EMPTY_SEGMENTS, '::').replace(WHITESPACE, ' ').trim();
  while (s.endsWith('::') || s.endsWith('.')) s = s.slice(0, s.endsWith('.') ? -1 : -2);
  if (s.startsWith('::')) s = s.slice(2);
  if (s === '') return UNKNOWN;
  return s.length > MAX_NAME_CHARS ? s.slice(0, MAX_NAME_CHARS) : s;
}

/** `abort + 180` → `abort`; `f+0x1c+0x2` → `f` (at most two offsets). */
function stripTrailingOffsets(name: string): string {
  let s = name;
  for (let k = 0; k < 2; k++) {
    const m = TRAILING_OFFSET.exec(s);
    if (m === null) break;
    s = s.slice(0, m.index).trimEnd();
  }
  return s;
}

/** Index of the `>` closing the `<` at `open`, or -1. */
function closingAngle(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '<') depth++;
    else if (c === '>' && s[i - 1] !== '-') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * Drops template/generic argument groups (`vector<int>::push_back` → `vector::push_back`), turns Rust
 * qualified paths into plain ones (`<Vec<T> as Drop>::drop` → `Vec::drop`) and drops `<impl X>::`
 * segments (`arm64::<impl Assembler>::compile` → `arm64::compile`).
 */
function stripGenerics(s: string, depth: number): string {
  if (!s.includes('<') || depth > 4) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c !== '<' || out.endsWith('operator') || out.endsWith('operator<')) {
      out += c;
      i++;
      continue;
    }
    const end = closingAngle(s, i);
    if (end < 0) return out + s.slice(i);
    const inner = s.slice(i + 1, end);
    i = end + 1;
    if (KEPT_ANGLE.has(inner)) {
      out += `<${inner}>`;
    } else if (out === '' || out.endsWith('::')) {
      if (inner.startsWith('impl ')) {
        if (s.startsWith('::', i)) i += 2;
      } else {
        const as = inner.indexOf(' as ');
        out += stripGenerics(as >= 0 ? inner.slice(0, as) : inner, depth + 1).trim();
      }
    }
  }
  return out;
}

/**
 * Cuts the argument list: the first `(` that is not part of the name. Kept: `(anonymous namespace)`,
 * Go receivers `pkg.(*T).m`, `operator()`, and anything inside `{...}` (Rust `{{closure}}`).
 */
function cutArguments(s: string): string {
  let braces = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '{') braces++;
    else if (c === '}') braces = Math.max(0, braces - 1);
    else if (c === '(' && braces === 0) {
      if (s.startsWith('(anonymous namespace)', i)) {
        i += 20;
        continue;
      }
      const before = s.slice(0, i);
      if (i === 0 || before.endsWith('.') || before.endsWith('operator')) {
        const close = s.indexOf(')', i);
        if (close < 0) return s;
        i = close;
        continue;
      }
      return before;
    }
  }
  return s;
}

const boilerplateNames = new Set(BOILERPLATE_FRAMES);
// The boilerplate prefixes as one anchored alternation (one test instead of one per prefix).
const BOILERPLATE_PREFIX = new RegExp(
  `^(?:${BOILERPLATE_FRAME_PREFIXES.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
);

/** True for frames every crash has (signal, abort, thread start, runtime plumbing, unnamed frames). */
export function isBoilerplateFrame(fn: string, file?: string): boolean {
  if (file !== undefined && BOILERPLATE_FILE_PREFIXES.some((p) => file.startsWith(p))) return true;
  const cached = boilerplateCache.get(fn);
  return cached ?? remember(boilerplateCache, fn, isBoilerplateName(fn));
}

function isBoilerplateName(fn: string): boolean {
  if (boilerplateNames.has(fn)) return true;
  if (fn.startsWith('_') && boilerplateNames.has(fn.replace(/^_+/, ''))) return true; // `__sigtramp`, `_abort`: aliases
  if (fn.startsWith('?') && /^\?+$/.test(fn)) return true; // `?`, `??`, `???`: no symbol
  return BOILERPLATE_PREFIX.test(fn);
}
