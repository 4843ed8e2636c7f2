// Verdict + incident → the Markdown comment the app posts, and its labels. Three shapes: the matched
// incident (the normal comment), "no known incident" with the nearest candidates (only on request), and
// "explain" (evidence and scores of the top candidates). Everything from a report is shown as code.
import type { CatalogProblem, Evidence, Incident, Match, RenderedComment, Verdict } from '../types.js';
import { readMarker, renderMarker } from './comment-marker.js';
import { cell, codeCell, fence, inlineCode, noMention, plainText } from './markdown.js';

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

/** Confidence in words, never a percentage: a score is not a probability, and "100%" is never true. */
export function confidenceWords(confidence: number): string {
  if (confidence >= 0.9) return 'very likely';
  if (confidence >= 0.75) return 'likely';
  if (confidence >= 0.5) return 'possibly';
  return 'unlikely';
}

export function incidentLabels(incident: Incident, options: RenderOptions = {}): string[] {
  const prefix = options.labelPrefix ?? '';
  const labels = [...incident.labels.map((l) => `${prefix}${l}`), ...(options.extraLabels ?? [])];
  return [...new Set(labels.map((l) => l.slice(0, 50)))];
}

/** Words of the incident summary shown above the fold; the whole summary is in "More about it". */
const SUMMARY_WORDS = 90;

/**
 * The comment for a matched incident. `match` is absent when a maintainer chose the incident by hand.
 * Above the fold, for the reporter: what it is, how sure, what to do on their versions, and what to do if
 * it is not their problem. Cause, workarounds, links and evidence follow, folded.
 */
export function renderIncidentComment(
  incident: Incident,
  match: Match | undefined,
  options: RenderOptions = {},
): RenderedComment {
  const state = options.chosenBy ? 'chosen' : 'matched';
  const parts: string[] = [renderMarker({ state, incident: incident.id })];
  parts.push(`### Known problem: ${noMention(incident.title)}`);
  const how = options.chosenBy
    ? `**Chosen by** @\u200d${options.chosenBy.replace(/[^\w-]/g, '')} with \`/triage as\``
    : `**${capitalized(confidenceWords(match?.confidence ?? 0))}** the same problem as ${inlineCode(incident.id)}`;
  parts.push(`${how}. ${whatToDo(incident, match)}`);
  const notes = versionNotes(match);
  if (notes) parts.push(notes);
  const { lead, rest } = splitSummary(noMention(incident.summary));
  parts.push(lead);
  parts.push(
    '**Not your problem?** If this does not describe your crash, say so in a comment; a maintainer will look again.',
  );
  const more = [rest, `**Likely cause.** ${noMention(incident.cause)}`].filter(Boolean).join('\n\n');
  parts.push(folded('More about it: the cause', more));
  if (incident.workarounds.length > 0) {
    const ws = incident.workarounds.map((w) => {
      const lines = [`**${noMention(w.title)}**`];
      if (w.text) lines.push(noMention(w.text));
      if (w.code) lines.push(fence(w.code, w.lang ?? ''));
      return lines.join('\n\n');
    });
    parts.push(folded(`Workarounds (${incident.workarounds.length})`, ws.join('\n\n')));
  }
  const links: string[] = [];
  if (incident.fixedIn.length > 0) {
    const fixed = incident.fixedIn.map(
      (f) => `${noMention(f.product)} ${f.version}${f.note ? ` (${noMention(f.note)})` : ''}`,
    );
    links.push(`**Fixed in:** ${fixed.join('; ')}`);
  }
  if (incident.references.length > 0) {
    links.push(incident.references.map((r) => `- [${cell(r.title)}](${r.url})`).join('\n'));
  }
  if (links.length > 0) parts.push(folded('Fix and links', links.join('\n\n')));
  if (match) parts.push(evidenceDetails('Why this matched', match));
  parts.push(COMMANDS_LINE);
  return { body: fit(parts), labels: incidentLabels(incident, options) };
}

/** One line: the first thing to do, for the reporter's versions when the report gives them. */
function whatToDo(incident: Incident, match: Match | undefined): string {
  const affected = match?.versions?.find((v) => v.status === 'affected' && v.fixedIn);
  const fix = incident.fixedIn[0];
  // The first workaround that is not "update to the fixed version" (the line says that already).
  const other = incident.workarounds.find((w) => !fix || !w.title.includes(fix.version));
  if (affected) {
    return `**What to do:** update ${productName(affected.product)} to ${affected.fixedIn} or later (you are on ${affected.version}, which is affected)${other ? `; until then: ${noMention(lowerFirst(other.title))}` : ''}.`;
  }
  const first = incident.workarounds[0];
  if (first)
    return `**What to do:** ${noMention(lowerFirst(first.title))}${fix && !first.title.includes(fix.version) ? ` (fixed in ${productName(fix.product)} ${fix.version})` : ''}.`;
  if (fix) return `**What to do:** update to ${productName(fix.product)} ${fix.version} or later.`;
  return '';
}

// Product names as people write them, for the few that incident files usually give in lower case.
const PRODUCT_NAMES: Record<string, string> = {
  macos: 'macOS',
  ios: 'iOS',
  python: 'Python',
  ruby: 'Ruby',
  luajit: 'LuaJIT',
  utm: 'UTM',
  qemu: 'QEMU',
  linux: 'Linux',
  windows: 'Windows',
};

function productName(product: string): string {
  return PRODUCT_NAMES[product.toLowerCase()] ?? noMention(product);
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Where the report's own versions do not fit the incident: said plainly, above the fold. */
function versionNotes(match: Match | undefined): string {
  const odd = match?.versions?.filter((v) => v.status !== 'affected') ?? [];
  if (odd.length === 0) return '';
  const said = odd.map((v) =>
    v.status === 'fixed'
      ? `you are on ${productName(v.product)} ${v.version}, which already has the fix (${v.fixedIn})`
      : `you are on ${productName(v.product)} ${v.version}, outside the versions this affects`,
  );
  return `> [!NOTE]\n> ${plainText(said.join('; '))}: this may be a different problem.`;
}

/** The summary's first sentences up to about SUMMARY_WORDS words, and the rest. */
function splitSummary(summary: string): { lead: string; rest: string } {
  const words = summary.split(/\s+/);
  if (words.length <= SUMMARY_WORDS) return { lead: summary, rest: '' };
  const sentences = summary.match(/[^.!?]+[.!?]+(?:\s+|$)|[^.!?]+$/g) ?? [summary];
  let lead = '';
  for (const sentence of sentences) {
    if (lead && (lead + sentence).split(/\s+/).length > SUMMARY_WORDS) break;
    lead += sentence;
  }
  return { lead: lead.trim(), rest: summary.slice(lead.length).trim() };
}

function folded(summary: string, body: string): string {
  return [`<details><summary>${cell(summary)}</summary>`, '', body, '', '</details>'].join('\n');
}

function capitalized(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The reply to `/triage` when nothing matched: the nearest candidates and why each fell short. */
export function renderNoMatchComment(verdict: Verdict): RenderedComment {
  const parts = [renderMarker({ state: 'no-match' }), '### No known incident matched'];
  parts.push(plainText(verdict.reason ?? 'Nothing in the catalog is close enough to this report.'));
  if (verdict.matches.length > 0) {
    const rows = verdict.matches
      .slice(0, 3)
      .map(
        (m) =>
          `| ${codeCell(m.id)} | ${m.score} | ${confidenceWords(m.confidence)} | ${cell(shortfall(m))} |`,
      );
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
  if (verdict.reason) parts.push(plainText(verdict.reason));
  if (verdict.matches.length === 0)
    parts.push('No incident in the catalog shares any evidence with this report.');
  for (const m of verdict.matches.slice(0, 3))
    parts.push(
      evidenceDetails(
        `${m.id}: score ${m.score}${verdict.neededScore !== undefined ? ` (a verdict needs ${verdict.neededScore})` : ''}, ${confidenceWords(m.confidence)}${m.eligible ? '' : ', ruled out'}`,
        m,
        true,
      ),
    );
  parts.push(COMMANDS_LINE);
  return { body: fit(parts), labels: [] };
}

function shortfall(m: Match): string {
  if (m.reasons.length > 0) return m.reasons.join('; ');
  return m.eligible ? 'confidence below the minimum' : 'ruled out';
}

function evidenceDetails(summary: string, match: Match, open = false): string {
  const rows = match.evidence
    .slice(0, 40)
    .map(
      (e) =>
        `| ${evidenceKind(e)} | ${codeCell(e.detail)} | ${e.matched ? codeCell(e.matched) : ''} | ${e.points} |`,
    );
  const reasons =
    match.reasons.length > 0 ? `\n\n${match.reasons.map((r) => `- ${plainText(r)}`).join('\n')}` : '';
  return [
    `<details${open ? ' open' : ''}><summary>${cell(summary)}</summary>`,
    '',
    '| evidence | catalog | in the report | points |',
    '|---|---|---|---|',
    ...rows,
    '',
    `Score ${match.score}: ${confidenceWords(match.confidence)}.${reasons}`,
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
  negated: 'negated (not counted)',
  variant: 'shows as',
  version: 'version',
};

function evidenceKind(e: Evidence): string {
  return KIND_WORDS[e.kind];
}

/** Joins the parts, dropping the evidence tables' tail if the whole would exceed GitHub's limit. */
function fit(parts: string[]): string {
  const body = parts.join('\n\n') + '\n';
  if (body.length <= MAX_COMMENT_CHARS) return body;
  const cut = safeCut(body, MAX_COMMENT_CHARS - 200);
  return `${body.slice(0, cut)}\n\n_(comment shortened to fit GitHub's size limit)_\n`;
}

// A code fence line (CommonMark: up to 3 spaces, 3+ backticks or tildes, then the info string).
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * Where to cut `body` to keep it under `limit`: the last blank line before it that is outside every
 * code fence and <details> block (a blank line inside one would leave it open), else after the marker.
 */
function safeCut(body: string, limit: number): number {
  let best = Math.max(0, body.indexOf('\n'));
  let fence: { char: string; len: number } | null = null;
  let depth = 0;
  let at = 0;
  for (const line of body.split('\n')) {
    if (at > limit) break;
    const f = FENCE_LINE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence.char && f[1]!.length >= fence.len && f[2]!.trim() === '') fence = null;
    } else if (f) {
      fence = { char: f[1]![0]!, len: f[1]!.length };
    } else {
      depth += (line.match(/<details[\s>]/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
      if (line.trim() === '' && depth <= 0 && at > 0) best = at;
    }
    at += line.length + 1;
  }
  return best;
}

// ---- Replies to slash commands and later states of the app's one comment (used by the GitHub App). ----

/** Separates the app comment's main part from the reply to the latest `/triage explain` or `/triage help`. */
const REPLY_MARK = '<!-- crash-triage:reply -->';

const NO_LONGER_MATCHES =
  '> [!NOTE]\n> After the latest edit this report no longer matches this incident confidently. The comment is kept as it was: `/triage` re-runs the triage, `/triage dismiss` removes it.';

const HELP_ROWS: [string, string][] = [
  ['/triage', 'Run the triage again; answers even when nothing matched, with the nearest candidates.'],
  ['/triage explain', 'Show the evidence and scores of the top candidates.'],
  ['/triage as <incident-id>', "Apply that incident's comment and labels."],
  ['/triage not <incident-id>', 'Rule that incident out on this issue: it is never proposed here again.'],
  ['/triage dismiss', "Remove this app's labels and leave the issue alone until `/triage` is run again."],
  ['/triage help', 'This list.'],
];

/** The comment after `/triage dismiss`: who dismissed what, and how to undo it. */
export function renderDismissedComment(incidentId: string | undefined, by: string): RenderedComment {
  const parts = [
    renderMarker(incidentId ? { state: 'dismissed', incident: incidentId } : { state: 'dismissed' }),
  ];
  const what = incidentId ? `the match with ${inlineCode(incidentId)}` : 'crash triage';
  parts.push(
    `### Dismissed\n\n${login(by)} dismissed ${what} on this issue; crash-triage will leave it alone.`,
  );
  parts.push('<sub>Maintainers: `/triage` runs the triage again.</sub>');
  return { body: fit(parts), labels: [] };
}

/** The reply to `/triage help`, or to a command the app does not know. */
export function renderHelpComment(unknown?: string): RenderedComment {
  const parts = [renderMarker({ state: 'no-match' }), '### crash-triage commands'];
  if (unknown !== undefined) parts.push(`Unknown command ${inlineCode(`/triage ${unknown}`)}.`);
  parts.push(
    [
      '| command | what it does |',
      '|---|---|',
      ...HELP_ROWS.map(([c, w]) => `| ${codeCell(c)} | ${cell(w)} |`),
    ].join('\n'),
  );
  parts.push(
    'Commands are obeyed from people with triage, write, maintain or admin access to the repository.',
  );
  return { body: fit(parts), labels: [] };
}

/** The reply to `/triage as <id>` when the catalog has no such incident. */
export function renderUnknownIncidentComment(id: string, knownIds: readonly string[]): RenderedComment {
  const parts = [renderMarker({ state: 'no-match' }), `### Unknown incident ${inlineCode(id)}`];
  const known = [...knownIds].sort().slice(0, 50).map(inlineCode).join(', ');
  parts.push(
    known
      ? `The catalog used for this repository has: ${known}.`
      : 'The catalog used for this repository is empty.',
  );
  return { body: fit(parts), labels: [] };
}

/** A section naming each settings or incident-file problem by file and field (shown to maintainers). */
export function renderProblemsSection(problems: readonly CatalogProblem[]): string {
  if (problems.length === 0) return '';
  const rows = problems
    .slice(0, 20)
    .map((p) => `| ${codeCell(p.file)} | ${codeCell(p.field)} | ${cell(p.message)} |`);
  const more = problems.length > 20 ? `\n\n_and ${problems.length - 20} more_` : '';
  return (
    [
      '#### Configuration problems (skipped, defaults used)',
      '',
      '| file | field | problem |',
      '|---|---|---|',
      ...rows,
    ].join('\n') + more
  );
}

/** `comment` with a section added before its commands line (or at the end). */
export function withSection(comment: RenderedComment, section: string): RenderedComment {
  if (!section) return comment;
  const at = comment.body.lastIndexOf(COMMANDS_LINE);
  const body =
    at >= 0
      ? `${comment.body.slice(0, at)}${section}\n\n${comment.body.slice(at)}`
      : `${comment.body.replace(/\n+$/, '')}\n\n${section}\n`;
  return { ...comment, body: fitText(body) };
}

/** The main part of an app comment, without the reply to an earlier command. */
export function withoutReply(body: string): string {
  const at = body.indexOf(REPLY_MARK);
  return at >= 0 ? `${body.slice(0, at).replace(/\n+$/, '')}\n` : body;
}

/** An app comment with `reply` (a command's answer) under its main part, replacing any earlier reply. */
export function withReply(body: string, reply: RenderedComment): string {
  const lines = reply.body.split('\n');
  if (readMarker(lines[0])) lines.shift();
  const text = lines
    .filter((l) => l !== COMMANDS_LINE)
    .join('\n')
    .trim();
  return fitText(`${withoutReply(body).replace(/\n+$/, '')}\n\n${REPLY_MARK}\n\n---\n\n${text}\n`);
}

/** A matched comment with a note that the edited report no longer matches; unchanged if it has one. */
export function withNoLongerMatchingNote(body: string): string {
  if (body.includes(NO_LONGER_MATCHES)) return body;
  const [marker, ...rest] = body.split('\n');
  return fitText([marker, '', NO_LONGER_MATCHES, ...rest].join('\n'));
}

function login(name: string): string {
  return `@\u200d${name.replace(/[^\w-]/g, '')}`;
}

function fitText(body: string): string {
  return body.length <= MAX_COMMENT_CHARS ? body : fit([body]);
}
