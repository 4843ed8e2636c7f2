// Bounds on a repository's settings file, checked before the file is parsed (its size) and before it is
// merged or validated (how many values it holds, aliases counted each time they are used): a settings
// file of tens of thousands of keys, or a small one that expands through YAML aliases, is refused as a
// whole with one problem instead of keeping the event loop busy while other repositories wait.

/** Real settings files are a few hundred bytes; this leaves room for comments. */
export const MAX_CONFIG_BYTES = 64 * 1024;
/** Values (keys, list items, scalars) in one settings file, counted through aliases. */
export const MAX_CONFIG_VALUES = 2_000;

/** Raised by the readers when a settings file is over a bound; the message is for the maintainer. */
export class SettingsTooLarge extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsTooLarge';
  }
}

export function tooManyBytes(bytes: number): SettingsTooLarge {
  return new SettingsTooLarge(
    `file is ${Math.ceil(bytes / 1024)} KB, over the ${MAX_CONFIG_BYTES / 1024} KB limit; settings not read (using the defaults)`,
  );
}

/**
 * Counts the values reachable from `value`, stopping as soon as the count passes `limit` (so a YAML alias
 * bomb costs `limit` steps, not its expansion). Shared objects are counted once per use, as a merge or a
 * schema check would visit them.
 */
export function countValues(value: unknown, limit = MAX_CONFIG_VALUES): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= limit) {
    const next = stack.pop();
    count++;
    if (Array.isArray(next)) stack.push(...next.slice(0, limit));
    else if (typeof next === 'object' && next !== null) {
      for (const key in next) {
        count++;
        if (count > limit) break;
        stack.push((next as Record<string, unknown>)[key]);
      }
    }
  }
  return count;
}

/** Throws `SettingsTooLarge` when `raw` (parsed settings) holds more values than the limit. */
export function checkValueCount(raw: unknown): void {
  if (countValues(raw) > MAX_CONFIG_VALUES) {
    throw new SettingsTooLarge(
      `more than ${MAX_CONFIG_VALUES} keys and values (aliases counted where used); settings not read (using the defaults)`,
    );
  }
}
