// `crash-triage backtest`, without the terminal: reads a repository's issues and settings through the
// backtest's Octokit (with the disk ETag cache), triages every issue with the app's own core, and returns
// the summary. Settings and incident files are read once per run; comments only for issues that have any.
import { loadCatalog } from '../catalog/bundled-catalog.js';
import type { RepoConfig } from '../config/config-schema.js';
import { loadConfig } from '../config/load-config.js';
import { readCatalogFiles } from '../triage/read-catalog-files.js';
import { compileIndex } from '../match/compile-index.js';
import { createRepoCatalogs, type RepoCatalog } from '../triage/repo-catalogs.js';
import type { CatalogProblem } from '../types.js';
import { createBacktestClient } from './backtest-octokit.js';
import { useEtagCache } from './etag-cache.js';
import { groupUnmatched } from './group-unmatched.js';
import { judgeIssue, type IssueResult } from './judge-issue.js';
import {
  createRepositoryReader,
  type IssueQuery,
  type ListedComment,
  type RepositoryReader,
} from './read-repository.js';
import { summarizeBacktest, type BacktestSummary } from './summarize-backtest.js';

export interface BacktestParams {
  repo: string;
  apiUrl: string;
  token?: string;
  query: IssueQuery;
  /** Incident folders to use instead of the repository's own. */
  catalogDirs: string[];
  /** Leave the bundled catalog out, whatever the settings say. */
  noBundled: boolean;
  /** Overrides the settings' `min_confidence`. */
  minConfidence?: number;
  cacheDir: string;
  /** Also group the unmatched crash reports by signature (see group-unmatched.ts). */
  groups?: boolean;
  onProgress?: (phase: string, done: number, total?: number) => void;
}

/** Comments are read this many issues at a time (the throttling plugin keeps the pace GitHub allows). */
const COMMENT_READERS = 8;

export async function runBacktest(p: BacktestParams): Promise<BacktestSummary> {
  const started = Date.now();
  const { octokit, counts } = createBacktestClient({
    apiUrl: p.apiUrl,
    ...(p.token ? { token: p.token } : {}),
  });
  useEtagCache(octokit, p.cacheDir);
  const reader = createRepositoryReader(octokit, p.repo);
  const repo = await reader.checkRepository();

  // 1. settings and catalog, once
  const { config, problems } = loadConfig(await reader.readConfig());
  const useBundled = config.use_bundled_catalog && !p.noBundled;
  const catalog = await catalogFor(reader, p, useBundled, { repo, config });
  const minConfidence = p.minConfidence ?? config.min_confidence;

  // 2. issues, then the comments of those that have some
  const { issues, skippedPullRequests } = await reader.listIssues(p.query, (n) =>
    p.onProgress?.('issues', n),
  );
  const commented = issues.filter((i) => i.comments > 0);
  const comments = new Map<number, ListedComment[]>();
  let next = 0;
  const readComments = async (): Promise<void> => {
    while (next < commented.length) {
      const issue = commented[next++]!;
      comments.set(issue.number, await reader.listComments(issue.number));
      p.onProgress?.('comments', comments.size, commented.length);
    }
  };
  await Promise.all(Array.from({ length: COMMENT_READERS }, readComments));

  // 3. the same triage the app runs, per issue
  const settings = {
    repo,
    index: catalog.index,
    minConfidence,
    render: { labelPrefix: config.label_prefix, extraLabels: config.extra_labels },
  };
  const results: IssueResult[] = issues.map((issue) =>
    judgeIssue(issue, comments.get(issue.number) ?? [], settings),
  );

  const summary = summarizeBacktest({
    repo,
    results,
    skippedPullRequests,
    settings: {
      min_confidence: minConfidence,
      use_bundled_catalog: useBundled,
      incidents: new Set(catalog.index.incidents.map((i) => i.id)).size,
      problems: [...problems, ...catalog.problems].map(formatProblem),
    },
    requests: counts,
    cacheDir: p.cacheDir,
    seconds: (Date.now() - started) / 1000,
  });
  if (!p.groups) return summary;
  const unmatched = issues.filter((_, k) => results[k]!.verdict === null);
  return {
    ...summary,
    groups: groupUnmatched(
      unmatched.map((i) => ({ number: i.number, url: i.url, input: { title: i.title, body: i.body, repo } })),
    ),
  };
}

/** The repository's incident files (and shared catalogs) as the app reads them, or the `--catalog` folders instead. */
async function catalogFor(
  reader: RepositoryReader,
  p: BacktestParams,
  useBundled: boolean,
  { repo, config }: { repo: string; config: RepoConfig },
): Promise<RepoCatalog> {
  if (p.catalogDirs.length > 0) {
    const loaded = loadCatalog(p.catalogDirs, { bundled: useBundled });
    return { index: compileIndex(loaded.incidents), problems: loaded.problems };
  }
  return createRepoCatalogs(loadCatalog().incidents).catalogFor(
    useBundled,
    await readCatalogFiles(reader, repo, config),
  );
}

function formatProblem(p: CatalogProblem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}
