// One triage job, from the queue: the numbered pipeline around the pure core. Reads go through the
// gateway, the decision is planTriage's, and the writes are the plan's. One info line per job says what
// was decided and why; settings and incident-file problems are logged as warnings, each with its file.
import { mayRunCommands } from '../commands/may-run-commands.js';
import { loadConfig } from '../config/load-config.js';
import { dryRunGateway } from '../github/dry-run-gateway.js';
import type { IssueGateway } from '../github/gateway-types.js';
import type { IssueContext } from '../github/issue-gateway.js';
import type { OwnCommentRecord } from '../github/own-comment-record.js';
import type { JobSlot, QueueJob } from '../queue/job-queue.js';
import type { TriageRunner } from '../queue/triage-runner.js';
import { applyPlan } from './apply-plan.js';
import { needsOwnComment, planTriage, type Trigger } from './plan-triage.js';
import type { RepoCatalogs } from './repo-catalogs.js';

/** A queued job: plain data (the webhook event as delivered), so a durable queue can carry it. */
export interface TriageJob extends QueueJob {
  trigger: Trigger;
  event: { id: string; name: 'issues' | 'issue_comment'; payload: IssueContext['payload'] };
}

export interface TriageDeps {
  catalogs: RepoCatalogs;
  gatewayFor: (context: IssueContext, options: { fresh: boolean }) => IssueGateway;
  /** The issues this process has commented on (the gateway notes each comment it creates). */
  ownComments: OwnCommentRecord;
  /** Runs the pure triage (on a worker thread, or inline). */
  triage: TriageRunner;
}

export async function runTriageJob(
  context: IssueContext,
  trigger: Trigger,
  deps: TriageDeps,
  slot?: JobSlot,
): Promise<void> {
  const { log, payload } = context;
  const issue = payload.issue;
  const about = {
    issue: `${payload.repository.full_name}#${issue.number}`,
    trigger: trigger.kind === 'command' ? `/triage ${trigger.command.name}` : trigger.kind,
  };
  // Commands read past remembered "no such file" answers: a maintainer may just have added one.
  const gateway = deps.gatewayFor(context, { fresh: trigger.kind === 'command' });

  // 1. a command counts only from someone who may triage the repository
  if (trigger.kind === 'command') {
    const permission = await gateway.getPermission(trigger.by);
    if (!mayRunCommands(permission)) {
      log.info(
        { ...about, user: trigger.by, role: permission.role },
        'command ignored: no triage permission',
      );
      return;
    }
  }

  // 2. the repository's settings (bad keys fall back to their defaults)
  const { config, problems: configProblems } = loadConfig(await gateway.readConfig());
  for (const problem of configProblems) log.warn({ ...about, ...problem }, 'invalid setting ignored');
  if (!config.enabled) return void log.info({ ...about, action: 'none' }, 'skipped: disabled in settings');
  if (trigger.kind === 'edited' && !config.on_edit) {
    return void log.info({ ...about, action: 'none' }, 'skipped: on_edit is off in settings');
  }

  // 3. the catalog: bundled and/or the repository's own incident files (bad files skipped)
  const needsCatalog = !(trigger.kind === 'command' && trigger.command.name === 'help');
  const repoFiles = needsCatalog ? await gateway.readIncidentFiles(config.incident_dir) : null;
  const catalog = repoFiles
    ? deps.catalogs.catalogFor(config.use_bundled_catalog, repoFiles)
    : deps.catalogs.bundled;
  for (const problem of catalog.problems) log.warn({ ...about, ...problem }, 'incident file skipped');

  // 4. triage: extract signals, match, render (on a triage thread, or inline: see triage-runner.ts)
  const needsResult = repoFiles && !(trigger.kind === 'command' && trigger.command.name === 'as');
  const outcome = needsResult
    ? await deps.triage.run(
        {
          input: { title: issue.title, body: issue.body ?? '', repo: payload.repository.full_name },
          minConfidence: config.min_confidence,
          render: { labelPrefix: config.label_prefix, extraLabels: config.extra_labels },
          catalog: { useBundled: config.use_bundled_catalog, files: repoFiles.files },
        },
        catalog.index,
      )
    : null;
  const matched = outcome?.verdict.incidentId;
  const result = outcome && {
    ...outcome,
    incident: (matched && catalog.index.incidents.find((i) => i.id === matched)) || null,
  };

  // 5. plan, against the app's existing comment when one may matter and may exist
  const knownAbsent =
    trigger.kind !== 'command' &&
    deps.ownComments.provesNone({
      repo: payload.repository.full_name,
      number: issue.number,
      createdAt: issue.created_at,
    });
  const existing = needsOwnComment(trigger, result, issue.comments, knownAbsent)
    ? await gateway.findOwnComment()
    : null;
  const plan = planTriage({
    trigger,
    config,
    result,
    existing,
    issueLabels: (issue.labels ?? []).flatMap((l) => (l ? [typeof l === 'string' ? l : l.name] : [])),
    incidents: catalog.index.incidents,
    problems: [...configProblems, ...catalog.problems],
  });

  // 6. apply (or, in dry-run mode, log what would be written). The writes wait on Octokit's throttling
  // (seconds apart in one installation), not on this process: the queue may start another job meanwhile.
  slot?.release();
  await applyPlan(plan, config.mode === 'dry-run' ? dryRunGateway(gateway, log) : gateway);
  log.info(
    {
      ...about,
      incident: result?.verdict.incidentId ?? null,
      confidence: result ? Number(result.verdict.confidence.toFixed(3)) : null,
      mode: config.mode,
      actions: plan.actions.map((a) => a.kind),
      reason: plan.reason,
    },
    'triage decision',
  );
}
