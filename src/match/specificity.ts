// How specific a phrase is, against a background of crash reports at large (background-vocabulary.json,
// built by `npm run build:vocabulary` from reports this project generates and its own non-crash
// fixtures). A signature or frame of one token that many crash reports contain, or a very short one, is
// weighed down: it is evidence, but it cannot carry a verdict alone. Phrases of several tokens are
// specific by their sequence and keep their weight.
import vocabulary from './background-vocabulary.json' with { type: 'json' };

const { docs, df } = vocabulary as { docs: number; df: Record<string, number> };

/** Share of background reports that contain `token` (0 for tokens seen in fewer than 3). */
export function commonness(token: string): number {
  return (df[token] ?? 0) / docs;
}

/** Above this share a one-token phrase is common across crash reports. */
export const COMMON_SHARE = 0.05;
/** One-token phrases this short are everyday identifiers (`run`, `init`, `EIO`). */
const SHORT_TOKEN = 4;

/** The factor a phrase's weight is multiplied by, and why (for lint). */
export function specificity(tokens: readonly string[]): { factor: number; why: string | null } {
  if (tokens.length !== 1) return { factor: 1, why: null };
  const t = tokens[0]!;
  const share = commonness(t);
  if (share >= COMMON_SHARE)
    return { factor: 0.25, why: `"${t}" is in ${Math.round(share * 100)}% of crash reports at large` };
  if (t.length <= SHORT_TOKEN) return { factor: 0.5, why: `"${t}" is a short, everyday identifier` };
  return { factor: 1, why: null };
}
