// Reads the block structure of an issue body, one line at a time: fenced code blocks (``` and ~~~,
// unterminated ones run to the end), indented code blocks, `<details>` blocks (outermost only, however
// deeply nested), HTML comments (issue-template instructions, dropped) and inline code spans.
// A single linear pass with a little state; no regex over the whole body.

/** How a line reads: prose, inside a code block, a fence marker, or inside an HTML comment. */
export type LineKind = 'prose' | 'code' | 'fence' | 'comment';

/** Content lines [start, end) of one block. */
export interface BlockRange {
  kind: 'fenced' | 'indented' | 'details';
  start: number;
  end: number;
}

export interface MarkdownLayout {
  /** The input lines with HTML comments removed (a line wholly inside a comment becomes ''). */
  lines: string[];
  kinds: LineKind[];
  /** Top-level blocks in order; blocks nested in a `<details>` belong to that details block. */
  blocks: BlockRange[];
  /** Inline code span contents from prose lines, in order. */
  inlineCode: string[];
}

const MAX_INLINE_SPANS = 500;

interface Fence {
  char: string;
  len: number;
}

/** Scans `lines` (already bounded by bound-input) into kinds and block ranges. */
export function scanMarkdown(input: readonly string[]): MarkdownLayout {
  const lines: string[] = [];
  const kinds: LineKind[] = [];
  const blocks: BlockRange[] = [];
  const inlineCode: string[] = [];
  let fence: Fence | null = null;
  let fenceStart = 0;
  let inComment = false;
  let detailsDepth = 0;
  let detailsStart = 0;
  let indentStart = -1;
  let indentEnd = -1;

  const closeIndented = (): void => {
    if (indentStart >= 0 && detailsDepth === 0)
      blocks.push({ kind: 'indented', start: indentStart, end: indentEnd });
    indentStart = -1;
  };

  for (let i = 0; i < input.length; i++) {
    const raw = input[i] as string;
    if (fence !== null) {
      lines.push(raw);
      if (isFenceClose(raw, fence)) {
        kinds.push('fence');
        if (detailsDepth === 0) blocks.push({ kind: 'fenced', start: fenceStart, end: i });
        fence = null;
      } else {
        kinds.push('code');
      }
      continue;
    }
    let line = raw;
    if (inComment) {
      const close = line.indexOf('-->');
      if (close < 0) {
        lines.push('');
        kinds.push('comment');
        continue;
      }
      line = line.slice(close + 3);
      inComment = false;
    }
    if (line.includes('<!--')) {
      const stripped = stripComments(line);
      line = stripped.text;
      inComment = stripped.open;
    }
    lines.push(line);

    const open = parseFenceOpen(line);
    if (open !== null) {
      closeIndented();
      kinds.push('fence');
      fence = open;
      fenceStart = i + 1;
      continue;
    }

    if (line.includes('<')) {
      const opened = (): void => {
        detailsStart = i;
      };
      const closed = (): void => {
        blocks.push({ kind: 'details', start: detailsStart, end: i + 1 });
      };
      detailsDepth = trackDetails(line, detailsDepth, opened, closed);
    }

    if (isIndentedCode(line) && (indentStart >= 0 || i === 0 || isBlank(lines[i - 1] as string))) {
      if (indentStart < 0) indentStart = i;
      indentEnd = i + 1;
      kinds.push('code');
      continue;
    }
    if (indentStart >= 0 && !isBlank(line)) closeIndented();
    kinds.push('prose');
    if (line.includes('`') && inlineCode.length < MAX_INLINE_SPANS) collectInlineCode(line, inlineCode);
  }
  if (fence !== null && detailsDepth === 0)
    blocks.push({ kind: 'fenced', start: fenceStart, end: input.length });
  closeIndented();
  if (detailsDepth > 0) blocks.push({ kind: 'details', start: detailsStart, end: input.length });
  blocks.sort((a, b) => a.start - b.start);
  return { lines, kinds, blocks, inlineCode };
}

/** Leading blockquote markers and indentation, which do not change what a fence line is. */
function fenceBody(line: string): string {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t' || line[i] === '>')) i++;
  return i === 0 ? line : line.slice(i);
}

function runLength(s: string, ch: string): number {
  let n = 0;
  while (n < s.length && s[n] === ch) n++;
  return n;
}

/** ``` or ~~~ (3 or more) opens a fence; a backtick fence's info string may not contain a backtick. */
function parseFenceOpen(line: string): Fence | null {
  const body = fenceBody(line);
  const ch = body[0];
  if (ch !== '`' && ch !== '~') return null;
  const len = runLength(body, ch);
  if (len < 3) return null;
  if (ch === '`' && body.indexOf('`', len) >= 0) return null;
  return { char: ch, len };
}

function isFenceClose(line: string, fence: Fence): boolean {
  const body = fenceBody(line);
  const len = runLength(body, fence.char);
  return len >= fence.len && body.slice(len).trim() === '';
}

/** Removes `<!-- ... -->` parts of a line; `open` when a comment starts and does not end on it. */
function stripComments(line: string): { text: string; open: boolean } {
  let out = '';
  let pos = 0;
  for (;;) {
    const start = line.indexOf('<!--', pos);
    if (start < 0) return { text: out + line.slice(pos), open: false };
    out += line.slice(pos, start);
    const end = line.indexOf('-->', start + 4);
    if (end < 0) return { text: out, open: true };
    pos = end + 3;
  }
}

// `<details>` / `<details open>` and `</details>`, any case.
const DETAILS_TAG = /<(\/?)details(?=[\s>])/gi;

/** Updates the nesting depth of `<details>`; calls `opened` at 0 → 1 and `closed` at 1 → 0. */
function trackDetails(line: string, depth: number, opened: () => void, closed: () => void): number {
  let d = depth;
  DETAILS_TAG.lastIndex = 0;
  for (const m of line.matchAll(DETAILS_TAG)) {
    if (m[1] === '/') {
      if (d === 1) closed();
      if (d > 0) d--;
    } else {
      if (d === 0) opened();
      d++;
    }
  }
  return d;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Four spaces or a tab, then something. */
function isIndentedCode(line: string): boolean {
  if (line.startsWith('\t')) return line.trim() !== '';
  return line.startsWith('    ') && line.trim() !== '';
}

/** Collects inline code spans: a run of N backticks up to the next run of exactly N. */
function collectInlineCode(line: string, out: string[]): void {
  let pos = 0;
  while (out.length < MAX_INLINE_SPANS) {
    const open = line.indexOf('`', pos);
    if (open < 0) return;
    const n = runLength(line.slice(open, open + 16), '`');
    let search = open + n;
    let close = -1;
    while (search < line.length) {
      const c = line.indexOf('`', search);
      if (c < 0) break;
      const m = runLength(line.slice(c, c + 16), '`');
      if (m === n) {
        close = c;
        break;
      }
      search = c + m;
    }
    if (close < 0) return;
    const content = line.slice(open + n, close).trim();
    if (content !== '') out.push(content);
    pos = close + n;
  }
}
