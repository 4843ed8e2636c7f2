// Variants: one incident that shows in more than one way, each way scored on its own; the best wins, is
// named in the evidence, and an incident is never "ambiguous" with itself.
import { describe, expect, it } from 'vitest';
import { parseIncidentFile } from '../../src/catalog/parse-incident-file.js';
import { compileIndex } from '../../src/match/compile-index.js';
import { matchIncidents } from '../../src/match/match-incidents.js';
import { extractSignals } from '../../src/signals/extract-signals.js';

const FILE = `id: quill-journal-replay
title: Quill dies replaying a torn journal
summary: A demo incident.
cause: Because.
match:
  signatures:
    - phrase: journal replay
      weight: 3
  require:
    - name: Quill
      any: [quill]
  variants:
    - name: the crash in the replayer
      require:
        - name: a segfault
          any: [SIGSEGV, segmentation fault]
      frames: [journal_replay_record, journal_apply]
    - name: the assertion on a debug build
      require:
        - name: a failed assertion
          any: [assertion failed]
      signatures:
        - phrase: "assertion failed: rec->len <= seg->cap"
          weight: 8
`;

const parsed = parseIncidentFile('quill.yml', FILE);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const index = compileIndex([parsed.incident]);
const verdict = (body: string) => matchIncidents(extractSignals({ title: 'Quill crash', body }), index);

describe('match.variants', () => {
  it.each([
    [
      'the crash',
      '```\nquill: journal replay started\nSIGSEGV\n#0 0x1 in journal_replay_record () at replay.c:40\n#1 0x2 in journal_apply () at replay.c:90\n```',
      'the crash in the replayer',
    ],
    [
      'the assertion',
      '```\nquill: journal replay started\nassertion failed: rec->len <= seg->cap\n```',
      'the assertion on a debug build',
    ],
  ])('%s matches, and the evidence names the way it showed', (_name, body, variant) => {
    const v = verdict(body);
    expect(v.incidentId).toBe('quill-journal-replay');
    expect(v.matches).toHaveLength(1);
    expect(v.matches[0]!.variant).toBe(variant);
    expect(v.matches[0]!.evidence).toContainEqual({ kind: 'variant', detail: variant, points: 0 });
  });

  it('a report showing neither way is not matched', () => {
    const v = verdict('```\nquill: journal replay started\nexited with status 1\n```');
    expect(v.incidentId).toBeNull();
  });

  it('the variants are scored apart: phrases of one do not count for the other', () => {
    const v = verdict(
      '```\nquill: journal replay started\nSIGSEGV\nassertion failed: rec->len <= seg->cap\n```',
    );
    const m = v.matches[0]!;
    // Both groups are there; the assertion way has the 8-point signature, the crash way has no frames.
    expect(m.variant).toBe('the assertion on a debug build');
    expect(m.evidence.some((e) => e.detail === 'journal_replay_record')).toBe(false);
  });
});
