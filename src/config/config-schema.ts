// The per-repository settings file, `.github/crash-triage.yml`: one Zod schema gives the parser, the
// defaults and the TypeScript type. Every key has a default, so a missing file means "all defaults".
import { z } from 'zod';
import { DEFAULT_MIN_CONFIDENCE } from '../match/scoring.js';

/** Where the file lives, relative to the repository root (Probot's config loader looks in `.github/`). */
export const CONFIG_FILE = '.github/crash-triage.yml';

// Label names are limited to 50 characters by GitHub; a prefix leaves room for the incident's label.
const LABEL = z.string().min(1).max(50);
// A folder inside the repository: relative, no `..`, no leading slash.
const FOLDER = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[\w.\-/]{1,200}$/;

/** Shared catalogs one repository may name (each is up to MAX_REPO_INCIDENT_FILES files). */
export const MAX_INCIDENT_REPOS = 5;
// `owner/repo` or `owner/repo:folder`, the folder as FOLDER allows.
const SHARED_CATALOG = /^[\w.-]{1,100}\/[\w.-]{1,100}(?::(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[\w.\-/]{1,200})?$/;

export const configSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('false turns the app off for this repository.'),
  min_confidence: z
    .number()
    .min(0)
    .max(1)
    .default(DEFAULT_MIN_CONFIDENCE)
    .describe('Confidence (0..1) a match needs before the app comments.'),
  on_edit: z.boolean().default(true).describe('Triage again when an issue body is edited.'),
  label_prefix: z.string().max(30).default('').describe("Put before each incident's labels."),
  extra_labels: z.array(LABEL).max(10).default([]).describe('Added with every matched incident.'),
  mode: z
    .enum(['comment', 'labels-only', 'dry-run'])
    .default('comment')
    .describe('comment: comment and labels; labels-only: labels only; dry-run: log, write nothing.'),
  use_bundled_catalog: z.boolean().default(true).describe("Match against crash-triage's bundled incidents."),
  incident_dir: z
    .string()
    .regex(FOLDER, 'must be a folder path inside the repository, like .github/crash-signatures/')
    .default('.github/crash-signatures/')
    .describe("Folder of the repository's own incident files (default branch)."),
  incident_repos: z
    .array(z.string().regex(SHARED_CATALOG, 'must be owner/repo or owner/repo:folder'))
    .max(MAX_INCIDENT_REPOS)
    .optional()
    .describe(
      "Shared incident catalogs, merged in order before the repository's own files (which override by id): owner/repo reads its .github/crash-signatures/, owner/repo:folder another folder. Default: the organization's .github repository.",
    ),
});

/** The settings after defaults. */
export type RepoConfig = z.infer<typeof configSchema>;

export const DEFAULT_CONFIG: RepoConfig = configSchema.parse({});
