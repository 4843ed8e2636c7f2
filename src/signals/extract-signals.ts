// Issue text → Signals: the first step of the triage pipeline. Pure, synchronous and deterministic;
// it never throws. The body is bounded and cleaned first (bound-input.ts), its markdown structure read
// (markdown-blocks.ts), boilerplate lines marked (remove-boilerplate.ts); then facts are read from all
// lines, frames from all but dumps, and the text, code blocks, crash lines, codes, locations and
// signals from the normalized lines that are evidence. Each step runs guarded: a failing step leaves
// its part empty and says why in `notes`.
import type { IssueInput, Signals } from '../types.js';
import { boundBody, sanitizeText, splitLines } from './bound-input.js';
import { extractErrorCodes, extractLocations, extractSignalNames } from './extract-codes.js';
import { extractCrashLines } from './extract-crash-lines.js';
import { extractFacts } from './extract-facts.js';
import { extractFrames } from './extract-frames.js';
import { describeError, guard } from './guard.js';
import {
  MAX_CODE_BLOCKS,
  MAX_CRASH_LINES,
  MAX_FACT_HEAD_CHARS,
  MAX_FACT_TAIL_CHARS,
  MAX_FRAMES,
  MAX_TITLE_CHARS,
  MIN_INLINE_CODE_CHARS,
} from './limits.js';
import { scanMarkdown, type MarkdownLayout } from './markdown-blocks.js';
import { normalizeText } from './normalize-text.js';
import { LineMark, markBoilerplate } from './remove-boilerplate.js';
import { stripMarkup } from './strip-markup.js';

/** Signals of one issue. Never throws; problems are reported in `notes`. */
export function extractSignals(input: IssueInput): Signals {
  const notes: string[] = [];
  try {
    return extract(input, notes);
  } catch (err) {
    notes.push(`signal extraction failed: ${describeError(err)}`);
    return emptySignals(notes);
  }
}

function extract(input: IssueInput, notes: string[]): Signals {
  const rawTitle = guard(notes, 'title', () => cleanTitle(asString(input?.title)), '');
  const title = guard(notes, 'title normalization', () => normalizeText(stripMarkup(rawTitle)).trim(), rawTitle);

  const bounded = boundBody(asString(input?.body));
  if (bounded.skipped > 0) {
    notes.push(`body too long: skipped ${bounded.skipped} characters in the middle (kept the head and the tail)`);
  }
  const clean = sanitizeText(bounded.text);
  notes.push(...clean.notes);
  const split = splitLines(clean.text);
  if (split.cut > 0) notes.push(`cut ${split.cut} lines longer than the line limit`);

  const layout = guard(notes, 'markdown', () => scanMarkdown(split.lines), plainLayout(split.lines));
  const lines = layout.lines;
  const marks = guard(notes, 'boilerplate', () => markBoilerplate(lines, layout.kinds), new Uint8Array(lines.length));

  const framesFound = guard(notes, 'frames', () => extractFrames(lines, (i) => marks[i] === LineMark.DUMP), {
    frames: [],
    frameLines: new Uint8Array(lines.length),
    rendered: new Map<number, string>(),
    truncated: false,
  });
  if (framesFound.truncated) notes.push(`frames capped at ${MAX_FRAMES}`);
  // Facts come from every line but dumps and frames: headers (`OS Version:`) count, frame lines are bulk.
  const factLines = lines.filter((_l, i) => marks[i] !== LineMark.DUMP && framesFound.frameLines[i] !== 1);
  const factText = headAndTail(`${rawTitle}\n${factLines.join('\n')}`, MAX_FACT_HEAD_CHARS, MAX_FACT_TAIL_CHARS);
  const facts = guard(notes, 'facts', () => extractFacts(factText, notes), []);

  const textLines = guard(
    notes,
    'text',
    () => evidenceLines({ lines, layout, marks, rendered: framesFound.rendered }),
    [] as (string | null)[],
  );
  const dropped = textLines.reduce((n, l, i) => (l === null && layout.kinds[i] !== 'fence' ? n + 1 : n), 0);
  if (dropped > 0) notes.push(`dropped ${dropped} boilerplate lines (headers, template headings, dumps, comments)`);
  const kept = textLines.filter((l): l is string => l !== null);
  const text = `${title}\n${joinLines(kept)}`;

  const codeBlocks = guard(notes, 'code blocks', () => collectCodeBlocks(layout, textLines), []);
  const crash = guard(notes, 'crash lines', () => extractCrashLines([title, ...kept]), {
    crashLines: [],
    truncated: false,
  });
  if (crash.truncated) notes.push(`crash lines capped at ${MAX_CRASH_LINES}`);

  return {
    title,
    text,
    codeBlocks,
    crashLines: crash.crashLines,
    errorCodes: guard(notes, 'error codes', () => extractErrorCodes(text), []),
    locations: guard(notes, 'locations', () => extractLocations(text), []),
    signals: guard(notes, 'signals', () => extractSignalNames(text), []),
    frames: framesFound.frames,
    facts,
    notes,
  };
}

/** The first `head` and last `tail` characters, cut at line breaks. */
function headAndTail(text: string, head: number, tail: number): string {
  if (text.length <= head + tail) return text;
  const headEnd = Math.max(text.lastIndexOf('\n', head), 0);
  const tailStart = text.indexOf('\n', text.length - tail);
  return `${text.slice(0, headEnd)}\n${tailStart < 0 ? '' : text.slice(tailStart + 1)}`;
}

function asString(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : String(value);
}

// Line breaks in a title (API clients can send them): a title is one line.
const LINE_BREAKS = /[\r\n]+/g;

function cleanTitle(title: string): string {
  const one = sanitizeText(title.length > MAX_TITLE_CHARS * 2 ? title.slice(0, MAX_TITLE_CHARS * 2) : title).text;
  const flat = one.replace(LINE_BREAKS, ' ').trim();
  return flat.length > MAX_TITLE_CHARS ? flat.slice(0, MAX_TITLE_CHARS) : flat;
}

interface EvidenceInput {
  lines: readonly string[];
  layout: MarkdownLayout;
  marks: Uint8Array;
  /** Tabular frame lines already rendered as normalized text (see extract-frames.ts). */
  rendered: ReadonlyMap<number, string>;
}

/**
 * Per line, the normalized text it contributes, or null when it is dropped (boilerplate, fence marker,
 * comment). The other lines are normalized in one pass over their joined text: the table never changes
 * the number of lines.
 */
function evidenceLines({ lines, layout, marks, rendered }: EvidenceInput): (string | null)[] {
  const out: (string | null)[] = new Array<string | null>(lines.length).fill(null);
  const toNormalize: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const kind = layout.kinds[i];
    if (marks[i] !== LineMark.KEEP || kind === 'fence' || kind === 'comment') continue;
    const r = rendered.get(i);
    if (r === undefined) toNormalize.push(i);
    else out[i] = r;
  }
  const raw = toNormalize.map((i) => lines[i] as string);
  let normalized = normalizeText(raw.join('\n')).split('\n');
  if (normalized.length !== raw.length) normalized = raw.map((l) => normalizeText(l));
  toNormalize.forEach((lineIndex, k) => {
    const line = normalized[k] as string;
    out[lineIndex] = layout.kinds[lineIndex] === 'prose' ? stripMarkup(line).trimEnd() : line.trimEnd();
  });
  return out;
}

/** Joins lines, keeping at most one blank line in a row. */
function joinLines(lines: readonly string[]): string {
  const out: string[] = [];
  let blank = true;
  for (const line of lines) {
    const isBlank = isBlankLine(line);
    if (isBlank && blank) continue;
    out.push(line);
    blank = isBlank;
  }
  while (out.length > 0 && isBlankLine(out[out.length - 1] as string)) out.pop();
  return out.join('\n');
}

function isBlankLine(line: string): boolean {
  return line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '');
}

/** Block contents as they appear in the text, then long inline code spans. */
function collectCodeBlocks(layout: MarkdownLayout, textLines: readonly (string | null)[]): string[] {
  const blocks: string[] = [];
  for (const b of layout.blocks) {
    if (blocks.length >= MAX_CODE_BLOCKS) return blocks;
    const body = textLines
      .slice(b.start, b.end)
      .filter((l): l is string => l !== null)
      .join('\n')
      .trim();
    if (body !== '') blocks.push(body);
  }
  for (const span of layout.inlineCode) {
    if (blocks.length >= MAX_CODE_BLOCKS) break;
    if (span.length >= MIN_INLINE_CODE_CHARS) blocks.push(normalizeText(span));
  }
  return blocks;
}

function plainLayout(lines: string[]): MarkdownLayout {
  return { lines, kinds: lines.map(() => 'prose' as const), blocks: [], inlineCode: [] };
}

function emptySignals(notes: string[]): Signals {
  return {
    title: '',
    text: '',
    codeBlocks: [],
    crashLines: [],
    errorCodes: [],
    locations: [],
    signals: [],
    frames: [],
    facts: [],
    notes,
  };
}
