// The hidden marker: old markers still parse, the ruled-out list (`not=`) round-trips and is stamped
// into a comment without touching the rest of it.
import { describe, expect, it } from 'vitest';
import { readMarker, renderMarker, withRuledOut, type MarkerData } from '../../src/render/comment-marker.js';

describe('comment marker', () => {
  it.each<[string, string, MarkerData | null]>([
    ['state only', '<!-- crash-triage:v1 state=no-match -->', { state: 'no-match' }],
    [
      'with incident',
      '<!-- crash-triage:v1 state=matched incident=a-b -->\nx',
      { state: 'matched', incident: 'a-b' },
    ],
    [
      'with incident and not',
      '<!-- crash-triage:v1 state=matched incident=a-b not=c-d,e-f -->',
      { state: 'matched', incident: 'a-b', not: ['c-d', 'e-f'] },
    ],
    [
      'not without incident',
      '<!-- crash-triage:v1 state=no-match not=c-d -->',
      { state: 'no-match', not: ['c-d'] },
    ],
    ['not a marker', 'hello', null],
    ['bad not list', '<!-- crash-triage:v1 state=no-match not=C_D -->', null],
  ])('%s', (_name, body, expected) => {
    expect(readMarker(body)).toEqual(expected);
  });

  it.each<MarkerData>([
    { state: 'dismissed' },
    { state: 'chosen', incident: 'x-y' },
    { state: 'matched', incident: 'x-y', not: ['a-b', 'c-d'] },
  ])('round-trips %j', (data) => {
    expect(readMarker(renderMarker(data))).toEqual(data);
  });

  it('stamps and clears the ruled-out list, keeping the text', () => {
    const body = `${renderMarker({ state: 'matched', incident: 'x-y' })}\n\n### Known incident`;
    const stamped = withRuledOut(body, ['a-b']);
    expect(stamped).toBe(`<!-- crash-triage:v1 state=matched incident=x-y not=a-b -->\n\n### Known incident`);
    expect(withRuledOut(stamped, [])).toBe(body);
    expect(withRuledOut('no marker', ['a-b'])).toBe('no marker');
  });
});
