// The comment auditor is itself tested: the fuzz tests are only as good as what it can see. Each row is
// a comment and what GitHub would show of it outside code (see support/markdown-audit.ts).
import { describe, expect, it } from 'vitest';
import { auditComment, escapePipesInTableCode, stripCodeSpans } from './support/markdown-audit.js';
import { addUp, summaryLines } from './support/summary.js';

const MARKER = '<!-- crash-triage:v1 state=matched incident=x -->';

describe('auditComment', () => {
  it.each([
    ['plain text', 'hello', {}],
    [
      'the app marker and tags',
      `${MARKER}\n\n<details open><summary>why</summary>\n\nrow\n\n</details>\n\n<sub>x</sub>`,
      {},
    ],
    ['a defused mention', 'cc @\u200doctocat', {}],
    ['a mention in a code span', 'see `@octocat`', {}],
    ['a mention in a fence', '```\n@octocat\n```', {}],
    ['a mention in a longer fence with a shorter one inside', '````\n```\n@octocat\n```\n````', {}],
    ['an escaped pipe in a code span in a table', '| a | `x \\| @octocat` |', {}],
    ['a live mention', 'cc @octocat', { liveMentions: ['@octocat'] }],
    ['a team mention', 'cc @acme/security', { liveMentions: ['@acme/security'] }],
    ['an unmatched backtick is literal', 'a ` @octocat', { liveMentions: ['@octocat'] }],
    ['a pipe ends a code span in a table', '| a | `x | @octocat` |', { liveMentions: ['@octocat'] }],
    ['raw HTML', 'x <img src=x onerror=alert(1)> y', { rawHtml: ['<img src=x onerror=alert(1)>'] }],
    ['an HTML comment that is not ours', 'x <!-- hide', { rawHtml: ['<!--'] }],
    ['an open fence', 'text\n```\ncode', { openFence: true }],
    ['a tilde fence closed by backticks stays open', '~~~\ncode\n```', { openFence: true }],
    ['details left open', '<details><summary>s</summary>\n\nx', { unbalancedDetails: true }],
    ['too long', 'x'.repeat(65_537), { tooLong: true }],
  ])('%s', (_name, body, expected) => {
    const audit = auditComment(body);
    expect(audit).toMatchObject({
      liveMentions: [],
      rawHtml: [],
      openFence: false,
      unbalancedDetails: false,
      tooLong: false,
      ...expected,
    });
  });

  it('strips only matched runs of backticks', () => {
    expect(stripCodeSpans('a `b` c ``d`e`` f `g')).toBe('a \u2420 c \u2420 f `g');
  });

  it('escapes the pipes inside code spans of table rows, and nothing else', () => {
    expect(escapePipesInTableCode('| `a|b` | c |\nnot `a|b` a row')).toBe('| `a\\|b` | c |\nnot `a|b` a row');
  });
});

describe('the summary', () => {
  it('adds counts, keeps maxima, and says when an area did not run', () => {
    const lines = summaryLines(
      addUp([
        { area: 'fuzz', counts: { inputs: 2, generated: 2, slowestMsMax: 40 } },
        { area: 'fuzz', counts: { inputs: 3, handWritten: 3, slowestMsMax: 12.4 } },
        {
          area: 'security',
          counts: { forged: 1, writes: 0, 'route:GET /x': 1, audit: 'npm audit --omit=dev: 0 critical' },
        },
      ]),
    );
    expect(lines[0]).toMatch(/^fuzz: 5 inputs \(2 generated, 3 hand-written\), 0 crashes, slowest 40 ms/);
    expect(lines).toContain('catalog: not run');
    expect(lines.find((l) => l.startsWith('security:'))).toMatch(
      /1 forged.*0 writes.*\(1 used\), npm audit --omit=dev: 0 critical$/,
    );
  });
});
