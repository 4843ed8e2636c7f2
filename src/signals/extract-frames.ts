// Stack frames from every line of a report, in any of the formats the parsers know (see
// frame-formats-native.ts and frame-formats-managed.ts). Dispatches on the first character of a line so
// that prose costs a few comparisons, normalizes the function name and marks boilerplate frames.
import type { Frame } from '../types.js';
import { isBoilerplateFrame, normalizeFrameName } from './frame-name.js';
import {
  parseBacktraceSymbols,
  parseGdb,
  parseIpsJson,
  parseKernelFrame,
  parseLldb,
  parseMacCrash,
  parseWinDbg,
} from './frame-formats-native.js';
import {
  parseAtFrame,
  parseAtPath,
  parseGo,
  parseLua,
  parsePython,
  parseRust,
} from './frame-formats-managed.js';
import { baseName, type ParsedFrames, type RawFrame } from './frame-text.js';
import { stripLogPrefix } from './log-prefix.js';
import { MAX_FRAMES } from './limits.js';

const MAX_MODULE_CHARS = 200;

export interface ExtractedFrames {
  frames: Frame[];
  /** Per line: 1 when the line was read as (part of) a frame. */
  frameLines: Uint8Array;
  /** Evidence text of tabular frame lines (`libsystem_c.dylib abort`), by line; see ParsedFrames.tabular. */
  rendered: Map<number, string>;
  /** True when there were more than MAX_FRAMES frames (later ones are read, not kept). */
  truncated: boolean;
}

/** Frames of `lines` in order; lines where `skip(i)` is true (register dumps, image lists) are not read. */
export function extractFrames(
  lines: readonly string[],
  skip: (index: number) => boolean = () => false,
): ExtractedFrames {
  const frames: Frame[] = [];
  const frameLines = new Uint8Array(lines.length);
  const rendered = new Map<number, string>();
  let truncated = false;
  for (let i = 0; i < lines.length; i++) {
    if (skip(i)) continue;
    const line = stripLogPrefix(lines[i] as string);
    if (line.length < 2) continue;
    // Past the cap only numbered lines are read: the tabular formats, whose text is rendered from the
    // frame (cheaper than the normalization table); other frames would only be counted.
    if (truncated && !isDigit(line.charCodeAt(0))) continue;
    let parsed = parseLine(line, lines[i + 1], lines[i + 2]);
    if (parsed === null) {
      // A tool's tag in front of every line (`[vue-cli-service]     at …`, `web-1  | #0 …`).
      const untagged = withoutToolTag(line);
      if (untagged !== null) parsed = parseLine(untagged, lines[i + 1], lines[i + 2]);
    }
    if (parsed === null) continue;
    for (const raw of parsed.frames) {
      if (frames.length >= MAX_FRAMES) truncated = true;
      if (truncated && parsed.tabular !== true) continue;
      const frame = toFrame(raw);
      if (parsed.tabular === true) rendered.set(i, renderFrame(frame));
      if (!truncated) frames.push(frame);
    }
    frameLines.fill(1, i, i + parsed.consumed + 1);
    i += parsed.consumed;
  }
  return { frames, frameLines, rendered, truncated };
}

// What tools that run others put before each line of their output: a bracketed name (concurrently,
// vue-cli, lerna, turbo) and Docker Compose's `service-1  | `. Tried only on lines no format reads as
// they are: crash lines such as `[SPTM] …` keep their brackets.
const BRACKET_TAG = /^\[[A-Za-z][\w@./:-]{0,39}\]\s{1,12}/;
const COMPOSE_TAG = /^[\w.-]{1,40}\s{0,12}\|\s{1,4}/;

function withoutToolTag(line: string): string | null {
  const c = line.charCodeAt(0);
  const m = c === 91 /* [ */ ? BRACKET_TAG.exec(line) : line.includes('|') ? COMPOSE_TAG.exec(line) : null;
  return m === null ? null : stripLogPrefix(line.slice(m[0].length));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `libsystem_c.dylib abort`, `libfoo.dylib foo file.c:12`: a frame as evidence text. */
function renderFrame(frame: Frame): string {
  let text = frame.module === undefined ? frame.fn : `${frame.module} ${frame.fn}`;
  if (frame.file !== undefined)
    text += frame.line === undefined ? ` ${frame.file}` : ` ${frame.file}:${frame.line}`;
  return text;
}

/** Tries the formats a line can be, cheapest test first. */
export function parseLine(line: string, next?: string, after?: string): ParsedFrames | null {
  const c = line[0] as string;
  if (c === '#') return parseGdb(line, next);
  // lldb: `frame #1: ...`, the selected frame starred (`* frame #0: ...`).
  if ((c === '*' || c === 'f') && (line.startsWith('frame #') || /^\*\s{0,4}frame #/.test(line))) {
    return parseLldb(line);
  }
  if (c === 'a' && line.startsWith('at ')) return parseAtFrame(line) ?? parseAtPath(line);
  if (c === 'F' && line.startsWith('File "')) return parsePython(line);
  if (c === 'B' && line.startsWith('Binary file "')) return parsePython(line);
  if (c >= '0' && c <= '9') {
    const numbered = parseRust(line, next) ?? parseMacCrash(line);
    if (numbered !== null) return numbered;
    if (line.includes('!')) return parseWinDbg(line);
    return line.startsWith('0x') ? parseKernelFrame(line) : null;
  }
  return parseOther(line, next, after);
}

function parseOther(line: string, next: string | undefined, after: string | undefined): ParsedFrames | null {
  if (line.includes(': in ') || line.includes(':in ')) {
    const lua = parseLua(line);
    if (lua !== null) return lua;
  }
  if (line.endsWith(']') && line.includes('(')) {
    const bt = parseBacktraceSymbols(line);
    if (bt !== null) return bt;
  }
  if (line.includes('!')) {
    const win = parseWinDbg(line);
    if (win !== null) return win;
  }
  if (line.includes('"symbol"')) return parseIpsJson(line);
  if (
    next !== undefined &&
    (next.includes('.go:') || next.includes('.s:') || (after?.includes('.go:') ?? false))
  ) {
    return parseGo(line, next, after);
  }
  return null;
}

function toFrame(raw: RawFrame): Frame {
  const fn = normalizeFrameName(raw.fn);
  const frame: Frame = { fn, boilerplate: isBoilerplateFrame(fn, raw.file) };
  const module = raw.module?.trim();
  if (module !== undefined && module !== '') frame.module = module.slice(0, MAX_MODULE_CHARS);
  if (raw.file !== undefined) {
    const file = baseName(raw.file);
    if (file !== '') frame.file = file.slice(0, MAX_MODULE_CHARS);
  }
  if (raw.line !== undefined && Number.isFinite(raw.line) && raw.line > 0) frame.line = raw.line;
  return frame;
}
