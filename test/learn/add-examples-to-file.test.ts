// Adding examples to an incident file's text: the maintainer's bytes stay, new entries go at the end of
// the list, at its indentation, as literal blocks; a file that is not a mapping is refused.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { addExamplesToFile } from '../../src/learn/add-examples-to-file.js';

const NEW = { title: 'New crash', body: 'line one\n  line two', note: 'https://example.test/1: why' };
const HEAD = '# an incident\nid: x-y # the id\ntitle: >-\n  A folded\n  title\n';

describe('addExamplesToFile', () => {
  it.each([
    ['no examples key', HEAD],
    ['an empty flow list', `${HEAD}examples: []\n# after\n`],
    [
      'a block list indented by 2',
      `${HEAD}examples:\n  - title: Old\n    body: old # note\n# trailing comment\n`,
    ],
    ['a block list indented by 0', `${HEAD}examples:\n- title: Old\n  body: old\nkeywords: []\n`],
  ])('%s', (_name, text) => {
    const result = addExamplesToFile(text, { examples: [NEW], counter_examples: [] });
    if ('error' in result) throw new Error(result.error);
    // The head, comments and folding included, is untouched.
    expect(result.text.startsWith(HEAD)).toBe(true);
    for (const comment of text.match(/#.*$/gm) ?? []) expect(result.text).toContain(comment);
    const data = parse(result.text) as { examples: { title: string; body: string; note: string }[] };
    expect(data.examples.at(-1)).toEqual(NEW);
    expect(result.text).toContain('body: |-\n');
  });

  it('adds counter_examples after examples', () => {
    const result = addExamplesToFile(HEAD, {
      examples: [NEW],
      counter_examples: [{ ...NEW, title: 'Other' }],
    });
    expect('text' in result && parse(result.text)).toMatchObject({
      examples: [{ title: 'New crash' }],
      counter_examples: [{ title: 'Other' }],
    });
  });

  it.each([
    ['not a mapping', '- a\n- b\n', /not a YAML mapping/],
    ['examples is not a list', `${HEAD}examples: nope\n`, /examples is not a list/],
    ['broken YAML', 'id: [x\n', /./],
  ])('refuses %s', (_name, text, said) => {
    const result = addExamplesToFile(text, { examples: [NEW], counter_examples: [] });
    expect('error' in result && result.error).toMatch(said);
  });
});
