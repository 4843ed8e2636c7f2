// Hostile and odd reports through the pure core (`triageIssue` with the bundled catalog, and
// `extractSignals` alone): hand-written cases, a sweep of inputs shaped for regex backtracking, and
// seeded fast-check runs. Nothing may throw or take more than REPORT_TIME_BOUND_MS, and every comment
// the app could write about the report must be safe to post (see support/check-report.ts).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/bundled-catalog.js';
import { compileIndex } from '../../src/match/compile-index.js';
import { parseIncidentFile } from '../../src/catalog/parse-incident-file.js';
import { renderExplainComment, renderIncidentComment, withReply } from '../../src/render/render-comment.js';
import { triageIssue } from '../../src/triage/triage-issue.js';
import type { Incident, IssueInput } from '../../src/types.js';
import { checkReport, REPORT_TIME_BOUND_MS, type ReportCheck } from './support/check-report.js';
import {
  backtrackingSweep,
  everyPhraseReport,
  HAND_WRITTEN,
  structuredReport,
  unicodeText,
  utf16Text,
} from './support/hostile-reports.js';
import { itFailsKnownBug } from './support/it-fails-known-bug.js';
import { KNOWN_BUGS } from './support/known-bugs.js';
import { auditComment, auditProblems } from './support/markdown-audit.js';
import { tally } from './support/tally.js';

const incidents = loadCatalog().incidents;
const index = compileIndex(incidents);
// Seeded, so a failure is reproducible; fast-check prints the seed and the shrunk counterexample.
const SEED = 20_251_122;
const RUNS = { structured: 3000, utf16: 1000, unicode: 1000 };

const totals = { inputs: 0, generated: 0, handWritten: 0, crashes: 0, comments: 0, unsafeComments: 0 };
let slowestMs = 0;
let longestComment = 0;
let rssMb = 0;
const knownBugComments: Record<string, number> = {};
afterAll(() => {
  tally('fuzz', { ...totals, slowestMsMax: slowestMs, longestCommentMax: longestComment, rssMbMax: rssMb });
  for (const [bug, n] of Object.entries(knownBugComments)) tally('fuzz', { [`known:${bug}`]: n });
});

/** Runs one report through the checks and adds it to the totals. */
function run(input: IssueInput, kind: 'generated' | 'handWritten'): ReportCheck {
  const check = checkReport(input, index);
  totals.inputs += 1;
  totals[kind] += 1;
  totals.comments += check.comments;
  if (check.crashed) totals.crashes += 1;
  totals.unsafeComments += check.problems.filter((p) => p.includes(' comment: ')).length;
  for (const [bug, n] of Object.entries(check.knownBugs))
    knownBugComments[bug] = (knownBugComments[bug] ?? 0) + n;
  slowestMs = Math.max(slowestMs, check.ms);
  longestComment = Math.max(longestComment, check.longestComment);
  rssMb = Math.max(rssMb, Math.round(process.memoryUsage().rss / 2 ** 20));
  return check;
}

describe('hand-written hostile reports', () => {
  it.each(HAND_WRITTEN)('$name', ({ build }) => {
    const check = run(build(), 'handWritten');
    expect(check.problems).toEqual([]);
    expect(check.ms).toBeLessThan(REPORT_TIME_BOUND_MS);
  });

  it('a report made of every bundled phrase, with hostile text between the words', () => {
    for (const sep of [' ', ' |@ ', ` ${'-'.repeat(150)} `, '<!--', '`|`', '\t>\t']) {
      const check = run(everyPhraseReport(incidents, sep), 'handWritten');
      expect(check.problems).toEqual([]);
    }
  });

  it(`inputs shaped for regex backtracking stay under ${REPORT_TIME_BOUND_MS} ms each`, () => {
    const sweep = backtrackingSweep();
    let slowest = { name: '', ms: 0 };
    for (const { name, build } of sweep) {
      const check = run(build(), 'handWritten');
      // checkReport names a report over the bound among its problems, with its time.
      expect(check.problems, name).toEqual([]);
      if (check.ms > slowest.ms) slowest = { name, ms: check.ms };
    }
    // Printed, not asserted: the slowest shape is where a regex to look at first would be.
    tally('fuzz', {
      sweepShapes: sweep.length,
      sweepSlowestMsMax: slowest.ms,
      'note:sweepSlowest': slowest.name,
    });
  });
});

describe('generated reports (seeded fast-check)', () => {
  const property = (arb: fc.Arbitrary<IssueInput>) =>
    fc.property(arb, (input) => {
      const check = run(input, 'generated');
      // Thrown, so fast-check shrinks the report to the smallest one that shows the problem.
      if (check.problems.length > 0) throw new Error(check.problems.join('\n'));
    });

  it(`${RUNS.structured} reports built from Markdown, crash lines and catalog phrases`, () => {
    fc.assert(property(structuredReport(incidents)), { seed: SEED, numRuns: RUNS.structured });
  });

  it(`${RUNS.utf16} reports of any UTF-16 (lone surrogates included)`, () => {
    fc.assert(property(fc.record({ title: utf16Text, body: utf16Text })), {
      seed: SEED,
      numRuns: RUNS.utf16,
    });
  });

  it(`${RUNS.unicode} reports of any Unicode text, all planes`, () => {
    fc.assert(property(fc.record({ title: unicodeText, body: unicodeText })), {
      seed: SEED,
      numRuns: RUNS.unicode,
    });
  });

  it('input that is not a string at all (API clients send null bodies)', () => {
    const odd = [null, undefined, 42, { toString: () => 'object body' }, ['a', 'b']] as unknown[];
    for (const value of odd) {
      const check = run({ title: value, body: value } as unknown as IssueInput, 'handWritten');
      expect(check.problems).toEqual([]);
    }
  });
});

// ---- known bugs in rendering, reproduced exactly (see known-bugs.ts) ----

/** A two-token signature of the bundled catalog, and its incident. */
function twoTokenSignature(): { incident: Incident; words: [string, string] } {
  for (const incident of incidents) {
    for (const s of incident.match.signatures) {
      const words = s.phrase.split(/\s+/);
      if (words.length === 2 && words.every((w) => /^\w+$/.test(w)))
        return { incident, words: [words[0]!, words[1]!] };
    }
  }
  throw new Error('the bundled catalog has no two-word signature');
}

describe('report words quoted in the evidence tables', () => {
  const { words } = twoTokenSignature();
  // The report writes the signature's two words with ` |@` between: the matched text quoted in the
  // evidence table holds a `|`, which ends the table cell and with it the code span.
  const report = { title: 'crash', body: `${words[0]} |@${words[1]} <img src=x onerror=alert(1)>` };
  let body = '';

  it('reproduces: the evidence quotes the report words, pipe included', () => {
    const { verdict } = triageIssue({ input: report, index });
    const quoted = verdict.matches.flatMap((m) => m.evidence.map((e) => e.matched ?? ''));
    expect(quoted).toContainEqual(expect.stringContaining(`${words[0]} |@${words[1]}`));
    body = renderExplainComment(verdict).body;
  });

  itFailsKnownBug(
    KNOWN_BUGS.tablePipe,
    'a `|` in quoted report text cannot end the code span of its table cell',
    () => {
      expect(auditComment(body).liveMentions).toEqual([]);
    },
  );
});

describe('report words quoted in plain-language reasons', () => {
  // An incident ruled out by "no details here": the report writes those words with HTML between them
  // (in a code block, which the extractor keeps as written).
  const parsed = parseIncidentFile(
    'quoted.yml',
    [
      'id: quoted-reason',
      'title: Quoted reason',
      'summary: s',
      'cause: c',
      'match:',
      '  signatures: [QUOTED_REASON_CODE]',
      '  exclude:',
      '    - name: another cause',
      '      any: [no details here]',
    ].join('\n'),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const quotedIndex = compileIndex([parsed.incident]);
  const report = { title: 'crash', body: 'QUOTED_REASON_CODE\n\n```\nno<details>here\n```\n' };
  let body = '';

  it('reproduces: the reason quotes the report words, tag included', () => {
    const { verdict } = triageIssue({ input: report, index: quotedIndex });
    expect(verdict.reason).toContain('no<details>here');
    body = renderExplainComment(verdict).body;
  });

  itFailsKnownBug(KNOWN_BUGS.reasonHtml, 'report text in a reason is shown as text, not HTML', () => {
    const audit = auditComment(body);
    expect(audit.rawHtml).toEqual([]);
    expect(audit.unbalancedDetails).toBe(false);
  });
});

describe('comments cut to fit the size limit', () => {
  // A repository's own incident with large workarounds (within the schema's limits): code blocks that
  // hold blank lines, where the cut lands.
  const code = Array.from({ length: 60 }, (_, i) => `echo step ${i} ${'x'.repeat(50)}\n`)
    .join('\n')
    .slice(0, 2990);
  const parsed = parseIncidentFile(
    'big.yml',
    [
      'id: big-workarounds',
      'title: Big workarounds',
      `summary: ${'s'.repeat(1990)}`,
      `cause: ${'c'.repeat(4990)}`,
      'workarounds:',
      ...Array.from({ length: 20 }, (_, i) => `  - title: step ${i}\n    code: ${JSON.stringify(code)}`),
      'match:',
      '  signatures: [BIG_CODE]',
    ].join('\n'),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const incident = parsed.incident;

  const body = renderIncidentComment(incident, undefined).body;
  const { verdict } = triageIssue({
    input: { title: 'x', body: 'BIG_CODE' },
    index: compileIndex([incident]),
  });
  const replied = withReply(body, renderExplainComment(verdict));

  it('stays under the limit, shortened', () => {
    expect(auditComment(body).tooLong).toBe(false);
    expect(auditComment(replied).tooLong).toBe(false);
    expect(body).toContain('shortened to fit');
  });

  itFailsKnownBug(KNOWN_BUGS.fitCut, 'a shortened comment leaves no code fence or <details> open', () => {
    expect(auditProblems(auditComment(body))).toEqual([]);
    // And a reply under it (here `/triage explain`) is not swallowed by an open block.
    expect(auditProblems(auditComment(replied))).toEqual([]);
  });
});
