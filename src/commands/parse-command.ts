// Slash commands: a comment's text → the `/triage` command it gives, or null. Pure.
// Only a line that starts with `/triage` counts (leading spaces allowed), and never one inside a fenced
// code block or a quote, so a report that pastes a transcript or quotes an earlier command runs nothing.

/** What a maintainer can ask for. `help` also answers an unknown or malformed command. */
export type Command =
  | { name: 'rerun' }
  | { name: 'explain' }
  | { name: 'as'; incidentId: string }
  | { name: 'dismiss' }
  | { name: 'not'; incidentId: string }
  | { name: 'help'; unknown?: string };

// `/triage` then, optionally, a sub-command and its arguments. `/triaged` or `/triage-bot` are not ours.
const COMMAND_LINE = /^ {0,3}\/triage(?:[ \t]+(.*))?$/i;
// Code fences: ``` or ~~~ (three or more), possibly indented by up to three spaces (CommonMark).
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// Incident ids, as the catalog schema allows them.
const INCIDENT_ID = /^[a-z0-9][a-z0-9-]{1,79}$/;

/** The first `/triage` command in `text`, or null when the comment has none. */
export function parseCommand(text: string | null | undefined): Command | null {
  if (!text) return null;
  let fence: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const f = FENCE.exec(raw);
    if (f) {
      const marker = f[1]!;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const m = COMMAND_LINE.exec(raw.trimEnd());
    if (m) return toCommand((m[1] ?? '').trim());
  }
  return null;
}

function toCommand(rest: string): Command {
  const [sub = '', ...args] = rest.split(/\s+/).filter(Boolean);
  switch (sub.toLowerCase()) {
    case '':
      return { name: 'rerun' };
    case 'explain':
      return args.length === 0 ? { name: 'explain' } : { name: 'help', unknown: rest };
    case 'dismiss':
      return args.length === 0 ? { name: 'dismiss' } : { name: 'help', unknown: rest };
    case 'help':
      return { name: 'help' };
    case 'as':
    case 'not': {
      const id = args[0]?.toLowerCase().replace(/^`|`$/g, '');
      return id && args.length === 1 && INCIDENT_ID.test(id)
        ? { name: sub.toLowerCase() as 'as' | 'not', incidentId: id }
        : { name: 'help', unknown: rest };
    }
    default:
      return { name: 'help', unknown: rest };
  }
}
