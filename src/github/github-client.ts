// The Octokit the gateway needs: REST methods with pagination (`@octokit/rest`'s) and Probot's config
// loader (`_extends`, the organization's `.github` repository). Probot's Octokit has both; the Action
// builds one from the same plugins (see src/action/action-octokit.ts).
import type { Octokit } from '@octokit/rest';
import type { API as ConfigApi } from '@probot/octokit-plugin-config';

export type GitHubClient = Octokit & ConfigApi;
