// Adds examples and counter-examples to an incident file's text, leaving every byte the maintainer
// wrote as it was (comments, key order, quoting, folding). The yaml package's Document API finds where
// each list ends (its source ranges); only the new entries are serialized, then spliced in at the
// list's indentation. Re-serializing the whole document would refold every folded paragraph.
import { Document, isMap, isSeq, parseDocument, Scalar } from 'yaml';
import type { ExampleReport } from '../types.js';

export interface NewEntries {
  examples: ExampleReport[];
  counter_examples: ExampleReport[];
}

interface Edit {
  at: number;
  /** Characters replaced from `at` (an empty flow list `[]`). */
  remove: number;
  insert: string;
}

/** The file with the entries appended, or an error when it is not an incident file's YAML mapping. */
export function addExamplesToFile(text: string, entries: NewEntries): { text: string } | { error: string } {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { error: doc.errors[0]!.message.split('\n')[0]! };
  if (!isMap(doc.contents)) return { error: 'the file is not a YAML mapping' };
  const edits: Edit[] = [];
  let tail = '';
  for (const key of ['examples', 'counter_examples'] as const) {
    if (entries[key].length === 0) continue;
    const node = doc.get(key, true);
    if (node === undefined || (node instanceof Scalar && node.value === null)) {
      if (node instanceof Scalar) return { error: `${key} is empty (remove the key or give a list)` };
      tail += `${key}:\n${items(entries[key], 2)}`;
      continue;
    }
    if (!isSeq(node) || !node.range) return { error: `${key} is not a list` };
    const [start, end] = node.range;
    if (node.flow) {
      if (node.items.length > 0)
        return { error: `${key} is a one-line [ ] list; write it as a block list first` };
      edits.push({ at: start, remove: end - start, insert: `\n${items(entries[key], 2)}`.trimEnd() });
      continue;
    }
    // A block list: its first `-` gives the indentation; new items go right after its last value.
    const column = start - (text.lastIndexOf('\n', start - 1) + 1);
    edits.push({ at: end, remove: 0, insert: `\n${items(entries[key], column)}`.trimEnd() });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at)) {
    // A block list's range ends after its last line break; insert before it.
    const at = out[e.at - 1] === '\n' && e.remove === 0 ? e.at - 1 : e.at;
    out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
  }
  if (tail) out = `${out.replace(/\n*$/, '\n')}${tail}`;
  return { text: out };
}

/** The entries as a block list, each line indented by `column` spaces, ending with a line break. */
function items(entries: readonly ExampleReport[], column: number): string {
  const doc = new Document(
    entries.map((e) => ({
      title: e.title,
      body: e.body,
      ...(e.repo ? { repo: e.repo } : {}),
      ...(e.note ? { note: e.note } : {}),
    })),
  );
  // A report keeps its lines: a literal block, not a folded or quoted one.
  if (isSeq(doc.contents)) {
    for (const item of doc.contents.items) {
      const body = isMap(item) ? item.get('body', true) : undefined;
      if (body instanceof Scalar && String(body.value).includes('\n')) body.type = Scalar.BLOCK_LITERAL;
    }
  }
  const pad = ' '.repeat(column);
  return doc
    .toString({ lineWidth: 0 })
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}
