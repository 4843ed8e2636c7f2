// Hostile and odd issue reports: the hand-written cases of the brief, a sweep of inputs shaped to make
// a backtracking regular expression slow, and fast-check arbitraries for generated ones. Big inputs are
// built on demand (a function per case), so a test file holds only what it runs.
import fc from 'fast-check';
import { report } from '../../app/github-mocks.js';
import type { Incident, IssueInput } from '../../../src/types.js';

export interface HostileCase {
  name: string;
  build: () => IssueInput;
}

export const PUMA_REPORT = {
  title: 'Mac reboots when Puma starts its workers',
  body: report('m4-puma-panic.md'),
};

// Text that tries to break out of the app's Markdown: HTML, mentions, fences, table pipes, links.
export const INJECTION = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  '</details></summary></sub>',
  '<!-- hide the rest',
  '@octocat @acme/security-team cc @here',
  '```\n</details>\n@octocat\n',
  '~~~~\n| a | b |\n|---|---|',
  '| col | @octocat | <b>x</b> |',
  '[click](javascript:alert(1)) ![pixel](https://tracker.example/p.png)',
  '\u202Egnp.exe\u202C \u2066@octocat\u2069',
].join('\n');

/** A deterministic pseudo-random byte string (xorshift), for binary pastes. */
function bytes(n: number, seed = 7): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += String.fromCharCode(x & 0xff);
  }
  return out;
}

function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

const MB = 1024 * 1024;

export const HAND_WRITTEN: HostileCase[] = [
  { name: 'empty', build: () => ({ title: '', body: '' }) },
  {
    name: 'whitespace only',
    build: () => ({ title: ' \t ', body: ' \n\t\r\n \u00a0\u2003\n'.repeat(2000) }),
  },
  { name: 'NUL-filled', build: () => ({ title: '\0\0\0', body: '\0'.repeat(200_000) }) },
  { name: 'binary paste', build: () => ({ title: bytes(200, 3), body: bytes(256 * 1024) }) },
  {
    name: 'invalid UTF-16 surrogates',
    build: () => ({
      title: '\uD800 crash \uDFFF',
      body: [
        '\uD800',
        '\uDBFF\uDBFF',
        '\uDC00\uD800',
        'ok \uD83D',
        '\uDE00 tail',
        'a\uD800'.repeat(5000),
      ].join('\n'),
    }),
  },
  {
    name: 'surrogate pairs cut at the line and body limits',
    build: () => ({ title: '😀'.repeat(2000), body: '😀'.repeat(600_000) }),
  },
  {
    name: 'mixed scripts and right-to-left text',
    build: () => ({
      title: 'انهيار البرنامج 程序崩溃 クラッシュ',
      body: [
        'التطبيق يتعطل عند البدء \u202Eevil\u202C',
        'האפליקציה קורסת \u2067RTL\u2069',
        '程序在启动时崩溃，内核恐慌 panic(cpu 0 caller 0xfffffe0)',
        'プログラムがクラッシュしました ｶﾀｶﾅ',
        'โปรแกรมหยุดทำงาน',
        'Z̷̧̛a̸̢l̵̛g̶o̷ ̸t̵e̵x̷t̶ 👩‍👩‍👧‍👦🏳️‍🌈',
        PUMA_REPORT.body,
      ].join('\n'),
    }),
  },
  {
    name: '1 MB body',
    build: () => ({ title: PUMA_REPORT.title, body: repeatTo(`${PUMA_REPORT.body}\n`, MB) }),
  },
  {
    name: '10 MB body with the crash at the end',
    build: () => ({
      title: 'crash',
      body: `${repeatTo('lorem ipsum dolor sit amet\n', 10 * MB)}${PUMA_REPORT.body}`,
    }),
  },
  {
    name: '100,000-line stack trace',
    build: () => ({
      title: 'deep recursion',
      body: `\`\`\`\n${Array.from({ length: 100_000 }, (_, i) => `    at fn${i} (/app/src/mod${i % 97}.js:${i}:${i % 80})`).join('\n')}\n\`\`\``,
    }),
  },
  {
    name: '10,000 nested lists',
    build: () => ({
      title: 'nested',
      body: `${'- '.repeat(10_000)}item\n${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(2 * (i % 1000))}- level ${i}`).join('\n')}`,
    }),
  },
  {
    name: '10,000 nested <details>',
    build: () => ({
      title: 'details',
      body: `${'<details><summary>log</summary>\n\n'.repeat(10_000)}${PUMA_REPORT.body}\n${'</details>\n'.repeat(10_000)}`,
    }),
  },
  { name: '10,000 nested quotes', build: () => ({ title: 'quotes', body: `${'> '.repeat(10_000)}panic` }) },
  {
    name: 'unterminated code fences',
    build: () => ({
      title: PUMA_REPORT.title,
      body: `${PUMA_REPORT.body}\n\`\`\`\n${'`'.repeat(1000)}\n~~~~\nstill code\n\`\`\`\`\`\` `,
    }),
  },
  { name: 'giant single line (5 MB)', build: () => ({ title: 'x', body: repeatTo('abc def ghi ', 5 * MB) }) },
  {
    name: 'giant title with line breaks',
    build: () => ({ title: repeatTo('crash\r\n', MB), body: 'see title' }),
  },
  {
    name: 'Markdown and HTML injection around a matching report',
    build: () => ({
      title: `@octocat <b>${PUMA_REPORT.title}</b>`,
      body: `${INJECTION}\n${PUMA_REPORT.body}\n${INJECTION}`,
    }),
  },
  {
    name: 'ANSI colours and control characters',
    build: () => ({
      title: '\x1b[31mred',
      body: repeatTo('\x1b[1;31mERROR\x1b[0m \x07\x08\x0b\x0c\x7f\n', MB),
    }),
  },
  { name: 'CR-only line ends', build: () => ({ title: 'mac', body: PUMA_REPORT.body.replace(/\n/g, '\r') }) },
];

/**
 * Lines shaped to make a backtracking regular expression take quadratic or worse time: long runs of one
 * character (or a short unit) followed by a character that makes the match fail at the end, filling the
 * part of a report that is read (about 190 KB, in lines of just under the 4,000-character line limit).
 */
export function backtrackingSweep(): HostileCase[] {
  const units = [
    ' ',
    '\t',
    'a',
    '0',
    '.',
    ':',
    '/',
    '\\',
    '-',
    '_',
    '#',
    '*',
    '=',
    '(',
    '[',
    '<',
    '`',
    '~',
    '@',
    '"',
    "'",
    'at ',
    '0x',
    'in ',
    'frame #',
    '#0 ',
    'a.',
    'a:',
    'a/',
    '1.',
    'v1.',
    '::',
    '->',
    '), ',
    '+0x',
    'Error: ',
    'panic: ',
    'lib',
    'A',
    'Aa',
    'aA_',
    '%',
    '$',
    '!',
  ];
  const cases: HostileCase[] = [];
  for (const unit of units) {
    const run = repeatTo(unit, 3990);
    for (const [shape, line] of [
      ['run then !', `${run}!`],
      ['run then newline word', `${run}\u0001x`],
    ] as const) {
      cases.push({
        name: `${JSON.stringify(unit)} × 3990, ${shape}`,
        build: () => ({
          title: repeatTo(unit, 999),
          body: Array.from({ length: 48 }, () => line).join('\n'),
        }),
      });
    }
  }
  return cases;
}

/** A report made of every phrase of `incidents`, tokens apart by `sep`: the largest evidence tables. */
export function everyPhraseReport(incidents: readonly Incident[], sep: string): IssueInput {
  const phrases = incidents.flatMap((i) => [
    ...i.match.signatures.map((p) => p.phrase),
    ...i.match.frames.map((p) => p.phrase),
    ...i.match.keywords.map((p) => p.phrase),
    ...i.match.require.flatMap((g) => g.any),
  ]);
  return {
    title: incidents[0]?.title ?? 'crash',
    body: phrases.map((p) => p.split(/\s+/).join(sep)).join('\n'),
  };
}

// ---- generated reports ----

const lone = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Any UTF-16 string, lone surrogates included. */
export const utf16Text = fc.string({ unit: lone, maxLength: 3000 });
/** Any Unicode text (valid code points, all planes). */
export const unicodeText = fc.string({ unit: 'binary', maxLength: 3000 });

const MARKUP = [
  '```',
  '~~~',
  '````',
  '```sh',
  '    indented code',
  '<details>',
  '</details>',
  '<summary>log</summary>',
  '<!--',
  '-->',
  '- ',
  '1. ',
  '> ',
  '| a | b |',
  '|---|---|',
  '<br>',
  '<img src=x onerror=alert(1)>',
  '@octocat',
  '@acme/team',
  '`',
  '``',
  '[x](javascript:alert(1))',
  '\\',
  '|',
  '\r',
  '\t',
  '\u0000',
  '\u202E',
  '\uFEFF',
];
const CRASH = [
  'panic(cpu 0 caller 0xfffffe0012345678): "VIOLATION_ILLEGAL_SPRR_INDEX"',
  'Fatal Python error: Segmentation fault',
  'Exception Type:  EXC_BAD_ACCESS (SIGSEGV)',
  'Assertion failed: (x != NULL), function main, file main.c, line 42.',
  'thread 1 panicked at src/main.rs:10:5:',
  '0   libsystem_kernel.dylib  0x00000001a1b2c3d4 __pthread_kill + 8',
  '#3 0x00007f lj_trace_exit (lj_trace.c:912)',
  '    at Object.<anonymous> (/app/index.js:1:1)',
  'macOS 15.1.1 (24B91) on Apple M4 Max, Python 3.13.0, ruby 3.3.6 +YJIT',
  'QEMU error: hvf.c:1044 HV_BAD_ARGUMENT',
];

/**
 * A report built from pieces that reach every part of the extractor and the matcher: Markdown and HTML
 * (balanced or not), crash lines, catalog phrases with hostile text between their words, random text.
 */
export function structuredReport(incidents: readonly Incident[]): fc.Arbitrary<IssueInput> {
  const phrases = incidents.flatMap((i) => [
    ...i.match.signatures.map((p) => p.phrase),
    ...i.match.frames.map((p) => p.phrase),
    ...i.match.keywords.map((p) => p.phrase),
    ...i.match.require.flatMap((g) => g.any),
    ...i.match.exclude.flatMap((g) => g.any),
  ]);
  const separator = fc.oneof(
    fc.constantFrom(' ', ' |@', '|', ' <', '>', '`', '``', ' @', '<!--', '](', '\t', ' | ', '</details>'),
    fc.string({
      unit: fc.constantFrom(' ', '|', '@', '<', '>', '`', '-', '!', '/', '*', '_'),
      maxLength: 12,
    }),
  );
  const hostilePhrase = fc
    .tuple(fc.constantFrom(...phrases), separator)
    .map(([p, sep]) => p.split(/\s+/).join(sep));
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
    { weight: 3, arbitrary: fc.constantFrom(...CRASH) },
    { weight: 4, arbitrary: hostilePhrase },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: lone, maxLength: 20 }) },
  );
  const line = fc.array(piece, { minLength: 1, maxLength: 6 }).map((ps) => ps.join(' '));
  return fc.record({
    title: fc.oneof(line, fc.constantFrom(PUMA_REPORT.title, '')),
    body: fc.array(line, { maxLength: 60 }).chain((ls) => fc.constantFrom(ls.join('\n'), ls.join('\r\n'))),
  });
}
