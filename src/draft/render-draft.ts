// A drafted incident as YAML text: comments saying what to fill in and where each part came from,
// placeholders for the prose, the chosen phrases, the report as the first example, and the nearest
// existing incidents as candidate counter-examples. Pure.
import { stringify } from 'yaml';
import type { ExampleReport, Match } from '../types.js';
import type { ChosenPhrases } from './choose-phrases.js';

export interface DraftParts {
  id: string;
  title: string;
  phrases: ChosenPhrases;
  example: ExampleReport;
  nearest: readonly Match[];
}

export function renderDraft(d: DraftParts): string {
  const { phrases: p } = d;
  const yaml = (value: unknown): string => stringify(value, { lineWidth: 0 });
  const match: Record<string, unknown> = {};
  if (p.signatures.length > 0) match.signatures = p.signatures;
  if (p.frames.length > 0) match.frames = p.frames;
  if (p.keywords.length > 0) match.keywords = p.keywords;
  if (p.require.length > 0) match.require = p.require;
  const parts = [
    '# Drafted by `crash-triage draft` from one report. Fill in the TODOs, check each phrase, then run',
    '# `crash-triage lint <folder>` and `crash-triage match --explain <report>`.',
    yaml({
      id: d.id,
      title: `TODO: name the failure (report: ${d.title.length > 120 ? `${d.title.slice(0, 119)}…` : d.title})`,
      summary: 'TODO: what users see, who is affected, and what to do about it.',
      labels: ['crash'],
      cause: 'TODO: why it happens, and where it is tracked upstream.',
    }).trimEnd(),
    '# Phrases from the report, rarest first (compared with the catalog examples and known crash reports).',
    yaml({ match }).trimEnd(),
    '# The report this draft was made from: it must keep matching.',
    yaml({ examples: [exampleEntry(d.example)] }).trimEnd(),
  ];
  if (d.nearest.length > 0) {
    parts.push(
      [
        '# Nearest existing incidents: if one of their reports is a different problem with the same',
        '# symptoms, copy it here as a counter-example.',
        ...d.nearest.map((m) => `#   ${m.id} (confidence ${m.confidence.toFixed(2)}): ${m.title}`),
      ].join('\n'),
    );
  }
  parts.push('counter_examples: []');
  return `${parts.join('\n')}\n`;
}

function exampleEntry(e: ExampleReport): Record<string, string> {
  return { title: e.title, body: e.body, ...(e.repo ? { repo: e.repo } : {}) };
}
