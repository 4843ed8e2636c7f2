// Small Markdown helpers that keep text from one source from changing the meaning of the comment:
// code fences longer than any backtick run inside, inline code that cannot be closed early, and
// @mentions that do not notify anyone.

/** A fenced code block whose fence no backtick run inside `code` can close. */
export function fence(code: string, lang = ''): string {
  let longest = 0;
  for (const m of code.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const f = '`'.repeat(Math.max(3, longest + 1));
  return `${f}${lang}\n${code.replace(/\n+$/, '')}\n${f}`;
}

/** Inline code for arbitrary text (single line). */
export function inlineCode(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ').slice(0, 200);
  let longest = 0;
  for (const m of oneLine.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const f = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${f}${pad}${oneLine}${pad}${f}`;
}

/** Prose with @mentions defused (a zero-width joiner after the @) so no user or team is notified. */
export function noMention(text: string): string {
  return text.replace(/@(?=[\w-])/g, '@\u200d');
}

/** Inline code for a table cell: GFM splits cells at every unescaped `|`, even inside a code span. */
export function codeCell(text: string): string {
  return inlineCode(text).replace(/\|/g, '\\|');
}

/** Prose that may quote a report: HTML shown as text, @mentions defused. */
export function plainText(text: string): string {
  return noMention(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** Text for a table cell: one line, pipes escaped, HTML shown as text. */
export function cell(text: string): string {
  return plainText(text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|'));
}
