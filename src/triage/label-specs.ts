// The labels the app applies, with the colour and description it gives a label it has to create (so a
// new label looks deliberate, not GitHub's default grey). Pure: the same name always gets the same colour.
import type { LabelSpec } from '../types.js';

// Muted colours that stay readable with both black and white text.
const PALETTE = [
  'b60205',
  'd93f0b',
  'fbca04',
  '0e8a16',
  '006b75',
  '1d76db',
  '0052cc',
  '5319e7',
  'c5def5',
  'bfd4f2',
];

export function labelSpecs(names: readonly string[], incident: { title: string } | null): LabelSpec[] {
  const about = incident ? `crash-triage: ${incident.title}` : 'Added by crash-triage';
  return names.map((name) => ({ name, color: colorFor(name), description: about.slice(0, 100) }));
}

function colorFor(name: string): string {
  let h = 0;
  for (const ch of name.toLowerCase()) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}
