// Markdown structure: fenced blocks (``` and ~~~, with and without language, unterminated), indented
// blocks, <details> (outermost only), HTML comments and inline code spans.
import { describe, expect, it } from 'vitest';
import { scanMarkdown, type BlockRange } from '../../src/signals/markdown-blocks.js';

const scan = (text: string) => scanMarkdown(text.split('\n'));
/** Block contents as text, for readable expectations. */
const blocks = (text: string): [BlockRange['kind'], string][] => {
  const layout = scan(text);
  return layout.blocks.map((b) => [b.kind, layout.lines.slice(b.start, b.end).join('\n')]);
};

describe('scanMarkdown blocks', () => {
  it.each([
    ['backtick fence', 'before\n```\npanic: boom\n```\nafter', [['fenced', 'panic: boom']]],
    ['fence with a language', '```rust\nfn main() {}\n```', [['fenced', 'fn main() {}']]],
    ['tilde fence', '~~~\nFatal Python error: x\n~~~', [['fenced', 'Fatal Python error: x']]],
    ['longer closing fence', '```\na\n`````\nb', [['fenced', 'a']]],
    ['fence in a blockquote', '> ```\n> SIGSEGV\n> ```', [['fenced', '> SIGSEGV']]],
    ['unterminated fence runs to the end', 'text\n```\nline 1\nline 2', [['fenced', 'line 1\nline 2']]],
    ['a tilde line inside a backtick fence', '```\n~~~\nx\n```', [['fenced', '~~~\nx']]],
    [
      'indented block after a blank line',
      'trace:\n\n    at a.b(C.java:1)\n    at d.e(F.java:2)\n\nend',
      [['indented', '    at a.b(C.java:1)\n    at d.e(F.java:2)']],
    ],
    ['tab-indented block', '\n\tframe one\n\tframe two', [['indented', '\tframe one\n\tframe two']]],
    [
      'details with summary',
      '<details>\n<summary>Log</summary>\n\nerror: x\n</details>',
      [['details', '<details>\n<summary>Log</summary>\n\nerror: x\n</details>']],
    ],
    [
      'details holding a fence is one block',
      '<details><summary>bt</summary>\n\n```\n#0 foo\n```\n</details>',
      [['details', '<details><summary>bt</summary>\n\n```\n#0 foo\n```\n</details>']],
    ],
    [
      'nested details: the outermost only',
      '<details>\n<details>\ninner\n</details>\nouter\n</details>\nafter',
      [['details', '<details>\n<details>\ninner\n</details>\nouter\n</details>']],
    ],
    ['unterminated details runs to the end', 'a\n<details>\nb\nc', [['details', '<details>\nb\nc']]],
  ])('%s', (_what, text, expected) => {
    expect(blocks(text)).toEqual(expected);
  });

  it('does not treat an indented continuation of a paragraph as code', () => {
    expect(blocks('a paragraph\n    continued with indentation')).toEqual([]);
  });

  it('does not open a fence for inline triple backticks', () => {
    const layout = scan('run ```make test``` first\nnext');
    expect(layout.blocks).toEqual([]);
    expect(layout.inlineCode).toEqual(['make test']);
  });

  it('marks fence lines, code lines and prose lines', () => {
    expect(scan('intro\n```\ncode\n```\noutro').kinds).toEqual(['prose', 'fence', 'code', 'fence', 'prose']);
  });
});

describe('scanMarkdown comments and inline code', () => {
  it('drops HTML comments, inline and across lines', () => {
    const layout = scan(
      'keep <!-- hidden --> this\n<!--\ntemplate text\n-->\nafter <!-- open\nstill hidden\nend --> visible',
    );
    expect(layout.lines).toEqual(['keep  this', '', '', '', 'after ', '', ' visible']);
    expect(layout.kinds).toEqual(['prose', 'prose', 'comment', 'prose', 'prose', 'comment', 'prose']);
  });

  it('keeps comment markers inside code', () => {
    const layout = scan('```html\n<!-- not a comment here -->\n```');
    expect(layout.lines[1]).toBe('<!-- not a comment here -->');
  });

  it.each([
    [
      'single backticks',
      'set `config.yjit = false` and `preload_app!`',
      ['config.yjit = false', 'preload_app!'],
    ],
    ['double backticks around a backtick', 'the ``a ` b`` span', ['a ` b']],
    ['an unclosed backtick', 'a ` alone', []],
  ])('inline code: %s', (_what, text, expected) => {
    expect(scan(text).inlineCode).toEqual(expected);
  });

  it('handles 10,000 nested details in linear time', () => {
    const text = `${'<details>\n'.repeat(10_000)}core\n${'</details>\n'.repeat(10_000)}`;
    const start = performance.now();
    const layout = scan(text);
    expect(performance.now() - start).toBeLessThan(500);
    expect(layout.blocks).toHaveLength(1);
  });
});
