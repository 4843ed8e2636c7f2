// The bundled catalog: every file loads, and every incident's examples match it while its
// counter-examples do not (run through the same triage the app runs).
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/bundled-catalog.js';
import { compileIndex } from '../../src/match/compile-index.js';
import { triageIssue } from '../../src/triage/triage-issue.js';

const catalog = loadCatalog();
const index = compileIndex(catalog.incidents);

const examples = catalog.incidents.flatMap((incident) =>
  incident.examples.map((ex, i) => ({
    id: incident.id,
    name: `${incident.id} examples.${i}: ${ex.title}`,
    ex,
  })),
);
const counterExamples = catalog.incidents.flatMap((incident) =>
  incident.counterExamples.map((ex, i) => ({
    id: incident.id,
    name: `${incident.id} counter_examples.${i}: ${ex.title}`,
    ex,
  })),
);

describe('bundled catalog', () => {
  it('loads every file without problems', () => {
    expect(catalog.problems).toEqual([]);
    expect(catalog.incidents.length).toBeGreaterThanOrEqual(5);
  });

  it.each(catalog.incidents.map((i) => [i.id, i]))(
    '%s has examples and counter-examples',
    (_id, incident) => {
      expect(incident.examples.length).toBeGreaterThanOrEqual(3);
      expect(incident.counterExamples.length).toBeGreaterThanOrEqual(3);
    },
  );

  it.each(examples.map((e) => [e.name, e]))('matches %s', (_name, { id, ex }) => {
    const { verdict } = triageIssue({ input: ex, index });
    expect(verdict.incidentId, verdict.reason).toBe(id);
  });

  it.each(counterExamples.map((e) => [e.name, e]))('does not match %s', (_name, { id, ex }) => {
    const { verdict } = triageIssue({ input: ex, index });
    expect(verdict.incidentId).not.toBe(id);
  });
});
