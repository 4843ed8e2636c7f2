// The command line: `crash-triage <match|eval|lint|backtest|learn|draft|demo|schema> ...`. Each subcommand is its own module.
import { backtestCommand } from './backtest-command.js';
import { draftCommand } from './draft-command.js';
import { evalCommand } from './eval-command.js';
import { processIo, type Io } from './io.js';
import { learnCommand } from './learn-command.js';
import { lintCommand } from './lint-command.js';
import { matchCommand } from './match-command.js';
import { schemaCommand } from './schema-command.js';

const HELP = `crash-triage: match crash reports against a catalog of documented incidents

usage:
  crash-triage match [--repo OWNER/NAME] [--catalog DIR]... [--json] [--explain] [FILE|-]
  crash-triage eval [--json] [--catalog DIR]... DIR
  crash-triage lint [DIR]
  crash-triage backtest OWNER/REPO [--state open|closed|all] [--since DATE] [--limit N] [--groups] [--json]
  crash-triage learn OWNER/REPO [--catalog DIR] [--write]
  crash-triage draft [--id ID] [--catalog DIR]... FILE|-   a new incident file from one report
  crash-triage demo
  crash-triage schema            print the incident file JSON Schema`;

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'match':
      return matchCommand(rest, io);
    case 'eval':
      return evalCommand(rest, io);
    case 'lint':
      return lintCommand(rest, io);
    case 'backtest':
      return backtestCommand(rest, io);
    case 'draft':
      return draftCommand(rest, io);
    case 'learn':
      return learnCommand(rest, io);
    case 'schema':
      return schemaCommand(io);
    case 'demo': {
      const { runDemo } = await import('../demo/run-demo.js');
      return runDemo(rest);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(HELP);
      return command === undefined ? 2 : 0;
    default:
      io.err(`crash-triage: unknown command "${command}"`);
      io.err(HELP);
      return 2;
  }
}
