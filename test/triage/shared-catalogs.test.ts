// Shared incident catalogs: which repositories a repository reads (the settings' list, or the
// organization's `.github` by default), the order files are merged in, and overrides by id.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/bundled-catalog.js';
import { readCatalogFiles } from '../../src/triage/read-catalog-files.js';
import { createRepoCatalogs } from '../../src/triage/repo-catalogs.js';
import { sharedCatalogs, type SharedCatalog } from '../../src/triage/shared-catalogs.js';
import type { RepoIncidentFiles } from '../../src/types.js';

const ROCKET = readFileSync(
  new URL('../fixtures/app/incidents/rocket-flameout.yml', import.meta.url),
  'utf8',
);

describe('sharedCatalogs', () => {
  it.each<[string, string, string[] | undefined, SharedCatalog[]]>([
    [
      'default: the organization .github',
      'acme/rocket',
      undefined,
      [{ repo: 'acme/.github', folder: '.github/crash-signatures/', implicit: true }],
    ],
    ['the .github repository itself reads no default', 'acme/.github', undefined, []],
    ['an empty list turns the default off', 'acme/rocket', [], []],
    [
      'listed, in order, with and without a folder',
      'acme/rocket',
      ['acme/shared', 'other/lib:ops/incidents/'],
      [
        { repo: 'acme/shared', folder: '.github/crash-signatures/', implicit: false },
        { repo: 'other/lib', folder: 'ops/incidents/', implicit: false },
      ],
    ],
    [
      'the repository itself is not read twice',
      'acme/rocket',
      ['ACME/rocket', 'acme/shared'],
      [{ repo: 'acme/shared', folder: '.github/crash-signatures/', implicit: false }],
    ],
  ])('%s', (_name, repo, configured, expected) => {
    expect(sharedCatalogs(repo, configured)).toEqual(expected);
  });
});

/** A reader that serves folders by `repo:dir` and records the order they were asked for. */
function fakeReader(folders: Record<string, RepoIncidentFiles>) {
  const asked: string[] = [];
  return {
    asked,
    async readIncidentFiles(dir: string, from?: string): Promise<RepoIncidentFiles> {
      const key = `${from ?? 'acme/rocket'}:${dir}`;
      asked.push(key);
      return (
        folders[key] ?? {
          files: [],
          problems: from ? [{ file: key, field: 'incident_repos', message: 'not found' }] : [],
        }
      );
    },
  };
}

const file = (source: string, text: string, sha = 'a'.repeat(40)) => ({ source, sha, text });

describe('readCatalogFiles and the merge', () => {
  it('reads shared catalogs in order, the own folder last; the organization default may be absent', async () => {
    const reader = fakeReader({});
    const none = await readCatalogFiles(reader, 'acme/rocket', { incident_dir: '.github/crash-signatures/' });
    expect(reader.asked).toEqual([
      'acme/.github:.github/crash-signatures/',
      'acme/rocket:.github/crash-signatures/',
    ]);
    expect(none).toEqual({ files: [], problems: [] });

    const listed = fakeReader({});
    const read = await readCatalogFiles(listed, 'acme/rocket', {
      incident_dir: 'incidents/',
      incident_repos: ['acme/gone'],
    });
    expect(read.problems).toEqual([
      { file: 'acme/gone:.github/crash-signatures/', field: 'incident_repos', message: 'not found' },
    ]);
  });

  it("a later repository overrides an earlier one by id; the repository's own file wins", async () => {
    const shared = ROCKET.replace(/^title: .*$/m, 'title: Shared wording');
    const own = ROCKET.replace(/^title: .*$/m, 'title: Own wording');
    const reader = fakeReader({
      'acme/shared:.github/crash-signatures/': {
        files: [file('acme/shared:x/rocket.yml', shared)],
        problems: [],
      },
      'acme/rocket:.github/crash-signatures/': {
        files: [file('acme/rocket:y/rocket.yml', own, 'b'.repeat(40))],
        problems: [],
      },
    });
    const files = await readCatalogFiles(reader, 'acme/rocket', {
      incident_dir: '.github/crash-signatures/',
      incident_repos: ['acme/shared'],
    });
    const catalogs = createRepoCatalogs(loadCatalog().incidents);
    const { index, problems } = catalogs.catalogFor(false, files);
    expect(problems).toEqual([]);
    expect(index.incidents.map((i) => [i.id, i.title, i.source])).toEqual([
      ['rocket-igniter-flameout', 'Own wording', 'acme/rocket:y/rocket.yml'],
    ]);
    // Without the own file the shared one is used.
    const sharedOnly = catalogs.catalogFor(false, { files: files.files.slice(0, 1), problems: [] });
    expect(sharedOnly.index.incidents[0]!.title).toBe('Shared wording');
  });

  it('a repeated id within one repository is still a problem', () => {
    const catalogs = createRepoCatalogs([]);
    const { problems } = catalogs.catalogFor(false, {
      files: [file('acme/shared:a.yml', ROCKET), file('acme/shared:b.yml', ROCKET, 'c'.repeat(40))],
      problems: [],
    });
    expect(problems).toEqual([expect.objectContaining({ file: 'acme/shared:b.yml', field: 'id' })]);
  });
});
