// One crash report → the text of a new incident file, pure. The phrases come from choose-phrases.ts;
// the report itself is the first example; the nearest existing incidents are listed as comments
// (candidate counter-examples). The draft is checked as `lint` checks it: it must parse, and its own
// example must match it against the existing catalog plus the draft. When it does not, the draft is
// relaxed (require groups dropped, signatures weighted up) until it does, and says so if it never does.
import { parseIncidentFile } from '../catalog/parse-incident-file.js';
import { compileIndex } from '../match/compile-index.js';
import { extractSignals } from '../signals/extract-signals.js';
import { readReportDetails } from '../signals/read-report-details.js';
import { triageIssue } from '../triage/triage-issue.js';
import type { Incident, IssueInput, Match } from '../types.js';
import { choosePhrases, type ChosenPhrases } from './choose-phrases.js';
import type { DocumentFrequency } from './document-frequency.js';
import { renderDraft } from './render-draft.js';

export interface DraftRequest {
  input: IssueInput;
  /** The catalog the draft joins (bundled and `--catalog` folders): for the nearest incidents and the check. */
  existing: readonly Incident[];
  df: DocumentFrequency;
  id?: string;
}

export interface Draft {
  id: string;
  text: string;
  /** Whether the report matches the draft (against the existing catalog plus the draft). */
  matchesOwnExample: boolean;
  nearest: Match[];
  /** What was relaxed to make the example match. */
  notes: string[];
}

const EXAMPLE_BODY_LIMIT = 16 * 1024;

export function draftIncident(req: DraftRequest): Draft {
  const signals = extractSignals(req.input);
  const details = readReportDetails(signals);
  const chosen = choosePhrases(signals, details, req.df);
  const title = req.input.title.trim() || details.crashLines[0]?.text || 'Untitled crash report';
  // The id reads best from the title's first words, or from the rarest signature when there is no title.
  const named = req.input.title.trim() || chosen.signatures[0]?.phrase || title;
  const id = uniqueId(req.id ?? slug(named), req.existing);
  const example = {
    title: req.input.title,
    body:
      req.input.body.length > EXAMPLE_BODY_LIMIT
        ? req.input.body.slice(0, EXAMPLE_BODY_LIMIT)
        : req.input.body,
    ...(req.input.repo ? { repo: req.input.repo } : {}),
  };
  const others = req.existing.filter((i) => i.id !== id);
  const nearest = triageIssue({ input: req.input, index: compileIndex(others) })
    .verdict.matches.filter((m) => m.confidence > 0)
    .slice(0, 3);

  // The draft as chosen, then relaxed step by step until its own example matches it.
  const steps: [string, (c: ChosenPhrases) => ChosenPhrases][] = [
    ['as chosen', (c) => c],
    ['require groups dropped (the report did not satisfy them)', (c) => ({ ...c, require: [] })],
    [
      'signatures and frames weighted up (the report was too close to other incidents)',
      (c) => ({
        ...c,
        require: [],
        signatures: c.signatures.map((s) => ({ ...s, weight: Math.min(20, s.weight * 2) })),
        frames: c.frames.map((f) => ({ ...f, weight: Math.min(20, f.weight * 2) })),
      }),
    ],
  ];
  let last: Draft | null = null;
  for (const [said, relax] of steps) {
    const phrases = relax(chosen);
    const text = renderDraft({ id, title, phrases, example, nearest });
    const parsed = parseIncidentFile(`${id}.yml`, text);
    const matches = parsed.ok && matchesItself(parsed.incident, others, req.input);
    last = { id, text, matchesOwnExample: matches, nearest, notes: said === 'as chosen' ? [] : [said] };
    if (matches) return last;
  }
  return { ...last!, notes: ['the report does not match the draft yet: add a signature it contains'] };
}

function matchesItself(draft: Incident, others: readonly Incident[], input: IssueInput): boolean {
  const index = compileIndex([...others, draft]);
  return triageIssue({ input, index }).verdict.incidentId === draft.id;
}

/** A readable id from the title: lower case, dashes, at most 60 characters, as the schema allows. */
function slug(title: string): string {
  const s = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 6)
    .join('-')
    .slice(0, 60)
    .replace(/-+$/, '');
  return /^[a-z0-9][a-z0-9-]{1,79}$/.test(s) ? s : 'new-incident';
}

function uniqueId(id: string, existing: readonly Incident[]): string {
  const taken = new Set(existing.map((i) => i.id));
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id.slice(0, 76)}-${n}`)) return `${id.slice(0, 76)}-${n}`;
}
