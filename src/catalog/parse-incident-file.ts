// One incident file's text → an Incident, or the problems that stop it loading (each naming file and field).
// Pure: no fs. The app uses it for a repository's files read through the API, the CLI for local folders.
//
// YAML is read with js-yaml's core schema (YAML 1.2's JSON-like types: strings, numbers, booleans, null,
// lists, mappings): 10,000 files in about 0.4 s, where building yaml's full documents took over 4 s.
// `2024-01-02` and `yes` stay strings, as before. What the loader guards against, and where:
// - size and NUL bytes: checked here before parsing, and invalid UTF-8 in parseIncidentBytes;
// - duplicate keys, syntax errors, nesting deeper than MAX_DEPTH: js-yaml refuses them, with a line;
// - alias bombs: js-yaml shares an aliased value instead of copying it, but everything after it (zod,
//   the index) walks the data as a tree, so `aliasGuard` counts aliases and the values they would copy;
// - tags other than the core ones (`!!binary`, `!!timestamp`, `!foo`): read as a placeholder, then
//   refused with the field they are in.
import { CORE_SCHEMA, load, Type, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import type { CatalogProblem, Incident, WeightedPhrase } from '../types.js';
import { detachedStrings } from '../text/detached.js';
import { DEFAULT_WEIGHTS, incidentFileSchema, type IncidentFile } from './incident-schema.js';
import { yamlTypeTrap } from './lint-incident.js';

/** Largest incident file read; bigger ones are refused before parsing. */
export const MAX_INCIDENT_FILE_BYTES = 256 * 1024;
// YAML aliases let a small file expand exponentially ("billion laughs"); incident files need none.
const MAX_ALIASES = 50;
/** Values that aliases may repeat in all (an alias of a list of 20 strings repeats 21). */
const MAX_ALIASED_VALUES = 10_000;
// An incident file nests 5 deep (match → require → group → any → phrase); js-yaml's default is 100.
const MAX_DEPTH = 32;

export type ParseResult = { ok: true; incident: Incident } | { ok: false; problems: CatalogProblem[] };

/** A value written with a tag the core schema does not have; refused with its field after parsing. */
class UnsupportedTag {
  constructor(readonly tag: string) {}
}
// The unsupported tags the current (synchronous) load met, so only those files are walked.
let unsupportedTags: string[] = [];
// Multi types with an empty prefix match every tag not found among the core schema's own types.
const SCHEMA = CORE_SCHEMA.extend(
  (['scalar', 'sequence', 'mapping'] as const).map(
    (kind) =>
      new Type('', {
        kind,
        multi: true,
        construct: (_data: unknown, tag = '') => {
          unsupportedTags.push(tag);
          return new UnsupportedTag(tag);
        },
      }),
  ),
);

/** A file's bytes → an Incident: refuses what is too large, binary or not UTF-8, then parses the text. */
export function parseIncidentBytes(file: string, bytes: Uint8Array): ParseResult {
  if (bytes.length > MAX_INCIDENT_FILE_BYTES) return fail(file, '(file)', TOO_LARGE);
  if (bytes.includes(0)) return fail(file, '(file)', BINARY);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return fail(file, '(file)', `file is not valid UTF-8 (line ${firstInvalidUtf8Line(bytes)})`);
  }
  return parseText(file, text);
}

/** A file's text → an Incident (for text already decoded, such as a file read through the API). */
export function parseIncidentFile(file: string, text: string): ParseResult {
  if (text.length > MAX_INCIDENT_FILE_BYTES || Buffer.byteLength(text, 'utf8') > MAX_INCIDENT_FILE_BYTES) {
    return fail(file, '(file)', TOO_LARGE);
  }
  if (text.includes('\u0000')) return fail(file, '(file)', BINARY);
  return parseText(file, text);
}

function parseText(file: string, text: string): ParseResult {
  let data: unknown;
  unsupportedTags = [];
  try {
    data = load(text, {
      schema: SCHEMA,
      maxDepth: MAX_DEPTH,
      // Without an anchor (`&`) there can be no alias, so most files skip the guard.
      ...(text.includes('&') ? { listener: aliasGuard() } : {}),
    } as Parameters<typeof load>[1]);
  } catch (err) {
    // js-yaml throws on every malformed file; report it as a value, with its line when it has one.
    return fail(file, '(yaml)', yamlMessage(err));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail(file, '(file)', 'must be a YAML mapping with id, title, summary, cause and match');
  }
  if (unsupportedTags.length > 0) return { ok: false, problems: unsupportedTagProblems(file, data) };

  const parsed = incidentFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: zodProblems(file, parsed.error, data) };
  // js-yaml's scalars are views of the file's text, so one kept string would keep the whole file alive
  // (about 30% of a loaded catalog's heap): the incident keeps detached copies.
  return { ok: true, incident: detachedStrings(toIncident(parsed.data, file)) };
}

const TOO_LARGE = `file is larger than ${MAX_INCIDENT_FILE_BYTES / 1024} KB`;
const BINARY = 'file is binary (contains NUL bytes)';
// `fatal`: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD. A BOM is dropped.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function fail(file: string, field: string, message: string): ParseResult {
  return { ok: false, problems: [{ file, field, message }] };
}

/** Line of the first byte that is not UTF-8 (only called on a file that has one). */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  return lossy.slice(0, lossy.indexOf('\uFFFD')).split('\n').length;
}

interface LoaderState {
  kind: string | null;
  tag: string | null;
  result: unknown;
  line: number;
  position: number;
}

/** Refuses a file whose aliases are too many, or would repeat too many values if copied. */
function aliasGuard(): (event: string, state: LoaderState) => void {
  // js-yaml's loader closes an alias as a node with a value but neither a kind nor a tag, sometimes
  // twice (a block sequence entry is also tried as a mapping key): counted once by where it ends.
  const ends = new Set<number>();
  let repeated = 0;
  const sizes = new WeakMap<object, number>();
  return (event, state) => {
    if (event !== 'close' || state.kind !== null || state.tag !== null || state.result == null) return;
    if (ends.has(state.position)) return;
    ends.add(state.position);
    repeated += valueCount(state.result, sizes);
    // Thrown out of js-yaml's load, which stops there; parseText reports it like a YAML error.
    if (ends.size > MAX_ALIASES) {
      throw new Error(`more than ${MAX_ALIASES} YAML aliases (near line ${state.line + 1})`);
    }
    if (repeated > MAX_ALIASED_VALUES) {
      throw new Error(
        `YAML aliases would repeat more than ${MAX_ALIASED_VALUES} values (near line ${state.line + 1}): an alias bomb`,
      );
    }
  };
}

/** Values in a tree (an aliased value counted each time it is used), memoized per shared object. */
function valueCount(value: unknown, sizes: WeakMap<object, number>): number {
  if (value === null || typeof value !== 'object') return 1;
  const known = sizes.get(value);
  if (known !== undefined) return known;
  let n = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) n += valueCount(child, sizes);
  sizes.set(value, n);
  return n;
}

// `title: Build fails: exec gcc` — a plain value with ": " in it reads as a second key, and js-yaml
// says only "bad indentation of a mapping entry".
const KEY_THEN_COLON = /^\s*(?:-\s+)?([\w-]+):\s+([^'"|>\s].*?:\s.*)$/;

function colonHint(err: YAMLException): string {
  const mark = err.mark as { buffer?: string; line: number } | undefined;
  if (!mark?.buffer || !/mapping entry|mapping pair/.test(err.reason)) return '';
  const line = mark.buffer.split('\n')[mark.line] ?? '';
  const m = KEY_THEN_COLON.exec(line);
  if (!m) return '';
  const value = m[2]!.length > 40 ? `${m[2]!.slice(0, 40)}…` : m[2]!;
  return `: the value of "${m[1]}" contains ": ", which YAML reads as another key; put it in quotes (${m[1]}: '${value}')`;
}

function yamlMessage(err: unknown): string {
  if (err instanceof YAMLException) {
    const at = err.mark ? ` (line ${err.mark.line + 1}, column ${err.mark.column + 1})` : '';
    const reason = err.reason.startsWith('nesting exceeded maxDepth')
      ? `nested more than ${MAX_DEPTH} levels deep`
      : err.reason;
    return `${reason}${at}${colonHint(err)}`;
  }
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

/** Each value written with an unsupported tag, by its field (a tagged key became a string: `(yaml)`). */
function unsupportedTagProblems(file: string, data: object): CatalogProblem[] {
  const message = (tag: string): string =>
    `YAML tag ${tag.replace(/^tag:yaml\.org,2002:/, '!!')} is not supported: write a plain string, number, list or mapping`;
  const out: CatalogProblem[] = [];
  const seen = new Set<object>();
  const walk = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (value instanceof UnsupportedTag) {
      out.push({ file, field: path || '(file)', message: message(value.tag) });
      return;
    }
    for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
  };
  walk(data, '');
  return out.length > 0 ? out : [{ file, field: '(yaml)', message: message(unsupportedTags[0]!) }];
}

function zodProblems(file: string, error: z.ZodError, data: unknown): CatalogProblem[] {
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
    // A string the author wrote that YAML read as a mapping, a number or a boolean: say so, and the fix.
    const trap =
      (issue.code === 'invalid_type' && issue.expected === 'string') ||
      (issue.code === 'invalid_union' && /^\d+$/.test(path.at(-1) ?? ''))
        ? yamlTypeTrap(valueAt(data, path))
        : null;
    return [{ file, field: path.length > 0 ? path.join('.') : '(file)', message: trap ?? issue.message }];
  });
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let at = data;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
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
      variants: f.match.variants.map((v) => ({
        name: v.name,
        require: v.require,
        signatures: weighted(v.signatures, DEFAULT_WEIGHTS.signature),
        frames: weighted(v.frames, DEFAULT_WEIGHTS.frame),
        keywords: weighted(v.keywords, DEFAULT_WEIGHTS.keyword),
      })),
    },
    examples: f.examples,
    counterExamples: f.counter_examples,
    source,
  };
}
