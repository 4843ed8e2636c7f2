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

      ### Known incident: WidgetDB aborts on WAL checksum mismatch after an unclean shutdown

      **Confidence:** high (99%) · **Incident:** \`widgetdb-wal-checksum\`

      WidgetDB 2.3 aborts while replaying its write-ahead log when the last segment was torn by a power loss.

      **Likely cause.** The replay code treats a torn final segment as corruption instead of truncating it.

      #### Workarounds

      **Truncate the torn segment**

      Run the repair tool before starting the server.

      \`\`\`sh
      widgetdb repair --truncate-wal /var/lib/widgetdb
      \`\`\`

      **Fixed in:** widgetdb 2.4.1

      **Links:** [widgetdb#101](https://example.org/widgetdb/issues/101)

      <details><summary>Why this matched</summary>

      | evidence | catalog | in the report | points |
      |---|---|---|---|
      | signature | \`WAL checksum mismatch in segment\` | \`WAL checksum mismatch in segment\` | 6 |
      | stack frame | \`wal_replay_segment\` | \`wal_replay_segment (stack frame)\` | 2 |
      | required context | \`WidgetDB\` | \`widgetdb\` | 0 |

      Score 14.2, confidence 0.99.

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

  it('says when the report is on a fixed version', () => {
    const m: Match = {
      ...match,
      evidence: [
        ...match.evidence,
        { kind: 'version', detail: 'fixed in widgetdb 2.4.1', matched: 'widgetdb 2.4.1', points: 0 },
      ],
      reasons: ['the report is on widgetdb 2.4.1, which already has the fix (2.4.1)'],
    };
    expect(renderIncidentComment(incident, m).body).toContain('already has the fix');
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
