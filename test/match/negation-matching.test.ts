// What a negated mention does to a verdict, on the bundled catalog: it satisfies no require group, fires
// no exclude group, and counts for nothing, but it is shown in the evidence.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/bundled-catalog.js';
import { parseIncidentFile } from '../../src/catalog/parse-incident-file.js';
import { compileIndex } from '../../src/match/compile-index.js';
import { matchIncidents } from '../../src/match/match-incidents.js';
import { extractSignals } from '../../src/signals/extract-signals.js';

const index = compileIndex(loadCatalog().incidents);
const UTM = 'utm-qemu-tso-hvf-bad-argument';
const CRASH = [
  'QEMU quits at start of the VM with HV_BAD_ARGUMENT.',
  '',
  '```',
  'Exception Type:  EXC_CRASH (SIGABRT)',
  '3   qemu-aarch64-softmmu   0x106d80f1c assert_hvf_ok_impl + 96',
  '4   qemu-aarch64-softmmu   0x106d861d8 hvf_arch_init_vcpu + 1120',
  '```',
].join('\n');

function utm(body: string) {
  const verdict = matchIncidents(extractSignals({ title: 'UTM VM crashes when it starts', body }), index);
  const match = verdict.matches.find((c) => c.id === UTM)!;
  return { verdict, match };
}

describe('negated mentions in matching', () => {
  it('"TSO is not enabled" does not satisfy the TSO require group', () => {
    const { verdict, match } = utm(`${CRASH}\n\nTSO is not enabled in this VM.`);
    expect(verdict.incidentId).not.toBe(UTM);
    expect(match.evidence).toContainEqual(
      expect.objectContaining({ kind: 'missing-required', detail: 'TSO (Total Store Ordering) turned on' }),
    );
    expect(match.evidence).toContainEqual(
      expect.objectContaining({ kind: 'negated', matched: expect.stringContaining('TSO') as unknown }),
    );
  });

  it('the same report with TSO turned on matches', () => {
    expect(utm(`${CRASH}\n\nI turned TSO on for box64.`).verdict.incidentId).toBe(UTM);
  });

  it('"nested virtualization is turned off" does not fire the nested-virtualization exclude group', () => {
    const { verdict, match } = utm(
      `${CRASH}\n\nI turned TSO on for box64. Nested virtualization is turned off.`,
    );
    expect(match.evidence.filter((e) => e.kind === 'excluded')).toEqual([]);
    expect(verdict.incidentId).toBe(UTM);
  });

  it('a nested-virtualization report is still ruled out when it says so', () => {
    const { match } = utm(`${CRASH}\n\nI turned TSO on and use nested virtualization.`);
    expect(match.evidence).toContainEqual(expect.objectContaining({ kind: 'excluded' }));
  });
});

// An incident whose own phrases say "not": the reporter quoting the message is not negating anything.
const INKWELL = `id: inkwell-unsupported-env
title: Inkwell's native binding is missing for this Node version
summary: A made-up incident for the tests.
cause: The binding was built for another Node version.
match:
  signatures:
    - phrase: Inkwell does not yet support your current environment
      weight: 8
  keywords: [binding.node, npm rebuild]
  require:
    - name: the unsupported-environment message
      any:
        - does not yet support your current environment
        - Widgets cannot not be created
`;

describe('catalog phrases that say "not" themselves', () => {
  const parsed = parseIncidentFile('inkwell.yml', INKWELL);
  if (!parsed.ok) throw new Error('fixture');
  const inkwell = compileIndex([parsed.incident]);
  const verdict = (title: string, body: string) => matchIncidents(extractSignals({ title, body }), inkwell);

  it.each([
    [
      'the message as the title',
      'Inkwell does not yet support your current environment',
      'After a Node upgrade.',
    ],
    [
      'the message in a prose line',
      'Build broke',
      'Inkwell does not yet support your current environment: Linux 64-bit',
    ],
    [
      'the message after an error head',
      'Build broke',
      'I get Error: Inkwell does not yet support your current environment',
    ],
  ])('%s satisfies the group and matches', (_what, title, body) => {
    expect(verdict(title, body).incidentId).toBe('inkwell-unsupported-env');
  });

  it('"cannot not" (a real message\'s own double negative) in prose is the message, not a negation', () => {
    const v = verdict(
      'Widgets cannot not be created directly',
      'Seen since the upgrade; binding.node is there.',
    );
    const m = v.matches.find((x) => x.id === 'inkwell-unsupported-env')!;
    expect(m.evidence).toContainEqual(
      expect.objectContaining({ kind: 'required', detail: 'the unsupported-environment message' }),
    );
  });

  it("a reporter's own negation around it still negates the rest of the clause", () => {
    const v = verdict('Build broke', 'I do not use npm rebuild here');
    const m = v.matches.find((x) => x.id === 'inkwell-unsupported-env');
    expect(m?.evidence.some((e) => e.kind === 'keyword') ?? false).toBe(false);
  });
});
