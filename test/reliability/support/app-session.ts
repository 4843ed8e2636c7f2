// The set-up every app-level reliability file shares: the network isolated, a fresh fake GitHub and
// app per test (closed after it), and the file's counts added to the suite's summary at the end.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { FakeGitHub } from './fake-github.js';
import { isolateNetwork, startReliableApp, type ReliableApp } from './reliable-app.js';
import { tally, type Area, type Counts } from './tally.js';

export interface AppSession {
  /** The fake GitHub of the running test (throws before `start`). */
  readonly gh: FakeGitHub;
  /** A fresh fake GitHub, prepared, and the app in front of it. */
  start(): Promise<ReliableApp>;
  /** The app stopped and started again in front of the same fake GitHub (a process restart). */
  restart(): Promise<ReliableApp>;
}

export function appSession(area: Area, counts: Counts, prepare?: (gh: FakeGitHub) => void): AppSession {
  let gh: FakeGitHub | undefined;
  let app: ReliableApp | undefined;
  beforeAll(isolateNetwork);
  afterEach(async () => {
    await app?.close();
    app = undefined;
    gh?.close();
    gh = undefined;
  });
  afterAll(() => tally(area, counts));
  return {
    get gh(): FakeGitHub {
      if (!gh) throw new Error('appSession: start() the app first');
      return gh;
    },
    async start(): Promise<ReliableApp> {
      gh = new FakeGitHub();
      prepare?.(gh);
      app = await startReliableApp();
      return app;
    },
    async restart(): Promise<ReliableApp> {
      await app?.close();
      app = await startReliableApp();
      return app;
    },
  };
}
