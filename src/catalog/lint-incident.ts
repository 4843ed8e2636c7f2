// What `crash-triage lint` finds in an incident file beyond its schema: the rules the matcher applies that
// an author cannot see. Errors make the file wrong (a phrase that can never match as written, YAML that
// silently dropped text); warnings make a verdict weaker or stronger than the author meant.
import { NORMALIZATION_RULES, applyRule, normalizeText } from '../signals/normalize-text.js';
import { tokenize } from '../text/tokenize.js';
import type { CatalogProblem, Incident } from '../types.js';

export interface LintFindings {
  errors: CatalogProblem[];
  warnings: CatalogProblem[];
}

/** Every phrase of an incident with the field it is written in. */
function phrasesOf(incident: Incident): { field: string; phrase: string; points: boolean }[] {
  const m = incident.match;
  return [
    ...m.signatures.map((p, k) => ({ field: `match.signatures.${k}`, phrase: p.phrase, points: true })),
    ...m.frames.map((p, k) => ({ field: `match.frames.${k}`, phrase: p.phrase, points: true })),
    ...m.keywords.map((p, k) => ({ field: `match.keywords.${k}`, phrase: p.phrase, points: true })),
    ...m.require.flatMap((g, gi) =>
      g.any.map((phrase, k) => ({ field: `match.require.${gi}.any.${k}`, phrase, points: false })),
    ),
    ...m.exclude.flatMap((g, gi) =>
      g.any.map((phrase, k) => ({ field: `match.exclude.${gi}.any.${k}`, phrase, points: false })),
    ),
  ];
}

// A name with a version condition: `numpy<2`, `protobuf >= 4.21`, `node!=18`.
const VERSION_CONDITION = /[\w)]\s*(?:[<>]=?|==?|~=|!=)\s*v?\d/;

export function lintIncident(incident: Incident): LintFindings {
  const file = incident.source;
  const errors: CatalogProblem[] = [];
  const warnings: CatalogProblem[] = [];
  const phrases = phrasesOf(incident);

  // Reports are normalized before matching (addresses, hashes, offsets, user names become placeholders);
  // a phrase that normalization changes can never be found as written.
  for (const { field, phrase } of phrases) {
    const normalized = tokenize(normalizeText(phrase)).join(' ');
    if (normalized === tokenize(phrase).join(' ')) continue;
    const rule = NORMALIZATION_RULES.find((r) => applyRule(r, phrase) !== phrase);
    errors.push({
      file,
      field,
      message: `"${phrase}" can never match: reports are normalized before matching and the rule "${rule?.name ?? '?'}" turns it into "${normalizeText(phrase)}" (${rule?.why ?? ''}); write the part that stays`,
    });
  }

  // Comparison signs are not words: "numpy<2" is the phrase "numpy 2", found in "numpy 2.2.6" and
  // "numpy=2" alike. A version condition belongs in affects / fixed_in, which compare versions.
  for (const { field, phrase } of phrases) {
    if (!VERSION_CONDITION.test(phrase)) continue;
    warnings.push({
      file,
      field,
      message: `"${phrase}" is read as the words "${tokenize(phrase).join(' ')}": comparison signs are not matched, so any version of that number matches it; write version conditions in affects or fixed_in`,
    });
  }

  // Phrases that score, one inside another: found together on one line they count once (the strongest),
  // so the shorter adds nothing there, and alone it may say less than the author thinks.
  const scoring = phrases.filter((p) => p.points).map((p) => ({ ...p, tokens: tokenize(p.phrase) }));
  for (const inner of scoring) {
    if (inner.tokens.length === 0) continue;
    const outers = scoring.filter(
      (outer) => outer.tokens.length > inner.tokens.length && containsRun(outer.tokens, inner.tokens),
    );
    if (outers.length === 0) continue;
    warnings.push({
      file,
      field: inner.field,
      message: `"${inner.phrase}" is inside ${outers.map((o) => `"${o.phrase}" (${o.field})`).join(', ')}: found at one place they count once, as the stronger; the shorter adds points only where it shows alone`,
    });
  }
  return { errors, warnings };
}

function containsRun(outer: readonly string[], inner: readonly string[]): boolean {
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((t, k) => outer[i + k] === t)) return true;
  }
  return false;
}

// A plain (unquoted) scalar value on a line: after `key: ` or `- `, not starting with a quote or a block
// indicator. YAML ends it at ` #`, which starts a comment.
const PLAIN_VALUE =
  /^(\s*(?:-\s+)?[\w.-]+:\s+|\s*-\s+(?![\w.-]+:\s))([^\s'"|>#&*!%@`{[](?:[^#\n]|(?<=\S)#)*?)\s#(\S.*)$/;

/** YAML traps in an incident file's text that the loader accepts silently. */
export function lintIncidentText(file: string, text: string): CatalogProblem[] {
  const out: CatalogProblem[] = [];
  let block = -1; // indentation of a `|` or `>` block being read, whose lines are text, not YAML
  text.split('\n').forEach((line, k) => {
    const indent = line.length - line.trimStart().length;
    if (block >= 0) {
      if (line.trim() === '' || indent > block) return;
      block = -1;
    }
    if (/:\s*[|>][-+]?\s*$/.test(line) || /^\s*-\s*[|>][-+]?\s*$/.test(line)) {
      block = indent;
      return;
    }
    const m = PLAIN_VALUE.exec(line);
    if (!m) return;
    out.push({
      file,
      field: `(yaml line ${k + 1})`,
      message: `" #" starts a YAML comment, so "#${m[3]!}" is dropped from the value and it reads "${m[2]!.trim()}"; put the value in quotes: ${m[1]!.trim()} ${quoteYaml(`${m[2]!.trim()} #${m[3]!}`)}`,
    });
  });
  return out;
}

/** `value` as a quoted YAML scalar: single quotes (a quote inside doubled), or double when simpler. */
function quoteYaml(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"') && !value.includes('\\')) return `"${value}"`;
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * A clearer message for a value YAML read as something other than the string the author wrote: a
 * mapping (`- configure: error`), a number (`0x2000000`), a boolean (`yes`). Null when it is not that.
 */
export function yamlTypeTrap(value: unknown): string | null {
  if (typeof value === 'number') {
    const hex = Number.isInteger(value) && value > 9 ? ` (0x${value.toString(16)} in hex)` : '';
    return `YAML read this as the number ${value}${hex}, not as text: put it in quotes, as written`;
  }
  if (typeof value === 'boolean') return `YAML read this as ${value}, not as text: put it in quotes`;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 1 && !['phrase', 'weight'].includes(entries[0]![0])) {
      const [key, v] = entries[0]!;
      const written = `${key}: ${typeof v === 'object' ? '…' : String(v)}`;
      return `YAML read "${written}" as a mapping (a colon followed by a space starts one): put the phrase in quotes, '${written}'`;
    }
  }
  return null;
}
