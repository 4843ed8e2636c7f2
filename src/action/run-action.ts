// The GitHub Action (no hosting): reads the event the workflow was triggered by, maps it to issue facts,
// and runs the same triage job as the app with an Octokit for the workflow's token, the checkout's files
// where there is a checkout, and the bundled catalog compiled in this process. It writes the step summary
// and outputs. Exit code 0 for every outcome the job expects (no match, dismissed, no permission, an
// event it does not handle); 1 only when it could not do its job, with one `::error::` line saying why.
import { appendFileSync, readFileSync } from 'node:fs';
import { loadCatalog } from '../catalog/bundled-catalog.js';
import { statusOf } from '../github/conditional-requests.js';
import { createGatewayCaches, createIssueGateway } from '../github/issue-gateway.js';
import { decideEvent, issueFacts, type EventName, type IssueEventPayload } from '../github/webhook-event.js';
import { createInlineRunner } from '../queue/triage-runner.js';
import { createRepoCatalogs } from '../triage/repo-catalogs.js';
import { runTriageJob } from '../triage/run-triage-job.js';
import { readActionEnv } from './action-env.js';
import { createActionLog, escapeCommand } from './action-log.js';
import { createActionOctokit } from './action-octokit.js';
import { withCheckout } from './checkout-gateway.js';
import { summarizeJob } from './job-summary.js';

export async function runAction(env: NodeJS.ProcessEnv, write: (line: string) => void): Promise<number> {
  const fail = (message: string): number => {
    write(`::error::${escapeCommand(`crash-triage: ${message}`)}`);
    return 1;
  };
  const settings = readActionEnv(env);
  if ('missing' in settings)
    return fail(`not run as a GitHub Action step: ${settings.missing.join(', ')} not set`);
  const log = createActionLog(write);

  let payload: IssueEventPayload;
  try {
    payload = JSON.parse(readFileSync(settings.eventPath, 'utf8')) as IssueEventPayload;
  } catch (err) {
    return fail(`cannot read the event file ${settings.eventPath}: ${(err as Error).message}`);
  }
  if (settings.eventName !== 'issues' && settings.eventName !== 'issue_comment') {
    log.info({}, `skipped: the ${settings.eventName} event is not handled (use issues and issue_comment)`);
    return 0;
  }
  if (!payload?.issue || !payload.repository) return fail('the event file has no issue or repository');
  const decision = decideEvent(settings.eventName as EventName, payload);
  if ('skip' in decision) {
    log.info({}, `skipped: ${decision.skip}`);
    return 0;
  }
  const facts = issueFacts(payload, decision.trigger);
  const octokit = createActionOctokit({ token: settings.token, apiUrl: settings.apiUrl, log });
  // A new process per run: it knows nothing of earlier comments, so it always looks its comment up.
  const caches = createGatewayCaches({ ownComments: { lookup: 'always' } });
  const api = createIssueGateway({ octokit, repo: facts.repo, number: facts.number, caches, fresh: true });
  const gateway = settings.workspace
    ? withCheckout(api, { workspace: settings.workspace, repo: facts.repo })
    : api;
  const bundled = loadCatalog();
  for (const problem of bundled.problems) log.warn(problem, 'bundled incident file skipped');
  const triage = createInlineRunner(createRepoCatalogs(bundled.incidents));

  try {
    const result = await runTriageJob(facts, { gateway, triage, log });
    const report = summarizeJob(`${facts.repo}#${facts.number}`, result);
    if (settings.summaryPath) appendFileSync(settings.summaryPath, report.summary);
    if (settings.outputPath) {
      appendFileSync(
        settings.outputPath,
        `incident=${report.outputs.incident}\nconfidence=${report.outputs.confidence}\n`,
      );
    }
    return 0;
  } catch (err) {
    return fail(describeFailure(err, settings.apiUrl));
  }
}

/** One line an operator can act on: GitHub's status and message, or the network error. */
function describeFailure(err: unknown, apiUrl: string): string {
  const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  // Octokit reports a request that got no answer at all (refused, reset, DNS) as a 500 without a response.
  const answered = typeof err === 'object' && err !== null && 'response' in err && err.response !== undefined;
  const status = answered ? statusOf(err) : undefined;
  if (status === 401) return `the token was refused (401 ${message}): check the github-token input`;
  if (status === 403)
    return `GitHub refused a request (403 ${message}): the workflow needs "permissions: issues: write, contents: read"`;
  if (status !== undefined && status >= 500)
    return `GitHub's API failed (${status} ${message}); re-run the job later`;
  if (status !== undefined) return `GitHub answered ${status}: ${message}`;
  return `cannot reach GitHub's API at ${apiUrl}: ${message}`;
}
