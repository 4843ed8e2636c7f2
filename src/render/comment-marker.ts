// The hidden marker that lets the app find its own comment on an issue and read back what it said.
// It is an HTML comment, invisible on GitHub, at the top of every comment the app writes.

/** `chosen`: a maintainer picked the incident (`/triage as`); like `dismissed`, only a maintainer changes it. */
export type CommentState = 'matched' | 'chosen' | 'dismissed' | 'no-match';

export interface MarkerData {
  state: CommentState;
  incident?: string;
}

const PREFIX = '<!-- crash-triage:v1';
const MARKER =
  /^<!-- crash-triage:v1 state=(matched|chosen|dismissed|no-match)(?: incident=([a-z0-9-]{1,80}))? -->/;

export function renderMarker(data: MarkerData): string {
  return `${PREFIX} state=${data.state}${data.incident ? ` incident=${data.incident}` : ''} -->`;
}

/** The marker data when `body` is a comment written by this app, else null. */
export function readMarker(body: string | null | undefined): MarkerData | null {
  if (!body || !body.startsWith(PREFIX)) return null;
  const m = MARKER.exec(body);
  if (!m) return null;
  return m[2] ? { state: m[1] as CommentState, incident: m[2] } : { state: m[1] as CommentState };
}
