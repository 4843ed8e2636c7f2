// Markup in a prose line: images go, tags and entities go, link text stays, and a URL is a citation:
// on a code host it keeps the repository and issue it names, elsewhere it goes (a Q&A site's slug is
// somebody else's words about another cause of the same error).
import { describe, expect, it } from 'vitest';
import { stripMarkup } from '../../src/signals/strip-markup.js';

describe('stripMarkup', () => {
  it.each([
    ['![screenshot](https://user-images.example.com/1.png) it crashed', '  it crashed'],
    ['<details><summary>Log</summary>', '  Log '],
    ['a &lt;b&gt; &amp; c', 'a <b> & c'],
    [
      'same as [this question](https://stackoverflow.com/questions/123/webpack-build-error-digital-envelope)',
      'same as this question ()',
    ],
    ['see https://github.com/puma/puma/issues/3551#issuecomment-1', 'see github.com/puma/puma/issues/3551'],
    ['fixed by https://github.com/acme/widgetdb/pull/12/files', 'fixed by github.com/acme/widgetdb/pull/12'],
    ['repo https://gitlab.com/acme/widgetdb/-/issues/7 too', 'repo gitlab.com/acme/widgetdb/-/issues/7 too'],
    ['the docs (https://docs.example.org/guide/yjit-and-fork.html)', 'the docs ()'],
    ['a forum: https://forum.example.org/viewtopic.php?t=3915', 'a forum: '],
    ['no link here: wal.c:212', 'no link here: wal.c:212'],
  ])('%j → %j', (line, expected) => {
    expect(stripMarkup(line)).toBe(expected);
  });
});
