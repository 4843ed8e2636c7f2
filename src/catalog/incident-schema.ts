// The incident file schema: one Zod schema gives the runtime validator, the TypeScript shape of a file,
// and the published JSON Schema (signatures/incident.schema.json, checked by a test to stay in sync).
import { z } from 'zod';

/** Default weight of each kind of phrase; a file may set its own per phrase. */
export const DEFAULT_WEIGHTS = { signature: 4, frame: 2, keyword: 1 } as const;

// Ids are used in labels, slash commands (`/triage as <id>`) and file names: keep them plain.
const ID = /^[a-z0-9][a-z0-9-]{1,79}$/;
// Phrases are matched on tokens; a phrase must have at least one letter or digit to match anything.
const HAS_TOKEN = /[\p{L}\p{N}]/u;

const phrase = z
  .string()
  .min(1)
  .max(300)
  .refine((s) => HAS_TOKEN.test(s), 'must contain a letter or digit');

const weightedPhrase = z.union([
  phrase,
  z.strictObject({
    phrase,
    weight: z.number().min(0.1).max(20).optional(),
  }),
]);

const phraseGroup = z.strictObject({
  name: z.string().min(1).max(120).describe('Shown in the evidence: what this group stands for.'),
  any: z.array(phrase).min(1).max(200).describe('Phrases; the group is present when any of them is.'),
  repos: z
    .array(z.string().regex(/^[\w.-]+\/(?:[\w.-]+|\*)$/, 'must be owner/name or owner/*'))
    .max(50)
    .optional()
    .describe(
      'Require groups only: a report filed in one of these repositories (owner/* for all of an owner) shows the group without saying it.',
    ),
});

const excludeGroup = phraseGroup.extend({
  absolute: z
    .boolean()
    .optional()
    .describe(
      "Rules a report out however strong the incident's own signatures are (default: they may outweigh the group).",
    ),
});

const example = z.strictObject({
  title: z.string().max(500),
  body: z.string().max(64 * 1024),
  repo: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/name')
    .optional(),
  note: z.string().max(1000).optional(),
});

const version = z
  .string()
  .regex(/^\d+(\.\d+){0,3}([-+.]?[0-9A-Za-z.]+)?$/, 'must be a version like 15.2 or 3.13.1');

export const incidentFileSchema = z
  .strictObject({
    id: z.string().regex(ID, 'must be lower-case letters, digits and dashes (2-80 chars)'),
    title: z.string().min(1).max(200),
    summary: z.string().min(1).max(2000),
    labels: z.array(z.string().min(1).max(50)).max(10).default([]),
    cause: z.string().min(1).max(5000),
    workarounds: z
      .array(
        z.strictObject({
          title: z.string().min(1).max(200),
          text: z.string().max(3000).optional(),
          code: z.string().max(3000).optional(),
          lang: z
            .string()
            .regex(/^[\w+-]{1,20}$/)
            .optional(),
        }),
      )
      .max(20)
      .default([]),
    fixed_in: z
      .array(
        z.strictObject({ product: z.string().min(1).max(60), version, note: z.string().max(500).optional() }),
      )
      .max(20)
      .default([]),
    affects: z
      .array(
        z.strictObject({
          product: z.string().min(1).max(60),
          range: z
            .string()
            .regex(
              /^\s*(?:(?:<=|>=|<|>|=)?\s*\d+(?:\.\d+){0,3})(?:\s+(?:<=|>=|<|>|=)?\s*\d+(?:\.\d+){0,3})*\s*$/,
              'must be comparators like "<15.2" or ">=3.13.0 <3.13.1"',
            ),
          note: z.string().max(500).optional(),
        }),
      )
      .max(20)
      .default([]),
    references: z
      .array(z.strictObject({ title: z.string().min(1).max(200), url: z.url({ protocol: /^https?$/ }) }))
      .max(30)
      .default([]),
    match: z.strictObject({
      signatures: z.array(weightedPhrase).max(200).default([]),
      frames: z.array(weightedPhrase).max(200).default([]),
      keywords: z.array(weightedPhrase).max(300).default([]),
      require: z.array(phraseGroup).max(10).default([]),
      exclude: z.array(excludeGroup).max(20).default([]),
      variants: z
        .array(
          z.strictObject({
            name: z.string().min(1).max(120).describe('Shown in the evidence: how the incident showed.'),
            require: z.array(phraseGroup).max(10).default([]),
            signatures: z.array(weightedPhrase).max(100).default([]),
            frames: z.array(weightedPhrase).max(100).default([]),
            keywords: z.array(weightedPhrase).max(100).default([]),
          }),
        )
        .max(10)
        .default([])
        .describe(
          'Ways the incident shows, each scored on its own with the match above plus its own require groups and phrases; the best one wins.',
        ),
      repos: z
        .array(z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/name'))
        .max(50)
        .default([]),
    }),
    examples: z.array(example).max(50).default([]),
    counter_examples: z.array(example).max(50).default([]),
  })
  .refine((f) => f.match.signatures.length + f.match.frames.length + f.match.keywords.length > 0, {
    message: 'needs at least one signature, frame or keyword to match on',
    path: ['match'],
  });

/** An incident file as written (snake_case keys, defaults applied). */
export type IncidentFile = z.infer<typeof incidentFileSchema>;

/** The JSON Schema of an incident file, generated from the Zod schema above. */
export function incidentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(incidentFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
