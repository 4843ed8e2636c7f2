// What a negated mention does to a verdict, on the bundled catalog: it satisfies no require group, fires
// no exclude group, and counts for nothing, but it is shown in the evidence.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/bundled-catalog.js';
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
