// The set-up every app-level reliability file shares: a fresh GitHub stand-in and app per test (closed
// after it), and the file's counts added to the suite's summary at the end.
import { afterAll, afterEach } from 'vitest';
import type { GitHubStandIn } from '../../../src/demo/github-stand-in.js';
import { startReliableApp, type ReliableApp } from './reliable-app.js';
import { closeTestGitHub, startTestGitHub } from './stand-in-checks.js';
import { tally, type Area, type Counts } from './tally.js';

export interface AppSession {
  /** The GitHub stand-in of the running test (throws before `start`). */
  readonly gh: GitHubStandIn;
  /** A fresh stand-in, prepared, and the app in front of it. */
  start(): Promise<ReliableApp>;
  /** The app stopped and started again in front of the same stand-in (a process restart). */
  restart(): Promise<ReliableApp>;
}

export function appSession(area: Area, counts: Counts, prepare?: (gh: GitHubStandIn) => void): AppSession {
  let gh: GitHubStandIn | undefined;
  let app: ReliableApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
    if (gh) await closeTestGitHub(gh);
    gh = undefined;
  });
  afterAll(() => tally(area, counts));
  return {
    get gh(): GitHubStandIn {
      if (!gh) throw new Error('appSession: start() the app first');
      return gh;
    },
    async start(): Promise<ReliableApp> {
      gh = await startTestGitHub();
      prepare?.(gh);
      app = await startReliableApp(gh.url);
      return app;
    },
    async restart(): Promise<ReliableApp> {
      await app?.close();
      app = await startReliableApp(this.gh.url);
      return app;
    },
  };
}
