// Bundles the GitHub Action into one committed file, action/dist/index.mjs (action.yml's `runs.main`):
// the runner executes it as it is, with no `npm install`. `--check` builds in memory and fails when the
// committed file differs, so CI catches a bundle older than the sources.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}action/dist/index.mjs`;
const check = process.argv.includes('--check');

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/action/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  // GitHub runs actions on Node 24; these machines and older self-hosted runners have Node 20.
  target: 'node20',
  format: 'esm',
  // CommonJS dependencies (natural, js-yaml's helpers) call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  legalComments: 'eof',
  write: !check,
  logLevel: 'warning',
});

if (check) {
  const built = result.outputFiles[0].text;
  let committed = '';
  try {
    committed = readFileSync(outfile, 'utf8');
  } catch {
    // missing: stale
  }
  if (built !== committed) {
    process.stderr.write(
      'action/dist/index.mjs is out of date with src/: run `npm run build:action` and commit it\n',
    );
    process.exit(1);
  }
  process.stdout.write('action/dist/index.mjs is up to date\n');
}
