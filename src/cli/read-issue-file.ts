// An issue as a Markdown file → IssueInput: optional YAML front matter (repo:, expected:), then the
// first `# Title` heading, then the body. The format of the eval sets and of `crash-triage match FILE`.
import { CORE_SCHEMA, load } from 'js-yaml';
import type { IssueInput } from '../types.js';

export interface IssueFile {
  input: IssueInput;
  /** Front matter fields, as read (e.g. `expected` in eval cases). */
  meta: Record<string, unknown>;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export function readIssueFile(text: string): IssueFile {
  let meta: Record<string, unknown> = {};
  let rest = text.replace(/^\uFEFF/, '');
  const fm = FRONT_MATTER.exec(rest);
  if (fm) {
    // Core schema: dates and `yes` stay strings; an alias is shared, never copied.
    const data: unknown = load(fm[1]!, { schema: CORE_SCHEMA });
    if (data && typeof data === 'object' && !Array.isArray(data)) meta = data as Record<string, unknown>;
    rest = rest.slice(fm[0].length);
  }
  let title = '';
  const lines = rest.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first >= 0 && /^#\s+/.test(lines[first]!)) {
    title = lines[first]!.replace(/^#\s+/, '').trim();
    lines.splice(0, first + 1);
  }
  const body = lines.join('\n').replace(/^\s*\n/, '');
  const input: IssueInput = { title, body };
  if (typeof meta.repo === 'string') input.repo = meta.repo;
  return { input, meta };
}
