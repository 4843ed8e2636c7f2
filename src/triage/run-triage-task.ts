// Step 3 of the job (see run-triage-job.ts), where the runner runs it: the task's catalog (bundled and/or
// the repository's files, compiled once per set of file versions) and then either the triage of the
// issue's text (3a-3c in triage-issue.ts) or, for `/triage as`, the chosen incident's comment. Pure given
// the catalogs; the runner owns them, so a catalog is compiled in one place only.
import { incidentLabels, renderIncidentComment } from '../render/render-comment.js';
import type { Incident } from '../types.js';
import type { TriageOutcome, TriageTask } from './ports.js';
import type { RepoCatalogs } from './repo-catalogs.js';
import { triageIssue } from './triage-issue.js';

export function runTriageTask(task: TriageTask, catalogs: RepoCatalogs): TriageOutcome {
  const { index, problems } = catalogs.catalogFor(task.catalog.useBundled, {
    files: task.catalog.files,
    problems: [],
  });
  const byId = (id: string | undefined): Incident | undefined =>
    id === undefined ? undefined : index.incidents.find((i) => i.id === id);
  const previous = byId(task.previous);
  const common = {
    previousLabels: previous ? incidentLabels(previous, task.render) : [],
    problems,
  };
  if (task.chosen) {
    const incident = byId(task.chosen.incidentId);
    if (!incident) {
      const known = [...new Set(index.incidents.map((i) => i.id))];
      return {
        verdict: null,
        incident: null,
        comment: null,
        unknownChosen: { id: task.chosen.incidentId, known },
        ...common,
      };
    }
    const comment = renderIncidentComment(incident, undefined, { ...task.render, chosenBy: task.chosen.by });
    return { verdict: null, incident: refOf(incident), comment, unknownChosen: null, ...common };
  }
  const result = triageIssue({ ...task, index });
  return {
    verdict: result.verdict,
    incident: result.incident && refOf(result.incident),
    comment: result.comment,
    unknownChosen: null,
    ...common,
  };
}

function refOf(incident: Incident): { id: string; title: string } {
  return { id: incident.id, title: incident.title };
}
