// `npm start`: checks the environment (a bad private key or a missing webhook secret stop the start, with
// the reason), starts the server, and shuts it down gracefully on SIGTERM or SIGINT. No logic here: see
// start-server.ts and webhook-server.ts.
import { readServerEnv } from './read-server-env.js';
import { startServer } from './start-server.js';

const read = readServerEnv(process.env);
if ('errors' in read) {
  for (const error of read.errors) process.stderr.write(`crash-triage: cannot start: ${error}\n`);
  process.exit(1);
}
const running = await startServer(read.env);
let signals = 0;
const stop = (signal: string): void => {
  signals += 1;
  // A second signal while shutting down: the operator wants out now.
  if (signals > 1) process.exit(1);
  process.stderr.write(
    `crash-triage: ${signal}: finishing running jobs (up to ${read.env.shutdownSeconds} s)\n`,
  );
  void running.close().then(
    (unfinished) => process.exit(unfinished.length > 0 ? 1 : 0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
