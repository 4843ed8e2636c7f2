// `crash-triage draft FILE|- [--id ID] [--catalog DIR]... [--no-bundled]`: a new incident file drafted
// from one report (Markdown, as `match` reads it), on stdout. The work is src/draft/; notes (what was
// relaxed, whether the report matches its draft) go to stderr so the YAML can be redirected to a file.
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../catalog/bundled-catalog.js';
import { documentFrequency } from '../draft/document-frequency.js';
import { draftIncident } from '../draft/draft-incident.js';
import { reportCorpus } from '../draft/report-corpus.js';
import { parse, strings } from './args.js';
import { printProblems, type Io } from './io.js';
import { readIssueFile } from './read-issue-file.js';

export const DRAFT_USAGE =
  'usage: crash-triage draft [--id ID] [--repo OWNER/NAME] [--catalog DIR]... [--no-bundled] FILE|-';

const ID = /^[a-z0-9][a-z0-9-]{1,79}$/;

export async function draftCommand(args: string[], io: Io): Promise<number> {
  const p = parse(args, {
    id: { type: 'string' },
    repo: { type: 'string' },
    catalog: { type: 'string', multiple: true },
    'no-bundled': { type: 'boolean' },
  });
  if ('error' in p) return io.usage(p.error, DRAFT_USAGE);
  if (p.positionals.length !== 1) return io.usage('give one report file, or - for stdin', DRAFT_USAGE);
  const id = typeof p.values.id === 'string' ? p.values.id : undefined;
  if (id !== undefined && !ID.test(id))
    return io.usage('--id must be lower-case letters, digits and dashes (2-80 characters)', DRAFT_USAGE);
  const file = p.positionals[0]!;
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : readFileSync(file, 'utf8');
  } catch (err) {
    io.err(`crash-triage draft: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const { input } = readIssueFile(text);
  if (typeof p.values.repo === 'string') input.repo = p.values.repo;
  if (!`${input.title}${input.body}`.trim()) {
    io.err(`crash-triage draft: ${file} holds no report`);
    return 2;
  }
  const catalog = loadCatalog(strings(p.values.catalog), { bundled: !p.values['no-bundled'] });
  printProblems(catalog.problems, io);
  // The corpus always includes the bundled examples: how common a phrase is does not depend on --no-bundled.
  const corpus = reportCorpus([...loadCatalog([], { bundled: true }).incidents, ...catalog.incidents]);
  const draft = draftIncident({
    input,
    existing: catalog.incidents,
    df: documentFrequency(corpus),
    ...(id ? { id } : {}),
  });
  io.out(draft.text.trimEnd());
  for (const note of draft.notes) io.err(`crash-triage draft: ${note}`);
  io.err(
    `crash-triage draft: ${draft.id}: ${draft.matchesOwnExample ? 'the report matches its draft' : 'the report does NOT match its draft'}`,
  );
  return 0;
}
