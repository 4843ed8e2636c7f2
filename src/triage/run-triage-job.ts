// The triage job: the one place that numbers the pipeline's steps. It takes the issue as plain facts and
// its ports (gateway, runner, log), so the Probot app, the GitHub Action and the tests run the same job.
//
//   1 permission ─► 2 settings ─► 3 reads ─► 4 triage ─► 5 plan ─► 6 apply
//                                             4a extract signals ─► 4b match ─► 4c render
//
// Steps 4 (on the runner: a triage thread, or inline) and 5 are pure. Reads go through the gateway, the
// writes are the plan's. It returns what it decided as plain data, and logs one info line saying so.
import { mayRunCommands } from '../commands/may-run-commands.js';
import type { RepoConfig } from '../config/config-schema.js';
import { loadConfig } from '../config/load-config.js';
import type { CatalogProblem } from '../types.js';
import { applyPlan } from './apply-plan.js';
import { dryRunWrites } from './dry-run-writes.js';
import { readCatalogFiles } from './read-catalog-files.js';
import { needsOwnComment, planTriage, type TriagePlan } from './plan-triage.js';
import type { IssueFacts, JobPorts, OwnComment, TriageOutcome, TriageTask } from './ports.js';

/** What the job did, for the adapter (the Action's summary and outputs, the tests). */
export type JobResult =
  | { status: 'skipped'; reason: string; config?: RepoConfig }
  | {
      status: 'done';
      config: RepoConfig;
      outcome: TriageOutcome | null;
      plan: TriagePlan;
      /** Settings and incident-file problems met on the way (also logged as warnings). */
      problems: CatalogProblem[];
    };

export async function runTriageJob(facts: IssueFacts, ports: JobPorts): Promise<JobResult> {
  const { gateway, log, trigger } = { ...ports, trigger: facts.trigger };
  const about = {
    issue: `${facts.repo}#${facts.number}`,
    trigger: trigger.kind === 'command' ? `/triage ${trigger.command.name}` : trigger.kind,
  };
  const skip = (reason: string, config?: RepoConfig): JobResult => {
    log.info({ ...about, action: 'none' }, `skipped: ${reason}`);
    return config ? { status: 'skipped', reason, config } : { status: 'skipped', reason };
  };

  // 1. a command counts only from someone who may triage the repository
  if (trigger.kind === 'command') {
    const permission = await gateway.getPermission(trigger.by);
    if (!mayRunCommands(permission)) {
      log.info(
        { ...about, user: trigger.by, role: permission.role },
        'command ignored: no triage permission',
      );
      return { status: 'skipped', reason: `@${trigger.by} may not triage this repository` };
    }
  }

  // 2. the repository's settings (bad keys fall back to their defaults)
  const { config, problems: configProblems } = loadConfig(await gateway.readConfig());
  for (const problem of configProblems) log.warn({ ...about, ...problem }, 'invalid setting ignored');
  if (!config.enabled) return skip('disabled in settings', config);
  if (trigger.kind === 'edited' && !config.on_edit) return skip('on_edit is off in settings', config);

  // 3. reads: the incident files, shared catalogs' then the repository's own (bad ones are skipped by the
  // triage, see read-catalog-files.ts), and the app's comment
  // when it must be known first: a command always answers in it, and an edit of an issue with comments may
  // replace an earlier verdict, whose labels the triage then names
  const help = trigger.kind === 'command' && trigger.command.name === 'help';
  const repoFiles = help ? null : await readCatalogFiles(gateway, facts.repo, config);
  const knownAbsent = trigger.kind !== 'command' && gateway.provesNoOwnComment(facts.createdAt);
  const lookFirst =
    trigger.kind === 'command' || (trigger.kind === 'edited' && facts.commentCount > 0 && !knownAbsent);
  let existing: OwnComment | null = lookFirst ? await gateway.findOwnComment() : null;

  // 4. triage, on the runner (a triage thread, or inline): the catalog (bundled and/or the repository's
  // files), then 4a extract signals, 4b match, 4c render (run-triage-task.ts, triage-issue.ts)
  let outcome: TriageOutcome | null = null;
  let task: TriageTask | null = null;
  const ruledOut = ruledOutAfter(existing?.marker.not ?? [], trigger);
  if (repoFiles) {
    task = {
      input: { title: facts.title, body: facts.body, repo: facts.repo },
      minConfidence: config.min_confidence,
      render: { labelPrefix: config.label_prefix, extraLabels: config.extra_labels },
      catalog: { useBundled: config.use_bundled_catalog, files: repoFiles.files },
      ...(trigger.kind === 'command' && trigger.command.name === 'as'
        ? { chosen: { incidentId: trigger.command.incidentId, by: trigger.by } }
        : {}),
      ...(existing?.marker.incident ? { previous: existing.marker.incident } : {}),
      ...(ruledOut.length > 0 ? { ruledOut } : {}),
    };
    outcome = await ports.triage.run(task);
    outcome = { ...outcome, problems: [...repoFiles.problems, ...outcome.problems] };
    for (const problem of outcome.problems) log.warn({ ...about, ...problem }, 'incident file skipped');
  }

  // 5. plan, against the app's existing comment when one may matter and may exist
  if (!lookFirst && needsOwnComment(trigger, outcome, facts.commentCount, knownAbsent)) {
    existing = await gateway.findOwnComment();
  }
  const problems = [...configProblems, ...(outcome?.problems ?? [])];
  const plan = planTriage({
    trigger,
    config,
    outcome,
    existing,
    previousLabels:
      existing?.marker.incident && task?.previous === existing.marker.incident ? outcome!.previousLabels : [],
    issueLabels: facts.labels,
    problems,
    ruledOut,
  });

  // 6. apply (or, in dry-run mode, log what would be written). The writes wait on Octokit's throttling
  // (seconds apart in one installation), not on this process: the queue may start another job meanwhile.
  ports.beforeWrites?.();
  const refused = await applyPlan(plan, config.mode === 'dry-run' ? dryRunWrites(gateway, log) : gateway);
  log.info(
    {
      ...about,
      incident: outcome?.incident?.id ?? null,
      confidence: outcome?.verdict ? Number(outcome.verdict.confidence.toFixed(3)) : null,
      mode: config.mode,
      actions: plan.actions.map((a) => a.kind),
      reason: plan.reason,
      ...(refused.length > 0 ? { refused } : {}),
    },
    'triage decision',
  );
  return { status: 'done', config, outcome, plan, problems };
}

/**
 * The incidents ruled out on the issue after this trigger: those its comment's marker lists, plus the one
 * `/triage not` names; `/triage as` a ruled-out incident is the maintainer changing their mind.
 */
function ruledOutAfter(marked: readonly string[], trigger: IssueFacts['trigger']): string[] {
  if (trigger.kind !== 'command') return [...marked];
  const { command } = trigger;
  if (command.name === 'not' && !marked.includes(command.incidentId)) return [...marked, command.incidentId];
  if (command.name === 'as') return marked.filter((id) => id !== command.incidentId);
  return [...marked];
}
