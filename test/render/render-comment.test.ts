// Rendered comments: the Markdown a reporter reads. Snapshots show the whole comment; the tables check
// that text from incident files or reports cannot break out of code or mention anyone.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalogDir } from '../../src/catalog/load-catalog.js';
import { readMarker, renderMarker } from '../../src/render/comment-marker.js';
import { fence, inlineCode, noMention } from '../../src/render/markdown.js';
import {
  MAX_COMMENT_CHARS,
  renderExplainComment,
  renderIncidentComment,
  renderNoMatchComment,
} from '../../src/render/render-comment.js';
import type { Match, Verdict } from '../../src/types.js';

const dir = fileURLToPath(new URL('../fixtures/catalog/', import.meta.url));
const incident = loadCatalogDir(dir).incidents.find((i) => i.id === 'widgetdb-wal-checksum')!;

const match: Match = {
  id: incident.id,
  title: incident.title,
  score: 14.2,
  confidence: 0.99,
  eligible: true,
  evidence: [
    {
      kind: 'signature',
      detail: 'WAL checksum mismatch in segment',
      matched: 'WAL checksum mismatch in segment',
      points: 6,
    },
    { kind: 'frame', detail: 'wal_replay_segment', matched: 'wal_replay_segment (stack frame)', points: 2 },
    { kind: 'required', detail: 'WidgetDB', matched: 'widgetdb', points: 0 },
  ],
  reasons: [],
};

describe('renderIncidentComment', () => {
  it('renders the incident, cause, workaround code, fix, links, evidence and commands', () => {
    const c = renderIncidentComment(incident, match);
    expect(c.labels).toEqual(['crash', 'widgetdb']);
    expect(c.body).toMatchInlineSnapshot(`
      "<!-- crash-triage:v1 state=matched incident=widgetdb-wal-checksum -->

      ### Known problem: WidgetDB aborts on WAL checksum mismatch after an unclean shutdown

      **Very likely** the same problem as \`widgetdb-wal-checksum\`. **What to do:** truncate the torn segment (fixed in widgetdb 2.4.1).

      WidgetDB 2.3 aborts while replaying its write-ahead log when the last segment was torn by a power loss.

      **Not your problem?** If this does not describe your crash, say so in a comment; a maintainer will look again.

      <details><summary>More about it: the cause</summary>

      **Likely cause.** The replay code treats a torn final segment as corruption instead of truncating it.

      </details>

      <details><summary>Workarounds (1)</summary>

      **Truncate the torn segment**

      Run the repair tool before starting the server.

      \`\`\`sh
      widgetdb repair --truncate-wal /var/lib/widgetdb
      \`\`\`

      </details>

      <details><summary>Fix and links</summary>

      **Fixed in:** widgetdb 2.4.1

      - [widgetdb#101](https://example.org/widgetdb/issues/101)

      </details>

      <details><summary>Why this matched</summary>

      | evidence | catalog | in the report | points |
      |---|---|---|---|
      | signature | \`WAL checksum mismatch in segment\` | \`WAL checksum mismatch in segment\` | 6 |
      | stack frame | \`wal_replay_segment\` | \`wal_replay_segment (stack frame)\` | 2 |
      | required context | \`WidgetDB\` | \`widgetdb\` | 0 |

      Score 14.2: very likely.

      </details>

      <sub>Maintainers: \`/triage explain\` shows the evidence, \`/triage as <incident-id>\` picks another incident, \`/triage dismiss\` removes this, \`/triage help\` lists commands.</sub>
      "
    `);
  });

  it('applies the label prefix and extra labels', () => {
    expect(
      renderIncidentComment(incident, match, { labelPrefix: 'triage/', extraLabels: ['needs-info'] }).labels,
    ).toEqual(['triage/crash', 'triage/widgetdb', 'needs-info']);
  });

  it('says who chose the incident by hand', () => {
    const c = renderIncidentComment(incident, undefined, { chosenBy: 'maint-1' });
    expect(c.body).toContain('Chosen by');
    expect(c.body).not.toContain('Why this matched');
  });

  it.each([
    [
      "on an affected version: update to the fix, with the reporter's version",
      { product: 'widgetdb', version: '2.3.2', status: 'affected', fixedIn: '2.4.1' },
      /\*\*What to do:\*\* update widgetdb to 2\.4\.1 or later \(you are on 2\.3\.2, which is affected\); until then: truncate the torn segment\./,
    ],
    [
      'on a fixed version: a note that it may be something else',
      { product: 'widgetdb', version: '2.4.1', status: 'fixed', fixedIn: '2.4.1' },
      /> \[!NOTE\]\n> you are on widgetdb 2\.4\.1, which already has the fix \(2\.4\.1\): this may be a different problem\./,
    ],
  ] as const)("speaks to the reporter's versions %s", (_name, version, said) => {
    const body = renderIncidentComment(incident, { ...match, versions: [{ ...version }] }).body;
    expect(body).toMatch(said);
  });

  it.each([0.999, 0.97, 0.8, 0.6])('gives confidence %f in words, never as a percentage', (confidence) => {
    const body = renderIncidentComment(incident, { ...match, confidence }).body;
    const aboveFold = body.slice(0, body.indexOf('<details>'));
    expect(aboveFold).toMatch(/\*\*(Very likely|Likely|Possibly)\*\* the same problem/);
    expect(aboveFold).not.toMatch(/\d+\s?%/);
  });

  it('keeps what a reporter reads first short: under 250 words before the folded sections', () => {
    const long = {
      ...incident,
      summary: Array.from({ length: 60 }, (_, k) => `Sentence ${k} of the summary.`).join(' '),
    };
    const body = renderIncidentComment(long, match).body;
    const aboveFold = body.slice(body.indexOf('###'), body.indexOf('<details>'));
    expect(aboveFold.split(/\s+/).length).toBeLessThan(250);
    expect(aboveFold).toContain('**Not your problem?**');
    // The rest of the summary is kept, folded.
    expect(body).toContain('Sentence 59 of the summary.');
  });

  it('starts with a marker the app can read back', () => {
    expect(readMarker(renderIncidentComment(incident, match).body)).toEqual({
      state: 'matched',
      incident: incident.id,
    });
  });
});

describe('other comment shapes', () => {
  const verdict: Verdict = {
    incidentId: null,
    confidence: 0.3,
    matches: [{ ...match, confidence: 0.3, eligible: false, reasons: ['the report does not show WidgetDB'] }],
    reason: 'nearest is widgetdb-wal-checksum, ruled out: the report does not show WidgetDB',
  };

  it('no match lists the nearest candidates and why they fell short', () => {
    const body = renderNoMatchComment(verdict).body;
    expect(readMarker(body)).toEqual({ state: 'no-match' });
    expect(body).toContain('does not show WidgetDB');
  });

  it('explain shows the evidence table open', () => {
    const body = renderExplainComment(verdict).body;
    expect(body).toContain('<details open>');
    expect(body).toContain('wal_replay_segment');
  });
});

describe('markdown safety', () => {
  it.each([
    ['plain', 'x = 1', '```\nx = 1\n```'],
    ['backticks inside get a longer fence', 'a ``` b', '````\na ``` b\n````'],
  ])('fence: %s', (_n, code, out) => {
    expect(fence(code)).toBe(out);
  });

  it.each([
    ['plain', 'abc', '`abc`'],
    ['backtick inside', 'a`b', '``a`b``'],
    ['newlines folded', 'a\nb', '`a b`'],
  ])('inlineCode: %s', (_n, text, out) => {
    expect(inlineCode(text)).toBe(out);
  });

  it.each([['@octocat'], ['ping @org/team please']])('noMention defuses %s', (text) => {
    expect(noMention(text)).not.toMatch(/@[\w]/);
  });

  it('marker round-trips and ignores other comments', () => {
    expect(readMarker(renderMarker({ state: 'dismissed', incident: 'a-b' }))).toEqual({
      state: 'dismissed',
      incident: 'a-b',
    });
    expect(readMarker('Thanks! <!-- crash-triage:v1 state=matched -->')).toBeNull();
  });

  it('a huge explain stays under the size limit', () => {
    const long: Match = {
      ...match,
      evidence: Array.from({ length: 500 }, (_, i) => ({
        kind: 'keyword' as const,
        detail: `k${i} ${'x'.repeat(180)}`,
        points: 1,
      })),
    };
    const body = renderExplainComment({ incidentId: null, confidence: 0, matches: [long, long, long] }).body;
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
  });
});
