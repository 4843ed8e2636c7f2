// Which issues have had an `edited` job triaged: an `opened` job after it carries older text (GitHub does
// not promise delivery order), so it is skipped. In memory (bounded), or in Redis where replicas share the
// deliveries. Only an edit that was triaged counts: one skipped by `on_edit: false` must not silence the
// issue's `opened` job.
import { createLru } from '../util/lru.js';

export interface EditRecord {
  markEdited(key: string): Promise<void>;
  wasEdited(key: string): Promise<boolean>;
}

export function createMemoryEditRecord(maxIssues = 10_000): EditRecord {
  const edited = createLru<true>(maxIssues);
  return {
    markEdited: (key) => Promise.resolve(edited.set(key, true)),
    wasEdited: (key) => Promise.resolve(edited.has(key)),
  };
}
