// `crash-triage learn`, without the terminal: reads the app's verdicts across a repository (the
// backtest's Octokit and disk ETag cache), proposes examples and counter-examples per incident file
// (propose-examples.ts), says whether today's matcher agrees with each, and with `write` adds them to
// the local files and lints the folder again (schema, then every example through the matcher).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createBacktestClient } from '../backtest/backtest-octokit.js';
import { useEtagCache } from '../backtest/etag-cache.js';
import { loadCatalog } from '../catalog/bundled-catalog.js';
import { loadCatalogDir } from '../catalog/load-catalog.js';
import { compileIndex } from '../match/compile-index.js';
import type { CommentState } from '../render/comment-marker.js';
import { checkExamples } from '../triage/check-examples.js';
import { triageIssue } from '../triage/triage-issue.js';
import type { CatalogProblem, Incident } from '../types.js';
import { addExamplesToFile } from './add-examples-to-file.js';
import { proposeExamples, type Contradiction, type Proposal } from './propose-examples.js';
import { readAppVerdicts } from './read-app-verdicts.js';

export interface LearnParams {
  repo: string;
  apiUrl: string;
  token?: string;
  /** The folder of incident files to propose for (and write to); none: proposals only. */
  catalogDir?: string;
  write: boolean;
  cacheDir: string;
  onProgress?: (phase: string, done: number, total?: number) => void;
}

export interface LearnedProposal extends Proposal {
  /** The incident file it belongs in, or null when the incident is not in `catalogDir`. */
  file: string | null;
  /** What today's matcher says about the report: the incident it names, or null. */
  matcherSays: string | null;
}

export interface LearnSummary {
  repo: string;
  /** Issues with the app's comment, by the state its marker records. */
  states: Record<CommentState, number>;
  ruledOut: number;
  proposals: LearnedProposal[];
  contradictions: Contradiction[];
  alreadyKnown: number;
  /** With `write`: files changed, and the lint of the folder afterwards. */
  written: { file: string; added: number }[];
  lint: CatalogProblem[];
}

/** Thrown for a `catalogDir` that is not a folder (the CLI says so in one line). */
export class CatalogDirError extends Error {}

export async function runLearn(p: LearnParams): Promise<LearnSummary> {
  const dir = p.catalogDir === undefined ? undefined : resolve(p.catalogDir);
  if (dir !== undefined && !(existsSync(dir) && statSync(dir).isDirectory()))
    throw new CatalogDirError(`${p.catalogDir} is not a folder`);
  const { octokit } = createBacktestClient({ apiUrl: p.apiUrl, ...(p.token ? { token: p.token } : {}) });
  useEtagCache(octokit, p.cacheDir);
  const [owner = '', name = ''] = p.repo.split('/');
  // First and without retries, so a wrong name or a refused token is said at once.
  const repo = (await octokit.rest.repos.get({ owner, repo: name, request: { retries: 0 } })).data.full_name;
  const verdicts = await readAppVerdicts({
    octokit,
    repo,
    ...(p.onProgress ? { onProgress: p.onProgress } : {}),
  });

  const local = dir ? loadCatalogDir(dir) : { incidents: [], problems: [] };
  const all = loadCatalog(dir ? [dir] : []);
  const fileOf = new Map<string, string>(local.incidents.map((i: Incident) => [i.id, i.source]));
  const plan = proposeExamples(verdicts, all.incidents);
  const index = compileIndex(all.incidents);
  const proposals: LearnedProposal[] = plan.proposals.map((x) => ({
    ...x,
    file: fileOf.get(x.incidentId) ?? null,
    matcherSays: triageIssue({ input: { ...x.example, repo }, index }).verdict.incidentId,
  }));

  const states: Record<CommentState, number> = { matched: 0, chosen: 0, dismissed: 0, 'no-match': 0 };
  for (const v of verdicts) states[v.marker.state] += 1;
  const summary: LearnSummary = {
    repo,
    states,
    ruledOut: verdicts.filter((v) => (v.marker.not ?? []).length > 0).length,
    proposals,
    contradictions: plan.contradictions,
    alreadyKnown: plan.alreadyKnown,
    written: [],
    lint: [],
  };
  if (!p.write || !dir) return summary;

  // Write, file by file, then lint the folder as `crash-triage lint` does.
  const byFile = new Map<string, LearnedProposal[]>();
  for (const x of proposals) if (x.file) byFile.set(x.file, [...(byFile.get(x.file) ?? []), x]);
  for (const [file, list] of byFile) {
    const pick = (kind: Proposal['kind']) => list.filter((x) => x.kind === kind).map((x) => x.example);
    const result = addExamplesToFile(readFileSync(file, 'utf8'), {
      examples: pick('example'),
      counter_examples: pick('counter_example'),
    });
    if ('error' in result) {
      summary.lint.push({ file, field: '(file)', message: `not changed: ${result.error}` });
      continue;
    }
    writeFileSync(file, result.text);
    summary.written.push({ file, added: list.length });
  }
  const after = loadCatalogDir(dir);
  const merged = loadCatalog([dir]);
  summary.lint.push(...after.problems, ...checkExamples(after.incidents, compileIndex(merged.incidents)));
  return summary;
}
