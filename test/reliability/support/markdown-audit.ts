// Reads a comment the way GitHub renders it, far enough to say what a reader would see outside code:
// fenced blocks, then table rows split into cells (GFM splits cells before it finds code spans, so an
// unescaped `|` inside backticks ends the span), then code spans. What is left must hold no live
// @mention and no HTML but the app's own tags, every fence and <details> must be closed, and the whole
// must fit GitHub's comment limit.

/** GitHub refuses a comment body longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface CommentAudit {
  chars: number;
  tooLong: boolean;
  /** A code fence is still open at the end (the rest of the comment, or a reply after it, is code). */
  openFence: boolean;
  /** `<details>` opened and closed outside code do not pair up. */
  unbalancedDetails: boolean;
  /** `@name` outside code: GitHub would notify that user or team. */
  liveMentions: string[];
  /** HTML outside code other than the app's own tags. */
  rawHtml: string[];
}

/** The problems of an audit, in words; empty when the comment is safe. */
export function auditProblems(a: CommentAudit): string[] {
  const out: string[] = [];
  if (a.tooLong) out.push(`${a.chars} chars, over GitHub's ${GITHUB_COMMENT_LIMIT}`);
  if (a.openFence) out.push('a code fence is left open');
  if (a.unbalancedDetails) out.push('<details> and </details> do not pair up');
  if (a.liveMentions.length > 0) out.push(`live mentions: ${a.liveMentions.slice(0, 3).join(', ')}`);
  if (a.rawHtml.length > 0) out.push(`raw HTML: ${a.rawHtml.slice(0, 3).join(', ')}`);
  return out;
}

// The tags the app writes itself (evidence blocks, the commands line, its hidden markers).
const APP_HTML = [
  /^<details(?: open)?>$/,
  /^<\/details>$/,
  /^<\/?summary>$/,
  /^<\/?sub>$/,
  /^<!-- crash-triage:v1 state=[a-z-]+(?: incident=[a-z0-9-]+)? -->$/,
  /^<!-- crash-triage:reply -->$/,
];
// HTML as CommonMark sees it inline: open and closing tags, comments, processing instructions, CDATA.
// An unclosed `<!--` is flagged too: at the start of a line it hides everything up to a later `-->`.
const HTML = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--(?:[\s\S]*?-->)?|<\?[\s\S]*?\?>|<!\[CDATA\[/g;
// A word character right after `@`, as the brief defines a live mention (GitHub logins are a subset).
const MENTION = /@\w[\w-]*(?:\/[\w-]+)?/g;
// Opening and closing code fences (CommonMark: up to 3 spaces of indent, 3+ backticks or tildes).
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
// Blocks whose content CommonMark leaves as raw HTML up to the next blank line (type 6 start tags).
const HTML_BLOCK = /^ {0,3}<\/?(?:details|summary)(?:[\s/>]|$)/i;
// Lines that start a new block (and so end a paragraph's code spans).
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:\s|$)|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|\|)/;
const QUOTE_PREFIX = /^(?: {0,3}> ?)+/;

export function auditComment(body: string): CommentAudit {
  const units: string[] = [];
  let fence: { char: string; len: number } | null = null;
  let paragraph: string[] = [];
  let htmlBlock = false;
  const flush = (): void => {
    if (paragraph.length > 0) units.push(stripCodeSpans(paragraph.join('\n')));
    paragraph = [];
  };

  for (const raw of body.split('\n')) {
    const line = raw.replace(QUOTE_PREFIX, '');
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence.char && f[1]!.length >= fence.len && f[2]!.trim() === '') fence = null;
      continue;
    }
    if (f && !(f[1]![0] === '`' && f[2]!.includes('`'))) {
      flush();
      htmlBlock = false;
      fence = { char: f[1]![0]!, len: f[1]!.length };
      continue;
    }
    if (line.trim() === '') {
      flush();
      htmlBlock = false;
      continue;
    }
    if (htmlBlock || HTML_BLOCK.test(line)) {
      // Raw HTML block: markdown (and so code spans) is not processed; all of it is visible.
      flush();
      htmlBlock = true;
      units.push(line);
      continue;
    }
    if (/^ {0,3}\|/.test(line)) {
      flush();
      for (const cell of splitCells(line)) units.push(stripCodeSpans(cell));
      continue;
    }
    if (BLOCK_START.test(line)) flush();
    paragraph.push(line);
  }
  flush();

  // Inline HTML (a comment included) cannot span blocks: each unit is matched on its own.
  const html = units.flatMap((u) => [...u.matchAll(HTML)].map((m) => m[0]));
  const visible = units.join('\n');
  const opened = html.filter((h) => /^<details[\s>]/i.test(h)).length;
  const closed = html.filter((h) => /^<\/details>/i.test(h)).length;
  return {
    chars: body.length,
    tooLong: body.length > GITHUB_COMMENT_LIMIT,
    openFence: fence !== null,
    unbalancedDetails: opened !== closed,
    liveMentions: [...visible.matchAll(MENTION)].map((m) => m[0]),
    rawHtml: html.filter((h) => !APP_HTML.some((re) => re.test(h))),
  };
}

/** A table row's cells: split on every `|` not escaped with a backslash, even inside backticks. */
function splitCells(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && line[i + 1] === '|') {
      cur += '\\|';
      i++;
    } else if (ch === '|') {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

/** Text with its code spans removed: a run of N backticks opens a span only if another run of N closes it. */
export function stripCodeSpans(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf('`', i);
    if (at < 0) {
      out += text.slice(i);
      break;
    }
    let end = at;
    while (text[end] === '`') end++;
    const run = end - at;
    // A backslash-escaped backtick cannot open a span.
    let slashes = 0;
    for (let k = at - 1; k >= 0 && text[k] === '\\'; k--) slashes++;
    const close = slashes % 2 === 0 ? findRun(text, end, run) : -1;
    if (close < 0) {
      out += text.slice(i, end);
      i = end;
      continue;
    }
    out += `${text.slice(i, at)}\u2420`;
    i = close + run;
  }
  return out;
}

function findRun(text: string, from: number, run: number): number {
  let i = from;
  while (i < text.length) {
    const at = text.indexOf('`', i);
    if (at < 0) return -1;
    let end = at;
    while (text[end] === '`') end++;
    if (end - at === run) return at;
    i = end;
  }
  return -1;
}

/**
 * `body` with every `|` inside a code span of a table row escaped, as the renderer should write it (GFM
 * reads `\|` as a pipe inside the cell). Lets the tests tell the known table-pipe bug from anything new:
 * a comment whose problems all disappear once its pipes are escaped has only that bug.
 */
export function escapePipesInTableCode(body: string): string {
  return body
    .split('\n')
    .map((line) => (/^ {0,3}\|/.test(line) ? escapeInSpans(line) : line))
    .join('\n');
}

function escapeInSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const at = line.indexOf('`', i);
    if (at < 0) return out + line.slice(i);
    let end = at;
    while (line[end] === '`') end++;
    const close = findRun(line, end, end - at);
    if (close < 0) {
      out += line.slice(i, end);
      i = end;
      continue;
    }
    const inner = line.slice(end, close).replace(/(?<!\\)\|/g, '\\|');
    out += `${line.slice(i, end)}${inner}${line.slice(close, close + (end - at))}`;
    i = close + (end - at);
  }
  return out;
}
