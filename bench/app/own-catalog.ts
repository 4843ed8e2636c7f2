// A few synthetic incident files for the repository that has its own catalog in the API-cost run.
import { generateIncidentFiles, type IncidentFileText } from '../data/generate-incidents.js';
import { makeWorld } from '../data/vocabulary.js';
import { Rng } from '../lib/prng.js';
import { PRODUCT_COUNT, WORLD_SEED } from '../core/core-types.js';

export function ownCatalogFiles(count: number): IncidentFileText[] {
  return generateIncidentFiles(new Rng(99), makeWorld(new Rng(WORLD_SEED), PRODUCT_COUNT), count);
}
