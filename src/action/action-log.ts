// The job's logger in a workflow run: info lines as plain text, warnings as `::warning::` annotations,
// debug lines as `::debug::` (shown when the run is re-run with debug logging). Metadata follows the
// message as compact JSON. Workflow-command characters in a message are escaped, as the runner asks.
import type { JobLog } from '../triage/ports.js';

export function createActionLog(write: (line: string) => void): JobLog {
  const line = (data: object, message: string): string => {
    const meta = Object.keys(data).length > 0 ? ` ${JSON.stringify(data)}` : '';
    return escapeCommand(`${message}${meta}`);
  };
  return {
    debug: (data, message) => write(`::debug::${line(data, message)}`),
    info: (data, message) => write(line(data, message)),
    warn: (data, message) => write(`::warning::${line(data, message)}`),
  };
}

/** `%`, CR and LF would end or corrupt a workflow command. */
export function escapeCommand(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
