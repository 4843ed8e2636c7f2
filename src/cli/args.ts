// Argument parsing for the subcommands, on node:util parseArgs, with errors as values.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type Parsed = {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
};

export function parse(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
): Parsed | { error: string } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

export function strings(v: string | boolean | string[] | undefined): string[] {
  if (v === undefined || typeof v === 'boolean') return [];
  return Array.isArray(v) ? v : [v];
}
