// The CLI from source, for tests that must run it as a separate process (on a terminal of its own).
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
