// The hidden marker that lets the app find its own comment on an issue and read back what it said.
// It is an HTML comment, invisible on GitHub, at the top of every comment the app writes.

/** `chosen`: a maintainer picked the incident (`/triage as`); like `dismissed`, only a maintainer changes it. */
export type CommentState = 'matched' | 'chosen' | 'dismissed' | 'no-match';

export interface MarkerData {
  state: CommentState;
  incident?: string;
  /** Incidents a maintainer ruled out on this issue (`/triage not <id>`): never proposed there again. */
  not?: string[];
}

const PREFIX = '<!-- crash-triage:v1';
// `not=` is optional and last, so markers written before it existed still parse.
const MARKER =
  /^<!-- crash-triage:v1 state=(matched|chosen|dismissed|no-match)(?: incident=([a-z0-9-]{1,80}))?(?: not=([a-z0-9-]{1,80}(?:,[a-z0-9-]{1,80}){0,49}))? -->/;

export function renderMarker(data: MarkerData): string {
  const not = data.not && data.not.length > 0 ? ` not=${data.not.join(',')}` : '';
  return `${PREFIX} state=${data.state}${data.incident ? ` incident=${data.incident}` : ''}${not} -->`;
}

/** The marker data when `body` is a comment written by this app, else null. */
export function readMarker(body: string | null | undefined): MarkerData | null {
  if (!body || !body.startsWith(PREFIX)) return null;
  const m = MARKER.exec(body);
  if (!m) return null;
  const data: MarkerData = { state: m[1] as CommentState };
  if (m[2]) data.incident = m[2];
  if (m[3]) data.not = m[3].split(',');
  return data;
}

/** `body` without its hidden marker line: for readers that are not the app (a terminal, a job summary). */
export function withoutMarker(body: string): string {
  return body.startsWith(PREFIX) ? body.replace(/^<!--[^\n]*-->\n+/, '') : body;
}

/** `body` with its marker's ruled-out list set to `not` (the rest of the comment unchanged). */
export function withRuledOut(body: string, not: readonly string[]): string {
  const marker = readMarker(body);
  if (!marker) return body;
  const end = body.indexOf('-->') + 3;
  const { not: _old, ...rest } = marker;
  return renderMarker(not.length > 0 ? { ...rest, not: [...not] } : rest) + body.slice(end);
}
