// Exclude groups that weigh: a group rules a report out unless the incident's own signatures and frames
// outweigh it; a group marked `absolute` always does. On the bundled UTM incident, whose networking-TSO
// group is about a word's other meaning and whose nested-virtualization group is another cause of the
// same error.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/bundled-catalog.js';
import { compileIndex } from '../../src/match/compile-index.js';
import { matchIncidents } from '../../src/match/match-incidents.js';
import { extractSignals } from '../../src/signals/extract-signals.js';

const index = compileIndex(loadCatalog().incidents);
const UTM = 'utm-qemu-tso-hvf-bad-argument';
const FULL_CRASH = [
  'With TSO on, UTM quits at start: QEMULauncher aborts.',
  '```',
  'Exception Type:  EXC_CRASH (SIGABRT)',
  'Error: ret = HV_BAD_ARGUMENT (0xfae94003, at ../target/arm/hvf/hvf.c:1044)',
  'Thread 4 Crashed:',
  '3   qemu-aarch64-softmmu   0x106d80f1c assert_hvf_ok_impl + 96',
  '4   qemu-aarch64-softmmu   0x106d861d8 hvf_arch_init_vcpu + 1120',
  '5   qemu-aarch64-softmmu   0x106d7fd44 hvf_init_vcpu + 196',
  '```',
].join('\n');

function utm(body: string) {
  const verdict = matchIncidents(extractSignals({ title: 'UTM VM crashes at start', body }), index);
  return { verdict, match: verdict.matches.find((m) => m.id === UTM)! };
}

describe('exclude groups that weigh', () => {
  it("the incident's own signatures outweigh a group about another meaning of a word, and the evidence says so", () => {
    const { verdict, match } = utm(`${FULL_CRASH}\n\nI thought TSO meant TCP segmentation offload.`);
    expect(verdict.incidentId).toBe(UTM);
    expect(match.evidence).toContainEqual(
      expect.objectContaining({ kind: 'excluded', matched: expect.stringMatching(/outweighed/) as unknown }),
    );
  });

  it('with little evidence of its own, the same group rules the report out', () => {
    const { verdict, match } = utm('UTM with TSO crashes; TCP segmentation offload is on in the guest.');
    expect(verdict.incidentId).toBeNull();
    expect(match.eligible).toBe(false);
  });

  it('an absolute group rules out even a full crash log', () => {
    const { verdict, match } = utm(`${FULL_CRASH}\n\nThe host runs under nested virtualization.`);
    expect(verdict.incidentId).toBeNull();
    expect(match.reasons.join(' ')).toMatch(/nested virtualization/);
  });
});
