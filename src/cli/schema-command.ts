// `crash-triage schema`: the incident file JSON Schema, generated from the Zod schema the loader uses.
import { incidentJsonSchema } from '../catalog/incident-schema.js';
import type { Io } from './io.js';

export function schemaCommand(io: Io): number {
  io.out(JSON.stringify(incidentJsonSchema(), null, 2));
  return 0;
}
