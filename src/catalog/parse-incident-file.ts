// One incident file's text → an Incident, or the problems that stop it loading (each naming file and field).
// Pure: no fs. The app uses it for a repository's files read through the API, the CLI for local folders.
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import type { CatalogProblem, Incident, WeightedPhrase } from '../types.js';
import { DEFAULT_WEIGHTS, incidentFileSchema, type IncidentFile } from './incident-schema.js';

/** Largest incident file read; bigger ones are refused before parsing. */
export const MAX_INCIDENT_FILE_BYTES = 256 * 1024;
// YAML aliases let a small file expand exponentially ("billion laughs"); incident files need none.
const MAX_ALIASES = 50;

export type ParseResult = { ok: true; incident: Incident } | { ok: false; problems: CatalogProblem[] };

export function parseIncidentFile(file: string, text: string): ParseResult {
  const fail = (field: string, message: string): ParseResult => ({
    ok: false,
    problems: [{ file, field, message }],
  });
  if (Buffer.byteLength(text, 'utf8') > MAX_INCIDENT_FILE_BYTES) {
    return fail('(file)', `file is larger than ${MAX_INCIDENT_FILE_BYTES / 1024} KB`);
  }
  if (text.includes('\u0000')) return fail('(file)', 'file is binary (contains NUL bytes)');

  let data: unknown;
  try {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      return fail('(yaml)', `${e.message.split('\n')[0]}`);
    }
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    // The yaml library throws (rather than reporting) on alias bombs and similar; report it as a value.
    return fail('(yaml)', err instanceof Error ? err.message.split('\n')[0]! : String(err));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail('(file)', 'must be a YAML mapping with id, title, summary, cause and match');
  }

  const parsed = incidentFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: zodProblems(file, parsed.error) };
  return { ok: true, incident: toIncident(parsed.data, file) };
}

function zodProblems(file: string, error: z.ZodError): CatalogProblem[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // An unknown key is named itself, not its parent (`regex`, `match.pattern`): the field to fix.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        field: [...path, key].join('.'),
        message: `unknown field "${key}" (see signatures/README.md; phrases are matched as tokens, there are no regular expressions)`,
      }));
    }
    return [{ file, field: path.length > 0 ? path.join('.') : '(file)', message: issue.message }];
  });
}

function weighted(items: IncidentFile['match']['signatures'], weight: number): WeightedPhrase[] {
  return items.map((p) =>
    typeof p === 'string' ? { phrase: p, weight } : { phrase: p.phrase, weight: p.weight ?? weight },
  );
}

function toIncident(f: IncidentFile, source: string): Incident {
  return {
    id: f.id,
    title: f.title,
    summary: f.summary.trim(),
    labels: f.labels,
    cause: f.cause.trim(),
    workarounds: f.workarounds,
    fixedIn: f.fixed_in,
    affects: f.affects,
    references: f.references,
    match: {
      signatures: weighted(f.match.signatures, DEFAULT_WEIGHTS.signature),
      frames: weighted(f.match.frames, DEFAULT_WEIGHTS.frame),
      keywords: weighted(f.match.keywords, DEFAULT_WEIGHTS.keyword),
      require: f.match.require,
      exclude: f.match.exclude,
      repos: f.match.repos.map((r) => r.toLowerCase()),
    },
    examples: f.examples,
    counterExamples: f.counter_examples,
    source,
  };
}
