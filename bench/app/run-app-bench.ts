// Parts 3 and 4: the app end to end (the real Probot app in its own process, GitHub stood in locally,
// signed deliveries over HTTP), then its API cost per kind of event.
import type { AppBenchResult, LoadResult } from './app-types.js';
import { measureApiCost } from './api-cost.js';
import { loadPlan } from './load-plan.js';
import { buildReportPool } from './report-pool.js';
import { runBurst } from './run-burst.js';
import { runLoad } from './run-load.js';
import { sendClosedLoop, sendPaced } from './send-load.js';
import { startApp } from './start-app.js';
import { appTargets } from './app-targets.js';
import { measureThrottleFloor } from './throttle-floor.js';

export type { AppBenchResult } from './app-types.js';

export interface AppPlan {
  quick: boolean;
  log: (line: string) => void;
}

const RATE = 500;

export async function runAppBench({ quick, log }: AppPlan): Promise<AppBenchResult> {
  log('app: generating reports and their expected verdicts...');
  const pool = buildReportPool(quick ? 150 : 600);
  log(
    `app: ${pool.matching.length} matching and ${pool.other.length} other reports; counting API requests per event...`,
  );
  const cost = await measureApiCost(pool);
  const notes = cost.problems.map((p) => `API-cost run: ${p}`);
  const floor = await measureThrottleFloor(quick ? 30 : 100);
  notes.push(
    `Probot's throttling alone: createComment() → request at the stand-in takes median ${floor.on.medianMs.toFixed(1)} ms (p99 ${floor.on.p99Ms.toFixed(1)}) with throttling on, ${floor.off.medianMs.toFixed(1)} ms with it off (idle, warm token, no wait due): the delivery → comment figures include it.`,
  );

  const app = await startApp();
  const loads: LoadResult[] = [];
  let burst = null;
  try {
    const installations = quick ? 200 : 1000;
    const warm = new Set<number>();
    let run = 0;
    const plan = (deliveries: number) =>
      loadPlan({
        pool,
        firstInstallation: 100_000,
        installations,
        deliveries,
        matchingShare: 0.2,
        issueBase: 1000 * run++,
        warm,
        seed: run,
      });
    const connections = 8;
    log(`app: warm-up (JIT), then the first delivery of each of ${installations} installations...`);
    await runLoad({
      mode: 'warm-up',
      app,
      items: loadPlan({
        pool,
        firstInstallation: 1,
        installations: 100,
        deliveries: 400,
        matchingShare: 0.2,
        issueBase: 0,
        warm: new Set(),
        seed: 9,
      }),
      send: (items) => sendClosedLoop(app.url, items, 4),
      connections: 4,
    });
    loads.push(
      await runLoad({
        mode: `cold: 1st delivery per installation, closed loop, ${connections} conn.`,
        app,
        items: plan(installations),
        send: (items) => sendClosedLoop(app.url, items, connections),
        connections,
      }),
    );
    // Deliveries sent at a fixed rate: `count` of them at `rate` per second.
    const paced = async (rate: number, count: number, why = ''): Promise<void> => {
      log(`app: paced at ${rate}/s${why}...`);
      loads.push(
        await runLoad({
          mode: `paced at ${rate}/s`,
          app,
          items: plan(count),
          send: (items) => sendPaced(app.url, items, rate),
          connections: 0,
        }),
      );
    };
    await paced(50, quick ? 250 : 500, ' (the latency floor under light load)');
    log(`app: closed loop, ${connections} connections...`);
    loads.push(
      await runLoad({
        mode: `closed loop, ${connections} connections`,
        app,
        items: plan(quick ? 800 : 4000),
        send: (items) => sendClosedLoop(app.url, items, connections),
        connections,
      }),
    );
    await paced(quick ? 100 : 200, quick ? 500 : 2000);
    await paced(RATE, quick ? 1000 : 5000);
    log('app: burst of matching issues into one installation...');
    burst = await runBurst(app, pool, quick ? 10 : 50, log);
    notes.push(...app.problems.slice(0, 10).map((p) => `app logged (level ${p.level}): ${p.msg}`));
  } finally {
    await app.stop();
  }
  const result: AppBenchResult = { load: loads, burst, apiCost: cost.rows, notes, targets: [] };
  result.targets = appTargets(result, RATE);
  return result;
}
