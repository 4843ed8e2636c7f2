// What the GitHub Actions runner tells a JavaScript action, read from the environment: the event (file
// and name), the token input, the API's URL (GHES works), the repository, the checkout and the files
// where the step's summary and outputs go. Pure: takes the environment, returns the settings or what is
// missing.

export interface ActionEnv {
  eventName: string;
  eventPath: string;
  token: string;
  /** `https://api.github.com`, or a GHES `https://host/api/v3`. */
  apiUrl: string;
  /** `owner/name`. */
  repository: string;
  /** The checkout, when the workflow made one (`actions/checkout`). */
  workspace: string | null;
  summaryPath: string | null;
  outputPath: string | null;
}

export function readActionEnv(env: NodeJS.ProcessEnv): ActionEnv | { missing: string[] } {
  // The runner passes `with: github-token:` as INPUT_GITHUB-TOKEN (hyphens kept, upper case).
  const token = env['INPUT_GITHUB-TOKEN'] ?? env.INPUT_GITHUB_TOKEN ?? '';
  const required = {
    GITHUB_EVENT_NAME: env.GITHUB_EVENT_NAME,
    GITHUB_EVENT_PATH: env.GITHUB_EVENT_PATH,
    GITHUB_REPOSITORY: env.GITHUB_REPOSITORY,
    'the github-token input': token,
  };
  const missing = Object.entries(required)
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0) return { missing };
  return {
    eventName: env.GITHUB_EVENT_NAME!,
    eventPath: env.GITHUB_EVENT_PATH!,
    token,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    repository: env.GITHUB_REPOSITORY!,
    workspace: env.GITHUB_WORKSPACE || null,
    summaryPath: env.GITHUB_STEP_SUMMARY || null,
    outputPath: env.GITHUB_OUTPUT || null,
  };
}
