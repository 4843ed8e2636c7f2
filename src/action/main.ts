// Entry of the bundled Action (action/dist/index.mjs, built from this file). No logic here: see run-action.ts.
import { runAction } from './run-action.js';

process.exitCode = await runAction(process.env, (line) => void process.stdout.write(`${line}\n`));
