// Marks the lines of a report that are not evidence: crash-report and panic-log header lines, issue
// template headings, register dumps and the `Binary Images:` list. Header lines are still read for
// facts (OS version, hardware model) before they are dropped; dumps are dropped from everything.
import {
  DROPPED_SECTION_HEADERS,
  HEADER_KEYS,
  NUMERIC_HEADER_KEYS,
  REGISTER_NAMES,
  TEMPLATE_HEADINGS,
} from './boilerplate.js';
import type { LineKind } from './markdown-blocks.js';

/** Why a line is dropped. KEEP lines go into the text. */
export const LineMark = { KEEP: 0, HEADER: 1, TEMPLATE: 2, DUMP: 3 } as const;

const headerKeys = new Set(HEADER_KEYS);
const numericHeaderKeys = new Set(NUMERIC_HEADER_KEYS);
const registerNames = new Set(REGISTER_NAMES);
const templateHeadings = new Set(TEMPLATE_HEADINGS);

const MAX_KEY_CHARS = 48;
const MAX_HEADING_CHARS = 80;
// Markdown around a heading: `### `, `**...**`, `__...__`, a trailing `:` or `?`.
const HEADING_LEAD = '#*_ \t';
const HEADING_TRAIL = '*_:? \t';
const MIN_HEADING_CHARS = Math.min(...TEMPLATE_HEADINGS.map((h) => h.length));

// A register name, then `:`/`=` or spaces, then a hex value: one line of a thread-state dump.
const REGISTER_LINE = /^([a-z][a-z0-9]{0,10})(?:\s{0,8}[:=]\s{0,8}|\s{1,8})0x[0-9a-fA-F]{1,16}\b/i;
// A value made only of numbers (`0x6789abcd 0x000a1b2c`, `0xfffffe10 - 0xfffffe30`, `12345`).
const NUMERIC_VALUE = /^[\s\dA-Fa-fx,.-]{0,200}$/;

/** One mark per line. `kinds` comes from scanMarkdown: template headings are looked for in prose only. */
export function markBoilerplate(lines: readonly string[], kinds: readonly LineKind[]): Uint8Array {
  const marks = new Uint8Array(lines.length);
  let inSection = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const kind = kinds[i];
    if (inSection) {
      if (line.trim() === '' || kind === 'fence') inSection = false;
      else {
        marks[i] = LineMark.DUMP;
        continue;
      }
    }
    const body = stripLead(line);
    if (body === '') continue;
    const first = body[0];
    if ((first === 'B' || first === 'T') && DROPPED_SECTION_HEADERS.some((re) => re.test(body))) {
      marks[i] = LineMark.DUMP;
      inSection = true;
    } else if (body.includes('0x') && isRegisterLine(body)) {
      marks[i] = LineMark.DUMP;
    } else if (isHeaderLine(body)) {
      marks[i] = LineMark.HEADER;
    } else if (kind === 'prose' && isTemplateHeading(body)) {
      marks[i] = LineMark.TEMPLATE;
    }
  }
  return marks;
}

/** Leading indentation, quote markers, list bullets and panic-log dots. */
function stripLead(line: string): string {
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '>' || c === '*' || c === '+' || c === '.' || c === '-') i++;
    else break;
  }
  const end = trimmedEnd(line);
  return i === 0 && end === line.length ? line : line.slice(i, end);
}

/** Length of `line` without trailing whitespace (no allocation when there is none). */
function trimmedEnd(line: string): number {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) <= 32) end--;
  return end;
}

function isRegisterLine(body: string): boolean {
  const m = REGISTER_LINE.exec(body);
  return m !== null && registerNames.has((m[1] as string).toLowerCase());
}

/** `Key: value` where the key is a known header key (spaces collapsed, any case). */
export function isHeaderLine(body: string): boolean {
  const first = body.charCodeAt(0) | 32;
  if (first < 97 || first > 122) return false; // keys start with a letter (log lines with a timestamp do not)
  const colon = body.indexOf(':');
  if (colon <= 0 || colon > MAX_KEY_CHARS) return false;
  let key = body.slice(0, colon).trim().toLowerCase();
  if (key.includes('  ') || key.includes('\t')) key = key.replace(/\s+/g, ' '); // `KernelCache base:  0x...`
  if (headerKeys.has(key)) return true;
  return numericHeaderKeys.has(key) && NUMERIC_VALUE.test(body.slice(colon + 1));
}

/** `### What happened?`, `**Describe the bug**`, `Steps to reproduce:` as a line of its own. */
export function isTemplateHeading(body: string): boolean {
  if (body.length > MAX_HEADING_CHARS || body.length < MIN_HEADING_CHARS) return false;
  let start = 0;
  let end = body.length;
  while (start < end && HEADING_LEAD.includes(body[start] as string)) start++;
  while (end > start && HEADING_TRAIL.includes(body[end - 1] as string)) end--;
  if (end - start < MIN_HEADING_CHARS) return false;
  let s = body.slice(start, end).toLowerCase();
  if (s.includes('  ') || s.includes('\t')) s = s.replace(/\s+/g, ' '); // `Steps  to reproduce`
  return templateHeadings.has(s);
}
