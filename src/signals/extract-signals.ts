// Issue text → Signals: the first step of the triage pipeline. Pure, synchronous and deterministic;
// it never throws. Steps, in order:
//   1. bound and clean the body (bound-input.ts) and read its markdown structure (markdown-blocks.ts);
//   2. mark boilerplate lines (remove-boilerplate.ts): headers, template headings, dumps;
//   3. read frames from every line but dumps (extract-frames.ts);
//   4. read facts from the lines that are neither dumps nor frames, headers included (extract-facts.ts);
//   5. build the evidence text: kept lines normalized (normalize-text.ts), markup stripped from prose,
//      tabular frame lines rendered from their frames;
//   6. read code blocks from the markdown.
// Crash lines, error codes, locations and signal names are read from the text on demand
// (read-report-details.ts): the matcher does not use them, and on a 64 KB log they cost ~0.7 ms.
// Each step runs guarded: a failing step leaves its part empty and says why in `notes`.
import type { IssueInput, Signals } from '../types.js';
import { boundBody, headAndTail, sanitizeText, splitLines } from './bound-input.js';
import { extractFacts } from './extract-facts.js';
import { extractFrames, type ExtractedFrames } from './extract-frames.js';
import { describeError, guard } from './guard.js';
import { inferPlatform } from './infer-platform.js';
import { maskNegated, negatedClauses } from './negation-scope.js';
import {
  MAX_CODE_BLOCKS,
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
  const title = guard(notes, 'title', () => normalizeText(stripMarkup(rawTitle)).trim(), rawTitle);

  // 1. Bounded, clean lines and their markdown structure.
  const layout = readBody(asString(input?.body), notes);
  const { lines } = layout;
  // 2. Boilerplate.
  const emptyMarks = new Uint8Array(lines.length);
  const marks = guard(notes, 'boilerplate', () => markBoilerplate(lines, layout.kinds), emptyMarks);
  // 3. Frames.
  const noFrames: ExtractedFrames = {
    frames: [],
    frameLines: emptyMarks,
    rendered: new Map(),
    truncated: false,
  };
  const found = guard(
    notes,
    'frames',
    () => extractFrames(lines, (i) => marks[i] === LineMark.DUMP),
    noFrames,
  );
  if (found.truncated) notes.push(`frames capped at ${MAX_FRAMES}`);
  // 4. Facts: headers (`OS Version:`) count; frame lines are bulk without platform details.
  // Negated prose ("not on my Intel Mac", "works on 3.12") is blanked: it is not the report's context.
  const factLines: string[] = [];
  lines.forEach((line, i) => {
    if (marks[i] === LineMark.DUMP || found.frameLines[i] === 1) return;
    factLines.push(layout.kinds[i] === 'prose' ? maskNegated(line) : line);
  });
  const factText = headAndTail(
    `${maskNegated(rawTitle)}\n${factLines.join('\n')}`,
    MAX_FACT_HEAD_CHARS,
    MAX_FACT_TAIL_CHARS,
  );
  const facts = guard(notes, 'facts', () => extractFacts(factText.text, notes), []);
  // A platform the report shows but never names (its frames' libraries, its paths).
  if (!facts.some((f) => f.kind === 'os')) {
    const inferred = guard(
      notes,
      'platform',
      () => inferPlatform(found.frames, headText(lines, 16_384)),
      null,
    );
    if (inferred) facts.push(inferred);
  }
  // 5. Evidence text.
  const evidence = { lines, layout, marks, rendered: found.rendered };
  const textLines = guard(
    notes,
    'text',
    () => evidenceLines(evidence),
    lines.map(() => null),
  );
  const dropped = textLines.filter((l, i) => l === null && layout.kinds[i] !== 'fence').length;
  if (dropped > 0)
    notes.push(`dropped ${dropped} boilerplate lines (headers, template headings, dumps, comments)`);
  const kept: string[] = [];
  const keptProse: boolean[] = [];
  textLines.forEach((l, i) => {
    if (l === null) return;
    kept.push(l);
    keptProse.push(layout.kinds[i] === 'prose' && found.frameLines[i] !== 1);
  });
  const joined = joinLines(kept, keptProse);
  if (joined.repeats > 0)
    notes.push(`kept ${joined.repeats} repeated lines once (the same after normalization)`);
  const text = `${title}\n${joined.text}`;
  const shift = title.length + 1;
  return {
    title,
    text,
    negated: [...negatedClauses(title).flat(), ...joined.negated.map((at) => at + shift)],
    codeBlocks: guard(notes, 'code blocks', () => collectCodeBlocks(layout, textLines), []),
    frames: found.frames,
    facts,
    notes,
  };
}

/** Step 1: the body bounded, cleaned, split into lines and read as markdown; what was changed goes to notes. */
function readBody(body: string, notes: string[]): MarkdownLayout {
  const bounded = boundBody(body);
  if (bounded.skipped > 0) {
    notes.push(
      `body too long: skipped ${bounded.skipped} characters in the middle (kept the head and the tail)`,
    );
  }
  const clean = sanitizeText(bounded.text);
  notes.push(...clean.notes);
  const split = splitLines(clean.text);
  if (split.cut > 0) notes.push(`cut ${split.cut} lines longer than the line limit`);
  const plain: MarkdownLayout = {
    lines: split.lines,
    kinds: split.lines.map(() => 'prose' as const),
    blocks: [],
    inlineCode: [],
  };
  return guard(notes, 'markdown', () => scanMarkdown(split.lines), plain);
}

function asString(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : String(value);
}

// Line breaks in a title (API clients can send them): a title is one line.
const LINE_BREAKS = /[\r\n]+/g;

function cleanTitle(title: string): string {
  const head = title.length > MAX_TITLE_CHARS * 2 ? title.slice(0, MAX_TITLE_CHARS * 2) : title;
  const flat = sanitizeText(head).text.replace(LINE_BREAKS, ' ').trim();
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
 * Step 5: per line, the normalized text it contributes, or null when it is dropped (boilerplate, fence
 * marker, comment). The lines to normalize go through the table in one pass over their joined text:
 * the table never changes the number of lines.
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
  const normalized = normalizedLines(toNormalize.map((i) => lines[i] as string));
  toNormalize.forEach((lineIndex, k) => {
    const line = normalized[k] as string;
    out[lineIndex] = trimEnd(layout.kinds[lineIndex] === 'prose' ? stripMarkup(line) : line);
  });
  return out;
}

/** Normalizes many one-line strings in one pass over their joined text. */
function normalizedLines(lines: readonly string[]): string[] {
  const out = normalizeText(lines.join('\n')).split('\n');
  return out.length === lines.length ? out : lines.map((l) => normalizeText(l));
}

/** `line` without trailing whitespace; no allocation when there is none. */
function trimEnd(line: string): string {
  return line.charCodeAt(line.length - 1) <= 32 ? line.trimEnd() : line;
}

/**
 * Joins lines, keeping at most one blank line in a row and each other line once: a log that repeats a
 * line (a retry loop, the same stack in many threads, timestamps already normalized away) says nothing
 * more the second time, and every copy would cost the matcher time and weigh in its term counts.
 */
/**
 * The kept lines joined (runs of blank lines as one, a repeated line once), with the negated clauses of
 * the prose lines (`prose[k]`) as flat [start, end) pairs in the joined text.
 */
function joinLines(
  lines: readonly string[],
  prose: readonly boolean[],
): { text: string; repeats: number; negated: number[] } {
  const out: string[] = [];
  const seen = new Set<string>();
  const negated: number[] = [];
  let offset = 0;
  let repeats = 0;
  let blank = true;
  for (const [k, line] of lines.entries()) {
    const isBlank = isBlankLine(line);
    if (isBlank && blank) continue;
    if (!isBlank) {
      if (seen.has(line)) {
        repeats++;
        continue;
      }
      seen.add(line);
    }
    if (prose[k] && !isBlank) for (const [a, b] of negatedClauses(line)) negated.push(offset + a, offset + b);
    out.push(line);
    offset += line.length + 1;
    blank = isBlank;
  }
  while (out.length > 0 && isBlankLine(out[out.length - 1] as string)) out.pop();
  return { text: out.join('\n'), repeats, negated };
}

function isBlankLine(line: string): boolean {
  return line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '');
}

/** Block contents as they appear in the text, then long inline code spans (normalized in one pass). */
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
  const spans = layout.inlineCode
    .filter((span) => span.length >= MIN_INLINE_CODE_CHARS)
    .slice(0, MAX_CODE_BLOCKS - blocks.length);
  return spans.length === 0 ? blocks : [...blocks, ...normalizedLines(spans)];
}

function emptySignals(notes: string[]): Signals {
  return {
    title: '',
    text: '',
    negated: [],
    codeBlocks: [],
    frames: [],
    facts: [],
    notes,
  };
}

/** The first lines of the body up to about `chars` characters, joined (a prefix is enough for cues). */
function headText(lines: readonly string[], chars: number): string {
  const out: string[] = [];
  let n = 0;
  for (const line of lines) {
    if (n >= chars) break;
    out.push(line);
    n += line.length + 1;
  }
  return out.join('\n');
}
