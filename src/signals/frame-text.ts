// Small readers shared by the frame formats: the raw frame shape, a bracket-aware symbol reader, file
// base names and `file:line[:col]` locations. No format knowledge here.

/** A frame as a format parser reads it, before the name is normalized. */
export interface RawFrame {
  fn: string;
  module?: string;
  /** Full path or name as written (the base name is kept in the Frame). */
  file?: string;
  line?: number;
}

/** What a parser made of a line: its frames and how many following lines it used. */
export interface ParsedFrames {
  frames: RawFrame[];
  consumed: number;
  /**
   * The line holds nothing but one frame (number, image, address, symbol, offset): its evidence text can
   * be rendered from the normalized frame instead of running the normalization table over it.
   */
  tabular?: boolean;
}

/** One frame, no extra lines. */
export function one(frame: RawFrame): ParsedFrames {
  return { frames: [frame], consumed: 0 };
}

/** One frame on a line of its own, in a tabular format. */
export function tabular(frame: RawFrame): ParsedFrames {
  return { frames: [frame], consumed: 0, tabular: true };
}

/**
 * Reads a symbol from the start of `s` up to the first whitespace outside brackets, so that
 * `foo(int, char**)`, `std::map<int, long>::at` and `<signal handler called>` are one symbol.
 * Returns the symbol and the rest of the string.
 */
export function readSymbol(s: string): { symbol: string; rest: string } {
  let depth = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if ((c === '<' || c === '>') && s.slice(Math.max(0, i - 8), i) === 'operator') {
      while (i + 1 < s.length && '<>=-'.includes(s[i + 1] as string)) i++;
      continue;
    }
    if (c === '(' || c === '<' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}' || (c === '>' && s[i - 1] !== '-')) && depth > 0) depth--;
    else if ((c === ' ' || c === '\t') && depth === 0) break;
  }
  return { symbol: s.slice(0, i), rest: s.slice(i) };
}

/** `/a/b/c.c` → `c.c`, `C:\x\y.cs` → `y.cs`; Node's `node:internal/...` modules are kept whole. */
export function baseName(path: string): string {
  let p = path.trim();
  if (p.startsWith('node:')) return p;
  if (p.startsWith('file://')) p = p.slice(7);
  const cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return cut >= 0 ? p.slice(cut + 1) : p;
}

/** Parses `path:line` or `path:line:col` (the path may hold `C:`); null when there is no line number. */
export function parseLocation(text: string): { file: string; line: number } | null {
  const t = text.trim();
  const last = t.lastIndexOf(':');
  if (last <= 0 || !isNumber(t, last + 1, t.length)) return null;
  const before = t.lastIndexOf(':', last - 1);
  if (before > 0 && isNumber(t, before + 1, last)) {
    return { file: t.slice(0, before), line: Number(t.slice(before + 1, last)) }; // `file:line:col`
  }
  return { file: t.slice(0, last), line: Number(t.slice(last + 1)) };
}

/** True when `s[from, to)` is 1..7 decimal digits. */
function isNumber(s: string, from: number, to: number): boolean {
  if (to <= from || to - from > 7) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
