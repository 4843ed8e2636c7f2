// Reads a fixture text from test/fixtures/signals (test helper, not a test file).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../fixtures/signals/', import.meta.url));

export function readFixture(name: string): string {
  return readFileSync(`${dir}${name}`, 'utf8');
}
