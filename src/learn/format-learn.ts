// The learn report for a terminal: what the app's comments say, the proposals per incident file (and
// whether today's matcher agrees with each), contradictions to settle, and with --write the lint after.
import type { LearnedProposal, LearnSummary } from './run-learn.js';

export function formatLearn(s: LearnSummary, { write }: { write: boolean }): string[] {
  const total = Object.values(s.states).reduce((a, b) => a + b, 0);
  const states = Object.entries(s.states)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${state} ${n}`)
    .join(', ');
  const lines = [
    `${s.repo}: ${total} issue(s) with the app's comment${total ? ` (${states}; ${s.ruledOut} with /triage not)` : ''}`,
  ];
  if (s.proposals.length === 0) lines.push('nothing to learn: no confirmed or corrected verdicts yet');
  const groups = new Map<string, LearnedProposal[]>();
  for (const x of s.proposals) {
    const key = x.file ?? `(not in --catalog) ${x.incidentId}`;
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  for (const [file, list] of groups) {
    lines.push('', file);
    for (const x of list) {
      const agrees = x.kind === 'example' ? x.matcherSays === x.incidentId : x.matcherSays !== x.incidentId;
      const said = agrees ? 'matcher agrees' : `matcher says ${x.matcherSays ?? 'no match'}`;
      lines.push(`  + ${x.kind.padEnd(15)} ${x.incidentId}  #${x.number} ${clip(x.example.title)}`);
      lines.push(`      ${x.why}; ${said}; ${x.url}`);
    }
  }
  if (s.contradictions.length > 0) {
    lines.push('', 'contradictions (not written; decide which is right and edit the file):');
    for (const c of s.contradictions) lines.push(`  ! ${c.message} (${c.url})`);
  }
  if (s.alreadyKnown > 0) lines.push('', `${s.alreadyKnown} already in the incident files`);
  if (write) {
    lines.push('');
    for (const w of s.written) lines.push(`written: ${w.file} (+${w.added})`);
    if (s.written.length === 0) lines.push('written: nothing');
    lines.push(`lint after writing: ${s.lint.length} problem(s)`);
    for (const p of s.lint) lines.push(`  ${p.file}: ${p.field}: ${p.message}`);
  } else if (s.proposals.some((x) => x.file)) {
    lines.push('', 'run again with --write to add them to the files');
  }
  return lines;
}

function clip(title: string): string {
  return title.length > 70 ? `${title.slice(0, 69)}…` : title;
}
