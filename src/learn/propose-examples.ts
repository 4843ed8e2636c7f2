// What the maintainers' verdicts teach, pure: per issue the app commented on, the examples and
// counter-examples its incident files should gain. Conservative on purpose: only a maintainer's act
// counts, or an issue closed as completed under a match nobody corrected. An open issue under a match
// proves nothing yet.
//
//   /triage as <id>                       → example of <id>
//   matched <id>, closed as completed     → example of <id>
//   /triage dismiss (of a match with <id>) → counter-example of <id>
//   /triage not <id>                      → counter-example of <id>
//
// A verdict that contradicts what a file already says (an issue kept as an example of an incident a
// maintainer has since ruled out) is reported, never written: the maintainer decides which is right.
import type { ExampleReport, Incident } from '../types.js';
import type { AppVerdict } from './read-app-verdicts.js';

export type ProposalKind = 'example' | 'counter_example';

export interface Proposal {
  incidentId: string;
  kind: ProposalKind;
  number: number;
  url: string;
  /** The maintainer's act (or the fate) it comes from. */
  why: string;
  example: ExampleReport;
}

export interface Contradiction {
  incidentId: string;
  number: number;
  url: string;
  message: string;
}

export interface LearnPlan {
  proposals: Proposal[];
  contradictions: Contradiction[];
  /** Proposals the incident file already holds (same link in a note, or the same title and body). */
  alreadyKnown: number;
}

/** An example's body keeps the report's start: enough for its signals, small enough to review. */
export const MAX_EXAMPLE_BODY = 6000;

export function proposeExamples(verdicts: readonly AppVerdict[], incidents: readonly Incident[]): LearnPlan {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const plan: LearnPlan = { proposals: [], contradictions: [], alreadyKnown: 0 };
  for (const v of verdicts) {
    for (const [incidentId, kind, why] of lessonsOf(v)) {
      const incident = byId.get(incidentId);
      const same = (e: ExampleReport): boolean => isSameReport(e, v);
      const opposite = kind === 'example' ? incident?.counterExamples : incident?.examples;
      if (opposite?.some(same)) {
        const held = kind === 'example' ? 'a counter-example' : 'an example';
        plan.contradictions.push({
          incidentId,
          number: v.number,
          url: v.url,
          message: `#${v.number} is ${held} of ${incidentId} in ${incident!.source}, but ${why}`,
        });
        continue;
      }
      const own = kind === 'example' ? incident?.examples : incident?.counterExamples;
      if (own?.some(same)) {
        plan.alreadyKnown += 1;
        continue;
      }
      plan.proposals.push({
        incidentId,
        kind,
        number: v.number,
        url: v.url,
        why,
        example: exampleOf(v, why),
      });
    }
  }
  return plan;
}

/** The lessons one issue gives: incident, kind, and why. */
function lessonsOf(v: AppVerdict): [string, ProposalKind, string][] {
  const lessons: [string, ProposalKind, string][] = [];
  const { state, incident, not = [] } = v.marker;
  if (incident && state === 'chosen')
    lessons.push([incident, 'example', 'a maintainer chose it (/triage as)']);
  if (incident && state === 'matched' && v.state === 'closed' && v.stateReason === 'completed')
    lessons.push([incident, 'example', 'it matched and the issue was closed as completed, uncorrected']);
  if (incident && state === 'dismissed')
    lessons.push([incident, 'counter_example', 'a maintainer dismissed the match (/triage dismiss)']);
  for (const id of not) lessons.push([id, 'counter_example', 'a maintainer ruled it out (/triage not)']);
  return lessons;
}

function exampleOf(v: AppVerdict, why: string): ExampleReport {
  const body = v.body.length > MAX_EXAMPLE_BODY ? `${v.body.slice(0, MAX_EXAMPLE_BODY)}\n…` : v.body;
  return { title: v.title, body: body.replace(/\r\n/g, '\n').trimEnd(), note: `${v.url}: ${why}` };
}

function isSameReport(e: ExampleReport, v: AppVerdict): boolean {
  if (e.note?.includes(v.url)) return true;
  return e.title === v.title && e.body.trim() === v.body.replace(/\r\n/g, '\n').trim();
}
