// Makes report text safe to scan: bounds its size (head and tail of an oversized body), removes
// control characters and lone surrogates, and splits it into lines of bounded length. Everything
// after this step may assume plain, well-formed, line-sized text.
import { CUT_SLACK_CHARS, MAX_HEAD_CHARS, MAX_LINE_CHARS, MAX_TAIL_CHARS } from './limits.js';

export interface BoundedText {
  text: string;
  /** Characters dropped from the middle (0 when the body fit). */
  skipped: number;
}

/** Keeps about MAX_HEAD_CHARS from the start and MAX_TAIL_CHARS from the end, cutting at line breaks. */
export function boundBody(body: string): BoundedText {
  return headAndTail(body, MAX_HEAD_CHARS, MAX_TAIL_CHARS);
}

/** The first `head` and the last `tail` characters of `text`, each cut at a nearby line break. */
export function headAndTail(text: string, head: number, tail: number): BoundedText {
  if (text.length <= head + tail) return { text, skipped: 0 };
  let headEnd = text.lastIndexOf('\n', head);
  if (headEnd < head - CUT_SLACK_CHARS) headEnd = head;
  let tailStart = text.indexOf('\n', text.length - tail);
  if (tailStart < 0 || tailStart > text.length - tail + CUT_SLACK_CHARS) tailStart = text.length - tail;
  return { text: `${text.slice(0, headEnd)}\n\n${text.slice(tailStart)}`, skipped: tailStart - headEnd };
}

// Line breaks from Windows and classic Mac text: one line model for every rule.
const CARRIAGE_RETURN = /\r\n?/g;
// C0 controls (NUL and friends from binary pastes) except tab, newline and ESC (ANSI colours are
// removed by the normalization table, which needs to see the ESC).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001A\u001C-\u001F\u007F\uFEFF]/g;
// Anything the two passes below would change: one pass to learn that most texts need neither.
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001A\u001C-\u001F\u007F\uFEFF\uD800-\uDFFF]/;
// A UTF-16 high surrogate without its low half, or a low half without its high: not text.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface CleanText {
  text: string;
  notes: string[];
}

/** Normalizes line breaks, blanks control characters and replaces lone surrogates with U+FFFD. */
export function sanitizeText(text: string): CleanText {
  const notes: string[] = [];
  let out = text.includes('\r') ? text.replace(CARRIAGE_RETURN, '\n') : text;
  if (!SUSPECT.test(out)) return { text: out, notes };
  CONTROL.lastIndex = 0;
  if (CONTROL.test(out)) {
    const before = out.length;
    const count = countMatches(out, CONTROL);
    out = out.replace(CONTROL, ' ');
    notes.push(`replaced ${count} control characters with spaces (binary content?) in ${before} characters`);
  }
  LONE_SURROGATE.lastIndex = 0;
  if (LONE_SURROGATE.test(out)) {
    out = out.replace(LONE_SURROGATE, '\uFFFD');
    notes.push('replaced lone UTF-16 surrogates with U+FFFD');
  }
  return { text: out, notes };
}

function countMatches(text: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text) !== null) n++;
  re.lastIndex = 0;
  return n;
}

export interface SplitLines {
  lines: string[];
  /** Lines longer than MAX_LINE_CHARS, which were cut. */
  cut: number;
}

/** Splits on `\n` and cuts lines longer than MAX_LINE_CHARS (never leaving half a surrogate pair). */
export function splitLines(text: string): SplitLines {
  const lines = text.split('\n');
  let cut = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.length > MAX_LINE_CHARS) {
      let end = MAX_LINE_CHARS;
      const last = line.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff) end--;
      lines[i] = line.slice(0, end);
      cut++;
    }
  }
  return { lines, cut };
}
