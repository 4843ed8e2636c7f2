// Verdict + incident → the Markdown comment the app posts, and its labels. Three shapes: the matched
// incident (the normal comment), "no known incident" with the nearest candidates (only on request), and
// "explain" (evidence and scores of the top candidates). Everything from a report is shown as code.
import type { Evidence, Incident, Match, RenderedComment, Verdict } from '../types.js';
import { renderMarker } from './comment-marker.js';
import { cell, fence, inlineCode, noMention } from './markdown.js';

/** GitHub refuses comments over 65,536 characters; stay well under. */
export const MAX_COMMENT_CHARS = 60_000;

const COMMANDS_LINE =
  '<sub>Maintainers: `/triage explain` shows the evidence, `/triage as <incident-id>` picks another incident, `/triage dismiss` removes this, `/triage help` lists commands.</sub>';

export interface RenderOptions {
  /** Prepended to each incident label (config `label_prefix`). */
  labelPrefix?: string;
  /** Added to every applied incident (config `extra_labels`). */
  extraLabels?: readonly string[];
  /** Set when a maintainer chose the incident with `/triage as`, so the comment says so. */
  chosenBy?: string;
}

export function confidenceWords(confidence: number): string {
  const pct = `${Math.round(confidence * 100)}%`;
  if (confidence >= 0.9) return `high (${pct})`;
  if (confidence >= 0.75) return `good (${pct})`;
  if (confidence >= 0.5) return `moderate (${pct})`;
  return `low (${pct})`;
}

export function incidentLabels(incident: Incident, options: RenderOptions = {}): string[] {
  const prefix = options.labelPrefix ?? '';
  const labels = [...incident.labels.map((l) => `${prefix}${l}`), ...(options.extraLabels ?? [])];
  return [...new Set(labels.map((l) => l.slice(0, 50)))];
}

/** The comment for a matched incident. `match` is absent when a maintainer chose the incident by hand. */
export function renderIncidentComment(incident: Incident, match: Match | undefined, options: RenderOptions = {}): RenderedComment {
  const parts: string[] = [renderMarker({ state: 'matched', incident: incident.id })];
  parts.push(`### Known incident: ${noMention(incident.title)}`);
  const how = options.chosenBy
    ? `**Chosen by** @\u200d${options.chosenBy.replace(/[^\w-]/g, '')} with \`/triage as\``
    : `**Confidence:** ${confidenceWords(match?.confidence ?? 0)}`;
  parts.push(`${how} · **Incident:** ${inlineCode(incident.id)}`);
  parts.push(noMention(incident.summary));
  const versionNotes = match?.evidence.filter((e) => e.kind === 'version') ?? [];
  if (versionNotes.length > 0) {
    const said = match!.reasons.filter((r) => r.startsWith('the report is on'));
    parts.push(`> [!NOTE]\n> ${noMention(said.join('; '))}: this may be a different problem.`);
  }
  parts.push(`**Likely cause.** ${noMention(incident.cause)}`);
  if (incident.workarounds.length > 0) {
    const ws = incident.workarounds.map((w) => {
      const lines = [`**${noMention(w.title)}**`];
      if (w.text) lines.push(noMention(w.text));
      if (w.code) lines.push(fence(w.code, w.lang ?? ''));
      return lines.join('\n\n');
    });
    parts.push(`#### Workarounds\n\n${ws.join('\n\n')}`);
  }
  if (incident.fixedIn.length > 0) {
    const fixed = incident.fixedIn.map((f) => `${noMention(f.product)} ${f.version}${f.note ? ` (${noMention(f.note)})` : ''}`);
    parts.push(`**Fixed in:** ${fixed.join('; ')}`);
  }
  if (incident.references.length > 0) {
    parts.push(`**Links:** ${incident.references.map((r) => `[${cell(r.title)}](${r.url})`).join(' · ')}`);
  }
  if (match) parts.push(evidenceDetails('Why this matched', match));
  parts.push(COMMANDS_LINE);
  return { body: fit(parts), labels: incidentLabels(incident, options) };
}

/** The reply to `/triage` when nothing matched: the nearest candidates and why each fell short. */
export function renderNoMatchComment(verdict: Verdict): RenderedComment {
  const parts = [renderMarker({ state: 'no-match' }), '### No known incident matched'];
  parts.push(noMention(verdict.reason ?? 'Nothing in the catalog is close enough to this report.'));
  if (verdict.matches.length > 0) {
    const rows = verdict.matches.slice(0, 3).map((m) => `| ${inlineCode(m.id)} | ${m.score} | ${confidenceWords(m.confidence)} | ${cell(shortfall(m))} |`);
    parts.push(['| nearest | score | confidence | why not |', '|---|---|---|---|', ...rows].join('\n'));
  }
  parts.push(COMMANDS_LINE);
  return { body: fit(parts), labels: [] };
}

/** The reply to `/triage explain`: evidence and scores of the top candidates. */
export function renderExplainComment(verdict: Verdict): RenderedComment {
  const head = verdict.incidentId
    ? `### Explain: matched ${inlineCode(verdict.incidentId)} at ${confidenceWords(verdict.confidence)}`
    : `### Explain: no verdict`;
  const parts = [renderMarker({ state: 'no-match' }), head];
  if (verdict.reason) parts.push(noMention(verdict.reason));
  if (verdict.matches.length === 0) parts.push('No incident in the catalog shares any evidence with this report.');
  for (const m of verdict.matches.slice(0, 3)) parts.push(evidenceDetails(`${m.id}: score ${m.score}, ${confidenceWords(m.confidence)}${m.eligible ? '' : ', ruled out'}`, m, true));
  parts.push(COMMANDS_LINE);
  return { body: fit(parts), labels: [] };
}

function shortfall(m: Match): string {
  if (m.reasons.length > 0) return m.reasons.join('; ');
  return m.eligible ? 'confidence below the minimum' : 'ruled out';
}

function evidenceDetails(summary: string, match: Match, open = false): string {
  const rows = match.evidence.slice(0, 40).map((e) => `| ${evidenceKind(e)} | ${inlineCode(e.detail)} | ${e.matched ? inlineCode(e.matched) : ''} | ${e.points} |`);
  const reasons = match.reasons.length > 0 ? `\n\n${match.reasons.map((r) => `- ${noMention(r)}`).join('\n')}` : '';
  return [
    `<details${open ? ' open' : ''}><summary>${cell(summary)}</summary>`,
    '',
    '| evidence | catalog | in the report | points |',
    '|---|---|---|---|',
    ...rows,
    '',
    `Score ${match.score}, confidence ${match.confidence.toFixed(2)}.${reasons}`,
    '',
    '</details>',
  ].join('\n');
}

const KIND_WORDS: Record<Evidence['kind'], string> = {
  signature: 'signature',
  frame: 'stack frame',
  'fuzzy-frame': 'similar frame',
  keyword: 'keyword',
  similarity: 'similar text',
  repo: 'repository',
  required: 'required context',
  'missing-required': 'missing context',
  excluded: 'rules it out',
  version: 'version',
};

function evidenceKind(e: Evidence): string {
  return KIND_WORDS[e.kind];
}

/** Joins the parts, dropping the evidence tables' tail if the whole would exceed GitHub's limit. */
function fit(parts: string[]): string {
  let body = parts.join('\n\n') + '\n';
  if (body.length <= MAX_COMMENT_CHARS) return body;
  body = body.slice(0, MAX_COMMENT_CHARS - 200);
  // Never leave a code fence open: cut at the last blank line before the limit.
  const cut = body.lastIndexOf('\n\n');
  return `${body.slice(0, cut)}\n\n_(comment shortened to fit GitHub's size limit)_\n`;
}
