import { describe, expect, it } from 'vitest';
import { readIssueFile } from '../../src/cli/read-issue-file.js';

describe('readIssueFile', () => {
  it.each([
    [
      'front matter, title, body',
      '---\nrepo: acme/widget\nexpected: none\n---\n# App dies on start\n\nbody line\n',
      { title: 'App dies on start', body: 'body line\n', repo: 'acme/widget' },
      { repo: 'acme/widget', expected: 'none' },
    ],
    ['no front matter', '# Only a title\n', { title: 'Only a title', body: '' }, {}],
    ['no title heading', 'just text\nmore', { title: '', body: 'just text\nmore' }, {}],
  ])('%s', (_name, text, input, meta) => {
    const f = readIssueFile(text);
    expect(f.input).toEqual(input);
    expect(f.meta).toEqual(meta);
  });
});
